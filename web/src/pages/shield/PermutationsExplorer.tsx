import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPermutations } from '../../api/shield';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion } from '../../components/Notice';
import { ScrollRegion } from '../../components/ScrollRegion';
import {
  type DomainProblem,
  filterPermutations,
  fuzzerCounts,
  MAX_NAME_PART,
  normaliseDomain,
  pageOf,
  permutationsCsv,
} from './logic';

const PAGE_SIZE = 50;

/** Every lookalike of a domain (no DNS), filtered and paged in the browser, downloadable as CSV. */
export function PermutationsExplorer() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<DomainProblem>();
  const [fuzzer, setFuzzer] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [csvUrl, setCsvUrl] = useState<string>();
  const mutation = useMutation({
    mutationFn: (domain: string) => fetchPermutations(domain),
    onSuccess: () => {
      setFuzzer('');
      setSearch('');
      setPage(1);
    },
  });
  const all = mutation.data?.permutations;
  const fuzzers = useMemo(() => fuzzerCounts(all ?? []), [all]);
  const filtered = useMemo(() => filterPermutations(all ?? [], fuzzer, search), [all, fuzzer, search]);
  const slice = pageOf(filtered, page, PAGE_SIZE);

  // The CSV is a Blob URL (a data: link would not pass the CSP); it is freed when it changes.
  useEffect(() => {
    if (!all) return setCsvUrl(undefined);
    const url = URL.createObjectURL(new Blob([permutationsCsv(filtered)], { type: 'text/csv' }));
    setCsvUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [all, filtered]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = normaliseDomain(input, MAX_NAME_PART);
    setProblem(parsed.problem);
    if (parsed.domain) mutation.mutate(parsed.domain);
  }

  return (
    <section className="card" aria-labelledby="shield-perm-title" data-testid="shield-permutations">
      <h2 id="shield-perm-title">{t('shield.lookalikes.explorer.title')}</h2>
      <p className="muted">{t('shield.lookalikes.explorer.help', { max: MAX_NAME_PART })}</p>
      <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="shield-perm-form">
        <div className="field">
          <label htmlFor="shield-perm-domain">{t('shield.lookalikes.explorer.domain')}</label>
          <input
            id="shield-perm-domain"
            type="text"
            value={input}
            maxLength={253}
            spellCheck={false}
            autoComplete="off"
            placeholder="example.com"
            aria-invalid={problem !== undefined}
            aria-describedby="shield-perm-domain-error"
            onChange={(event) => setInput(event.target.value)}
            data-testid="shield-perm-domain"
          />
          <div id="shield-perm-domain-error" aria-live="polite">
            {problem ? (
              <p className="field-error">{t(`shield.domainErrors.${problem}`, { max: MAX_NAME_PART })}</p>
            ) : null}
          </div>
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          aria-busy={mutation.isPending}
          data-testid="shield-perm-submit"
        >
          {mutation.isPending
            ? t('shield.lookalikes.explorer.generating')
            : t('shield.lookalikes.explorer.submit')}
        </button>
      </form>
      <LiveRegion testId="shield-perm-status">
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="shield-perm-error" /> : null}
        {all ? (
          <p data-testid="shield-perm-count">
            {t('shield.lookalikes.explorer.count', { count: filtered.length })}
          </p>
        ) : null}
      </LiveRegion>
      {all ? (
        <>
          <div className="inline-form">
            <div className="field">
              <label htmlFor="shield-perm-fuzzer">{t('shield.lookalikes.explorer.fuzzer')}</label>
              <select
                id="shield-perm-fuzzer"
                value={fuzzer}
                onChange={(event) => {
                  setFuzzer(event.target.value);
                  setPage(1);
                }}
                data-testid="shield-perm-fuzzer"
              >
                <option value="">{t('shield.lookalikes.explorer.allFuzzers', { count: all.length })}</option>
                {fuzzers.map((entry) => (
                  <option key={entry.fuzzer} value={entry.fuzzer}>
                    {t('shield.lookalikes.explorer.fuzzerOption', entry)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="shield-perm-search">{t('shield.lookalikes.explorer.search')}</label>
              <input
                id="shield-perm-search"
                type="search"
                value={search}
                maxLength={253}
                spellCheck={false}
                onChange={(event) => {
                  setSearch(event.target.value);
                  setPage(1);
                }}
                data-testid="shield-perm-search"
              />
            </div>
            {csvUrl ? (
              <a
                className="button button-secondary"
                href={csvUrl}
                download={`permutations-${mutation.variables ?? 'domain'}.csv`}
                data-testid="shield-perm-download"
              >
                {t('shield.lookalikes.explorer.download')}
              </a>
            ) : null}
          </div>
          <ScrollRegion labelledBy="shield-perm-title">
            <table className="table" data-testid="shield-perm-table">
              <thead>
                <tr>
                  <th scope="col">{t('shield.lookalikes.explorer.fuzzer')}</th>
                  <th scope="col">{t('shield.lookalikes.explorer.domain')}</th>
                </tr>
              </thead>
              <tbody>
                {slice.items.map((p) => (
                  <tr key={`${p.fuzzer}:${p.domain}`} data-testid="shield-perm-row" data-fuzzer={p.fuzzer}>
                    <td className="mono">{p.fuzzer}</td>
                    <td className="mono">{p.domain}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <nav className="pagination" aria-label={t('shield.lookalikes.explorer.pagination')}>
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={slice.page <= 1}
              onClick={() => setPage(slice.page - 1)}
              data-testid="shield-perm-previous"
            >
              {t('shield.lookalikes.explorer.previous')}
            </button>
            <span aria-live="polite" data-testid="shield-perm-page">
              {t('shield.lookalikes.explorer.page', { page: slice.page, pages: slice.pages })}
            </span>
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={slice.page >= slice.pages}
              onClick={() => setPage(slice.page + 1)}
              data-testid="shield-perm-next"
            >
              {t('shield.lookalikes.explorer.next')}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
