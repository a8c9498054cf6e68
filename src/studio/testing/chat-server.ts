/**
 * A small OpenAI-compatible chat-completions server on 127.0.0.1 for tests and benchmarks: it answers
 * with whatever `reply` returns, streams it as SSE chunks ending with `data: [DONE]`, and records the
 * requests it received so a test can check what left the process.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
}

export interface ChatServerOptions {
  /** The answer's text for a request. */
  reply: (body: ChatRequestBody) => string;
  /** Answer this status with an error body instead (e.g. 401, 500). */
  status?: number;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Characters per streamed chunk. Default 7, so placeholders get split. */
  chunkSize?: number;
}

export interface ChatServer {
  url: string;
  requests: Array<{ body: ChatRequestBody; authorization: string | undefined }>;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startChatServer(options: ChatServerOptions): Promise<ChatServer> {
  const requests: ChatServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    try {
      const body = JSON.parse(await readBody(req)) as ChatRequestBody;
      requests.push({ body, authorization: req.headers.authorization });
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (res.destroyed) return;
      if (options.status && options.status >= 400) {
        res.writeHead(options.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'refused by the test server', type: 'test' } }));
        return;
      }
      const text = options.reply(body);
      const base = { id: 'chatcmpl-test', created: Math.floor(Date.now() / 1000), model: body.model };
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ...base,
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const size = options.chunkSize ?? 7;
      const send = (delta: Record<string, string>, finish: string | null) =>
        res.write(
          `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
        );
      send({ role: 'assistant', content: '' }, null);
      for (let i = 0; i < text.length; i += size) send({ content: text.slice(i, i + size) }, null);
      send({}, 'stop');
      res.end('data: [DONE]\n\n');
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
