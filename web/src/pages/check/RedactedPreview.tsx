import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATORS, type Operator, redactText, type ScanLang } from '../../api/guard';
import { CopyButton } from '../../components/CopyButton';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScrollRegion } from '../../components/ScrollRegion';
import { OPERATOR_LABEL } from './labels';
import { RestoreBox } from './RestoreBox';

const isOperator = (value: string): value is Operator => (OPERATORS as readonly string[]).includes(value);

/**
 * The checked text as a model would receive it: personal data and secrets swapped by the chosen
 * operator. The server keeps the mapping sealed in its vault; the console only shows the result.
 */
export function RedactedPreview({ text, lang }: { text: string; lang: ScanLang }) {
  const { t } = useTranslation();
  const [operator, setOperator] = useState<Operator>('placeholder');
  const mutation = useMutation({ mutationFn: redactText });
  const { mutate } = mutation;

  // Each change of text or operator asks the server again (each call is written to the ledger).
  useEffect(() => {
    if (text !== '') mutate({ text, operator, lang });
  }, [text, operator, lang, mutate]);

  const result = mutation.data;
  return (
    <div className="stack redacted-preview" data-testid="redacted-preview">
      <div className="redacted-controls">
        <div className="field">
          <label htmlFor="redact-operator">{t('check.redacted.operator')}</label>
          <select
            id="redact-operator"
            value={operator}
            aria-describedby="redact-operator-hint"
            onChange={(event) => isOperator(event.target.value) && setOperator(event.target.value)}
            data-testid="redact-operator"
          >
            {OPERATORS.map((value) => (
              <option key={value} value={value}>
                {t(OPERATOR_LABEL[value])}
              </option>
            ))}
          </select>
          <p id="redact-operator-hint" className="field-hint">
            {t('check.redacted.operatorHint')}
          </p>
        </div>
        {result ? (
          <CopyButton value={result.text} label={t('check.redacted.copy')} testId="redacted-copy" />
        ) : null}
      </div>
      <div aria-live="polite" aria-busy={mutation.isPending}>
        {mutation.isPending ? <Loading label={t('check.redacted.loading')} /> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="redacted-error" /> : null}
      </div>
      {result && !mutation.isPending ? (
        <>
          <pre className="redacted-text" data-testid="redacted-text">
            {result.text}
          </pre>
          <p className="muted" data-testid="redacted-map">
            {result.mapId && result.expiresAt ? (
              <>
                {t('check.redacted.mapKept')} <DateTime value={result.expiresAt} />
              </>
            ) : (
              t('check.redacted.noMap')
            )}
          </p>
          <h3 id="replacements-title">
            {t('check.redacted.replacements', { count: result.replacements.length })}
          </h3>
          {result.replacements.length === 0 ? (
            <p className="empty">{t('check.redacted.nothing')}</p>
          ) : (
            <ScrollRegion labelledBy="replacements-title">
              <table className="table" data-testid="redacted-replacements">
                <thead>
                  <tr>
                    <th scope="col">{t('check.redacted.entity')}</th>
                    <th scope="col">{t('check.redacted.replacement')}</th>
                    <th scope="col">{t('check.redacted.position')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.replacements.map((replacement) => (
                    <tr key={`${replacement.start}-${replacement.end}`} data-testid="replacement-row">
                      <td className="mono">{replacement.entity}</td>
                      <td className="mono break">{replacement.replacement}</td>
                      <td>
                        {replacement.start}–{replacement.end}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {result.mapId ? <RestoreBox key={result.mapId} mapId={result.mapId} /> : null}
        </>
      ) : null}
    </div>
  );
}
