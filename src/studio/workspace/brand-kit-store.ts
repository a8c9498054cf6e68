/**
 * The workspace's brand kit. Guard owns the approved facts (`facts` table) and the brand rules
 * (terminology, competitors, banned phrases): the kit reads and writes those there, and keeps only
 * the rest (voice, style, boilerplates, audiences) in the `studio.brand-kit` setting.
 */
import { createHash } from 'node:crypto';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso, type Tx } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import { readSetting } from '../../core/settings.js';
import type { Vigie } from '../../core/workspace.js';
import { brandRulesSchema, factInputSchema, getBrandRules, listFacts } from '../../guard/index.js';
import { type BrandKit, brandKitFromYaml, brandKitToYaml, parseBrandKit } from '../brand-kit.js';

const KIT_KEY = 'studio.brand-kit';
const GUARD_BRAND_KEY = 'guard.brand';
const DEFAULT_NAME = 'Brand';

type KitRest = Omit<BrandKit, 'facts' | 'terminology' | 'competitors' | 'bannedPhrases'>;

/** The kit as the workspace holds it: its own parts, Guard's rules and Guard's approved facts. */
export async function getBrandKit(vigie: Vigie): Promise<BrandKit> {
  const [raw, rules, facts] = await Promise.all([
    readSetting(vigie.db, KIT_KEY),
    getBrandRules(vigie),
    listFacts(vigie),
  ]);
  const rest = raw ? (JSON.parse(raw) as Partial<KitRest>) : {};
  // Only the kit's own part is validated here: Guard validated its rules and facts when they were
  // written, with bounds of its own that the kit must not turn into a failing read.
  const own = parseBrandKit({ name: DEFAULT_NAME, ...rest });
  return {
    ...own,
    ...rules,
    facts: facts.map((f) => ({
      id: f.id,
      statement: f.statement,
      source: f.source,
      ...(f.owner ? { owner: f.owner } : {}),
      ...(f.lang === 'en' || f.lang === 'fr' ? { lang: f.lang } : {}),
      ...(f.expiresAt ? { expiresAt: f.expiresAt } : {}),
    })),
  };
}

export async function getBrandKitYaml(vigie: Vigie): Promise<string> {
  return brandKitToYaml(await getBrandKit(vigie));
}

async function upsertSetting(tx: Tx, key: string, value: string, by: string): Promise<void> {
  const now = nowIso();
  await tx
    .insertInto('settings')
    .values({ key, value, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: by }))
    .execute();
}

function isoOrNull(value: string | null | undefined, id: string): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new AppError('VALIDATION', `Invalid brand kit: fact ${id} has an invalid expiresAt`);
  return new Date(t).toISOString();
}

/**
 * Imports a kit from YAML in one transaction. Facts are upserted by id into Guard's facts; facts
 * the YAML does not list are kept (deleting an approved fact is an explicit act in Guard).
 */
export async function importBrandKit(
  vigie: Vigie,
  actor: Principal | undefined,
  yaml: string,
): Promise<BrandKit> {
  const kit = brandKitFromYaml(yaml);
  const { facts, terminology, competitors, bannedPhrases, ...rest } = kit;
  const rules = brandRulesSchema.parse({ terminology, competitors, bannedPhrases });
  for (const f of facts) factInputSchema.parse({ statement: f.statement, source: f.source });
  const by = actorOf(actor);
  let created = 0;
  let updated = 0;
  await vigie.db.transaction().execute(async (tx) => {
    await upsertSetting(tx, KIT_KEY, JSON.stringify(rest), by);
    await upsertSetting(tx, GUARD_BRAND_KEY, JSON.stringify(rules), by);
    const now = nowIso();
    for (const f of facts) {
      const values = {
        statement: f.statement,
        source: f.source,
        owner: f.owner ?? null,
        lang: f.lang ?? null,
        expires_at: isoOrNull(f.expiresAt, f.id),
        updated_at: now,
      };
      const res = await tx.updateTable('facts').set(values).where('id', '=', f.id).executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) updated++;
      else {
        await tx
          .insertInto('facts')
          .values({ id: f.id, ...values, created_at: now })
          .execute();
        created++;
      }
    }
    await vigie.ledger.append(tx, [
      {
        actor: by,
        action: 'studio.brand-kit.update',
        target: `setting:${KIT_KEY}`,
        details: {
          sha256: createHash('sha256').update(yaml).digest('hex'),
          factsCreated: created,
          factsUpdated: updated,
        },
      },
    ]);
  });
  return getBrandKit(vigie);
}
