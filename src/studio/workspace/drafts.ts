/**
 * Drafts in the workspace: creation through `guardedGenerate` with the workspace's policy, brand kit
 * and known values; listing; edits by the author as new versions, re-checked by Guard; diffs.
 */
import { randomUUID } from 'node:crypto';
import { createTwoFilesPatch, diffLines } from 'diff';
import { z } from 'zod';
import { identityOf } from '../../core/access/identity.js';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import { canonicalJson } from '../../core/index.js';
import type { Vigie } from '../../core/workspace.js';
import {
  loadKnownValues,
  type ScanFinding,
  scan,
  workspaceContext,
  workspacePolicy,
} from '../../guard/index.js';
import { factsForBrief } from '../brand-kit.js';
import { type Brief, contentTypes, parseBrief } from '../brief.js';
import { MAX_VARIANTS } from '../composer/index.js';
import { involvements } from '../disclosure.js';
import { type Draft, makeDraft } from '../draft.js';
import { sha256Hex } from '../provenance.js';
import { type GuardedOptions, guardedGenerate } from '../providers/guarded.js';
import { sectionsFromMarkdown } from '../providers/model-draft.js';
import { providerNames } from '../providers/registry.js';
import { getBrandKit } from './brand-kit-store.js';
import { publicNameOf } from './identity.js';
import { workspaceProvider } from './providers.js';
import {
  type DraftStatus,
  draftRow,
  insertVersion,
  loadVersions,
  openBrief,
  sealBrief,
  type VersionContent,
} from './store.js';

/** Bounds what an edit may carry: a long press release is a few thousand words. */
export const MAX_DRAFT_CHARS = 100_000;

export const createDraftSchema = z.strictObject({
  brief: z.record(z.string(), z.unknown()),
  /** Overrides the brief's type. */
  type: z.enum(contentTypes).optional(),
  provider: z.enum(providerNames).default('composer'),
  variants: z.number().int().min(1).max(MAX_VARIANTS).default(1),
  /** Approved facts of the workspace to add to the brief, by id. */
  factIds: z.array(z.string().min(1).max(80)).max(20).default([]),
  seed: z.string().max(80).optional(),
});
export type CreateDraftInput = z.input<typeof createDraftSchema>;

export const editDraftSchema = z
  .strictObject({
    /** The new text, as Markdown (# title, ## headings, - lists). */
    markdown: z.string().min(1).max(MAX_DRAFT_CHARS).optional(),
    /** Which variant of the current version to work from. */
    variant: z.number().int().min(0).max(MAX_VARIANTS).optional(),
    involvement: z.enum(involvements).optional(),
  })
  .refine((v) => v.markdown !== undefined || v.variant !== undefined, 'give markdown or variant');
export type EditDraftInput = z.input<typeof editDraftSchema>;

export interface DraftSummary {
  id: string;
  status: DraftStatus;
  type: string;
  lang: string;
  provider: string;
  model: string | null;
  involvement: string;
  author: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DraftView extends DraftSummary {
  brief: Brief;
  briefSha256: string;
  selectedVariant: number;
  reviewers: string[];
  submittedAt: string | null;
  reviewedAt: string | null;
  exportedAt: string | null;
  variants: Array<{ variant: number; verdict: string; contentSha256: string } & VersionContent>;
  history: Array<{ version: number; variants: number; createdAt: string; createdBy: string }>;
  comments: Array<{ id: string; author: string; body: string; createdAt: string }>;
}

type Row = Awaited<ReturnType<typeof draftRow>>;

function summaryOf(row: Row, author: string): DraftSummary {
  return {
    id: row.id,
    status: row.status as DraftStatus,
    type: row.type,
    lang: row.lang,
    provider: row.provider,
    model: row.model,
    involvement: row.involvement,
    author,
    version: row.current_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function slimFindings(findings: ScanFinding[]): VersionContent['findings'] {
  return findings.map(({ rule, action, severity, message, start, end, category }) => ({
    rule,
    action,
    severity,
    message,
    start,
    end,
    category,
  }));
}

export function briefHash(brief: Brief): string {
  return sha256Hex(canonicalJson(brief));
}

/** Streaming hooks for a caller that shows text as a model writes it (the console). */
export type DraftStreamHooks = Pick<GuardedOptions, 'onDelta' | 'signal'>;

export async function createDraft(
  vigie: Vigie,
  actor: Principal | undefined,
  input: CreateDraftInput,
  hooks: DraftStreamHooks = {},
): Promise<DraftView> {
  const req = createDraftSchema.parse(input);
  const kit = await getBrandKit(vigie);
  const raw = { ...req.brief, ...(req.type ? { type: req.type } : {}) } as Record<string, unknown>;
  let brief = parseBrief(raw);
  if (req.factIds.length > 0) {
    const picked = factsForBrief(kit, req.factIds);
    const have = new Set(brief.facts.map((f) => f.id));
    brief = parseBrief({ ...brief, facts: [...brief.facts, ...picked.filter((f) => !have.has(f.id))] });
  }
  const [provider, policy, knownValues] = await Promise.all([
    workspaceProvider(vigie, req.provider),
    workspacePolicy(vigie),
    loadKnownValues(vigie),
  ]);
  const result = await guardedGenerate(brief, provider, {
    variants: req.variants,
    ...(req.seed ? { seed: req.seed } : {}),
    policy,
    kit,
    knownValues,
    ...(hooks.onDelta ? { onDelta: hooks.onDelta } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  const id = randomUUID();
  const now = nowIso();
  const author = identityOf(actor);
  const first = result.drafts[0]!.draft;
  const hashes: string[] = [];
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('studio_drafts')
      .values({
        id,
        status: 'draft',
        type: brief.type,
        lang: brief.lang,
        provider: first.provider,
        model: first.model,
        involvement: first.involvement,
        brief_enc: sealBrief(vigie, id, brief),
        brief_sha256: briefHash(brief),
        author,
        current_version: 1,
        selected_variant: 0,
        reviewed_by: null,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        reviewed_at: null,
        exported_at: null,
      })
      .execute();
    for (const [i, checked] of result.drafts.entries()) {
      const content: VersionContent = {
        draft: checked.draft,
        findings: slimFindings(checked.findings),
        readability: checked.readability,
      };
      hashes.push(await insertVersion(vigie, tx, id, 1, i, content, checked.verdict, author, now));
    }
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'studio.draft.create',
        target: `draft:${id}`,
        details: {
          briefSha256: briefHash(brief),
          provider: first.provider,
          model: first.model,
          variants: hashes.length,
          contentSha256: hashes,
          ...(result.input
            ? { inputVerdict: result.input.verdict, pseudonymised: result.input.pseudonymised }
            : {}),
        },
      },
    ]);
  });
  return getDraft(vigie, id);
}

export const listDraftsSchema = z.object({
  status: z.enum(['draft', 'in_review', 'changes_requested', 'approved', 'exported']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function listDrafts(
  vigie: Vigie,
  query: z.input<typeof listDraftsSchema> = {},
): Promise<DraftSummary[]> {
  const q = listDraftsSchema.parse(query);
  let sel = vigie.db.selectFrom('studio_drafts').selectAll();
  if (q.status) sel = sel.where('status', '=', q.status);
  const rows = await sel.orderBy('created_at', 'desc').limit(q.limit).execute();
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.author)) names.set(r.author, await publicNameOf(vigie, r.author));
  return rows.map((r) => summaryOf(r, names.get(r.author)!));
}

export async function getDraft(vigie: Vigie, id: string): Promise<DraftView> {
  const row = await draftRow(vigie.db, id);
  const all = await loadVersions(vigie, vigie.db, id);
  const comments = await vigie.db
    .selectFrom('studio_comments')
    .selectAll()
    .where('draft_id', '=', id)
    .orderBy('created_at')
    .execute();
  const reviewerIds = row.reviewed_by ? (JSON.parse(row.reviewed_by) as string[]) : [];
  const history = new Map<
    number,
    { version: number; variants: number; createdAt: string; createdBy: string }
  >();
  for (const v of all) {
    const h = history.get(v.version);
    if (h) h.variants++;
    else
      history.set(v.version, {
        version: v.version,
        variants: 1,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
      });
  }
  const nameCache = new Map<string, string>();
  const nameOf = async (who: string) => {
    if (!nameCache.has(who)) nameCache.set(who, await publicNameOf(vigie, who));
    return nameCache.get(who)!;
  };
  return {
    ...summaryOf(row, await nameOf(row.author)),
    brief: await openBrief(vigie, row),
    briefSha256: row.brief_sha256,
    selectedVariant: row.selected_variant,
    reviewers: await Promise.all(reviewerIds.map(nameOf)),
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    exportedAt: row.exported_at,
    variants: all
      .filter((v) => v.version === row.current_version)
      .map((v) => ({ variant: v.variant, verdict: v.verdict, contentSha256: v.contentSha256, ...v.content })),
    history: await Promise.all(
      [...history.values()].map(async (h) => ({ ...h, createdBy: await nameOf(h.createdBy) })),
    ),
    comments: await Promise.all(
      comments.map(async (c) => ({
        id: c.id,
        author: await nameOf(c.author),
        body: await vigie.keyring.open(c.body_enc, { table: 'studio_comments', column: 'body', row: c.id }),
        createdAt: c.created_at,
      })),
    ),
  };
}

const EDITABLE: readonly DraftStatus[] = ['draft', 'changes_requested'];

/** Guard's `output` check of an edited text, with the workspace's policy, facts and brand rules. */
async function checkEdited(vigie: Vigie, draft: Draft, brief: Brief) {
  const [policy, context] = await Promise.all([workspacePolicy(vigie), workspaceContext(vigie)]);
  return scan(draft.text, {
    profile: 'output',
    lang: draft.lang,
    locale: draft.lang,
    policy,
    context: {
      ...context,
      facts: [
        ...(context.facts ?? []),
        ...brief.facts.map((f) => ({ ...f, expiresAt: f.expiresAt ?? null })),
      ],
    },
  });
}

/**
 * The author picks a variant or writes a new version. Only the author edits, and only before review
 * or after changes were requested.
 */
export async function editDraft(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
  input: EditDraftInput,
): Promise<DraftView> {
  const req = editDraftSchema.parse(input);
  const row = await draftRow(vigie.db, id);
  if (row.author !== identityOf(actor)) throw new AppError('FORBIDDEN', 'Only the author edits a draft');
  if (!EDITABLE.includes(row.status as DraftStatus))
    throw new AppError('CONFLICT', `A draft in status ${row.status} cannot be edited`);
  const versions = await loadVersions(vigie, vigie.db, id, row.current_version);
  const variant = req.variant ?? row.selected_variant;
  const base = versions.find((v) => v.variant === variant);
  if (!base) throw new AppError('VALIDATION', `Version ${row.current_version} has no variant ${variant}`);
  const now = nowIso();
  if (req.markdown === undefined) {
    await vigie.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('studio_drafts')
        .set({ selected_variant: variant, updated_at: now })
        .where('id', '=', id)
        .execute();
      await vigie.ledger.append(tx, [
        {
          actor: actorOf(actor),
          action: 'studio.draft.select',
          target: `draft:${id}`,
          details: { version: row.current_version, variant },
        },
      ]);
    });
    return getDraft(vigie, id);
  }
  const brief = await openBrief(vigie, row);
  const old = base.content.draft;
  const sections = sectionsFromMarkdown(req.markdown);
  const involvement = req.involvement ?? (row.involvement as Draft['involvement']);
  const draft = makeDraft({
    type: old.type,
    lang: old.lang,
    title: sections.find((s) => s.kind === 'title')?.text ?? sections[0]?.text.split('\n')[0] ?? '',
    sections,
    warnings: [],
    provider: old.provider,
    model: old.model,
    involvement,
    ...(old.variant ? { variant: old.variant } : {}),
  });
  const checked = await checkEdited(vigie, draft, brief);
  const version = row.current_version + 1;
  const author = identityOf(actor);
  await vigie.db.transaction().execute(async (tx) => {
    const sha = await insertVersion(
      vigie,
      tx,
      id,
      version,
      0,
      {
        draft,
        findings: slimFindings(checked.findings),
        readability: checked.readability,
        basedOn: { version: row.current_version, variant },
      },
      checked.verdict,
      author,
      now,
    );
    const res = await tx
      .updateTable('studio_drafts')
      .set({ current_version: version, selected_variant: 0, involvement, updated_at: now })
      .where('id', '=', id)
      .where('current_version', '=', row.current_version)
      .where('status', 'in', EDITABLE)
      .executeTakeFirst();
    // Another edit or a submission got there first: this one is rolled back, version row included.
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'The draft changed meanwhile; reload it');
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'studio.draft.edit',
        target: `draft:${id}`,
        details: { version, basedOn: base.contentSha256, contentSha256: sha, involvement },
      },
    ]);
  });
  return getDraft(vigie, id);
}

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** A unified diff between two versions (the variant each edit started from), and line counts. */
export async function diffVersions(vigie: Vigie, id: string, query: z.input<typeof diffQuerySchema>) {
  const q = diffQuerySchema.parse(query);
  const row = await draftRow(vigie.db, id);
  const pick = async (version: number, variant: number) => {
    const vs = await loadVersions(vigie, vigie.db, id, version);
    const v = vs.find((x) => x.variant === variant) ?? vs[0];
    if (!v) throw new AppError('NOT_FOUND', `version ${version} not found`);
    return v;
  };
  const to = await pick(q.to, q.to === row.current_version ? row.selected_variant : 0);
  const fromVariant = to.content.basedOn?.version === q.from ? to.content.basedOn.variant : 0;
  const from = await pick(q.from, fromVariant);
  const a = `${from.content.draft.markdown}\n`;
  const b = `${to.content.draft.markdown}\n`;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(a, b)) {
    if (part.added) added += part.count ?? 0;
    if (part.removed) removed += part.count ?? 0;
  }
  return {
    from: q.from,
    to: q.to,
    added,
    removed,
    patch: createTwoFilesPatch(`v${q.from}`, `v${q.to}`, a, b),
  };
}
