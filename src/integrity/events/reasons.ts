/**
 * Why a batch was quarantined, in words a marketer can act on (English and French). Checks report a
 * code and data (counts, item ids, figures: never subjects); the API, CLI and console render them.
 */
import { renderMessage } from '../../guard/index.js';

/** A message's two forms, chosen by the plural rule of the reader's language for the count it names. */
interface Plural {
  one: string;
  other: string;
}

interface ReasonMessage {
  /** The data field whose number chooses between the forms. */
  count?: string;
  en: string | Plural;
  fr: string | Plural;
}

export const REASON_MESSAGES = {
  'shilling-profiles': {
    count: 'profiles',
    en: {
      one: '{{profiles}} rating profile in this batch looks fake: it gives {{targets}} an extreme rating and pads the rest with ordinary-looking ratings to blend in.',
      other:
        '{{profiles}} rating profiles in this batch look fake: they give {{targets}} an extreme rating and pad the rest with ordinary-looking ratings to blend in.',
    },
    fr: {
      one: '{{profiles}} profil de notation de ce lot semble factice : il donne une note extrême à {{targets}} et complète avec des notes d’apparence ordinaire pour passer inaperçu.',
      other:
        '{{profiles}} profils de notation de ce lot semblent factices : ils donnent une note extrême à {{targets}} et complètent avec des notes d’apparence ordinaire pour passer inaperçus.',
    },
  },
  'target-items': {
    count: 'count',
    en: {
      one: 'The ratings of {{count}} item ({{items}}) change abruptly with this batch: the share of top or bottom ratings jumps, as when someone pushes or buries an item.',
      other:
        'The ratings of {{count}} items ({{items}}) change abruptly with this batch: the share of top or bottom ratings jumps, as when someone pushes or buries an item.',
    },
    fr: {
      one: 'Les notes de {{count}} article ({{items}}) changent brusquement avec ce lot : la part des notes extrêmes bondit, comme lorsqu’on cherche à promouvoir ou à couler un article.',
      other:
        'Les notes de {{count}} articles ({{items}}) changent brusquement avec ce lot : la part des notes extrêmes bondit, comme lorsqu’on cherche à promouvoir ou à couler un article.',
    },
  },
  'coordinated-burst': {
    count: 'accounts',
    en: {
      one: '{{accounts}} new customer acted on {{items}} in a burst of under {{window}} min: the footprint of a fake account or a paid campaign.',
      other:
        '{{accounts}} new customers acted on {{items}} within {{window}} min of each other: the footprint of fake accounts or a paid campaign.',
    },
    fr: {
      one: '{{accounts}} nouveau client a agi sur {{items}} en une rafale de moins de {{window}} min : la signature d’un faux compte ou d’une campagne rémunérée.',
      other:
        '{{accounts}} nouveaux clients ont agi sur {{items}} à moins de {{window}} min d’intervalle : la signature de faux comptes ou d’une campagne rémunérée.',
    },
  },
  'distribution-drift': {
    en: 'The ratings in this batch are spread very differently from the accepted history ({{checks}}): check the source before using them.',
    fr: 'Les notes de ce lot sont réparties très différemment de l’historique accepté ({{checks}}) : vérifiez la source avant de les utiliser.',
  },
} as const satisfies Record<string, ReasonMessage>;

export type ReasonCode = keyof typeof REASON_MESSAGES;

export interface BatchReason {
  code: ReasonCode;
  data: Record<string, string | number>;
}

export interface RenderedReason extends BatchReason {
  message: string;
}

export function renderReasons(reasons: readonly BatchReason[], locale: 'en' | 'fr'): RenderedReason[] {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return reasons.map((r) => {
    const message: ReasonMessage = REASON_MESSAGES[r.code];
    const text = message[locale];
    const count = message.count === undefined ? Number.NaN : Number(r.data[message.count]);
    // French says "1 profil" and "0 profil": its rule gives "one" for both, English only for 1.
    const chosen = typeof text === 'string' ? text : plural.select(count) === 'one' ? text.one : text.other;
    const data = Object.fromEntries(
      Object.entries(r.data).map(([k, v]) => [k, typeof v === 'number' ? number.format(v) : v]),
    );
    return { ...r, message: renderMessage({ en: chosen, fr: chosen }, data, locale) };
  });
}

/** Item ids named in a message: a few, then a count, so a message stays readable. */
export function listItems(items: readonly string[], shown = 5): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} (+${items.length - shown})` : head;
}
