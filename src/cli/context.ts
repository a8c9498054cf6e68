import { existsSync } from 'node:fs';
import { createLogger, loadConfig, openVigie, type Principal, type Vigie } from '../core/index.js';
import type { Io } from './io.js';

/** The local operator: the CLI acts with full rights on the workspace it can open (it holds the master key). */
export const CLI_PRINCIPAL: Principal = {
  userId: 'cli',
  username: 'cli',
  role: 'admin',
  permissions: new Set(),
  via: 'cli',
};

export async function withVigie<T>(io: Io, fn: (vigie: Vigie) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const vigie = await openVigie(config, {
    log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, io.stderr),
  });
  try {
    return await fn(vigie);
  } finally {
    await vigie.close();
  }
}

/**
 * Whether a workspace already exists: commands that can work without one (scan, e-mail analysis,
 * provenance checks) use it when present and never create one as a side effect.
 */
export function workspaceExists(io: Io): boolean {
  const config = loadConfig(io.env);
  return config.database.kind === 'postgres' || existsSync(config.database.file);
}
