/**
 * Why a batch was quarantined, in words a marketer can act on (English and French). Checks report a
 * code and data (counts, item ids, figures: never subjects); the API, CLI and console render them.
 */
import { renderMessage } from '../../guard/index.js';

export const REASON_MESSAGES = {
  'shilling-profiles': {
    en: '{{profiles}} rating profile(s) in this batch look fake (shilling): they give {{targets}} an extreme rating and pad the rest with ordinary-looking ratings to blend in.',
    fr: '{{profiles}} profil(s) de notation de ce lot semblent faux (shilling) : ils donnent une note extrême à {{targets}} et complètent avec des notes d’apparence ordinaire pour passer inaperçus.',
  },
  'target-items': {
    en: 'The ratings of {{count}} item(s) ({{items}}) change abruptly with this batch: the share of top or bottom ratings jumps, as when someone pushes or buries an item.',
    fr: 'Les notes de {{count}} article(s) ({{items}}) changent brusquement avec ce lot : la part des notes extrêmes bondit, comme lorsqu’on cherche à promouvoir ou à couler un article.',
  },
  'coordinated-burst': {
    en: '{{accounts}} new customer(s) acted on the same item(s) ({{items}}) within {{window}} minutes: the footprint of fake accounts or a paid campaign.',
    fr: '{{accounts}} nouveau(x) client(s) ont agi sur le(s) même(s) article(s) ({{items}}) en moins de {{window}} minutes : la signature de faux comptes ou d’une campagne rémunérée.',
  },
  'distribution-drift': {
    en: 'The ratings in this batch are spread very differently from the accepted history ({{checks}}): check the source before using them.',
    fr: 'Les notes de ce lot sont réparties très différemment de l’historique accepté ({{checks}}) : vérifiez la source avant de les utiliser.',
  },
} as const;

export type ReasonCode = keyof typeof REASON_MESSAGES;

export interface BatchReason {
  code: ReasonCode;
  data: Record<string, string | number>;
}

export interface RenderedReason extends BatchReason {
  message: string;
}

export function renderReasons(reasons: readonly BatchReason[], locale: 'en' | 'fr'): RenderedReason[] {
  return reasons.map((r) => ({ ...r, message: renderMessage(REASON_MESSAGES[r.code], r.data, locale) }));
}

/** Item ids named in a message: a few, then a count, so a message stays readable. */
export function listItems(items: readonly string[], shown = 5): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} (+${items.length - shown})` : head;
}
