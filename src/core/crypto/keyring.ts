import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify as verifySignature,
} from 'node:crypto';
import type { Db, Executor } from '../db/index.js';
import { nowIso } from '../db/index.js';
import { AppError } from '../errors.js';
import { aeadOpen, aeadSeal, KEY_BYTES } from './aead.js';

/** Where a sealed value lives: the associated data that binds a ciphertext to its row. */
export interface SealContext {
  table: string;
  column: string;
  row: string;
}

const SEALED_PREFIX = 'vk';
const MASTER_CHECK = 'vigie master key check v1';

function aadFor(ctx: SealContext): Buffer {
  // The unit separator cannot appear in our table, column or id names, so the encoding is injective.
  return Buffer.from(`vigie/field\x1f${ctx.table}\x1f${ctx.column}\x1f${ctx.row}`);
}

function wrapAad(keyId: string): Buffer {
  return Buffer.from(`vigie/key\x1f${keyId}`);
}

export function parseSealed(value: string): { version: number; body: Buffer } | undefined {
  const m = /^vk(\d{1,6}):([A-Za-z0-9+/=]+)$/.exec(value);
  if (!m) return undefined;
  return { version: Number(m[1]), body: Buffer.from(m[2]!, 'base64') };
}

/**
 * Envelope encryption: the master key wraps versioned data keys, an index key (blind indexes) and the
 * Ed25519 signing key. Old data key versions stay available for reading until a rewrap moves every
 * ciphertext forward.
 */
export class Keyring {
  private dataKeys = new Map<number, Buffer>();
  private currentVersion = 0;
  private indexKey: Buffer = Buffer.alloc(0);
  private signingKey: KeyObject | undefined;
  private signingPublic = '';
  private signingKeyId = '';

  private constructor(
    private readonly master: Buffer,
    private readonly db: Db,
  ) {}

  /** Opens the keyring, creating the first keys on a new workspace. Fails clearly on a wrong master key. */
  static async open(db: Db, master: Buffer): Promise<Keyring> {
    const ring = new Keyring(master, db);
    await db.transaction().execute((tx) => ring.initialise(tx));
    await ring.reload();
    return ring;
  }

  private async initialise(tx: Executor): Promise<void> {
    const check = await tx
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'master_check')
      .executeTakeFirst();
    if (check) {
      const opened = aeadOpen(this.master, Buffer.from(check.value, 'base64'), wrapAad('master_check'));
      if (!opened || opened.toString() !== MASTER_CHECK) {
        throw new AppError(
          'MASTER_KEY_MISMATCH',
          'the master key does not match this workspace: check VIGIE_MASTER_KEY or the master.key file',
        );
      }
      return;
    }
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const now = nowIso();
    const rows = [
      { id: 'data:1', purpose: 'data' as const, version: 1, material: randomBytes(KEY_BYTES), pub: null },
      { id: 'index:1', purpose: 'index' as const, version: 1, material: randomBytes(KEY_BYTES), pub: null },
      {
        id: 'signing:1',
        purpose: 'signing' as const,
        version: 1,
        material: privateKey.export({ format: 'der', type: 'pkcs8' }),
        pub: rawPublicKey(publicKey).toString('base64'),
      },
    ];
    await tx
      .insertInto('meta')
      .values({
        key: 'master_check',
        value: aeadSeal(this.master, Buffer.from(MASTER_CHECK), wrapAad('master_check')).toString('base64'),
      })
      .execute();
    await tx
      .insertInto('keys')
      .values(
        rows.map((r) => ({
          id: r.id,
          purpose: r.purpose,
          version: r.version,
          wrapped: aeadSeal(this.master, r.material, wrapAad(r.id)).toString('base64'),
          public_key: r.pub,
          status: 'active' as const,
          created_at: now,
        })),
      )
      .execute();
  }

  /** Reloads key material from the database (another instance may have rotated). */
  async reload(): Promise<void> {
    const rows = await this.db.selectFrom('keys').selectAll().orderBy('version').execute();
    for (const row of rows) {
      const material = aeadOpen(this.master, Buffer.from(row.wrapped, 'base64'), wrapAad(row.id));
      if (!material) {
        throw new AppError('MASTER_KEY_MISMATCH', `key ${row.id} cannot be unwrapped with this master key`);
      }
      if (row.purpose === 'data') {
        this.dataKeys.set(row.version, material);
        if (row.status === 'active') this.currentVersion = Math.max(this.currentVersion, row.version);
      } else if (row.purpose === 'index') {
        this.indexKey = material;
      } else if (row.purpose === 'signing' && row.status === 'active') {
        this.signingKey = createPrivateKey({ key: material, format: 'der', type: 'pkcs8' });
        // The public key is derived from the sealed private key, never trusted from its column.
        this.signingPublic = rawPublicKey(createPublicKey(this.signingKey)).toString('base64');
        if (row.public_key && row.public_key !== this.signingPublic) {
          throw new AppError(
            'INTEGRITY',
            `the stored public key of ${row.id} does not match its private key`,
          );
        }
        this.signingKeyId = row.id;
      }
    }
  }

  get dataKeyVersion(): number {
    return this.currentVersion;
  }

  get dataKeyVersions(): number[] {
    return [...this.dataKeys.keys()].sort((a, b) => a - b);
  }

  seal(plaintext: string, ctx: SealContext): string {
    return this.sealWith(this.currentVersion, plaintext, ctx);
  }

  /** Seals under a given data key version (rewrap pins its target version). */
  sealWith(version: number, plaintext: string, ctx: SealContext): string {
    const key = this.dataKeys.get(version);
    if (!key) throw new AppError('INTERNAL', `data key version ${version} is not loaded`);
    const body = aeadSeal(key, Buffer.from(plaintext, 'utf8'), aadFor(ctx));
    return `${SEALED_PREFIX}${version}:${body.toString('base64')}`;
  }

  async open(sealed: string, ctx: SealContext): Promise<string> {
    const parsed = parseSealed(sealed);
    if (!parsed) throw decryptError(ctx, 'it is not a sealed value');
    if (!this.dataKeys.has(parsed.version)) await this.reload();
    const key = this.dataKeys.get(parsed.version);
    if (!key) throw decryptError(ctx, `data key version ${parsed.version} is unknown`);
    const plain = aeadOpen(key, parsed.body, aadFor(ctx));
    if (!plain)
      throw decryptError(ctx, 'it was modified, moved from another row, or sealed under another key');
    return plain.toString('utf8');
  }

  /** Keyed, domain-separated HMAC: equal inputs give equal indexes, but the index reveals nothing. */
  blindIndex(value: string, field: { table: string; column: string }): string {
    return createHmac('sha256', this.indexKey)
      .update(`${field.table}\x1f${field.column}\x1f`)
      .update(value)
      .digest('base64url');
  }

  /** Adds a data key version and makes it current. Returns the new version. */
  async rotate(db: Executor): Promise<number> {
    const latest = await db
      .selectFrom('keys')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('purpose', '=', 'data')
      .executeTakeFirst();
    const version = Number(latest?.v ?? 0) + 1;
    const id = `data:${version}`;
    await db.updateTable('keys').set({ status: 'retired' }).where('purpose', '=', 'data').execute();
    await db
      .insertInto('keys')
      .values({
        id,
        purpose: 'data',
        version,
        wrapped: aeadSeal(this.master, randomBytes(KEY_BYTES), wrapAad(id)).toString('base64'),
        public_key: null,
        status: 'active',
        created_at: nowIso(),
      })
      .execute();
    return version;
  }

  sign(message: Buffer): { signature: Buffer; keyId: string } {
    if (!this.signingKey) throw new AppError('INTERNAL', 'no signing key');
    return { signature: sign(null, message, this.signingKey), keyId: this.signingKeyId };
  }

  /** Keys that verify the workspace's signed heads, derived from the sealed private keys. */
  verificationKeys(): Map<string, KeyObject> {
    return this.signingKey ? new Map([[this.signingKeyId, createPublicKey(this.signingKey)]]) : new Map();
  }

  verify(message: Buffer, signature: Buffer, keyId: string): boolean {
    const key = this.verificationKeys().get(keyId);
    return Boolean(key) && verifySignature(null, message, key!, signature);
  }

  get signingPublicKey(): { keyId: string; publicKey: string; fingerprint: string } {
    return {
      keyId: this.signingKeyId,
      publicKey: this.signingPublic,
      fingerprint: createHash('sha256')
        .update(Buffer.from(this.signingPublic, 'base64'))
        .digest('hex')
        .slice(0, 16),
    };
  }

  /** Derives a purpose-bound key from the master key (backups use it). */
  deriveKey(purpose: string): Buffer {
    return createHmac('sha256', this.master).update(`vigie/derive\x1f${purpose}`).digest();
  }
}

function decryptError(ctx: SealContext, why: string): AppError {
  return new AppError(
    'DECRYPT_FAILED',
    `cannot decrypt ${ctx.table}.${ctx.column} of row ${ctx.row}: ${why}`,
  );
}

export function rawPublicKey(key: KeyObject): Buffer {
  // An Ed25519 SPKI DER is a fixed 12-byte header followed by the 32-byte key.
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  const header = Buffer.from('302a300506032b6570032100', 'hex');
  return createPublicKey({ key: Buffer.concat([header, raw]), format: 'der', type: 'spki' });
}
