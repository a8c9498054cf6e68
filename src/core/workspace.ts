import { type Config, ensureHome } from './config.js';
import { Keyring } from './crypto/keyring.js';
import { loadMasterKey } from './crypto/master-key.js';
import { type Db, migrate, nowIso, openStorage, type Storage } from './db/index.js';
import { Ledger } from './ledger/ledger.js';
import { createLogger, type Logger } from './log.js';

/** Everything a module function needs: the storage, the vault, the ledger and a logger. */
export interface Vigie {
  config: Config;
  storage: Storage;
  db: Db;
  keyring: Keyring;
  ledger: Ledger;
  log: Logger;
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: Logger;
}

/** Opens (and on first use creates) the workspace: migrations, keys, workspace row. */
export async function openVigie(config: Config, options: OpenOptions = {}): Promise<Vigie> {
  ensureHome(config);
  const master = loadMasterKey(config.masterKey, config.home);
  const storage = openStorage(config.database);
  try {
    await migrate(storage);
    const keyring = await Keyring.open(storage.db, master);
    await storage.db
      .insertInto('workspace')
      .values({ id: 'default', name: 'Vigie', settings: '{}', created_at: nowIso() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const log = options.log ?? createLogger(config.logLevel);
    return {
      config,
      storage,
      db: storage.db,
      keyring,
      ledger: new Ledger(storage.db, keyring),
      log,
      close: () => storage.close(),
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
}
