/**
 * Word lists of src/guard/data/pii, loaded once into Sets and automata. The lists are data files
 * with their source inside; this module only indexes them.
 */
import cities from '../../../data/pii/cities.json' with { type: 'json' };
import countries from '../../../data/pii/countries.json' with { type: 'json' };
import firstNames from '../../../data/pii/first-names.json' with { type: 'json' };
import lastNames from '../../../data/pii/last-names.json' with { type: 'json' };
import regions from '../../../data/pii/regions.json' with { type: 'json' };
import words from '../../../data/pii/words.json' with { type: 'json' };

const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));

export const COUNTRIES = lowerSet(countries.entries);
export const FIRST_NAMES = lowerSet(firstNames.entries);
export const LAST_NAMES = lowerSet(lastNames.entries);
export const TITLES = lowerSet(words.titles.entries);
export const NAME_CUES = words.nameCues.entries;
export const WEAK_NAME_CUES = words.weakNameCues.entries;
export const NOT_NAMES = lowerSet(words.notNames.entries);
export const NAME_PARTICLES = lowerSet(words.nameParticles.entries);
export const STREET_TYPES_EN = lowerSet(words.streetTypesEn.entries);
export const STREET_TYPES_FR = lowerSet(words.streetTypesFr.entries);
export const STREET_WORDS_OTHER = lowerSet(words.streetWordsOther.entries);
export const STREET_SUFFIXES_OTHER = words.streetSuffixesOther.entries;
export const UNIT_WORDS = words.unitWords.entries;
export const ORG_SUFFIXES = lowerSet(words.orgSuffixes.entries);
export const ORG_CUES = words.orgCues.entries;
export const ORG_HEADS = lowerSet(words.orgHeads.entries);
export const FRENCH_COMMON = lowerSet(words.frenchCommonWords.entries);
export const JOB_WORDS = lowerSet(words.jobWords.entries);
export const LOCATION_CUES = words.locationCues.entries;

export interface Place {
  name: string;
  kind: 'country' | 'region' | 'city';
}

/**
 * Countries, regions and cities keyed by their lower-cased words joined by one space, built on
 * first use. Looked up by word n-grams from capitalised tokens, which is cheaper than scanning
 * every character: only capitalised words can start a place name.
 */
let placeIndex: Map<string, Place['kind']> | undefined;
/** First words of the place names that have several words ("new" for "New York"). */
let multiWordStarts: Set<string> | undefined;
export const MAX_PLACE_WORDS = 4;
export function places(): Map<string, Place['kind']> {
  if (!placeIndex) {
    const index = new Map<string, Place['kind']>();
    const starts = new Set<string>();
    const add = (names: readonly string[], kind: Place['kind']) => {
      for (const name of names) {
        const words = name.toLowerCase().split(/\s+/u);
        if (words.length > MAX_PLACE_WORDS) continue;
        const key = words.join(' ');
        if (!index.has(key)) index.set(key, kind);
        if (words.length > 1) starts.add(words[0]!);
      }
    };
    add(countries.entries, 'country');
    add(words.placesExtra.entries, 'region');
    add(regions.entries, 'region');
    add(cities.entries, 'city');
    placeIndex = index;
    multiWordStarts = starts;
  }
  return placeIndex;
}

/** Whether some place name of several words starts with this (lower-cased) word. */
export function startsMultiWordPlace(word: string): boolean {
  places();
  return multiWordStarts!.has(word);
}

/**
 * Cue phrases indexed by their last word, so testing whether a text ends with any of them costs one
 * Map look-up and a few `endsWith` calls instead of one per phrase.
 */
export class CueIndex {
  private readonly byLastWord = new Map<string, string[]>();

  constructor(cues: readonly string[]) {
    for (const cue of cues) {
      const last = cue.slice(cue.lastIndexOf(' ') + 1);
      const list = this.byLastWord.get(last) ?? [];
      list.push(cue);
      this.byLastWord.set(last, list);
    }
  }

  /** The cue the lower-cased text ends with (spaces and commas after it allowed), if any. */
  match(beforeLower: string): string | undefined {
    let end = beforeLower.length;
    // Trailing spaces, tabs, line breaks and commas (char codes, not a regex: this runs per word).
    while (end > 0 && end > beforeLower.length - 4) {
      const c = beforeLower.charCodeAt(end - 1);
      if (c !== 32 && c !== 44 && c !== 10 && c !== 9 && c !== 13 && c !== 0xa0) break;
      end--;
    }
    const trimmed = beforeLower.slice(0, end);
    const last = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
    const lastWord = last.slice(Math.max(last.lastIndexOf('\n'), last.lastIndexOf('\t')) + 1);
    for (const cue of this.byLastWord.get(lastWord) ?? []) {
      if (!trimmed.endsWith(cue)) continue;
      const prev = trimmed[trimmed.length - cue.length - 1];
      if (prev === undefined || !/[\p{L}\p{N}]/u.test(prev)) return cue;
    }
    return undefined;
  }
}

const cueIndexes = new Map<readonly string[], CueIndex>();

/** Ends-with test for cue phrases against the lower-cased text before a match. */
export function endsWithCue(beforeLower: string, cues: readonly string[]): string | undefined {
  let index = cueIndexes.get(cues);
  if (!index) {
    index = new CueIndex(cues);
    cueIndexes.set(cues, index);
  }
  return index.match(beforeLower);
}
