import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { digest } from '../../core/access/secrets.js';
import { type Executor, nowIso } from '../../core/db/index.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { summariseConversations, turnRecord } from '../analytics/analytics.js';
import { answer } from '../answer/answer.js';
import { answerProviderFrom, type ChatModel } from '../answer/chat-model.js';
import { disclosure } from '../answer/messages.js';
import type { AnswerProvider, ConversationRecord, ConversationState, Lang, TurnRecord } from '../types.js';
import { type AssistantView, getAssistant, knowledgeBaseFor } from './assistants.js';

/** Conversation texts are sealed: what a customer types never sits in the database in clear. */
const stateField = (row: string) => ({ table: 'conversations', column: 'state', row });
const textField = (row: string) => ({ table: 'conversation_messages', column: 'text', row });

export type ConversationStatus = 'open' | 'handoff' | 'closed';

export interface MessageView {
  id: string;
  seq: number;
  role: 'customer' | 'assistant' | 'agent';
  text: string;
  meta: Record<string, unknown>;
  createdAt: string;
}

export const messageInputSchema = z.object({ text: z.string().max(20_000) });

async function appendMessage(
  vigie: Vigie,
  tx: Executor,
  conversationId: string,
  role: MessageView['role'],
  text: string,
  meta: Record<string, unknown>,
): Promise<MessageView> {
  const last = await tx
    .selectFrom('conversation_messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  const id = randomUUID();
  const row = {
    id,
    conversation_id: conversationId,
    seq: Number(last?.seq ?? 0) + 1,
    role,
    text_enc: vigie.keyring.seal(text, textField(id)),
    meta: JSON.stringify(meta),
    created_at: nowIso(),
  };
  await tx.insertInto('conversation_messages').values(row).execute();
  return { id, seq: row.seq, role, text, meta, createdAt: row.created_at };
}

/** Starts a conversation for a visitor; the returned token is its only key (kept hashed). */
export async function startConversation(
  vigie: Vigie,
  assistantId: string,
  lang?: Lang,
): Promise<{ id: string; token: string; greeting: MessageView }> {
  const assistant = await getAssistant(vigie, assistantId);
  const language = lang ?? assistant.settings.lang;
  const id = randomUUID();
  const token = randomBytes(24).toString('base64url');
  const state: ConversationState = { disclosed: true, lang: language };
  const now = new Date();
  const greeting = await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('conversations')
      .values({
        id,
        assistant_id: assistantId,
        token_hash: digest(token),
        state_enc: vigie.keyring.seal(JSON.stringify(state), stateField(id)),
        status: 'open',
        lang: language,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        expires_at: new Date(now.getTime() + assistant.settings.retentionDays * 86_400_000).toISOString(),
      })
      .execute();
    // EU AI Act Art. 50(1): the customer learns at once that an AI answers.
    return appendMessage(vigie, tx, id, 'assistant', disclosure[language], { disclosure: true });
  });
  return { id, token, greeting };
}

async function conversationFor(vigie: Vigie, assistantId: string, id: string, token: string) {
  const row = await vigie.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', id)
    .where('assistant_id', '=', assistantId)
    .executeTakeFirst();
  // One answer for a wrong id and a wrong token: conversation ids are not secrets, tokens are.
  if (!row || row.token_hash !== digest(token) || row.expires_at <= nowIso()) throw notFound('conversation');
  return row;
}

export interface CustomerMessageOptions {
  /**
   * The workspace's chat model (Studio's provider), asked only in generative mode. It may throw when
   * none is configured: the turn is then answered extractively and analytics say why.
   */
  model?: () => Promise<ChatModel>;
  /**
   * Takes one of the assistant's slots for a model call, or gives undefined when all are taken: the
   * turn is then answered extractively (`busy`), so a flood of visitors cannot multiply model calls.
   * The returned function gives the slot back.
   */
  modelSlot?: () => (() => void) | undefined;
}

async function providerFor(
  assistant: AssistantView,
  options: CustomerMessageOptions,
): Promise<AnswerProvider | undefined> {
  if (assistant.settings.mode !== 'generative' || !options.model) return undefined;
  try {
    return answerProviderFrom(await options.model());
  } catch {
    return undefined; // Not configured (or its key cannot be opened): `provider-missing`.
  }
}

/**
 * A customer's message: answered from the approved articles (extractive, or generative through the
 * workspace's model with the extractive answer as fall-back), unless a human has taken the
 * conversation over, in which case it waits in the handoff queue.
 */
export async function postCustomerMessage(
  vigie: Vigie,
  assistantId: string,
  conversationId: string,
  token: string,
  text: string,
  options: CustomerMessageOptions = {},
): Promise<{ reply: MessageView | null; handoff: boolean; status: ConversationStatus }> {
  const conv = await conversationFor(vigie, assistantId, conversationId, token);
  if (conv.status === 'closed') throw new AppError('CONFLICT', 'this conversation is closed');
  const state = JSON.parse(
    await vigie.keyring.open(conv.state_enc, stateField(conv.id)),
  ) as ConversationState;
  if (conv.status === 'handoff') {
    await vigie.db.transaction().execute((tx) => appendMessage(vigie, tx, conv.id, 'customer', text, {}));
    return { reply: null, handoff: true, status: 'handoff' };
  }
  const assistant = await getAssistant(vigie, assistantId);
  const kb = await knowledgeBaseFor(vigie, assistantId);
  const { settings } = assistant;
  const provider = await providerFor(assistant, options);
  const release = provider && options.modelSlot ? options.modelSlot() : undefined;
  const busy = Boolean(provider && options.modelSlot && !release);
  const result = await answer(text, {
    kb,
    conversation: state,
    lang: (conv.lang as Lang | null) ?? undefined,
    mode: settings.mode,
    ...(provider && !busy ? { provider } : {}),
    ...(busy ? { busy } : {}),
    ...(settings.brandName ? { brandName: settings.brandName } : {}),
    ...(settings.brandVoice ? { brandVoice: settings.brandVoice } : {}),
    ...(settings.threshold !== undefined ? { threshold: settings.threshold } : {}),
  }).finally(() => release?.());
  const status: ConversationStatus = result.handoff ? 'handoff' : 'open';
  const turn = turnRecord(result);
  const reply = await vigie.db.transaction().execute(async (tx) => {
    await appendMessage(vigie, tx, conv.id, 'customer', text, {});
    const r = await appendMessage(vigie, tx, conv.id, 'assistant', result.text, {
      turn,
      citations: result.citations,
      confidence: result.confidence,
      handoff: result.handoff,
      ...(result.refused ? { refused: result.refused } : {}),
    });
    // A withheld model draft (leaked canary or instructions, someone else's data) is a security event.
    if (result.fallback === 'output-policy') {
      await vigie.ledger.append(tx, [
        {
          actor: 'anonymous',
          action: 'assistant.generative.withheld',
          target: `conversation:${conv.id}`,
          details: {
            rules: [...new Set(result.findings.filter((f) => f.stage === 'draft').map((f) => f.rule))],
          },
        },
      ]);
    }
    await tx
      .updateTable('conversations')
      .set({
        state_enc: vigie.keyring.seal(JSON.stringify(result.conversation), stateField(conv.id)),
        status,
        lang: result.lang,
        updated_at: nowIso(),
      })
      .where('id', '=', conv.id)
      .execute();
    if (result.refused || result.handoff) {
      await vigie.ledger.append(tx, [
        {
          actor: 'anonymous',
          action: result.refused ? 'assistant.refuse' : 'assistant.handoff',
          target: `conversation:${conv.id}`,
          details: {
            reason: result.refused ?? 'low-confidence',
            rules: [...new Set(result.findings.map((f) => f.rule))],
          },
        },
      ]);
    }
    return r;
  });
  return { reply, handoff: result.handoff, status };
}

/** The customer asks for a person. */
export async function requestHandoff(
  vigie: Vigie,
  assistantId: string,
  conversationId: string,
  token: string,
): Promise<void> {
  const conv = await conversationFor(vigie, assistantId, conversationId, token);
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('conversations')
      .set({ status: 'handoff', updated_at: nowIso() })
      .where('id', '=', conv.id)
      .execute();
    await vigie.ledger.append(tx, [
      {
        actor: 'anonymous',
        action: 'assistant.handoff',
        target: `conversation:${conv.id}`,
        details: { reason: 'requested' },
      },
    ]);
  });
}

async function messagesOf(vigie: Vigie, conversationId: string, afterSeq = 0): Promise<MessageView[]> {
  const rows = await vigie.db
    .selectFrom('conversation_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(500)
    .execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      seq: Number(r.seq),
      role: r.role as MessageView['role'],
      text: await vigie.keyring.open(r.text_enc, textField(r.id)),
      meta: JSON.parse(r.meta),
      createdAt: r.created_at,
    })),
  );
}

/** What the widget polls for: messages after a sequence number (agent replies arrive this way). */
export async function visitorMessages(
  vigie: Vigie,
  assistantId: string,
  conversationId: string,
  token: string,
  afterSeq: number,
) {
  const conv = await conversationFor(vigie, assistantId, conversationId, token);
  return { status: conv.status as ConversationStatus, messages: await messagesOf(vigie, conv.id, afterSeq) };
}

export async function feedback(
  vigie: Vigie,
  assistantId: string,
  conversationId: string,
  token: string,
  messageId: string,
  helpful: boolean,
): Promise<void> {
  const conv = await conversationFor(vigie, assistantId, conversationId, token);
  const msg = await vigie.db
    .selectFrom('conversation_messages')
    .select(['id', 'meta'])
    .where('id', '=', messageId)
    .where('conversation_id', '=', conv.id)
    .where('role', '=', 'assistant')
    .executeTakeFirst();
  if (!msg) throw notFound('message');
  const meta = JSON.parse(msg.meta) as { turn?: TurnRecord };
  if (meta.turn) meta.turn.feedback = helpful ? 'helpful' : 'not-helpful';
  await vigie.db
    .updateTable('conversation_messages')
    .set({ meta: JSON.stringify({ ...meta, feedback: helpful }) })
    .where('id', '=', msg.id)
    .execute();
}

export interface ConversationSummaryView {
  id: string;
  status: ConversationStatus;
  lang: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The handoff queue and history, for agents in the console. */
export async function listConversations(
  vigie: Vigie,
  assistantId: string,
  status?: ConversationStatus,
): Promise<ConversationSummaryView[]> {
  let q = vigie.db
    .selectFrom('conversations')
    .select(['id', 'status', 'lang', 'created_at', 'updated_at'])
    .where('assistant_id', '=', assistantId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('updated_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ConversationStatus,
    lang: r.lang,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function conversationMessages(
  vigie: Vigie,
  actor: Principal | undefined,
  assistantId: string,
  id: string,
): Promise<MessageView[]> {
  const row = await vigie.db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', id)
    .where('assistant_id', '=', assistantId)
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  // Reading a customer's conversation is recorded: it holds what they typed.
  await vigie.ledger.record({
    actor: actorOf(actor),
    action: 'assistant.conversation.read',
    target: `conversation:${id}`,
  });
  return messagesOf(vigie, id);
}

/** An agent answers in the same conversation; closing ends it. */
export async function agentReply(
  vigie: Vigie,
  actor: Principal | undefined,
  assistantId: string,
  id: string,
  text: string,
): Promise<MessageView> {
  const data = messageInputSchema.parse({ text });
  if (!data.text.trim()) throw new AppError('VALIDATION', 'the reply is empty');
  const row = await vigie.db
    .selectFrom('conversations')
    .select(['id', 'status'])
    .where('id', '=', id)
    .where('assistant_id', '=', assistantId)
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  if (row.status === 'closed') throw new AppError('CONFLICT', 'this conversation is closed');
  return vigie.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('conversations')
      .set({ status: 'handoff', updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    const m = await appendMessage(vigie, tx, id, 'agent', data.text, { agent: actorOf(actor) });
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'assistant.agent.reply', target: `conversation:${id}` },
    ]);
    return m;
  });
}

export async function closeConversation(
  vigie: Vigie,
  actor: Principal | undefined,
  assistantId: string,
  id: string,
): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('conversations')
      .set({ status: 'closed', updated_at: nowIso() })
      .where('id', '=', id)
      .where('assistant_id', '=', assistantId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('conversation');
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'assistant.conversation.close', target: `conversation:${id}` },
    ]);
  });
}

/** Deflection, unanswered topics, most-cited articles and feedback, from stored turn records (no text). */
export async function assistantAnalytics(vigie: Vigie, assistantId: string) {
  const rows = await vigie.db
    .selectFrom('conversation_messages')
    .innerJoin('conversations', 'conversations.id', 'conversation_messages.conversation_id')
    .select([
      'conversation_messages.conversation_id as cid',
      'conversation_messages.meta',
      'conversations.status',
    ])
    .where('conversations.assistant_id', '=', assistantId)
    .where('conversation_messages.role', '=', 'assistant')
    .execute();
  const byConversation = new Map<string, ConversationRecord>();
  for (const r of rows) {
    const meta = JSON.parse(r.meta) as { turn?: TurnRecord };
    if (!meta.turn) continue;
    const rec = byConversation.get(r.cid) ?? { id: r.cid, turns: [], handedOff: r.status === 'handoff' };
    rec.turns.push(meta.turn);
    byConversation.set(r.cid, rec);
  }
  return summariseConversations([...byConversation.values()]);
}

/** Retention: expired conversations and their messages are deleted. */
export async function purgeExpiredConversations(vigie: Vigie): Promise<number> {
  const expired = await vigie.db
    .selectFrom('conversations')
    .select('id')
    .where('expires_at', '<=', nowIso())
    .limit(1000)
    .execute();
  if (expired.length === 0) return 0;
  const ids = expired.map((e) => e.id);
  await vigie.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('conversation_messages').where('conversation_id', 'in', ids).execute();
    await tx.deleteFrom('conversations').where('id', 'in', ids).execute();
  });
  return ids.length;
}
