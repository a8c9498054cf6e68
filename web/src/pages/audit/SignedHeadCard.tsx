import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAuditHead } from '../../api/endpoints';
import { CopyButton } from '../../components/CopyButton';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { HeadSignatureCheck } from './HeadSignatureCheck';

export const HEAD_QUERY_KEY = ['audit', 'head'] as const;

export function SignedHeadCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: HEAD_QUERY_KEY, queryFn: fetchAuditHead });
  return (
    <section className="card" aria-labelledby="head-title" data-testid="audit-head">
      <h2 id="head-title">{t('audit.head.title')}</h2>
      <p className="muted">{t('audit.head.help')}</p>
      <QueryBoundary query={query}>
        {(head) => (
          <>
            <HeadSignatureCheck head={head} />
            <dl className="facts">
              <dt>{t('audit.head.treeSize')}</dt>
              <dd data-testid="audit-head-size">{head.treeSize}</dd>
              <dt>{t('audit.head.issuedAt')}</dt>
              <dd>
                <DateTime value={head.issuedAt} format="precise" />
              </dd>
              <dt>{t('audit.head.rootHash')}</dt>
              <dd className="mono break" data-testid="audit-head-root">
                {head.rootHash}
              </dd>
              <dt>{t('audit.head.keyId')}</dt>
              <dd className="mono break">{head.keyId}</dd>
              <dt>{t('audit.head.signature')}</dt>
              <dd className="mono break small">{head.signature}</dd>
              <dt>{t('audit.head.publicKey')}</dt>
              <dd className="mono break small">{head.publicKey}</dd>
            </dl>
            <p className="muted">{t('audit.head.anchorHelp')}</p>
            <CopyButton
              value={JSON.stringify(head)}
              label={t('audit.head.copyAnchor')}
              testId="audit-head-copy"
            />
          </>
        )}
      </QueryBoundary>
    </section>
  );
}
