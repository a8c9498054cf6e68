import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { ledgerSummary, shouldRecord } from '../ledger-summary.js';
import { emptyMapping, type Mapping, type Operator, pseudonymise, restore } from '../pseudonymise/index.js';
import { type ScanResult, scan } from '../scan.js';
import type { DetectContext, Lang, Profile } from '../types.js';
import { listFacts } from './facts.js';
import { loadKnownValues } from './known-values.js';
import { getBrandRules, workspacePolicy } from './settings.js';

export const scanRequestSchema = z.object({
  text: z.string(),
  profile: z.enum(['input', 'ingested', 'output', 'publish']).default('publish'),
  lang: z.enum(['auto', 'en', 'fr']).default('auto'),
  locale: z.enum(['en', 'fr']).default('en'),
});
export type ScanRequest = z.input<typeof scanRequestSchema>;

/** The workspace's data for the detectors: approved facts, brand rules, known values. */
export async function workspaceContext(vigie: Vigie): Promise<Partial<DetectContext>> {
  const [facts, brand, knownValues] = await Promise.all([
    listFacts(vigie),
    getBrandRules(vigie),
    loadKnownValues(vigie),
  ]);
  return {
    facts: facts.map((f) => ({ id: f.id, statement: f.statement, source: f.source, expiresAt: f.expiresAt })),
    brand,
    knownValues,
  };
}

/**
 * Scans a text with the workspace's policy and data. Scans that redact, block or send for review are
 * written to the ledger with counts per rule and a hash of the text, never the text.
 */
export async function scanText(
  vigie: Vigie,
  actor: Principal | undefined,
  request: ScanRequest,
  extra: Partial<DetectContext> = {},
): Promise<ScanResult> {
  const r = scanRequestSchema.parse(request);
  const [policy, context] = await Promise.all([workspacePolicy(vigie), workspaceContext(vigie)]);
  const result = scan(r.text, {
    profile: r.profile as Profile,
    lang: r.lang,
    locale: r.locale as Lang,
    policy,
    context: { ...context, ...extra },
  });
  if (shouldRecord(result)) {
    await vigie.ledger.record({
      actor: actorOf(actor),
      action: 'guard.scan',
      details: { ...ledgerSummary(result, r.text) },
    });
  }
  return result;
}

export const redactRequestSchema = z.object({
  text: z.string(),
  operator: z.enum(['placeholder', 'surrogate', 'mask', 'hash', 'redact']).default('placeholder'),
  lang: z.enum(['auto', 'en', 'fr']).default('auto'),
  /** Continue an earlier session: the same values keep the same placeholders. */
  mapId: z.string().uuid().optional(),
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
});
export type RedactRequest = z.input<typeof redactRequestSchema>;

export interface RedactResult {
  text: string;
  mapId: string | null;
  expiresAt: string | null;
  replacements: Array<{
    start: number;
    end: number;
    entity: string;
    operator: Operator;
    replacement: string;
  }>;
}

const MAP_FIELD = { table: 'pseudonym_maps', column: 'mapping' };

/** Maps belong to the person who made them (a token acts for its owner); admins may use any. */
function ownerOf(actor: Principal | undefined): string {
  return actor ? (actor.via === 'cli' ? 'cli' : `user:${actor.userId}`) : 'system';
}

async function loadMapping(vigie: Vigie, id: string, actor: Principal | undefined): Promise<Mapping> {
  const row = await vigie.db.selectFrom('pseudonym_maps').selectAll().where('id', '=', id).executeTakeFirst();
  const mayUse =
    row && (row.created_by === ownerOf(actor) || actor?.role === 'admin' || actor?.via === 'cli');
  if (!row || !mayUse || row.expires_at <= nowIso()) {
    throw new AppError('NOT_FOUND', 'pseudonymisation map not found or expired');
  }
  return JSON.parse(await vigie.keyring.open(row.mapping_enc, { ...MAP_FIELD, row: id })) as Mapping;
}

/**
 * Swaps personal data and secrets for placeholders (or surrogates, masks, hashes). Reversible
 * operators keep their mapping sealed in the vault with an expiry; the caller gets only its id.
 */
export async function redactText(
  vigie: Vigie,
  actor: Principal | undefined,
  request: RedactRequest,
): Promise<RedactResult> {
  const r = redactRequestSchema.parse(request);
  const [policy, context] = await Promise.all([workspacePolicy(vigie), workspaceContext(vigie)]);
  const scanned = scan(r.text, { profile: 'input', lang: r.lang, policy, context });
  const detections = scanned.findings.filter(
    (f) => f.entity && (f.category === 'pii' || f.category === 'secret'),
  );
  const previous = r.mapId ? await loadMapping(vigie, r.mapId, actor) : emptyMapping();
  const result = pseudonymise(r.text, detections, {
    operator: r.operator,
    mapping: previous,
    hashKey: vigie.keyring.deriveKey('guard/hash').toString('hex'),
  });
  const reversible = result.mapping.entries.length > 0;
  const id = r.mapId ?? (reversible ? randomUUID() : null);
  const expiresAt = id ? new Date(Date.now() + r.ttlHours * 3600_000).toISOString() : null;
  const counts: Record<string, number> = {};
  for (const x of result.replacements) counts[x.entity] = (counts[x.entity] ?? 0) + 1;
  await vigie.db.transaction().execute(async (tx) => {
    if (id && expiresAt) {
      const sealed = vigie.keyring.seal(JSON.stringify(result.mapping), { ...MAP_FIELD, row: id });
      await tx
        .insertInto('pseudonym_maps')
        .values({
          id,
          mapping_enc: sealed,
          created_by: ownerOf(actor),
          created_at: nowIso(),
          expires_at: expiresAt,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ mapping_enc: sealed, expires_at: expiresAt }))
        .execute();
    }
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'guard.redact',
        target: id ? `map:${id}` : '',
        details: { operator: r.operator, counts },
      },
    ]);
  });
  return { text: result.text, mapId: id, expiresAt, replacements: result.replacements };
}

export const restoreRequestSchema = z.object({ text: z.string(), mapId: z.string().uuid() });

/** Puts the original values back into a text (a model's answer) using a stored mapping. */
export async function restoreText(
  vigie: Vigie,
  actor: Principal | undefined,
  request: z.input<typeof restoreRequestSchema>,
): Promise<{ text: string }> {
  const r = restoreRequestSchema.parse(request);
  const mapping = await loadMapping(vigie, r.mapId, actor);
  await vigie.ledger.record({ actor: actorOf(actor), action: 'guard.restore', target: `map:${r.mapId}` });
  return { text: restore(r.text, mapping) };
}

/** Deletes expired maps: placeholders can no longer be turned back into personal data. */
export async function purgeExpiredMaps(vigie: Vigie): Promise<number> {
  const res = await vigie.db
    .deleteFrom('pseudonym_maps')
    .where('expires_at', '<=', nowIso())
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
