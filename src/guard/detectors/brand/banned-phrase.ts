/** brand.banned-phrase: phrases the brand never uses (overpromises, clichés, legal no-gos). */
import type { DetectContext, Detection, Detector, DetectorMeta } from '../../types.js';
import { compileBrand } from './compile.js';

export const meta: DetectorMeta = {
  id: 'brand.banned-phrase',
  category: 'brand',
  languages: ['*'],
  defaultSeverity: 'warn',
  docs: {
    description: {
      en: 'Phrases the brand settings ban, with the reason given there.',
      fr: 'Expressions interdites par les réglages de la marque, avec la raison indiquée.',
    },
    example: 'This offer is a game changer.',
  },
  messages: {
    banned: {
      en: '"{{phrase}}" is banned by the brand rules: {{reason}}.',
      fr: '« {{phrase}} » est interdit par les règles de la marque : {{reason}}.',
    },
    bannedNoReason: {
      en: '"{{phrase}}" is banned by the brand rules.',
      fr: '« {{phrase}} » est interdit par les règles de la marque.',
    },
  },
};

export function detect(text: string, context: DetectContext): Detection[] {
  if (!context.brand) return [];
  return compileBrand(context.brand)
    .banned.findAll(text)
    .map((m) => ({
      messageId: m.data.reason ? 'banned' : 'bannedNoReason',
      data: { phrase: text.slice(m.start, m.end), reason: m.data.reason ?? '' },
      start: m.start,
      end: m.end,
    }));
}

export const bannedPhrase: Detector = { meta, detect };
