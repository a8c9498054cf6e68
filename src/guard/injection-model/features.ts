/**
 * Feature extraction for the injection classifier: hashed word unigrams and bigrams plus hashed
 * character 3- to 5-grams inside words (fastText-style sub-words, robust to inflection, typos and
 * languages the training data barely covers), all over the folded text (lower case, no accents,
 * confusables undone). FNV-1a hashing, computed incrementally so no n-gram string is allocated.
 * The vector is L2-normalised so long and short texts score alike.
 */
import { fold } from '../detectors/injection/fold.js';

export interface SparseVector {
  index: Uint32Array;
  value: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x7f4a7c15;
const CHAR_SEED = 0x85ebca6b;
/** Longer tokens (URLs, base64) add little and cost much: only their first characters count. */
const MAX_TOKEN = 24;
/** Words and word pairs count double against the many sub-word grams, so phrasing is not drowned out. */
const WORD_WEIGHT = 2;
const TOKEN = /[a-z0-9']+|[^\sa-z0-9']/g;

function fnv(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

export function featurize(text: string, dims: number): SparseVector {
  return featurizeFolded(fold(text).text, dims);
}

// Scratch counts reused between calls (one scan at a time, synchronous), reset through `touched`.
let scratch = new Float32Array(0);
let touched = new Uint32Array(0);

/** Features of an already folded text (the detectors fold once per scan and share the view). */
export function featurizeFolded(folded: string, dims: number): SparseVector {
  if (scratch.length !== dims) scratch = new Float32Array(dims);
  if (touched.length < folded.length * 8 + 16) touched = new Uint32Array(folded.length * 8 + 16);
  const mask = dims - 1;
  let nTouched = 0;
  const add = (h: number, weight: number) => {
    const i = (h & mask) >>> 0;
    if (scratch[i] === 0) touched[nTouched++] = i;
    scratch[i] = scratch[i]! + weight;
  };
  const tokens = folded.match(TOKEN) ?? [];
  let prev = 0;
  for (const raw of tokens) {
    const tok = raw.length > MAX_TOKEN ? raw.slice(0, MAX_TOKEN) : raw;
    const w = fnv(tok, WORD_SEED);
    add(w, WORD_WEIGHT);
    if (prev !== 0) add(Math.imul(prev ^ BIGRAM_SEED, FNV_PRIME) ^ w, WORD_WEIGHT);
    prev = w;
    if (tok.length < 2 || !/[a-z]/.test(tok)) continue;
    // Sub-words of " token ", with the spaces marking the word's edges.
    const padded = ` ${tok} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      let h = (FNV_OFFSET ^ CHAR_SEED) >>> 0;
      for (let n = 1; n <= 5 && i + n <= padded.length; n++) {
        h = Math.imul(h ^ padded.charCodeAt(i + n - 1), FNV_PRIME) >>> 0;
        if (n >= 3) add(h ^ n, 1);
      }
    }
  }
  const index = Uint32Array.from(touched.subarray(0, nTouched)).sort();
  const value = new Float32Array(nTouched);
  let norm = 0;
  for (let k = 0; k < nTouched; k++) {
    const i = index[k]!;
    const v = 1 + Math.log(scratch[i]!); // sub-linear: a word said ten times is not ten times the evidence
    scratch[i] = 0;
    value[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < nTouched; k++) value[k] = value[k]! / norm;
  return { index, value };
}

export { fnv };
