import type { Detection } from '../types.js';
import { keyedHash, mask, REDACTED } from './irreversible.js';
import { canonical, PLACEHOLDER_PATTERN, placeholderFor, placeholdersIn } from './placeholders.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { restore } from './restore.js';
import { surrogate } from './surrogates.js';
import {
  emptyMapping,
  type Mapping,
  type MappingEntry,
  type Operator,
  type PseudonymiseOptions,
  type PseudonymiseResult,
  type Replacement,
} from './types.js';

const MAX_SURROGATE_ATTEMPTS = 20;
const MAX_TEXT_FOR_SURROGATE_CHECK = 200_000;

function copyMapping(m: Mapping | undefined): Mapping {
  if (!m) return emptyMapping();
  return { version: 1, counters: { ...m.counters }, entries: m.entries.map((e) => ({ ...e })) };
}

/**
 * Replaces the detected values of `text`. The same value always gets the same replacement within a
 * mapping (pass the mapping back in to keep it across calls); reversible replacements are recorded
 * so `restore` can undo them. Pure: the input mapping is not modified.
 */
export function pseudonymise(
  text: string,
  detections: readonly Detection[],
  options: PseudonymiseOptions = {},
): PseudonymiseResult {
  const reserved = placeholdersIn(text);
  let { result, inserted } = replaceAll(text, detections, options, reserved);
  // A placeholder can also appear where an inserted one meets the text around it ("1985EMAIL_1"
  // becomes "[DATE_OF_BIRTH_1]EMAIL_1"). Check the round trip and, on a clash, avoid those numbers.
  for (let retry = 0; retry < 3 && result.replacements.every((r) => r.operator === 'placeholder'); retry++) {
    if (options.mapping || restore(result.text, result.mapping) === text) break;
    const before = reserved.size;
    for (const m of result.text.matchAll(PLACEHOLDER_PATTERN)) {
      if (!inserted.has(m.index ?? -1)) reserved.add(canonical(m[1] ?? '', m[2] ?? '0'));
    }
    if (reserved.size === before) break;
    ({ result, inserted } = replaceAll(text, detections, options, reserved));
  }
  return result;
}

function replaceAll(
  text: string,
  detections: readonly Detection[],
  options: PseudonymiseOptions,
  reserved: Set<string>,
): { result: PseudonymiseResult; inserted: Set<number> } {
  const mapping = copyMapping(options.mapping);
  const byOriginal = new Map<string, MappingEntry>();
  const used = new Set<string>();
  for (const e of mapping.entries) {
    byOriginal.set(`${e.entity}\u0000${e.original}`, e);
    used.add(e.replacement.toLowerCase());
  }
  // `reserved`: placeholder-looking strings already in the text, never to be taken for ours by restore.
  const lowerText = text.toLowerCase();

  const nextPlaceholder = (entity: string): string => {
    let n = mapping.counters[entity] ?? 0;
    let p: string;
    do {
      n++;
      p = placeholderFor(entity, n);
    } while (reserved.has(p) || used.has(p.toLowerCase()));
    mapping.counters[entity] = n;
    return p;
  };

  const reversible = (entity: string, original: string, operator: 'placeholder' | 'surrogate'): string => {
    const key = `${entity}\u0000${original}`;
    const known = byOriginal.get(key);
    if (known) return known.replacement;
    let replacement: string | undefined;
    let op: 'placeholder' | 'surrogate' = operator;
    if (operator === 'surrogate') {
      for (let attempt = 0; attempt < MAX_SURROGATE_ATTEMPTS && replacement === undefined; attempt++) {
        const fake = surrogate(entity, original, attempt);
        if (fake === undefined) break;
        const lower = fake.toLowerCase();
        // A surrogate must be unique and absent from the text, or restore could not tell it apart.
        // The text search is skipped on very long texts, where it would cost a pass per value.
        const inText = text.length <= MAX_TEXT_FOR_SURROGATE_CHECK && lowerText.includes(lower);
        if (lower !== original.toLowerCase() && !used.has(lower) && !inText) replacement = fake;
      }
    }
    if (replacement === undefined) {
      replacement = nextPlaceholder(entity);
      op = 'placeholder';
    }
    const entry: MappingEntry = { entity, original, replacement, operator: op };
    mapping.entries.push(entry);
    byOriginal.set(key, entry);
    used.add(replacement.toLowerCase());
    return replacement;
  };

  const operatorFor = (entity: string): Operator =>
    options.operators?.[entity] ?? options.operator ?? 'placeholder';
  const wanted = options.entities ? new Set(options.entities) : undefined;
  const spans = resolveOverlaps(text, detections, options.minConfidence ?? 0).filter(
    (s) => !wanted || wanted.has(s.entity),
  );

  const parts: string[] = [];
  const replacements: Replacement[] = [];
  /** Where each replacement starts in the output text. */
  const inserted = new Set<number>();
  let outLength = 0;
  let cursor = 0;
  for (const span of spans) {
    const original = text.slice(span.start, span.end);
    const operator = operatorFor(span.entity);
    let replacement: string;
    if (operator === 'mask') replacement = mask(original, span.entity);
    else if (operator === 'hash') replacement = keyedHash(original, span.entity, options.hashKey);
    else if (operator === 'redact') replacement = REDACTED;
    else replacement = reversible(span.entity, original, operator);
    outLength += span.start - cursor;
    inserted.add(outLength);
    outLength += replacement.length;
    parts.push(text.slice(cursor, span.start), replacement);
    cursor = span.end;
    replacements.push({ start: span.start, end: span.end, entity: span.entity, operator, replacement });
  }
  parts.push(text.slice(cursor));
  return { result: { text: parts.join(''), mapping, replacements }, inserted };
}
