import { useMutation } from '@tanstack/react-query';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Finding,
  type Locale,
  MAX_TEXT_BYTES,
  type Profile,
  type ScanLang,
  type ScanRequest,
  type ScanResult,
  scanText,
} from '../api/guard';
import { isApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { LiveRegion, Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { toLanguage } from '../i18n/languages';
import { CategoryLegend } from './check/CategoryLegend';
import { CheckForm } from './check/CheckForm';
import { FindingDetails } from './check/FindingDetails';
import { FindingsList } from './check/FindingsList';
import { HighlightedText } from './check/HighlightedText';
import { RedactedPreview } from './check/RedactedPreview';
import { applySuggestion, utf8Bytes } from './check/segments';
import { VerdictPanel } from './check/VerdictPanel';

type Problem = 'empty' | 'tooLarge';
type Tab = 'findings' | 'redacted';
const TABS: readonly Tab[] = ['findings', 'redacted'];

/** What was checked and what the server said; the text never leaves memory (no URL, no storage, no log). */
interface Checked {
  request: ScanRequest;
  result: ScanResult;
}

export function CheckPage() {
  const { t, i18n } = useTranslation();
  const locale: Locale = toLanguage(i18n.resolvedLanguage) ?? 'en';
  const [text, setText] = useState('');
  const [profile, setProfile] = useState<Profile>('publish');
  const [lang, setLang] = useState<ScanLang>('auto');
  const [problem, setProblem] = useState<Problem>();
  const [checked, setChecked] = useState<Checked>();
  const [selected, setSelected] = useState<number>();
  const [tab, setTab] = useState<Tab>('findings');
  const [applied, setApplied] = useState<string>();
  const anchors = useRef(new Map<number, HTMLElement>());

  const mutation = useMutation({
    mutationFn: scanText,
    onSuccess: (result, request) => {
      setChecked({ request, result });
      setSelected(undefined);
    },
  });
  const { mutate } = mutation;

  const run = useCallback(
    (request: ScanRequest) => {
      if (request.text.trim() === '') return setProblem('empty');
      if (utf8Bytes(request.text) > MAX_TEXT_BYTES) return setProblem('tooLarge');
      setProblem(undefined);
      mutate(request);
    },
    [mutate],
  );

  // Messages come back in the requested language: switching the console's language asks again.
  useEffect(() => {
    if (checked && checked.request.locale !== locale) run({ ...checked.request, locale });
  }, [checked, locale, run]);

  function applyFix(finding: Finding, suggestion: string) {
    if (!checked) return;
    const next = applySuggestion(checked.request.text, finding, suggestion);
    if (next === undefined) return;
    setText(next);
    setApplied(t('check.details.applied', { suggestion }));
    run({ ...checked.request, text: next });
    // The button just used disappears with its finding: keep the keyboard where the reader was.
    document.getElementById('finding-details-title')?.focus();
  }

  const registerAnchor = useCallback((finding: number, element: HTMLElement | null) => {
    if (element) anchors.current.set(finding, element);
    else anchors.current.delete(finding);
  }, []);

  function selectFromList(index: number) {
    setSelected(index);
    const anchor = anchors.current.get(index);
    anchor?.scrollIntoView({ block: 'nearest' });
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) {
      setTab(next);
      document.getElementById(`check-tab-${next}`)?.focus();
    }
  }

  const stale = checked !== undefined && checked.request.text !== text;
  const tooLarge = isApiError(mutation.error) && mutation.error.status === 413;

  return (
    <>
      <PageHeader
        title={t('check.title')}
        description={t('check.description')}
        actions={
          <nav aria-label={t('check.related')} className="inline-list check-links">
            <Link to="/settings/catalog" className="button button-secondary" data-testid="check-catalog-link">
              {t('check.catalogLink')}
            </Link>
            <Link to="/settings/facts" className="button button-ghost" data-testid="check-facts-link">
              {t('settings.sections.facts')}
            </Link>
            <Link to="/settings/brand" className="button button-ghost" data-testid="check-brand-link">
              {t('settings.sections.brand')}
            </Link>
            <Link to="/settings/policy" className="button button-ghost" data-testid="check-policy-link">
              {t('settings.sections.policy')}
            </Link>
          </nav>
        }
      />
      <div className="stack">
        <CheckForm
          text={text}
          onTextChange={setText}
          profile={profile}
          onProfileChange={setProfile}
          lang={lang}
          onLangChange={setLang}
          busy={mutation.isPending}
          onCheck={() => run({ text, profile, lang, locale })}
        />
        <LiveRegion testId="check-status">
          {problem === 'empty' ? <Notice tone="warning">{t('check.errors.empty')}</Notice> : null}
          {problem === 'tooLarge' || tooLarge ? (
            <Notice tone="danger" testId="check-too-large">
              {t('check.errors.tooLarge', { limit: MAX_TEXT_BYTES / 1024 / 1024 })}
            </Notice>
          ) : null}
          {mutation.isError && !tooLarge ? <ErrorNotice error={mutation.error} testId="check-error" /> : null}
          {mutation.isPending ? <p className="muted">{t('check.form.checking')}</p> : null}
          {applied && !mutation.isPending ? <p className="muted">{applied}</p> : null}
          {checked && !mutation.isPending
            ? t('check.announce', {
                verdict: t(`guard.verdicts.${checked.result.verdict}`),
                count: checked.result.findings.length,
              })
            : null}
        </LiveRegion>
        {checked ? (
          <>
            <VerdictPanel result={checked.result} />
            {stale ? (
              <Notice tone="info" testId="check-stale">
                {t('check.stale')}
              </Notice>
            ) : null}
            <section className="card card-flush" aria-label={t('check.results')}>
              <div className="result-tabs" role="tablist" aria-label={t('check.results')}>
                {TABS.map((value) => (
                  <button
                    key={value}
                    id={`check-tab-${value}`}
                    type="button"
                    role="tab"
                    className="result-tab"
                    aria-selected={tab === value}
                    aria-controls={`check-panel-${value}`}
                    tabIndex={tab === value ? 0 : -1}
                    onClick={() => setTab(value)}
                    onKeyDown={onTabKey}
                    data-testid={`check-tab-${value}`}
                  >
                    {t(`check.tabs.${value}`)}
                  </button>
                ))}
              </div>
              <div
                id={`check-panel-${tab}`}
                role="tabpanel"
                aria-labelledby={`check-tab-${tab}`}
                className="result-panel"
              >
                {tab === 'findings' ? (
                  <div className="check-results">
                    <div className="check-text-column">
                      <CategoryLegend />
                      <HighlightedText
                        text={checked.request.text}
                        lang={checked.result.lang}
                        findings={checked.result.findings}
                        selected={selected}
                        onSelect={setSelected}
                        registerAnchor={registerAnchor}
                      />
                      <h2 className="findings-title">
                        {t('check.list.title', { count: checked.result.findings.length })}
                      </h2>
                      <FindingsList
                        text={checked.request.text}
                        findings={checked.result.findings}
                        selected={selected}
                        onSelect={selectFromList}
                      />
                    </div>
                    <FindingDetails
                      text={checked.request.text}
                      findings={checked.result.findings}
                      selected={selected}
                      onSelect={setSelected}
                      onApply={applyFix}
                      busy={mutation.isPending}
                    />
                  </div>
                ) : (
                  <RedactedPreview text={checked.request.text} lang={checked.request.lang} />
                )}
              </div>
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
