import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/log.js';
import { openVigie, type Vigie } from '../../src/core/workspace.js';

export type Engine = 'sqlite' | 'postgres';

/** Engines the storage tests run on: SQLite always, PostgreSQL when VIGIE_TEST_PG holds a URL. */
export const engines: Engine[] = process.env.VIGIE_TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestWorkspace {
  config: Config;
  home: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** A fresh workspace: a temp VIGIE_HOME, and on PostgreSQL a schema of its own. */
export async function createTestWorkspace(
  engine: Engine,
  extraEnv: Record<string, string> = {},
): Promise<TestWorkspace> {
  const home = mkdtempSync(join(tmpdir(), 'vigie-test-'));
  const env: Record<string, string> = {
    VIGIE_HOME: home,
    VIGIE_MASTER_KEY: randomBytes(32).toString('base64'),
    VIGIE_LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  let dropSchema: (() => Promise<void>) | undefined;
  if (engine === 'postgres') {
    const base = process.env.VIGIE_TEST_PG!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  return {
    config: loadConfig(env),
    home,
    env,
    cleanup: async () => {
      await dropSchema?.();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function openTestVigie(
  engine: Engine,
  extraEnv: Record<string, string> = {},
): Promise<{ vigie: Vigie; ws: TestWorkspace; close(): Promise<void> }> {
  const ws = await createTestWorkspace(engine, extraEnv);
  const vigie = await openVigie(ws.config, { log: createLogger('silent') });
  return {
    vigie,
    ws,
    close: async () => {
      await vigie.close();
      await ws.cleanup();
    },
  };
}
