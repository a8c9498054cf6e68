import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyAudit } from '../../api/endpoints';
import type { VerifyResult } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { HEAD_QUERY_KEY } from './SignedHeadCard';

// A saved head is a few hundred bytes; anything much larger is not one.
const MAX_ANCHOR_CHARS = 4096;

/** The anchor field's JSON, undefined when empty; throws when it is not JSON. */
function parseAnchor(text: string): unknown {
  return text.trim() === '' ? undefined : JSON.parse(text);
}

export function VerifyCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const anchorId = useId();
  const [anchorText, setAnchorText] = useState('');
  const [anchorInvalid, setAnchorInvalid] = useState(false);
  const mutation = useMutation({
    mutationFn: verifyAudit,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: HEAD_QUERY_KEY }),
  });

  function verify() {
    let anchor: unknown;
    try {
      anchor = parseAnchor(anchorText);
    } catch {
      setAnchorInvalid(true);
      return;
    }
    setAnchorInvalid(false);
    mutation.mutate(anchor);
  }

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('audit.verify.title')}</h2>
      <p className="muted">{t('audit.verify.help')}</p>
      <details className="field">
        <summary>{t('audit.verify.anchor.summary')}</summary>
        <label htmlFor={anchorId}>{t('audit.verify.anchor.label')}</label>
        <p className="muted" id={`${anchorId}-help`}>
          {t('audit.verify.anchor.help')}
        </p>
        <textarea
          id={anchorId}
          className="mono"
          rows={4}
          maxLength={MAX_ANCHOR_CHARS}
          value={anchorText}
          onChange={(e) => setAnchorText(e.target.value)}
          aria-describedby={`${anchorId}-help`}
          aria-invalid={anchorInvalid}
          data-testid="verify-anchor"
        />
        {anchorInvalid ? <Notice tone="danger">{t('audit.verify.anchor.invalid')}</Notice> : null}
      </details>
      <button
        type="button"
        className="button button-primary"
        onClick={verify}
        disabled={mutation.isPending}
        aria-busy={mutation.isPending}
        data-testid="verify-button"
      >
        {mutation.isPending ? t('audit.verify.running') : t('audit.verify.button')}
      </button>
      <div aria-live="polite" aria-atomic="true" className="verify-output">
        {mutation.isSuccess ? <VerifyOutcome result={mutation.data} /> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="verify-error" /> : null}
      </div>
    </section>
  );
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const summary = t('audit.verify.summary', {
    count: result.entriesChecked ?? result.treeSize,
    heads: result.headsChecked,
  });
  const anchor = result.anchor ? <AnchorOutcome anchor={result.anchor} /> : null;
  if (!result.firstBad) {
    return (
      <div data-testid="verify-result" data-ok={String(result.ok)}>
        <Notice tone="success" title={t('audit.verify.ok')}>
          <p>{summary}</p>
        </Notice>
        {anchor}
      </div>
    );
  }
  return (
    <div data-testid="verify-result" data-ok="false">
      <Notice tone="danger" title={t('audit.verify.bad')}>
        <p data-testid="verify-first-bad" data-seq={result.firstBad.seq}>
          {t('audit.verify.firstBad', { seq: result.firstBad.seq, reason: result.firstBad.reason })}
        </p>
        <p>{summary}</p>
      </Notice>
      {anchor}
    </div>
  );
}

function AnchorOutcome({ anchor }: { anchor: NonNullable<VerifyResult['anchor']> }) {
  const { t } = useTranslation();
  const issued = <DateTime value={anchor.issuedAt} format="precise" />;
  return anchor.ok ? (
    <Notice
      tone="success"
      title={t('audit.verify.anchor.ok', { size: anchor.treeSize })}
      testId="verify-anchor-result"
    >
      <p>
        {t('audit.verify.anchor.issued')} {issued}
      </p>
    </Notice>
  ) : (
    <Notice
      tone="danger"
      title={t('audit.verify.anchor.broken', { size: anchor.treeSize })}
      testId="verify-anchor-result"
    >
      <p>{anchor.reason}</p>
      <p>
        {t('audit.verify.anchor.issued')} {issued}
      </p>
    </Notice>
  );
}
