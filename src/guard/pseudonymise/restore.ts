import { AhoCorasick } from '../detectors/pii/support/aho-corasick.js';
import { onWordBoundary } from '../detectors/pii/support/text.js';
import { canonical, PLACEHOLDER_PATTERN } from './placeholders.js';
import type { Mapping } from './types.js';

interface Swap {
  start: number;
  end: number;
  original: string;
}

function isUpper(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Surrogates, and for fake names their first and last words alone, mapped back to the original. */
function surrogateKeys(mapping: Mapping): Array<{ key: string; original: string }> {
  const keys: Array<{ key: string; original: string }> = [];
  const seen = new Map<string, number>();
  const add = (key: string, original: string) => {
    const k = key.toLowerCase();
    seen.set(k, (seen.get(k) ?? 0) + 1);
    keys.push({ key, original });
  };
  for (const e of mapping.entries) {
    if (e.operator !== 'surrogate') continue;
    add(e.replacement, e.original);
    const fake = e.replacement.split(' ');
    const real = e.original.split(/\s+/u);
    if (e.entity === 'PERSON' && fake.length === 2 && real.length >= 2) {
      add(fake[0]!, real[0]!);
      add(fake[1]!, real[real.length - 1]!);
    }
  }
  // A word two fake names share ("Paul" in two people) cannot be restored alone.
  return keys.filter((k) => k.key.includes(' ') || seen.get(k.key.toLowerCase()) === 1);
}

/**
 * Puts the original values back into a text (typically a model's answer). Finds placeholders whatever
 * their case or spacing (`[person_1]`, `PERSON_1`), and surrogates whatever their case, on word
 * boundaries, so possessives and plurals around them survive ("[PERSON_1]'s" -> "Jean's").
 */
export function restore(text: string, mapping: Mapping): string {
  if (mapping.entries.length === 0 || text.length === 0) return text;
  const placeholders = new Map<string, string>();
  for (const e of mapping.entries)
    if (e.operator === 'placeholder') placeholders.set(e.replacement, e.original);

  const swaps: Swap[] = [];
  if (placeholders.size > 0) {
    PLACEHOLDER_PATTERN.lastIndex = 0;
    for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
      const original = placeholders.get(canonical(m[1] ?? '', m[2] ?? '0'));
      if (original !== undefined)
        swaps.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, original });
    }
  }
  const keys = surrogateKeys(mapping);
  if (keys.length > 0) {
    const ac = new AhoCorasick(keys.map((k) => k.key));
    const hits = ac
      .findAll(text)
      .filter((h) => onWordBoundary(text, h.start, h.end))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    for (const h of hits) {
      const found = text.slice(h.start, h.end);
      const original = keys[h.pattern]!.original;
      swaps.push({
        start: h.start,
        end: h.end,
        original: isUpper(found) && !isUpper(keys[h.pattern]!.key) ? original.toUpperCase() : original,
      });
    }
  }
  swaps.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const s of swaps) {
    if (s.start < cursor) continue;
    parts.push(text.slice(cursor, s.start), s.original);
    cursor = s.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
