import nlp from 'compromise';
import { FRENCH_COMMON, NOT_NAMES } from './lexicons.js';

/** compromise's own lexicon (about 25k English words with their tags), read once. */
const lexicon = (
  nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string> } } } }
).world().model.one.lexicon;

const NAME_TAGS = /FirstName|MaleName|FemaleName|LastName|Person/;
const PLACE_TAGS = /City|Country|Region|Place/;
const ORG_TAGS = /Organization|SportsTeam/;

/** A word English uses for something other than a person (a verb, a noun, a month, a place). */
/** Answers are asked for again and again for the same words: remember them (bounded). */
const commonMemo = new Map<string, boolean>();
const MEMO_LIMIT = 50_000;

export function isCommonWord(lowerWord: string): boolean {
  let known = commonMemo.get(lowerWord);
  if (known === undefined) {
    known = computeCommon(lowerWord);
    if (commonMemo.size >= MEMO_LIMIT) commonMemo.clear();
    commonMemo.set(lowerWord, known);
  }
  return known;
}

function computeCommon(lowerWord: string): boolean {
  if (NOT_NAMES.has(lowerWord) || FRENCH_COMMON.has(lowerWord)) return true;
  const tag = lexicon[lowerWord];
  // Company names (DuPont, Ford) are family names too: they do not make a word common.
  return tag !== undefined && !NAME_TAGS.test(tag) && !PLACE_TAGS.test(tag) && !ORG_TAGS.test(tag);
}

export function isKnownPlaceWord(lowerWord: string): boolean {
  const tag = lexicon[lowerWord];
  return tag !== undefined && PLACE_TAGS.test(tag);
}

export function isOrganisationWord(lowerWord: string): boolean {
  const tag = lexicon[lowerWord];
  return tag !== undefined && /Organization|SportsTeam/.test(tag);
}

/** Names compromise knows that the generated lists may lack, added to the lexicon look-ups. */
export function compromiseNames(): { first: string[]; last: string[] } {
  const first: string[] = [];
  const last: string[] = [];
  for (const [word, tag] of Object.entries(lexicon)) {
    if (/FirstName|MaleName|FemaleName/.test(tag)) first.push(word);
    else if (/LastName/.test(tag)) last.push(word);
  }
  return { first, last };
}
