import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { analyseEmail, type EmailAnalysisResult, MAX_EML_BYTES, type ShieldLocale } from '../../api/shield';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { toLanguage } from '../../i18n/languages';
import { AnalysesHistory } from './AnalysesHistory';
import { AuthResults } from './AuthResults';
import { EmailVerdictPanel } from './EmailVerdictPanel';
import { EmlDropzone } from './EmlDropzone';
import { emlFileProblem, type FileProblem } from './logic';
import { MailboxSettingsPanel } from './MailboxSettingsForm';
import { ANALYSES_QUERY_KEY } from './queryKeys';
import { ReasonGroups } from './ReasonGroups';
import { ReportedMailbox } from './ReportedMailbox';
import { SHIELD_PERMISSIONS } from './tabs';

const LIMIT_MB = MAX_EML_BYTES / 1024 / 1024;

interface Analysed {
  file: File;
  offline: boolean;
  locale: ShieldLocale;
  result: EmailAnalysisResult;
}

/** Upload an .eml file and read why it is (or is not) phishing; past analyses for threat readers. */
export function EmailsTab() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const locale: ShieldLocale = toLanguage(i18n.resolvedLanguage) ?? 'en';
  const queryClient = useQueryClient();
  const [offline, setOffline] = useState(false);
  const [problem, setProblem] = useState<FileProblem | 'several'>();
  const [analysed, setAnalysed] = useState<Analysed>();

  const mutation = useMutation({
    mutationFn: (request: { file: File; offline: boolean; locale: ShieldLocale }) =>
      analyseEmail(request.file, request),
    onSuccess: (result, request) => {
      setAnalysed({ ...request, result });
      void queryClient.invalidateQueries({ queryKey: ANALYSES_QUERY_KEY });
    },
  });
  const { mutate, isPending } = mutation;

  // Each analysis is recorded, so a language switch does not resubmit by itself: the reader asks.
  const otherLocale = analysed !== undefined && analysed.locale !== locale;

  function onFiles(files: File[]) {
    mutation.reset();
    const [file] = files;
    if (!file) return;
    if (files.length > 1) return setProblem('several');
    const found = emlFileProblem(file);
    setProblem(found);
    if (!found) mutate({ file, offline, locale });
  }

  const tooLarge = problem === 'tooLarge' || (isApiError(mutation.error) && mutation.error.status === 413);
  const canSubmit = can(SHIELD_PERMISSIONS.submit);

  return (
    <div className="stack">
      {canSubmit ? (
        <section className="card" aria-labelledby="shield-upload-title">
          <h2 id="shield-upload-title">{t('shield.emails.uploadTitle')}</h2>
          <p className="muted">{t('shield.emails.uploadHelp')}</p>
          <EmlDropzone busy={isPending} onFiles={onFiles} />
          <p id="shield-eml-hint" className="field-hint">
            {t('shield.emails.limit', { limit: LIMIT_MB })}
          </p>
          <div className="field checkbox-field">
            <input
              id="shield-offline"
              type="checkbox"
              checked={offline}
              onChange={(event) => setOffline(event.target.checked)}
              data-testid="shield-offline"
            />
            <label htmlFor="shield-offline">{t('shield.emails.offline')}</label>
          </div>
          <LiveRegion testId="shield-email-status">
            {problem === 'empty' ? <Notice tone="warning">{t('shield.emails.errors.empty')}</Notice> : null}
            {problem === 'notEml' ? (
              <Notice tone="warning" testId="shield-not-eml">
                {t('shield.emails.errors.notEml')}
              </Notice>
            ) : null}
            {problem === 'several' ? (
              <Notice tone="warning">{t('shield.emails.errors.several')}</Notice>
            ) : null}
            {tooLarge ? (
              <Notice tone="danger" testId="shield-too-large">
                {t('shield.emails.errors.tooLarge', { limit: LIMIT_MB })}
              </Notice>
            ) : null}
            {mutation.isError && !tooLarge ? (
              <ErrorNotice error={mutation.error} testId="shield-email-error" />
            ) : null}
            {isPending ? (
              <p className="muted">
                {t('shield.emails.analysing', { name: mutation.variables?.file.name ?? '' })}
              </p>
            ) : null}
            {analysed && !isPending ? (
              <p className="muted">
                {t('shield.emails.announce', {
                  verdict: t(`shield.verdicts.${analysed.result.verdict}`),
                  score: analysed.result.score,
                })}
              </p>
            ) : null}
          </LiveRegion>
        </section>
      ) : null}
      {analysed ? (
        <>
          {otherLocale ? (
            <Notice tone="info" testId="shield-other-locale">
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={isPending}
                onClick={() => mutate({ ...analysed, locale })}
              >
                {t('shield.emails.reanalyse')}
              </button>
            </Notice>
          ) : null}
          <EmailVerdictPanel result={analysed.result} fileName={analysed.file.name} />
          <ReasonGroups reasons={analysed.result.reasons} />
          <AuthResults auth={analysed.result.auth} />
        </>
      ) : null}
      {can(SHIELD_PERMISSIONS.read) ? <AnalysesHistory /> : null}
      {can(SHIELD_PERMISSIONS.read) ? <ReportedMailbox /> : null}
      {can(SHIELD_PERMISSIONS.manage) ? <MailboxSettingsPanel /> : null}
    </div>
  );
}
