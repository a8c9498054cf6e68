import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProof } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { Modal } from '../../components/Modal';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ProofCheck } from './ProofCheck';

/** The inclusion proof of one entry against the current tree, as the server computed it. */
export function ProofDialog({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const seq = entry.seq;
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['audit', 'proof', seq], queryFn: () => fetchProof(seq) });
  return (
    <Modal
      open
      wide
      title={t('audit.proof.title', { seq })}
      onClose={onClose}
      testId="proof-view"
      actions={
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="proof-close">
          {t('common.close')}
        </button>
      }
    >
      <p className="muted">{t('audit.proof.help')}</p>
      <div aria-live="polite">
        <QueryBoundary query={query} loadingLabel={t('audit.proof.loading')}>
          {(proof) => (
            <>
              <ProofCheck proof={proof} entry={entry} />
              <dl className="facts" data-testid="proof-data">
                <dt>{t('audit.proof.seq')}</dt>
                <dd>{proof.seq}</dd>
                <dt>{t('audit.proof.treeSize')}</dt>
                <dd>{proof.treeSize}</dd>
                <dt>{t('audit.proof.leafHash')}</dt>
                <dd className="mono break small">{proof.leafHash}</dd>
                <dt>{t('audit.proof.rootHash')}</dt>
                <dd className="mono break small">{proof.rootHash}</dd>
                <dt>{t('audit.proof.path', { count: proof.proof.length })}</dt>
                <dd>
                  {proof.proof.length === 0 ? (
                    <span className="muted">{t('audit.proof.emptyPath')}</span>
                  ) : (
                    <ol className="hash-list">
                      {proof.proof.map((hash, index) => (
                        // Sibling hashes can repeat; their position is what identifies them.
                        // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity here.
                        <li key={index} className="mono break small">
                          {hash}
                        </li>
                      ))}
                    </ol>
                  )}
                </dd>
              </dl>
            </>
          )}
        </QueryBoundary>
      </div>
    </Modal>
  );
}
