// Studio's HTTP API (src/server/routes/studio.ts and studio-stream.ts) as the console uses it.
import { api, csrfHeaders, NetworkError } from './client';
import { ApiError, parseProblem } from './problem';
import { createEventParser } from './sse';
import type {
  BrandKitView,
  DraftRequest,
  DraftStatus,
  DraftSummary,
  DraftView,
  ExportFormat,
  Involvement,
  ProviderSettings,
  SignedExport,
  StudioPolicy,
  Verification,
} from './studioTypes';

export * from './studioTypes';

const STUDIO = '/api/v1/studio';
const draftPath = (id: string) => `${STUDIO}/drafts/${encodeURIComponent(id)}`;

export const fetchBrandKit = () => api.get<{ yaml: string; kit: BrandKitView }>(`${STUDIO}/brand-kit`);
/** Replaces the kit from YAML; the server validates all of it first and changes nothing on error. */
export const importBrandKitYaml = (yaml: string) =>
  api.put<{ yaml: string }>(`${STUDIO}/brand-kit`, { yaml });
export const fetchStudioPolicy = () => api.get<StudioPolicy>(`${STUDIO}/policy`);
export const saveStudioPolicy = (policy: StudioPolicy) => api.put<StudioPolicy>(`${STUDIO}/policy`, policy);
export const fetchProviders = () => api.get<ProviderSettings>(`${STUDIO}/providers`);
export const saveOpenAI = (input: { baseURL: string; model: string; apiKey?: string }) =>
  api.put<ProviderSettings>(`${STUDIO}/providers/openai`, input);
export const saveLlamaCpp = (input: { modelPath: string }) =>
  api.put<ProviderSettings>(`${STUDIO}/providers/llamacpp`, input);

export const fetchDrafts = (status?: DraftStatus) =>
  api.get<{ drafts: DraftSummary[] }>(`${STUDIO}/drafts${status ? `?status=${status}` : ''}`);
export const fetchDraft = (id: string) => api.get<DraftView>(draftPath(id));
export const createDraft = (request: DraftRequest) => api.post<DraftView>(`${STUDIO}/drafts`, request);
export const editDraft = (
  id: string,
  input: { markdown?: string; variant?: number; involvement?: Involvement },
) => api.put<DraftView>(draftPath(id), input);
export const fetchDiff = (id: string, from: number, to: number) =>
  api.get<{ from: number; to: number; added: number; removed: number; patch: string }>(
    `${draftPath(id)}/diff?from=${from}&to=${to}`,
  );
export const commentDraft = (id: string, body: string) =>
  api.post<DraftView>(`${draftPath(id)}/comments`, { body });
export const reviewStep = (id: string, step: 'submit' | 'approve' | 'request-changes', comment?: string) =>
  api.post<DraftView>(`${draftPath(id)}/${step}`, comment ? { comment } : {});
export const exportDraft = (id: string, format: ExportFormat) =>
  api.post<SignedExport>(`${draftPath(id)}/export`, { format });

/** Public: no session needed. */
export const verifyProvenance = (content: string, manifest?: unknown) =>
  api.post<Verification>(
    '/api/v1/provenance/verify',
    manifest === undefined ? { content } : { content, manifest },
  );

/**
 * Drafts through the streaming endpoint: `onDelta` gets the text as the model writes it; resolves
 * with the stored draft. Errors before the stream are problem+json (ApiError), like every call.
 */
export async function streamDraft(
  request: DraftRequest,
  onDelta: (variant: number, text: string) => void,
  signal?: AbortSignal,
): Promise<DraftView> {
  let response: Response;
  try {
    response = await fetch(`${STUDIO}/drafts/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...csrfHeaders() },
      credentials: 'same-origin',
      body: JSON.stringify(request),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
  if (!response.ok || !response.body) {
    const body = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    throw new ApiError(response.status, parseProblem(parsed));
  }
  const parser = createEventParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let draft: DraftView | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    for (const event of parser.push(done ? '\n\n' : (value ?? ''))) {
      if (event.event === 'delta') {
        const d = event.data as { variant: number; text: string };
        onDelta(d.variant, d.text);
      } else if (event.event === 'draft') draft = event.data as DraftView;
      else if (event.event === 'error') {
        const problem = parseProblem(event.data);
        throw new ApiError(problem.status ?? 500, problem);
      }
    }
    if (done) break;
  }
  if (!draft) throw new NetworkError();
  return draft;
}
