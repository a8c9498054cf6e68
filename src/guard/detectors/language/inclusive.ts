/**
 * language.inclusive: biased or inconsiderate wording. English through retext-equality (its reviewed
 * word lists, with suggestions); French through our own lexicon (data/inclusive-fr.yaml) because no
 * maintained French list exists on npm.
 */
import type { DetectContext, Detection, Detector, DetectorMeta } from '../../types.js';
import { frenchLexiconMatcher } from './french-lexicon.js';
import { equalityMessages } from './retext-equality-runner.js';

export const meta: DetectorMeta = {
  id: 'language.inclusive',
  category: 'language',
  languages: ['en', 'fr'],
  defaultSeverity: 'warn',
  docs: {
    description: {
      en: 'Gendered, ableist, ageist or otherwise inconsiderate wording, with inclusive alternatives.',
      fr: 'Formulations genrées, validistes, âgistes ou peu bienveillantes, avec des alternatives inclusives.',
    },
    example: 'Our chairman thanks les collaborateurs.',
    url: 'https://github.com/retextjs/retext-equality/blob/main/rules.md',
  },
  messages: {
    insensitive: {
      en: '"{{term}}" may be insensitive; consider: {{suggestions}}.',
      fr: '« {{term}} » peut être perçu comme peu inclusif ; alternatives : {{suggestions}}.',
    },
    noSuggestion: {
      en: '"{{term}}" may be insensitive; rephrase.',
      fr: '« {{term}} » peut être perçu comme peu inclusif ; reformulez.',
    },
  },
};

const MAX_SUGGESTIONS = 4;

/**
 * retext-equality flags every lone gendered pronoun; about a named person ("Paul... he said") that is
 * right, so pronouns are advice (info) while gendered nouns and slurs stay warnings.
 */
const PRONOUN_RULES = new Set(['he-she', 'her-him', 'hers-his', 'herself-himself']);

function english(text: string): Detection[] {
  return equalityMessages(text).map((m) => {
    const suggestions = m.expected.slice(0, MAX_SUGGESTIONS);
    return {
      messageId: suggestions.length > 0 ? 'insensitive' : 'noSuggestion',
      data: { term: m.actual, suggestions: suggestions.join(', '), lexiconRule: m.ruleId },
      start: m.start,
      end: m.end,
      ...(PRONOUN_RULES.has(m.ruleId) ? { severity: 'info' as const } : {}),
      ...(suggestions.length > 0 ? { suggestions } : {}),
    };
  });
}

function french(text: string): Detection[] {
  return frenchLexiconMatcher.findAll(text).flatMap((m) =>
    m.data === null
      ? []
      : [
          {
            messageId: 'insensitive',
            data: {
              term: text.slice(m.start, m.end),
              suggestions: m.data.suggestions.join(', '),
              kind: m.data.kind,
            },
            start: m.start,
            end: m.end,
            // Generic masculine is advice; ableist, ageist or racist wording is a real problem.
            severity: m.data.kind === 'gender' ? ('info' as const) : ('warn' as const),
            suggestions: m.data.suggestions,
          },
        ],
  );
}

export function detect(text: string, context: DetectContext): Detection[] {
  return context.lang === 'fr' ? french(text) : english(text);
}

export const inclusive: Detector = { meta, detect };
