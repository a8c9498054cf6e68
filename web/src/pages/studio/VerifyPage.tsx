import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Verification, verifyProvenance } from '../../api/studio';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PublicFrame } from '../../components/PublicFrame';
import { INVOLVEMENT_LABEL, isInvolvement } from './labels';
import { parseManifest, sortDropped } from './verifyFiles';

const MAX_CHARS = 5 * 1024 * 1024;

const REASON_LABEL = {
  malformed: 'verify.reasons.malformed',
  'content-modified': 'verify.reasons.content-modified',
  unsigned: 'verify.reasons.unsigned',
  'bad-signature': 'verify.reasons.bad-signature',
  'untrusted-key': 'verify.reasons.untrusted-key',
  'not-recorded': 'verify.reasons.not-recorded',
} as const satisfies Record<NonNullable<Verification['reason']>, string>;

/**
 * Public: anyone holding a published text and its manifest (or an HTML export, which embeds it) can
 * check that it is exactly what this workspace approved, by whom and when, and how AI was involved.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const [content, setContent] = useState('');
  const [manifest, setManifest] = useState('');
  const [badJson, setBadJson] = useState(false);
  const check = useMutation({
    mutationFn: ({ text, parsed }: { text: string; parsed: unknown }) => verifyProvenance(text, parsed),
  });

  useEffect(() => {
    document.title = `${t('verify.title')} · ${t('app.name')}`;
  }, [t]);

  const onFiles = async (files: FileList | null) => {
    if (!files) return;
    const read = await Promise.all(
      [...files].slice(0, 2).map(async (f) => ({ name: f.name, text: (await f.text()).slice(0, MAX_CHARS) })),
    );
    const sorted = sortDropped(read);
    if (sorted.content !== undefined) setContent(sorted.content);
    if (sorted.manifest !== undefined) setManifest(sorted.manifest);
    check.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseManifest(manifest);
    setBadJson(parsed === null);
    if (parsed === null || content === '') return;
    check.mutate({ text: content, parsed });
  };

  return (
    <PublicFrame title={t('verify.title')} intro={t('verify.intro')} cardClass="verify-card">
      <form className="form" onSubmit={submit} data-testid="verify-form">
        <section className="verify-drop">
          <label htmlFor="verify-files">{t('verify.files')}</label>
          {/* A file input takes dropped files itself: no drag handlers of our own. */}
          <input
            id="verify-files"
            type="file"
            multiple
            accept=".md,.html,.htm,.txt,.json,text/*,application/json"
            onChange={(e) => void onFiles(e.target.files)}
            data-testid="verify-files"
          />
          <p className="field-hint">{t('verify.filesHint')}</p>
        </section>
        <div className="field">
          <label htmlFor="verify-content">{t('verify.content')}</label>
          <textarea
            id="verify-content"
            rows={10}
            maxLength={MAX_CHARS}
            value={content}
            spellCheck={false}
            onChange={(e) => setContent(e.target.value)}
            data-testid="verify-content"
          />
        </div>
        <div className="field">
          <label htmlFor="verify-manifest">{t('verify.manifest')}</label>
          <textarea
            id="verify-manifest"
            rows={8}
            maxLength={64 * 1024}
            value={manifest}
            spellCheck={false}
            className="mono"
            aria-describedby="verify-manifest-hint"
            aria-invalid={badJson || undefined}
            onChange={(e) => setManifest(e.target.value)}
            data-testid="verify-manifest"
          />
          <p id="verify-manifest-hint" className="field-hint">
            {t('verify.manifestHint')}
          </p>
          {badJson ? <p className="field-error">{t('verify.badJson')}</p> : null}
        </div>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={check.isPending || content === ''}
          data-testid="verify-submit"
        >
          {t('verify.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {check.isError ? <ErrorNotice error={check.error} /> : null}
        {check.data ? <VerdictCard result={check.data} /> : null}
      </div>
    </PublicFrame>
  );
}

function VerdictCard({ result }: { result: Verification }) {
  const { t } = useTranslation();
  const stamps = result.timestamps ?? {};
  return (
    <div
      className={`notice ${result.ok ? 'notice-success' : 'notice-danger'}`}
      data-testid="verify-result"
      data-ok={String(result.ok)}
    >
      <p className="notice-title">{result.ok ? t('verify.ok') : t('verify.notOk')}</p>
      <div className="notice-body">
        {result.reason ? <p data-testid="verify-reason">{t(REASON_LABEL[result.reason])}</p> : null}
        {result.ok ? (
          <dl className="facts">
            <dt>{t('verify.author')}</dt>
            <dd data-testid="verify-author">{result.author}</dd>
            <dt>{t('verify.reviewers')}</dt>
            <dd data-testid="verify-reviewers">{(result.reviewers ?? []).join(', ') || '—'}</dd>
            {stamps.approved ? (
              <>
                <dt>{t('verify.approvedAt')}</dt>
                <dd>
                  <DateTime value={stamps.approved} format="precise" />
                </dd>
              </>
            ) : null}
            {stamps.exported ? (
              <>
                <dt>{t('verify.exportedAt')}</dt>
                <dd>
                  <DateTime value={stamps.exported} format="precise" />
                </dd>
              </>
            ) : null}
            <dt>{t('verify.involvement')}</dt>
            <dd data-testid="verify-involvement">
              {isInvolvement(result.involvement) ? t(INVOLVEMENT_LABEL[result.involvement]) : '—'}
              {result.involvement && result.involvement !== 'none' && result.provider
                ? ` (${result.model ? `${result.provider}, ${result.model}` : result.provider})`
                : ''}
            </dd>
            {result.ledgerSeq != null ? (
              <>
                <dt>{t('verify.ledger')}</dt>
                <dd>#{result.ledgerSeq}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </div>
    </div>
  );
}
