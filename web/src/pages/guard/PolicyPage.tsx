import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPolicy, type PolicyDocuments, savePolicy } from '../../api/guard';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { POLICY_QUERY_KEY } from './queryKeys';

/** The server refuses larger overrides. */
const MAX_POLICY_CHARS = 256 * 1024;

export function PolicyPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: POLICY_QUERY_KEY, queryFn: fetchPolicy });
  return (
    <>
      <PageHeader
        title={t('guardSettings.policy.title')}
        description={t('guardSettings.policy.description')}
      />
      <QueryBoundary query={query} loadingLabel={t('guardSettings.policy.loading')}>
        {(documents) => <PolicyEditor documents={documents} />}
      </QueryBoundary>
    </>
  );
}

function PolicyEditor({ documents }: { documents: PolicyDocuments }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const writable = can('policies:write');
  const queryClient = useQueryClient();
  const [yaml, setYaml] = useState(documents.override);
  const mutation = useMutation({
    mutationFn: savePolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(POLICY_QUERY_KEY, saved);
      setYaml(saved.override);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate(yaml);
  }

  return (
    <div className="grid grid-2 policy-grid">
      <section className="card" aria-labelledby="policy-override-title">
        <h2 id="policy-override-title">{t('guardSettings.policy.override')}</h2>
        <form className="form" onSubmit={onSubmit} noValidate data-testid="policy-form">
          <div className="field">
            <label htmlFor="policy-yaml">{t('guardSettings.policy.yaml')}</label>
            <textarea
              id="policy-yaml"
              className="code-editor mono"
              rows={22}
              value={yaml}
              readOnly={!writable}
              spellCheck={false}
              maxLength={MAX_POLICY_CHARS}
              aria-describedby="policy-yaml-hint"
              onChange={(event) => setYaml(event.target.value)}
              data-testid="policy-yaml"
            />
            <p id="policy-yaml-hint" className="field-hint">
              {writable ? t('guardSettings.policy.hint') : t('guardSettings.readOnly')}
            </p>
          </div>
          {writable ? (
            <FormSubmit
              busy={mutation.isPending}
              label={t('guardSettings.policy.save')}
              busyLabel={t('guardSettings.saving')}
              testId="policy-save"
            />
          ) : null}
        </form>
        <LiveRegion testId="policy-result">
          {mutation.isError ? <ErrorNotice error={mutation.error} testId="policy-error" /> : null}
          {mutation.isSuccess ? <Notice tone="success">{t('guardSettings.policy.saved')}</Notice> : null}
        </LiveRegion>
      </section>
      <section className="card" aria-labelledby="policy-effective-title">
        <h2 id="policy-effective-title">{t('guardSettings.policy.effective')}</h2>
        <p className="muted">{t('guardSettings.policy.effectiveHelp')}</p>
        <pre className="code-block" data-testid="policy-effective">
          {documents.effective}
        </pre>
      </section>
    </div>
  );
}
