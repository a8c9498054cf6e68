import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../api/guard';
import { CATEGORY_LABEL } from './labels';

/** What each highlight style means: colour, underline and symbol together. */
export function CategoryLegend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="check-legend">
      <h3 id="legend-title" className="visually-hidden">
        {t('check.legend')}
      </h3>
      <ul className="inline-list legend-list">
        {CATEGORIES.map((category) => (
          <li key={category}>
            <span className={`hl hl-${category} hl-start legend-sample`} aria-hidden="true">
              {t('check.legendSample')}
            </span>{' '}
            {t(CATEGORY_LABEL[category])}
          </li>
        ))}
      </ul>
    </section>
  );
}
