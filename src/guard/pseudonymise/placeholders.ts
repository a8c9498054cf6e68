/**
 * The placeholder form `[ENTITY_N]` and the tolerant pattern used to find it again in model output,
 * which may change its case, drop a bracket or add spaces: `[person_1]`, `[ PERSON_1 ]`, `PERSON_1`.
 */

export function placeholderFor(entity: string, n: number): string {
  return `[${entity}_${n}]`;
}

// Entity names are letter groups joined by underscores (CREDIT_CARD, DATE_OF_BIRTH); letters and
// digits never overlap, so the pattern cannot backtrack badly. Bounded everywhere.
// With a bracket the placeholder may touch other words ("token[SECRET_1]"); without, it may not.
export const PLACEHOLDER_PATTERN =
  /(?:\[[ \t]?|(?<![A-Za-z0-9_]))([A-Za-z]{1,20}(?:_[A-Za-z]{1,20}){0,3})_(\d{1,6})(?:[ \t]?\]|(?![A-Za-z0-9_]))/g;

/** The canonical placeholder of a match of PLACEHOLDER_PATTERN. */
export function canonical(entity: string, n: string): string {
  return `[${entity.toUpperCase()}_${Number(n)}]`;
}

/** Every placeholder-looking string already in a text, so new ones never collide with them. */
export function placeholdersIn(text: string): Set<string> {
  const found = new Set<string>();
  PLACEHOLDER_PATTERN.lastIndex = 0;
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) found.add(canonical(m[1] ?? '', m[2] ?? '0'));
  return found;
}
