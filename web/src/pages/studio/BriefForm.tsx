import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BrandKit,
  CONTENT_TYPES,
  type ContentType,
  type DraftRequest,
  type Lang,
  PLATFORMS,
  type Platform,
  type ProviderName,
} from '../../api/studio';
import {
  type BriefFormState,
  buildBrief,
  initialBrief,
  MAX_VARIANTS,
  OTHER_AUDIENCE,
  withLang,
} from './briefForm';
import { TYPE_LABEL } from './labels';

const PROVIDERS: readonly ProviderName[] = ['composer', 'openai', 'llamacpp'];
const CHANNELS = ['press', 'website', 'email', 'newsletter', 'blog', 'support'] as const;

interface BriefFormProps {
  kit: BrandKit | undefined;
  busy: boolean;
  onSubmit: (request: DraftRequest) => void;
}

/** What to draft, for whom, from which messages and approved facts, in which voice. */
export function BriefForm({ kit, busy, onSubmit }: BriefFormProps) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BriefFormState>(() =>
    initialBrief(kit, i18n.language.startsWith('fr') ? 'fr' : 'en'),
  );
  const set = <K extends keyof BriefFormState>(key: K, value: BriefFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const now = new Date().toISOString();
  const facts = (kit?.facts ?? []).filter(
    (f) => (!f.expiresAt || f.expiresAt > now) && (!f.lang || f.lang === state.lang),
  );
  const toggleFact = (id: string) =>
    set(
      'factIds',
      state.factIds.includes(id) ? state.factIds.filter((f) => f !== id) : [...state.factIds, id],
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      brief: buildBrief(state, kit),
      provider: state.provider,
      variants: state.variants,
      factIds: state.factIds.filter((id) => facts.some((f) => f.id === id)),
    });
  };
  return (
    <section className="card" aria-labelledby="studio-brief-title">
      <h2 id="studio-brief-title">{t('studio.brief.title')}</h2>
      <form className="form studio-brief" onSubmit={submit} data-testid="studio-brief-form">
        <div className="studio-brief-row">
          <div className="field">
            <label htmlFor="studio-type">{t('studio.brief.type')}</label>
            <select
              id="studio-type"
              data-testid="studio-type"
              value={state.type}
              onChange={(e) => set('type', e.target.value as ContentType)}
            >
              {CONTENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(TYPE_LABEL[type])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="studio-lang">{t('studio.brief.lang')}</label>
            <select
              id="studio-lang"
              data-testid="studio-lang"
              value={state.lang}
              onChange={(e) => setState((s) => withLang(s, kit, e.target.value as Lang))}
            >
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </div>
          {state.type === 'social-post' ? (
            <div className="field">
              <label htmlFor="studio-platform">{t('studio.brief.platform')}</label>
              <select
                id="studio-platform"
                value={state.platform}
                onChange={(e) => set('platform', e.target.value as Platform)}
              >
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {t(`studio.platforms.${p}` as const)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="studio-channel">{t('studio.brief.channel')}</label>
              <select
                id="studio-channel"
                value={state.channel}
                onChange={(e) => set('channel', e.target.value)}
              >
                <option value="">{t('studio.brief.channelAny')}</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`studio.channels.${c}` as const)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <Text
          id="studio-topic"
          label={t('studio.brief.topic')}
          hint={t('studio.brief.topicHint')}
          value={state.topic}
          onChange={(v) => set('topic', v)}
          max={300}
          required
        />
        <Text
          id="studio-headline"
          label={t('studio.brief.headline')}
          optional={t('common.optional')}
          value={state.headline}
          onChange={(v) => set('headline', v)}
          max={200}
        />
        <div className="studio-brief-row">
          <div className="field">
            <label htmlFor="studio-audience">{t('studio.brief.audience')}</label>
            <select
              id="studio-audience"
              data-testid="studio-audience"
              value={state.audienceId}
              onChange={(e) => set('audienceId', e.target.value)}
            >
              {(kit?.audiences ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
              <option value={OTHER_AUDIENCE}>{t('studio.brief.audienceOther')}</option>
            </select>
          </div>
          {state.audienceId === OTHER_AUDIENCE ? (
            <Text
              id="studio-audience-name"
              label={t('studio.brief.audienceName')}
              value={state.audienceName}
              onChange={(v) => set('audienceName', v)}
              max={120}
              required
            />
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="studio-messages">{t('studio.brief.keyMessages')}</label>
          <textarea
            id="studio-messages"
            data-testid="studio-messages"
            rows={4}
            required
            maxLength={5000}
            aria-describedby="studio-messages-hint"
            value={state.keyMessages}
            onChange={(e) => set('keyMessages', e.target.value)}
          />
          <p id="studio-messages-hint" className="field-hint">
            {t('studio.brief.keyMessagesHint')}
          </p>
        </div>
        <fieldset className="studio-facts" data-testid="studio-facts">
          <legend>{t('studio.brief.facts')}</legend>
          {facts.length === 0 ? <p className="muted">{t('studio.brief.noFacts')}</p> : null}
          {facts.map((f) => (
            <label key={f.id} className="studio-fact">
              <input
                type="checkbox"
                checked={state.factIds.includes(f.id)}
                onChange={() => toggleFact(f.id)}
                data-testid={`studio-fact-${f.id}`}
              />
              <span>
                {f.statement} <span className="muted">({f.source})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Text
          id="studio-tone"
          label={t('studio.brief.tone')}
          hint={t('studio.brief.toneHint')}
          value={state.tone}
          onChange={(v) => set('tone', v)}
          max={400}
        />
        <div className="studio-brief-row">
          <Text
            id="studio-company"
            label={t('studio.brief.company')}
            value={state.company}
            onChange={(v) => set('company', v)}
            max={120}
            required
          />
          {state.type === 'press-release' ? (
            <Text
              id="studio-city"
              label={t('studio.brief.city')}
              optional={t('common.optional')}
              value={state.city}
              onChange={(v) => set('city', v)}
              max={80}
            />
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="studio-boilerplate">{t('studio.brief.boilerplate')}</label>
          <textarea
            id="studio-boilerplate"
            data-testid="studio-boilerplate"
            rows={3}
            required
            maxLength={2000}
            value={state.boilerplate}
            onChange={(e) => set('boilerplate', e.target.value)}
          />
        </div>
        {state.type === 'marketing-email' ? (
          <div className="studio-brief-row">
            <Text
              id="studio-sender"
              label={t('studio.brief.senderName')}
              value={state.senderName}
              onChange={(v) => set('senderName', v)}
              max={120}
              required
            />
            <Text
              id="studio-address"
              label={t('studio.brief.senderAddress')}
              value={state.senderAddress}
              onChange={(v) => set('senderAddress', v)}
              max={300}
              required
            />
          </div>
        ) : null}
        <div className="studio-brief-row">
          <Text
            id="studio-cta"
            label={t('studio.brief.cta')}
            optional={t('common.optional')}
            value={state.ctaText}
            onChange={(v) => set('ctaText', v)}
            max={120}
          />
          <Text
            id="studio-cta-url"
            label={t('studio.brief.ctaUrl')}
            optional={t('common.optional')}
            value={state.ctaUrl}
            onChange={(v) => set('ctaUrl', v)}
            max={2000}
          />
        </div>
        <div className="studio-brief-row">
          <div className="field">
            <label htmlFor="studio-variants">{t('studio.brief.variants')}</label>
            <input
              id="studio-variants"
              data-testid="studio-variants"
              type="number"
              min={1}
              max={MAX_VARIANTS}
              value={state.variants}
              onChange={(e) =>
                set('variants', Math.min(MAX_VARIANTS, Math.max(1, Number(e.target.value) || 1)))
              }
            />
          </div>
          <div className="field">
            <label htmlFor="studio-provider">{t('studio.brief.provider')}</label>
            <select
              id="studio-provider"
              data-testid="studio-provider"
              value={state.provider}
              onChange={(e) => set('provider', e.target.value as ProviderName)}
            >
              {PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`studio.providers.${p}` as const)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="studio-draft-submit"
          >
            {busy ? t('studio.brief.drafting') : t('studio.brief.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Text(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  hint?: string;
  optional?: string;
  required?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.optional ? <span className="muted label-note"> ({props.optional})</span> : null}
      </label>
      <input
        id={props.id}
        data-testid={props.id}
        value={props.value}
        maxLength={props.max}
        required={props.required}
        aria-describedby={hintId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint ? (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
