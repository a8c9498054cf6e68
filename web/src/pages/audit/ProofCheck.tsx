import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, InclusionProof, SignedHead } from '../../api/types';
import { checkInclusion } from '../../lib/ledgerCheck';
import { sha256 } from '../../lib/webCrypto';
import { HEAD_QUERY_KEY } from './SignedHeadCard';

/**
 * Recomputes, in the browser, the entry's leaf hash and the path to the root, and compares that
 * root with the signed head shown on the page when both describe the same tree size.
 */
export function ProofCheck({ proof, entry }: { proof: InclusionProof; entry: AuditEntry }) {
  const { t } = useTranslation();
  const head = useQueryClient().getQueryData<SignedHead>(HEAD_QUERY_KEY);
  const query = useQuery({
    queryKey: ['audit', 'proof-check', proof, entry.seq, entry.at],
    queryFn: () => checkInclusion(sha256, proof, entry),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (query.isPending) return <p className="check-line muted">{t('audit.proof.check.checking')}</p>;
  const verdict = query.isError ? { ok: false as const, reason: 'malformed' as const } : query.data;
  const sameTree = head !== undefined && head.treeSize === proof.treeSize;
  const headAgrees = sameTree && head.rootHash === proof.rootHash;
  return (
    <div className="check-lines" data-testid="proof-check" data-ok={verdict.ok && (!sameTree || headAgrees)}>
      <p className="check-line">
        <span className={`status ${verdict.ok ? 'status-on' : 'status-bad'}`}>
          {verdict.ok ? t('audit.proof.check.ok') : t(`audit.proof.check.${verdict.reason}`)}
        </span>
      </p>
      {sameTree ? (
        <p className="check-line">
          <span className={`status ${headAgrees ? 'status-on' : 'status-bad'}`}>
            {headAgrees ? t('audit.proof.check.headAgrees') : t('audit.proof.check.headDiffers')}
          </span>
        </p>
      ) : null}
    </div>
  );
}
