import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface ConsoleOptions {
  /** Folder of the built console (index.html and assets); the console is off when it is missing. */
  root: string;
}

/** Serves the built React console, with index.html for client-side routes, and the assistant widget. */
async function consolePlugin(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  if (!existsSync(join(options.root, 'index.html'))) {
    app.log.warn({ root: options.root }, 'console not built: run npm run build:web');
    return;
  }
  // The assistant widget is loaded by the brand's own website: it must be fetchable cross-origin.
  // Hooks apply to the routes registered after them, hence before the static routes.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.split('?')[0] === '/widget.js') reply.header('cross-origin-resource-policy', 'cross-origin');
  });
  await app.register(fastifyStatic, {
    root: options.root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
  });
}

export default fp(consolePlugin, { name: 'vigie-console' });
