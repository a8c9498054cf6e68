import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const envSchema = z.object({
  VIGIE_HOME: z.string().min(1).default('./.vigie'),
  DATABASE_URL: z.string().optional(),
  VIGIE_MASTER_KEY: z.string().optional(),
  VIGIE_ADMIN_PASSWORD: z.string().optional(),
  VIGIE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIE_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  VIGIE_TRUST_PROXY: z.string().max(500).optional(),
});

export interface Config {
  /** Folder holding the SQLite database, the generated master key file and backups. */
  home: string;
  /** `sqlite` under `home`, or a PostgreSQL connection URL. */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  masterKey: string | undefined;
  adminPassword: string | undefined;
  logLevel: z.infer<typeof envSchema>['VIGIE_LOG_LEVEL'];
  secureCookies: 'auto' | 'true' | 'false';
  /** Proxies whose X-Forwarded-For is trusted (addresses or CIDRs, comma-separated); none by default. */
  trustProxy: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONFIG', `invalid environment variable ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  const home = resolve(e.VIGIE_HOME);
  let database: Config['database'] = { kind: 'sqlite', file: resolve(home, 'vigie.db') };
  if (e.DATABASE_URL) {
    if (/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) database = { kind: 'postgres', url: e.DATABASE_URL };
    else if (e.DATABASE_URL.startsWith('sqlite:')) {
      database = { kind: 'sqlite', file: resolve(e.DATABASE_URL.slice('sqlite:'.length)) };
    } else throw new AppError('CONFIG', 'DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  }
  return {
    home,
    database,
    masterKey: e.VIGIE_MASTER_KEY || undefined,
    adminPassword: e.VIGIE_ADMIN_PASSWORD || undefined,
    logLevel: e.VIGIE_LOG_LEVEL,
    secureCookies: e.VIGIE_SECURE_COOKIES,
    trustProxy: e.VIGIE_TRUST_PROXY || undefined,
  };
}

export function ensureHome(config: Config): void {
  mkdirSync(config.home, { recursive: true, mode: 0o700 });
}
