import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { overlapIndex } from './support/spans.js';
import { matches } from './support/text.js';

const meta = piiMeta({
  name: 'date_of_birth',
  description: {
    en: 'Dates of birth and ages, when the context says so ("born on", "aged 42", "né le", "42 ans").',
    fr: 'Dates de naissance et âges, quand le contexte l’indique (« né le », « 42 ans », « born on »).',
  },
  example: 'Né le 12/03/1985, il a 40 ans.',
  found: { en: 'Date of birth', fr: 'Date de naissance' },
  messages: { age: { en: 'Age of a person', fr: 'Âge d’une personne' } },
  severity: 'warn',
});

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|(?:1er|\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(?:${MONTHS})\\.?,?\\s\\d{4}|(?:${MONTHS})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4})`;
const BIRTH_CUE =
  '(?:born(?:\\s(?:on|in))?|date\\sof\\sbirth|birth\\s?date|birthday(?:\\sis)?(?:\\son)?|d\\.?o\\.?b\\.?|née?s?(?:\\(e\\))?\\s(?:le|en)|date\\sde\\snaissance|naissance|anniversaire)';
// The cue, up to 3 short filler characters (": ", " le "), then the date, which is what we report.
const DOB = new RegExp(`\\b${BIRTH_CUE}\\s{0,3}[:=-]?\\s{0,3}(?:le\\s)?(${DATE})(?![\\d])`, 'giu');

// Ages: the number is reported, as a person's age; every form needs an age word next to it.
const AGE_PATTERNS: RegExp[] = [
  /\b(?:aged?|âgée?s?\s(?:de)|agée?s?\s(?:de)|turn(?:ed|s|ing)?|the\sage\sof|l['’]âge\sde|a\s?l['’]age\sde)\s{1,3}(\d{1,3})\b/giu,
  /(?<![\d,.])(\d{1,3})(?:\s|-){1,2}(?:years?|yrs?)(?:\s|-){1,2}old\b/giu,
  /(?<![\d,.])(\d{1,3})\s?(?:y\/o|yo)\b/giu,
  /(?<![\d,.])(\d{1,3})\s(?:ans)\b(?!\s(?:d['’]exp|d['’]exist|de\s(?:garantie|carrière|métier|présence|partenariat)))/giu,
];
/** Durations, not ages: "depuis 20 ans", "for 42 years old"... */
const NOT_AGE_BEFORE =
  /(?:depuis|pendant|durant|il y a|plus de|moins de|dans|en|for|over|since|about)\s{1,3}$/iu;
const AGE_CUE_BEFORE = /(?:j['’]ai|il a|elle a|âgée?|agée?|de|aged?|is|am|i['’]m|turned|turn)\s{1,3}$/iu;

/** Cheap pre-checks (no u flag, short alternations) so most texts skip the long patterns. */
const BIRTH_HINT = /born|birth|d\.?o\.?b|née?|naissance|anniversaire/i;
const AGE_HINT = /\d\s?(?:-?years?|yrs?|y\/o|yo\b|ans\b)|age|âgé|turn/i;

export const birthDateAgeDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    const birth = BIRTH_HINT.test(text);
    const ages = AGE_HINT.test(text);
    for (const m of birth ? matches(DOB, text) : []) {
      const date = m[1] ?? '';
      const start = m.index + m[0].lastIndexOf(date);
      out.push({
        rule: 'pii.date_of_birth',
        messageId: 'found',
        data: { entity: 'DATE_OF_BIRTH' },
        start,
        end: start + date.length,
        entity: 'DATE_OF_BIRTH',
        confidence: 0.9,
      });
    }
    const taken = overlapIndex(out.slice());
    // Age patterns can find the same number twice ("aged 42 years old"): keep the first.
    const seen = new Set<number>();
    for (const [i, re] of ages ? AGE_PATTERNS.entries() : []) {
      for (const m of matches(re, text)) {
        const value = m[1] ?? '';
        const age = Number(value);
        if (age < 1 || age > 120) continue;
        const start = m.index + m[0].indexOf(value, i === 0 ? m[0].length - value.length : 0);
        const end = start + value.length;
        const left = text.slice(Math.max(0, start - 16), start);
        const isFrenchYears = i === 3;
        if (isFrenchYears && NOT_AGE_BEFORE.test(left)) continue;
        if (taken(start, end) || seen.has(start)) continue;
        seen.add(start);
        // "Jean, 42 ans, habite à Lyon": an age in apposition between commas.
        const apposition =
          isFrenchYears && /,\s?$/u.test(left) && /^ ans[,.)]/u.test(text.slice(end, end + 5));
        if (isFrenchYears && !AGE_CUE_BEFORE.test(left) && !apposition) continue;
        const confidence = 0.85;
        out.push({
          rule: 'pii.age',
          messageId: 'age',
          data: { entity: 'AGE' },
          start,
          end,
          entity: 'AGE',
          confidence,
        });
      }
    }
    return out;
  },
};
