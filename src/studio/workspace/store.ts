/** Rows of Studio's tables and their sealed columns: the only place that seals or opens draft text. */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../core/db/index.js';
import { notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import type { Readability, ScanFinding } from '../../guard/index.js';
import type { Brief } from '../brief.js';
import type { Draft } from '../draft.js';
import { sha256Hex } from '../provenance.js';

export type DraftStatus = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'exported';

/** What one stored variant of one version holds (sealed as a whole). */
export interface VersionContent {
  draft: Draft;
  findings: Array<
    Pick<ScanFinding, 'rule' | 'action' | 'severity' | 'message' | 'start' | 'end' | 'category'>
  >;
  readability: Readability | null;
  /** For an edit: the version and variant it started from. */
  basedOn?: { version: number; variant: number };
}

export interface StoredVersion {
  id: string;
  version: number;
  variant: number;
  verdict: string;
  contentSha256: string;
  createdBy: string;
  createdAt: string;
  content: VersionContent;
}

export async function draftRow(db: Executor, id: string) {
  const row = await db.selectFrom('studio_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('draft');
  return row;
}

export function sealBrief(vigie: Vigie, draftId: string, brief: Brief): string {
  return vigie.keyring.seal(JSON.stringify(brief), { table: 'studio_drafts', column: 'brief', row: draftId });
}

export async function openBrief(vigie: Vigie, row: { id: string; brief_enc: string }): Promise<Brief> {
  return JSON.parse(
    await vigie.keyring.open(row.brief_enc, { table: 'studio_drafts', column: 'brief', row: row.id }),
  ) as Brief;
}

export async function insertVersion(
  vigie: Vigie,
  tx: Executor,
  draftId: string,
  version: number,
  variant: number,
  content: VersionContent,
  verdict: string,
  createdBy: string,
  at: string,
): Promise<string> {
  const id = randomUUID();
  const contentSha256 = sha256Hex(content.draft.text);
  await tx
    .insertInto('studio_versions')
    .values({
      id,
      draft_id: draftId,
      version,
      variant,
      content_enc: vigie.keyring.seal(JSON.stringify(content), {
        table: 'studio_versions',
        column: 'content',
        row: id,
      }),
      content_sha256: contentSha256,
      verdict,
      created_by: createdBy,
      created_at: at,
    })
    .execute();
  return contentSha256;
}

export async function loadVersions(
  vigie: Vigie,
  db: Executor,
  draftId: string,
  version?: number,
): Promise<StoredVersion[]> {
  let q = db.selectFrom('studio_versions').selectAll().where('draft_id', '=', draftId);
  if (version !== undefined) q = q.where('version', '=', version);
  const rows = await q.orderBy('version').orderBy('variant').execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      version: r.version,
      variant: r.variant,
      verdict: r.verdict,
      contentSha256: r.content_sha256,
      createdBy: r.created_by,
      createdAt: r.created_at,
      content: JSON.parse(
        await vigie.keyring.open(r.content_enc, { table: 'studio_versions', column: 'content', row: r.id }),
      ) as VersionContent,
    })),
  );
}

/** The variant a draft currently stands on: its selected variant of its current version. */
export async function currentVersion(
  vigie: Vigie,
  db: Executor,
  row: { id: string; current_version: number; selected_variant: number },
) {
  const versions = await loadVersions(vigie, db, row.id, row.current_version);
  const v = versions.find((x) => x.variant === row.selected_variant) ?? versions[0];
  if (!v) throw notFound('draft version');
  return v;
}
