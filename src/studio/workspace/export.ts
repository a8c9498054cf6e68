/**
 * Export of an approved draft and verification of what was published. The ledger entry comes first,
 * in the same transaction, so the signed manifest can carry its sequence number.
 */
import { z } from 'zod';
import { identityOf } from '../../core/access/identity.js';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { exportDraft, exportSigned, type SignedExport, verifyExport } from '../export.js';
import { sha256Hex, type VerifyReason } from '../provenance.js';
import { publicNameOf } from './identity.js';
import { getStudioPolicy } from './policy.js';
import { currentVersion, draftRow, openBrief } from './store.js';

export const exportRequestSchema = z.strictObject({ format: z.enum(['md', 'html', 'text']).default('md') });

export async function exportApprovedDraft(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
  input: z.input<typeof exportRequestSchema>,
): Promise<SignedExport> {
  const { format } = exportRequestSchema.parse(input);
  const row = await draftRow(vigie.db, id);
  if (row.status !== 'approved' && row.status !== 'exported')
    throw new AppError('CONFLICT', 'Only an approved draft can be exported');
  const [current, brief, policy] = await Promise.all([
    currentVersion(vigie, vigie.db, row),
    openBrief(vigie, row),
    getStudioPolicy(vigie),
  ]);
  const reviewerIds = row.reviewed_by ? (JSON.parse(row.reviewed_by) as string[]) : [];
  const [author, ...reviewers] = await Promise.all(
    [row.author, ...reviewerIds].map((w) => publicNameOf(vigie, w)),
  );
  const wording = policy.disclosure ? { wording: policy.disclosure } : {};
  const draft = {
    ...current.content.draft,
    involvement: row.involvement as typeof current.content.draft.involvement,
  };
  // The exported bytes do not depend on the manifest (HTML embeds it outside what its hash covers).
  const plain = exportDraft(draft, format, wording);
  const now = nowIso();
  const keyring = vigie.keyring;
  return vigie.db.transaction().execute(async (tx) => {
    const [entry] = await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'studio.export',
        target: `draft:${id}`,
        details: {
          format,
          version: row.current_version,
          draftSha256: current.contentSha256,
          contentSha256: sha256Hex(plain.content),
          briefSha256: row.brief_sha256,
          by: identityOf(actor),
        },
      },
    ]);
    const signed = exportSigned(draft, format, {
      ...wording,
      brief,
      author: author!,
      reviewers,
      timestamps: {
        created: row.created_at,
        ...(row.submitted_at ? { submitted: row.submitted_at } : {}),
        ...(row.reviewed_at ? { approved: row.reviewed_at } : {}),
        exported: now,
      },
      ledgerSeq: entry!.seq,
      sign: (bytes) => keyring.sign(bytes),
      publicKey: keyring.signingPublicKey.publicKey,
    });
    await tx
      .updateTable('studio_drafts')
      .set({ status: 'exported', exported_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    return signed;
  });
}

/** 5 MB of content, as the public verification route accepts. */
export const MAX_VERIFY_CHARS = 5 * 1024 * 1024;
export const verifyRequestSchema = z.strictObject({
  content: z.string().max(MAX_VERIFY_CHARS),
  /** The sidecar manifest; omitted for HTML that embeds it. */
  manifest: z.unknown().optional(),
});

export interface PublicVerification {
  ok: boolean;
  reason?: VerifyReason | 'not-recorded';
  /** Signed by this workspace's key and found in its ledger as an export of those exact bytes. */
  recorded: boolean;
  author?: string;
  reviewers?: string[];
  involvement?: string;
  provider?: string;
  model?: string | null;
  timestamps?: Record<string, string>;
  ledgerSeq?: number | null;
}

/**
 * Whether a text is exactly what this workspace approved and exported: the signature with the
 * workspace's own key, and the ledger entry the manifest names recording the same content hash.
 */
export async function verifyPublished(
  vigie: Vigie,
  input: z.input<typeof verifyRequestSchema>,
): Promise<PublicVerification> {
  const req = verifyRequestSchema.parse(input);
  const result = verifyExport(req.content, req.manifest, vigie.keyring.signingPublicKey.publicKey);
  const m = result.manifest;
  const about = m
    ? {
        author: m.author,
        reviewers: m.reviewers,
        involvement: m.involvement,
        provider: m.provider,
        model: m.model,
        timestamps: m.timestamps,
        ledgerSeq: m.ledgerSeq,
      }
    : {};
  if (!result.ok)
    return { ok: false, ...(result.reason ? { reason: result.reason } : {}), recorded: false, ...about };
  const entry =
    m?.ledgerSeq != null
      ? await vigie.db
          .selectFrom('ledger_entries')
          .selectAll()
          .where('seq', '=', m.ledgerSeq)
          .executeTakeFirst()
      : undefined;
  const details = entry ? (JSON.parse(entry.details) as { contentSha256?: string }) : {};
  const recorded = entry?.action === 'studio.export' && details.contentSha256 === m?.content.sha256;
  return recorded
    ? { ok: true, recorded, ...about }
    : { ok: false, reason: 'not-recorded', recorded, ...about };
}
