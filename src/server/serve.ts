import type { FastifyInstance } from 'fastify';
import { ensureAdmin, type Vigie } from '../core/index.js';
import { type AppOptions, buildApp } from './app.js';
import { startMaintenance } from './maintenance.js';

export interface ServeOptions extends AppOptions {
  host: string;
  port: number;
  /** Where to print the one-time admin password and the address (the CLI's stdout). */
  announce?: (line: string) => void;
}

/** First start creates the admin; then the server listens until SIGINT or SIGTERM. */
export async function startServer(vigie: Vigie, options: ServeOptions): Promise<FastifyInstance> {
  const announce = options.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  const admin = await ensureAdmin(vigie);
  const app = await buildApp(vigie, options);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await vigie.close();
  };
  const stopMaintenance = startMaintenance(vigie);
  app.addHook('onClose', async () => {
    stopMaintenance();
    process.off('SIGINT', shutdown);
    process.off('SIGTERM', shutdown);
  });
  await app.listen({ host: options.host, port: options.port });
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  if (admin.created && admin.generated) {
    // Printed once, on the operator's terminal only: never logged.
    announce(`Created user "admin" with password: ${admin.password}  (shown once: store it now)`);
  } else if (admin.created) {
    announce('Created user "admin" with the password from VIGIE_ADMIN_PASSWORD');
  }
  announce(`Vigie is listening on http://${host}:${port}`);
  return app;
}
