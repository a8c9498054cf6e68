import type { Detection } from '../types.js';

export interface Span {
  start: number;
  end: number;
  entity: string;
  confidence: number;
}

/** Moves an offset off the second half of a surrogate pair, so no replacement splits a character. */
function snap(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * Keeps detections that carry an entity and valid offsets, then resolves overlaps: the longest span
 * wins, then the most confident, then the earliest. Returns spans sorted by start.
 */
export function resolveOverlaps(text: string, detections: readonly Detection[], minConfidence = 0): Span[] {
  const candidates: Span[] = [];
  for (const d of detections) {
    if (!d.entity || !Number.isInteger(d.start) || !Number.isInteger(d.end)) continue;
    const start = snap(text, Math.max(0, d.start));
    const end = snap(text, Math.min(text.length, d.end));
    const confidence = d.confidence ?? 1;
    if (end <= start || confidence < minConfidence) continue;
    candidates.push({ start, end, entity: d.entity, confidence });
  }
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start,
  );
  // One byte per code unit marks what is already taken: linear in the text, never quadratic in the
  // number of detections.
  const taken = new Uint8Array(text.length);
  const kept: Span[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
