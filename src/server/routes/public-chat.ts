import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  feedback,
  getAssistant,
  postCustomerMessage,
  requestHandoff,
  startConversation,
  visitorMessages,
} from '../../assistant/index.js';
import { AppError } from '../../core/index.js';
import { workspaceProvider } from '../../studio/index.js';

/**
 * The public chat API the widget talks to, separate from the console API: no console session is
 * read, only the assistant's allowed origins may call it from a browser, and it is rate-limited per
 * visitor (IP and conversation: ids are not secret, so a conversation alone is no key), per IP across
 * conversations, with small bodies; an assistant runs a bounded number of model calls at once.
 */
const assistantParams = z.object({ id: z.string().uuid() });
const conversationParams = z.object({ id: z.string().uuid(), cid: z.string().uuid() });
const TOKEN_HEADER = 'x-conversation-token';
const BODY_LIMIT = 16 * 1024;

async function allowOrigin(req: FastifyRequest, reply: FastifyReply, assistantId: string): Promise<void> {
  const origin = req.headers.origin;
  if (!origin) return; // Not a browser: nothing to allow.
  const assistant = await getAssistant(req.server.vigie, assistantId);
  if (!assistant.settings.allowedOrigins.includes(origin)) {
    throw new AppError('FORBIDDEN', 'this site may not use this assistant');
  }
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}

function token(req: FastifyRequest): string {
  const t = req.headers[TOKEN_HEADER];
  if (typeof t !== 'string' || t.length < 16 || t.length > 100)
    throw new AppError('UNAUTHENTICATED', 'missing conversation token');
  return t;
}

const visitorLimit = {
  max: 30,
  timeWindow: '1 minute',
  // The IP is part of the key: someone who learns a conversation id cannot use up its visitor's allowance.
  keyGenerator: (req: FastifyRequest) => `${req.ip}:${(req.params as { cid?: string }).cid ?? ''}`,
};
/** Messages one IP may send per minute, whatever the conversation (new ones are cheap to open). */
export const MESSAGES_PER_IP_PER_MINUTE = 60;
/** Model calls one assistant runs at once; beyond, a turn gets the extractive answer (`busy`). */
export const MAX_MODEL_CALLS_PER_ASSISTANT = 4;

/** Counts an assistant's model calls in flight (per server process). */
function modelSlots(cap: number): (assistantId: string) => (() => void) | undefined {
  const running = new Map<string, number>();
  return (assistantId) => {
    const n = running.get(assistantId) ?? 0;
    if (n >= cap) return undefined;
    running.set(assistantId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (running.get(assistantId) ?? 1) - 1;
      if (left > 0) running.set(assistantId, left);
      else running.delete(assistantId);
    };
  };
}

export const publicChatRoutes: FastifyPluginAsyncZod = async (app) => {
  const modelSlot = modelSlots(MAX_MODEL_CALLS_PER_ASSISTANT);
  const ipMessages = app.createRateLimit({
    max: MESSAGES_PER_IP_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (req) => req.ip,
  });
  // Runs beside the per-visitor limit (the plugin's own hook runs one limit per request only).
  const ipMessageLimit = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const r = await ipMessages(req);
    if (!r.isAllowed && r.isExceeded) {
      reply.header('retry-after', String(r.ttlInSeconds));
      throw new AppError('RATE_LIMITED', `too many messages: retry in ${r.ttlInSeconds} s`);
    }
  };
  // Every answer of this API, errors included, says which origin may read it.
  app.addHook('onRequest', async (req, reply) => {
    const id = (req.params as { id?: string }).id;
    if (id && /^[0-9a-f-]{36}$/i.test(id)) await allowOrigin(req, reply, id);
  });

  app.options(
    '/public/v1/assistants/:id/*',
    {
      schema: { hide: true, params: z.object({ id: z.string().uuid(), '*': z.string() }) },
      config: { public: true },
    },
    async (_req, reply) => {
      return reply
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', `content-type, ${TOKEN_HEADER}`)
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    },
  );
  app.post(
    '/public/v1/assistants/:id/conversations',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['public chat'],
        summary: 'Start a conversation',
        params: assistantParams,
        body: z.object({ lang: z.enum(['en', 'fr']).optional() }).default({}),
      },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const c = await startConversation(app.vigie, req.params.id, req.body.lang);
      return reply
        .code(201)
        .send({ conversationId: c.id, token: c.token, messages: [publicMessage(c.greeting)] });
    },
  );
  app.post(
    '/public/v1/assistants/:id/conversations/:cid/messages',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['public chat'],
        summary: 'Send a message',
        params: conversationParams,
        body: z.object({ text: z.string().max(4000) }),
      },
      config: { public: true, rateLimit: visitorLimit },
      onRequest: ipMessageLimit,
    },
    async (req) => {
      const r = await postCustomerMessage(
        app.vigie,
        req.params.id,
        req.params.cid,
        token(req),
        req.body.text,
        // Generative assistants use the workspace's OpenAI-compatible provider (Studio's settings).
        {
          model: () => workspaceProvider(app.vigie, 'openai'),
          modelSlot: () => modelSlot(req.params.id),
        },
      );
      return { reply: r.reply ? publicMessage(r.reply) : null, handoff: r.handoff, status: r.status };
    },
  );
  app.get(
    '/public/v1/assistants/:id/conversations/:cid/messages',
    {
      schema: {
        tags: ['public chat'],
        summary: 'Messages after a sequence number',
        params: conversationParams,
        querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }),
      },
      config: { public: true, rateLimit: { ...visitorLimit, max: 120 } },
    },
    async (req) => {
      const r = await visitorMessages(app.vigie, req.params.id, req.params.cid, token(req), req.query.after);
      return { status: r.status, messages: r.messages.map(publicMessage) };
    },
  );
  app.post(
    '/public/v1/assistants/:id/conversations/:cid/handoff',
    {
      bodyLimit: BODY_LIMIT,
      schema: { tags: ['public chat'], summary: 'Ask for a person', params: conversationParams },
      config: { public: true, rateLimit: visitorLimit },
    },
    async (req, reply) => {
      await requestHandoff(app.vigie, req.params.id, req.params.cid, token(req));
      return reply.code(204).send();
    },
  );
  app.post(
    '/public/v1/assistants/:id/conversations/:cid/feedback',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['public chat'],
        summary: 'Was this answer helpful?',
        params: conversationParams,
        body: z.object({ messageId: z.string().uuid(), helpful: z.boolean() }),
      },
      config: { public: true, rateLimit: visitorLimit },
    },
    async (req, reply) => {
      await feedback(
        app.vigie,
        req.params.id,
        req.params.cid,
        token(req),
        req.body.messageId,
        req.body.helpful,
      );
      return reply.code(204).send();
    },
  );
};

/** What a visitor may see of a message: no internal scores, no agent identity. */
function publicMessage(m: {
  id: string;
  seq: number;
  role: string;
  text: string;
  meta: Record<string, unknown>;
  createdAt: string;
}) {
  return {
    id: m.id,
    seq: m.seq,
    role: m.role,
    text: m.text,
    citations: m.meta.citations ?? [],
    handoff: Boolean(m.meta.handoff),
    // Answers (not the greeting nor agents' messages) can be rated; the widget shows the rating kept.
    rateable: m.role === 'assistant' && m.meta.turn !== undefined,
    feedback: typeof m.meta.feedback === 'boolean' ? (m.meta.feedback ? 'helpful' : 'not-helpful') : null,
    createdAt: m.createdAt,
  };
}
