/** language.profanity: profane or vulgar words (the cuss word lists behind retext-profanities, EN and FR). */
import type { DetectContext, Detection, Detector, DetectorMeta } from '../../types.js';
import { profanityMatchers } from './profanity-lexicon.js';

export const meta: DetectorMeta = {
  id: 'language.profanity',
  category: 'language',
  languages: ['en', 'fr'],
  defaultSeverity: 'warn',
  docs: {
    description: {
      en: 'Profane or vulgar words that do not belong in brand communication.',
      fr: 'Mots grossiers ou vulgaires qui n’ont pas leur place dans la communication de la marque.',
    },
    example: 'This damn update is a bordel.',
    url: 'https://github.com/words/cuss',
  },
  messages: {
    profane: {
      en: '"{{term}}" is likely profane.',
      fr: '« {{term}} » est probablement grossier.',
    },
    maybeProfane: {
      en: '"{{term}}" may be profane depending on context.',
      fr: '« {{term}} » peut être grossier selon le contexte.',
    },
  },
};

export function detect(text: string, context: DetectContext): Detection[] {
  return profanityMatchers[context.lang].findAll(text).map((m) => {
    const likely = m.data >= 2;
    return {
      messageId: likely ? 'profane' : 'maybeProfane',
      data: { term: text.slice(m.start, m.end) },
      start: m.start,
      end: m.end,
      severity: likely ? ('high' as const) : ('warn' as const),
    };
  });
}

export const profanity: Detector = { meta, detect };
