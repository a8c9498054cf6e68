/**
 * Places: countries, regions and cities from the lexicon (one Aho-Corasick pass), localities inside
 * street addresses, and capitalised words after a place cue ("lives in", "habite à").
 */
import { addressesOf } from './addresses.js';
import { isCommonWord } from './common-words.js';
import {
  endsWithCue,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATION_CUES,
  MAX_PLACE_WORDS,
  places,
  startsMultiWordPlace,
} from './lexicons.js';
import { before } from './text.js';
import { tokensOf } from './tokens.js';

export interface PlaceSpan {
  start: number;
  end: number;
  confidence: number;
}

const POSTCODE_OR_CODE = /^(?:\d[\d -]{2,9}|[A-Z]{2}|nan)$/u;
/** Prepositions that make a following capitalised word a place more likely. */
const STRONG_CUES = LOCATION_CUES.filter((c) => c.includes(' ') || c.startsWith('visit') || c === 'near');
/** "in" + a capitalised word is a place often enough to report with a low confidence. */
const WEAK_CUES = ['in', 'à', 'en'];

function lexiconPlaces(text: string): PlaceSpan[] {
  const index = places();
  const { tokens } = tokensOf(text);
  const out: PlaceSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.cap) continue;
    // Longest n-gram first: "New South Wales" before "New".
    let key = '';
    let best: { j: number; kind: string } | undefined;
    // Only a few words start a place name of several words: skip the n-grams for the others.
    const last = startsMultiWordPlace(tokens[i]!.lower) ? MAX_PLACE_WORDS : 1;
    for (let j = i; j < tokens.length && j - i < last; j++) {
      if (j > i && text.slice(tokens[j - 1]!.end, tokens[j]!.start) !== ' ') break;
      key = j === i ? tokens[j]!.lower : `${key} ${tokens[j]!.lower}`;
      const kind = index.get(key);
      if (kind) best = { j, kind };
    }
    if (!best) continue;
    const start = tokens[i]!.start;
    const end = tokens[best.j]!.end;
    if (text[end] === ':') continue;
    const found = text.slice(start, end);
    const lower = found.toLowerCase();
    const oneWord = best.j === i;
    // SIRET, NASA: an acronym is not a town, unless an address or a cue says so.
    if (oneWord && tokens[i]!.upper && found.length <= 5) {
      i = best.j;
      continue;
    }
    // "Nice", "Orange", "Victoria": a common word or a person's name needs a cue to be a place.
    const personal = best.kind !== 'country' && (FIRST_NAMES.has(lower) || LAST_NAMES.has(lower));
    const ambiguous = oneWord && (isCommonWord(lower) || personal || found.length < 4);
    const cue = endsWithCue(before(text, start, 32), LOCATION_CUES) !== undefined;
    i = best.j;
    if (ambiguous && !cue) continue;
    const base = best.kind === 'country' ? 0.85 : 0.7;
    out.push({ start, end, confidence: cue ? Math.min(1, base + 0.1) : base });
  }
  return out;
}

/** City and country lines inside an address block, minus postcodes and state codes. */
function addressLocalities(text: string): PlaceSpan[] {
  const out: PlaceSpan[] = [];
  for (const a of addressesOf(text)) {
    for (const p of a.parts) {
      if (p.kind !== 'locality') continue;
      const body = text.slice(p.start, p.end);
      // Postcode first or last: keep the words only.
      const m =
        /^(?:[\d -]{3,10} |[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2} )?(.*?)(?: [\d -]{3,10}| [A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})?$/u.exec(
          body,
        );
      const words = m?.[1] ?? '';
      if (!words || POSTCODE_OR_CODE.test(words) || !/\p{L}{2}/u.test(words) || /\d/.test(words)) continue;
      const start = p.start + body.indexOf(words);
      out.push({ start, end: start + words.length, confidence: 0.75 });
    }
  }
  return out;
}

/** Capitalised words right after a strong place cue: "I'm in Flateyri", "habite à Montreuil". */
function cuedPlaces(text: string): PlaceSpan[] {
  const { tokens } = tokensOf(text);
  const out: PlaceSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.lower;
    if (!t.cap || isCommonWord(lower)) continue;
    const window = before(text, t.start, 24);
    const strong = endsWithCue(window, STRONG_CUES) !== undefined;
    const weak = !strong && endsWithCue(window, WEAK_CUES) !== undefined;
    if (!strong && !(weak && !FIRST_NAMES.has(lower) && !LAST_NAMES.has(lower))) continue;
    let j = i;
    while (
      j + 1 < tokens.length &&
      j - i < 3 &&
      tokens[j + 1]!.cap &&
      text.slice(tokens[j]!.end, tokens[j + 1]!.start) === ' '
    )
      j++;
    out.push({ start: t.start, end: tokens[j]!.end, confidence: strong ? 0.6 : 0.5 });
    i = j;
  }
  return out;
}

export function findPlaces(text: string): PlaceSpan[] {
  const all = [...lexiconPlaces(text), ...addressLocalities(text), ...cuedPlaces(text)];
  all.sort((a, b) => a.start - b.start || b.end - a.end || b.confidence - a.confidence);
  const out: PlaceSpan[] = [];
  for (const p of all) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) {
      if (p.end > last.end && p.start === last.start) last.end = p.end;
      last.confidence = Math.max(last.confidence, p.confidence);
      continue;
    }
    out.push({ ...p });
  }
  return out;
}
