/**
 * Consecutive slices of at most `size` items: statements stay under the engines' parameter limits
 * (SQLite 32,766, PostgreSQL 65,535) however many rows a caller has.
 */
export function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
