// The brief form's state and how it becomes the API's brief. Pure: no React, no fetch.
import type { BrandKit, ContentType, Lang, Platform, ProviderName } from '../../api/studioTypes.js';

export const MAX_VARIANTS = 6;
export const OTHER_AUDIENCE = '';

export interface BriefFormState {
  type: ContentType;
  lang: Lang;
  platform: Platform;
  channel: string;
  topic: string;
  headline: string;
  /** An audience id of the brand kit, or OTHER_AUDIENCE for the name typed below. */
  audienceId: string;
  audienceName: string;
  keyMessages: string;
  factIds: string[];
  tone: string;
  company: string;
  boilerplate: string;
  senderName: string;
  senderAddress: string;
  city: string;
  ctaText: string;
  ctaUrl: string;
  variants: number;
  provider: ProviderName;
}

export function initialBrief(kit: BrandKit | undefined, lang: Lang): BriefFormState {
  const boilerplate = kit?.boilerplates.find((b) => b.lang === lang) ?? kit?.boilerplates[0];
  return {
    type: 'press-release',
    lang,
    platform: 'linkedin',
    channel: '',
    topic: '',
    headline: '',
    audienceId: kit?.audiences[0]?.id ?? OTHER_AUDIENCE,
    audienceName: '',
    keyMessages: '',
    factIds: [],
    tone: kit?.voice.tone.join(', ') ?? '',
    company: boilerplate?.company ?? kit?.name ?? '',
    boilerplate: boilerplate?.description ?? '',
    senderName: '',
    senderAddress: '',
    city: '',
    ctaText: '',
    ctaUrl: '',
    variants: 1,
    provider: 'composer',
  };
}

/** When the language changes, the kit's boilerplate in that language replaces the one shown. */
export function withLang(state: BriefFormState, kit: BrandKit | undefined, lang: Lang): BriefFormState {
  const boilerplate = kit?.boilerplates.find((b) => b.lang === lang);
  return boilerplate
    ? { ...state, lang, company: boilerplate.company, boilerplate: boilerplate.description }
    : { ...state, lang };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const list = (text: string) =>
  text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);

const today = () => new Date().toISOString().slice(0, 10);

/** The brief the API validates; it answers with the paths of anything missing or too long. */
export function buildBrief(state: BriefFormState, kit: BrandKit | undefined): Record<string, unknown> {
  const kitAudience = kit?.audiences.find((a) => a.id === state.audienceId);
  const { id: _id, ...audienceFields } = kitAudience ?? { id: '', name: state.audienceName.trim() };
  const channels = state.type === 'social-post' ? [state.platform] : state.channel ? [state.channel] : [];
  const audience = {
    ...audienceFields,
    channels: [...new Set([...(kitAudience?.channels ?? []), ...channels])],
  };
  const boilerplate = kit?.boilerplates.find((b) => b.lang === state.lang);
  const brief: Record<string, unknown> = {
    type: state.type,
    lang: state.lang,
    topic: state.topic.trim(),
    audience,
    keyMessages: lines(state.keyMessages),
    tone: list(state.tone),
    company: {
      name: state.company.trim(),
      boilerplate: state.boilerplate.trim(),
      ...(boilerplate?.website ? { website: boilerplate.website } : {}),
      ...(boilerplate?.mediaContact ? { mediaContact: boilerplate.mediaContact } : {}),
    },
  };
  if (state.type === 'social-post') brief.platform = state.platform;
  if (state.headline.trim()) brief.headline = state.headline.trim();
  if (state.type === 'marketing-email')
    brief.sender = { name: state.senderName.trim(), postalAddress: state.senderAddress.trim() };
  if (state.type === 'press-release' && state.city.trim())
    brief.dateline = { city: state.city.trim(), date: today() };
  if (state.ctaText.trim())
    brief.callToAction = {
      text: state.ctaText.trim(),
      ...(state.ctaUrl.trim() ? { url: state.ctaUrl.trim() } : {}),
    };
  return brief;
}
