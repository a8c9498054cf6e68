// Brand rules as the form edits them (plain strings) and back. Pure, so the conversions are tested.
import type { BrandRules } from '../../api/guardTypes.js';

export interface TermDraft {
  preferred: string;
  /** Comma-separated deprecated variants. */
  deprecated: string;
  note: string;
}

export interface PhraseDraft {
  phrase: string;
  reason: string;
}

export interface BrandDraft {
  terminology: TermDraft[];
  /** One competitor per line. */
  competitors: string;
  bannedPhrases: PhraseDraft[];
}

/** The server's limits (src/guard/workspace/settings.ts), checked here to point at the right field. */
export const BRAND_LIMITS = { phrase: 200, note: 500, entries: 1000, deprecated: 50 } as const;

export function toDraft(rules: BrandRules): BrandDraft {
  return {
    terminology: rules.terminology.map((term) => ({
      preferred: term.preferred,
      deprecated: term.deprecated.join(', '),
      note: term.note ?? '',
    })),
    competitors: rules.competitors.join('\n'),
    bannedPhrases: rules.bannedPhrases.map((entry) => ({ phrase: entry.phrase, reason: entry.reason ?? '' })),
  };
}

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

const unique = (values: string[]) => [...new Set(values)];

export type BrandDraftError =
  | { kind: 'termWithoutDeprecated'; row: number }
  | { kind: 'deprecatedWithoutTerm'; row: number }
  | { kind: 'tooLong'; value: string }
  | { kind: 'tooMany' };

/**
 * Turns the form back into rules: blank rows are dropped, lists are trimmed and de-duplicated.
 * Returns the first problem instead when a row is half filled or a value exceeds the limits.
 */
export function fromDraft(draft: BrandDraft): { rules: BrandRules } | { error: BrandDraftError } {
  const terminology: BrandRules['terminology'] = [];
  for (const [row, term] of draft.terminology.entries()) {
    const preferred = term.preferred.trim();
    const deprecated = unique(splitList(term.deprecated, /,/));
    const note = term.note.trim();
    if (preferred === '' && deprecated.length === 0 && note === '') continue;
    if (preferred === '') return { error: { kind: 'deprecatedWithoutTerm', row: row + 1 } };
    if (deprecated.length === 0) return { error: { kind: 'termWithoutDeprecated', row: row + 1 } };
    terminology.push(note ? { preferred, deprecated, note } : { preferred, deprecated });
  }
  const competitors = unique(splitList(draft.competitors, /\r?\n/));
  const bannedPhrases: BrandRules['bannedPhrases'] = [];
  for (const entry of draft.bannedPhrases) {
    const phrase = entry.phrase.trim();
    const reason = entry.reason.trim();
    if (phrase === '') continue;
    bannedPhrases.push(reason ? { phrase, reason } : { phrase });
  }
  const rules = { terminology, competitors, bannedPhrases };
  const tooLong = [
    ...terminology.flatMap((term) => [term.preferred, ...term.deprecated]),
    ...competitors,
    ...bannedPhrases.map((entry) => entry.phrase),
  ].find((value) => value.length > BRAND_LIMITS.phrase);
  if (tooLong !== undefined) return { error: { kind: 'tooLong', value: tooLong.slice(0, 40) } };
  if (
    terminology.length > BRAND_LIMITS.entries ||
    competitors.length > BRAND_LIMITS.entries ||
    bannedPhrases.length > BRAND_LIMITS.entries ||
    terminology.some((term) => term.deprecated.length > BRAND_LIMITS.deprecated)
  )
    return { error: { kind: 'tooMany' } };
  return { rules };
}
