/** Warnings the composer gives the communicator, in the draft's language. */
import type { Lang } from '../draft.js';

const messages = {
  factExpired: {
    en: 'Fact {id} expired on {date} and was left out.',
    fr: 'Le fait {id} a expiré le {date} et a été écarté.',
  },
  noDateline: {
    en: 'No dateline in the brief: replace the [CITY], [Date] placeholder.',
    fr: 'Pas de lieu ni de date dans le brief : remplacez [VILLE], le [date].',
  },
  noQuote: {
    en: 'No quote in the brief: a press release usually carries one from a spokesperson.',
    fr: 'Pas de citation dans le brief : un communiqué en contient généralement une.',
  },
  noMediaContact: {
    en: 'No media contact in the brief: journalists will need one.',
    fr: 'Pas de contact presse dans le brief : les journalistes en auront besoin.',
  },
  noFacts: {
    en: 'No approved facts in the brief: the draft carries no proof points.',
    fr: 'Aucun fait approuvé dans le brief : le brouillon ne contient aucune preuve.',
  },
  tooLong: {
    en: 'The post is {length} characters long as {platform} counts them, over its {limit}: shorten the first key message or the link text (nothing was cut).',
    fr: 'Le message compte {length} caractères selon {platform}, au-delà de sa limite de {limit} : raccourcissez le premier message clé ou le lien (rien n’a été coupé).',
  },
  leftOut: {
    en: '{count} key message(s) or fact(s) did not fit in {platform}’s {limit} characters and were left out.',
    fr: '{count} message(s) clé(s) ou fait(s) ne tenaient pas dans les {limit} caractères de {platform} et ont été écartés.',
  },
  fewSubjects: {
    en: 'Only {count} subject line(s) fit in {max} characters: shorten the topic or the first key message.',
    fr: 'Seulement {count} objet(s) tiennent en {max} caractères : raccourcissez le sujet ou le premier message clé.',
  },
  noCtaUrl: {
    en: 'The call to action has no link.',
    fr: 'L’appel à l’action n’a pas de lien.',
  },
  instagramLink: {
    en: 'Instagram captions do not make links clickable: put the link in the bio.',
    fr: 'Les légendes Instagram ne rendent pas les liens cliquables : placez le lien dans la bio.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type WarningId = keyof typeof messages;

export function renderWarning(id: WarningId, lang: Lang, data: Record<string, string | number> = {}): string {
  return messages[id][lang].replace(/\{([a-z]{1,20})\}/g, (whole, k: string) =>
    data[k] === undefined ? whole : String(data[k]),
  );
}
