import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BrandKitView, KitAudience, KitBoilerplate, Lang } from '../../api/studio';
import { DateTime } from '../../components/DateTime';
import { ScrollRegion } from '../../components/ScrollRegion';
import { EXPIRING_SOON_DAYS, factExpiry } from './brandKitSummary';

const LANG_LABEL = { en: 'studio.brandKit.langs.en', fr: 'studio.brandKit.langs.fr' } as const;
const LEVEL_LABEL = {
  simple: 'studio.brandKit.levels.simple',
  general: 'studio.brandKit.levels.general',
  expert: 'studio.brandKit.levels.expert',
} as const satisfies Record<KitAudience['readingLevel'], string>;

/** The kit, read only: what a communicator checks before drafting, section by section. */
export function BrandKitSummary({ kit }: { kit: BrandKitView }) {
  const { t } = useTranslation();
  return (
    <div className="stack" data-testid="studio-kit-summary">
      <dl className="facts">
        <dt>{t('studio.brandKit.name')}</dt>
        <dd data-testid="studio-kit-name">{kit.name}</dd>
        <dt>{t('studio.brandKit.tone')}</dt>
        <dd>
          <Chips items={kit.voice.tone} />
        </dd>
      </dl>
      <Section id="studio-kit-voice" title={t('studio.brandKit.voice')}>
        <dl className="facts">
          <dt>{t('studio.brandKit.do')}</dt>
          <dd>
            <Lines items={kit.voice.do} />
          </dd>
          <dt>{t('studio.brandKit.dont')}</dt>
          <dd>
            <Lines items={kit.voice.dont} />
          </dd>
          <dt>{t('studio.brandKit.examples')}</dt>
          <dd>
            <Lines items={kit.voice.examples} quoted />
          </dd>
        </dl>
      </Section>
      <Section id="studio-kit-style" title={t('studio.brandKit.styleRules')}>
        <Lines items={kit.styleRules} />
      </Section>
      <Section id="studio-kit-terminology" title={t('studio.brandKit.terminology')}>
        <ReadOnlyTable
          labelledBy="studio-kit-terminology"
          testId="studio-kit-terms"
          headers={[
            t('studio.brandKit.preferred'),
            t('studio.brandKit.deprecated'),
            t('studio.brandKit.note'),
          ]}
          rows={kit.terminology.map((term) => [term.preferred, term.deprecated.join(', '), term.note ?? ''])}
        />
      </Section>
      <Section id="studio-kit-audiences-title" title={t('studio.brandKit.audiences')}>
        <Audiences audiences={kit.audiences} />
      </Section>
      <Section id="studio-kit-boilerplates" title={t('studio.brandKit.boilerplates')}>
        {kit.boilerplates.length === 0 ? (
          <None />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list
          kit.boilerplates.map((b, i) => <Boilerplate key={i} boilerplate={b} />)
        )}
      </Section>
      <Section id="studio-kit-facts-title" title={t('studio.brandKit.facts')}>
        <FactsState kit={kit} />
      </Section>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function None() {
  const { t } = useTranslation();
  return <p className="muted">{t('studio.brandKit.none')}</p>;
}

function Chips({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <None />;
  return (
    <ul className="inline-list">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list; entries may repeat
        <li key={i} className="badge badge-muted">
          {item}
        </li>
      ))}
    </ul>
  );
}

function Lines({ items, quoted = false }: { items: readonly string[]; quoted?: boolean }) {
  if (items.length === 0) return <None />;
  return (
    <ul>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list; entries may repeat
        <li key={i}>{quoted ? <q>{item}</q> : item}</li>
      ))}
    </ul>
  );
}

function LangName({ lang }: { lang: Lang | undefined }) {
  const { t } = useTranslation();
  return <>{lang ? t(LANG_LABEL[lang]) : t('studio.brandKit.anyLang')}</>;
}

function Audiences({ audiences }: { audiences: readonly KitAudience[] }) {
  const { t } = useTranslation();
  return (
    <ReadOnlyTable
      labelledBy="studio-kit-audiences-title"
      testId="studio-kit-audiences"
      headers={[
        t('studio.brandKit.audience'),
        t('studio.brandKit.lang'),
        t('studio.brandKit.readingLevel'),
        t('studio.brandKit.channels'),
        t('studio.brandKit.cares'),
      ]}
      rows={audiences.map((a) => [
        a.name,
        <LangName key="lang" lang={a.lang} />,
        t(LEVEL_LABEL[a.readingLevel]),
        a.channels.join(', '),
        a.cares.join('; '),
      ])}
    />
  );
}

/** A plain table of text cells; the kit's lists are shown as they are, so index keys are stable. */
function ReadOnlyTable(props: {
  labelledBy: string;
  testId: string;
  headers: string[];
  rows: ReactNode[][];
}) {
  if (props.rows.length === 0) return <None />;
  return (
    <ScrollRegion labelledBy={props.labelledBy}>
      <table className="table" data-testid={props.testId}>
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((cells, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows, which may repeat
            <tr key={row}>
              {cells.map((cell, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the column number is the cell's identity
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Boilerplate({ boilerplate: b }: { boilerplate: KitBoilerplate }) {
  const { t } = useTranslation();
  const contact = b.mediaContact;
  return (
    <dl className="facts" lang={b.lang}>
      <dt>{t('studio.brandKit.lang')}</dt>
      <dd>
        <LangName lang={b.lang} />
      </dd>
      <dt>{t('studio.brief.company')}</dt>
      <dd>{b.company}</dd>
      <dt>{t('studio.brief.boilerplate')}</dt>
      <dd>{b.description}</dd>
      {b.website ? (
        <>
          <dt>{t('studio.brandKit.website')}</dt>
          <dd>{b.website}</dd>
        </>
      ) : null}
      {contact ? (
        <>
          <dt>{t('studio.brandKit.mediaContact')}</dt>
          <dd>{[contact.name, contact.email, contact.phone].filter(Boolean).join(' · ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

function FactsState({ kit }: { kit: BrandKitView }) {
  const { t } = useTranslation();
  const state = factExpiry(kit.facts);
  return (
    <div data-testid="studio-kit-facts">
      <p>
        <strong>{t('studio.brandKit.factsCount', { count: state.total })}</strong>
        {state.total > 0 ? (
          <>
            {' — '}
            {[
              t('studio.brandKit.factsActive', { count: state.active }),
              t('studio.brandKit.factsSoon', { count: state.expiringSoon, days: EXPIRING_SOON_DAYS }),
              t('studio.brandKit.factsExpired', { count: state.expired }),
            ].join(', ')}
          </>
        ) : null}
      </p>
      {state.nextExpiry ? (
        <p className="muted">
          {t('studio.brandKit.nextExpiry')} <DateTime value={state.nextExpiry} format="date" />
        </p>
      ) : null}
      <Link to="/settings/facts">{t('studio.brandKit.manageFacts')}</Link>
    </div>
  );
}
