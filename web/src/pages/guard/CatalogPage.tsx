import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type CatalogDetector, fetchCatalog } from '../../api/guard';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { toLanguage } from '../../i18n/languages';
import { CATEGORY_LABEL, categoryLabelKey, SEVERITY_LABEL } from '../check/labels';
import { CATALOG_QUERY_KEY } from './queryKeys';

/** Every detector Guard runs, described in the reader's language. */
export function CatalogPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: CATALOG_QUERY_KEY,
    queryFn: fetchCatalog,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <>
      <PageHeader title={t('catalog.title')} description={t('catalog.description')} />
      <QueryBoundary query={query} loadingLabel={t('catalog.loading')}>
        {(data) => <CatalogTable detectors={data.detectors} />}
      </QueryBoundary>
    </>
  );
}

const MAX_FILTER = 100;

function CatalogTable({ detectors }: { detectors: CatalogDetector[] }) {
  const { t, i18n } = useTranslation();
  const locale = toLanguage(i18n.resolvedLanguage) ?? 'en';
  const [category, setCategory] = useState('');
  const [search, setSearch] = useState('');
  const searchId = useId();
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return detectors.filter(
      (detector) =>
        (category === '' || detector.category === category) &&
        (needle === '' ||
          detector.id.toLowerCase().includes(needle) ||
          (detector.description[locale] ?? '').toLowerCase().includes(needle)),
    );
  }, [detectors, category, search, locale]);

  return (
    <section className="card card-flush" aria-labelledby="catalog-table-title">
      <div className="card-heading-row">
        <h2 id="catalog-table-title" className="card-heading">
          {t('catalog.count', { count: shown.length, total: detectors.length })}
        </h2>
        <div className="catalog-filters">
          <div className="field">
            <label htmlFor="catalog-category">{t('catalog.category')}</label>
            <select
              id="catalog-category"
              value={category}
              onChange={(event) => setCategory(event.target.value)}
              data-testid="catalog-category"
            >
              <option value="">{t('catalog.allCategories')}</option>
              {CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {t(CATEGORY_LABEL[value])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={searchId}>{t('catalog.search')}</label>
            <input
              id={searchId}
              type="search"
              value={search}
              maxLength={MAX_FILTER}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="catalog-search"
            />
          </div>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('catalog.empty')}</p>
      ) : (
        <ScrollRegion labelledBy="catalog-table-title">
          <table className="table" data-testid="catalog-table">
            <thead>
              <tr>
                <th scope="col">{t('catalog.detector')}</th>
                <th scope="col">{t('catalog.category')}</th>
                <th scope="col">{t('catalog.languages')}</th>
                <th scope="col">{t('catalog.severity')}</th>
                <th scope="col">{t('catalog.descriptionColumn')}</th>
                <th scope="col">{t('catalog.example')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((detector) => {
                const categoryKey = categoryLabelKey(detector.category);
                return (
                  <tr key={detector.id} data-testid="catalog-row" data-detector-id={detector.id}>
                    <th scope="row" className="mono">
                      {detector.url ? (
                        <a href={detector.url} rel="noreferrer noopener" target="_blank">
                          {detector.id}
                        </a>
                      ) : (
                        detector.id
                      )}
                    </th>
                    <td>{categoryKey ? t(categoryKey) : detector.category}</td>
                    <td>
                      {detector.languages
                        .map((language) =>
                          language === '*' ? t('catalog.anyLanguage') : language.toUpperCase(),
                        )
                        .join(', ')}
                    </td>
                    <td>{t(SEVERITY_LABEL[detector.defaultSeverity])}</td>
                    <td data-testid="catalog-description">
                      {detector.description[locale] ?? detector.description.en}
                    </td>
                    <td className="break">
                      <code>{detector.example}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
