// The Assistant's console API (src/server/routes/assistant.ts) as the console uses it.
import { api } from './client';

export type AnswerMode = 'extractive' | 'generative';

export interface AssistantSettings {
  lang: 'en' | 'fr';
  brandName?: string;
  allowedOrigins: string[];
  retentionDays: number;
  threshold?: number;
  /** Absent in a create request: the server defaults to extractive. */
  mode?: AnswerMode;
  brandVoice?: string;
}

export interface Assistant {
  id: string;
  name: string;
  settings: AssistantSettings;
  createdAt: string;
  updatedAt: string;
}

export interface KbArticle {
  id: string;
  slug: string;
  title: string;
  lang: string;
  status: 'active' | 'flagged' | 'blocked';
  findings: Array<{ rule: string; severity: string; action: string; field: string }>;
  updatedAt: string;
}

export interface ConversationSummary {
  id: string;
  status: 'open' | 'handoff' | 'closed';
  lang: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationMessage {
  id: string;
  seq: number;
  role: 'customer' | 'assistant' | 'agent';
  text: string;
  createdAt: string;
}

export type FallbackReason = 'unsupported' | 'output-policy' | 'provider-error' | 'provider-missing' | 'busy';

export interface AssistantAnalytics {
  deflection: { rate: number; deflected: number; total: number };
  feedback: { helpful: number; notHelpful: number; ratio: number };
  generation: { generative: number; fallbacks: Record<FallbackReason, number> };
  mostCited: Array<{ articleId: string; title: string; citations: number }>;
  unanswered: Array<{ lang: string; label: string[]; count: number; examples: string[] }>;
}

const BASE = '/api/v1/assistants';

export const fetchAssistants = () => api.get<{ assistants: Assistant[] }>(BASE);
export const createAssistant = (input: { name: string; settings: AssistantSettings }) =>
  api.post<{ assistant: Assistant }>(BASE, input);
export const updateAssistant = (id: string, input: { name: string; settings: AssistantSettings }) =>
  api.put<{ assistant: Assistant }>(`${BASE}/${id}`, input);
export const fetchArticles = (id: string) => api.get<{ articles: KbArticle[] }>(`${BASE}/${id}/articles`);
export const importArticle = (id: string, markdown: string) =>
  api.post<{ article: KbArticle }>(`${BASE}/${id}/articles`, { markdown });
export const deleteArticle = (id: string, articleId: string) =>
  api.delete<void>(`${BASE}/${id}/articles/${articleId}`);
export const fetchConversations = (id: string, status: ConversationSummary['status']) =>
  api.get<{ conversations: ConversationSummary[] }>(`${BASE}/${id}/conversations?status=${status}`);
export const fetchMessages = (id: string, cid: string) =>
  api.get<{ messages: ConversationMessage[] }>(`${BASE}/${id}/conversations/${cid}/messages`);
export const replyToConversation = (id: string, cid: string, text: string) =>
  api.post<{ message: ConversationMessage }>(`${BASE}/${id}/conversations/${cid}/reply`, { text });
export const closeConversation = (id: string, cid: string) =>
  api.post<void>(`${BASE}/${id}/conversations/${cid}/close`);
export const fetchAnalytics = (id: string) => api.get<AssistantAnalytics>(`${BASE}/${id}/analytics`);
