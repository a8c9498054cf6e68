/**
 * Drafting with the text shown as the model writes it: `text/event-stream` with `delta` events
 * ({ variant, text }, already restored from pseudonyms), then one `draft` event (the stored draft, as
 * POST /drafts answers) or one `error` event (problem+json). Failures before the first byte (bad
 * brief, provider not configured, Guard blocking the prompt) are ordinary problem+json answers.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createDraft, createDraftSchema } from '../../studio/index.js';
import { toProblem } from '../problem.js';

type Outcome = { ok: true; draft: unknown } | { ok: false; error: unknown };

export const studioStreamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/studio/drafts/stream',
    {
      schema: {
        tags: ['studio'],
        summary: 'Draft from a brief, streaming the model’s text as server-sent events',
        body: createDraftSchema,
      },
      config: { permission: 'drafts:write' },
    },
    async (req, reply) => {
      const out = new PassThrough();
      const send = (event: string, data: unknown) =>
        out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      // A closed tab stops the model call instead of letting it run to the end.
      const abort = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      let streaming = false;
      let firstDelta: () => void = () => {};
      const started = new Promise<void>((resolve) => {
        firstDelta = resolve;
      });
      const outcome: Promise<Outcome> = createDraft(app.vigie, req.principal, req.body, {
        signal: abort.signal,
        onDelta: (text, variant) => {
          streaming = true;
          send('delta', { variant, text });
          firstDelta();
        },
      }).then(
        (draft) => ({ ok: true, draft }),
        (error: unknown) => ({ ok: false, error }),
      );
      await Promise.race([started, outcome]);
      if (!streaming) {
        const result = await outcome;
        if (!result.ok) throw result.error;
      }
      void outcome.then((result) => {
        if (result.ok) send('draft', result.draft);
        else {
          const problem = toProblem(result.error, req);
          if (problem.status >= 500) req.log.error({ err: result.error }, 'streamed draft failed');
          send('error', problem);
        }
        out.end();
      });
      return reply
        .code(200)
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-store')
        .header('x-accel-buffering', 'no')
        .send(out);
    },
  );
};
