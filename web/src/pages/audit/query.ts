// Audit filters <-> query strings. Pure, so the paging and date rules are unit-tested.

export interface AuditFilters {
  action: string;
  actor: string;
  /** Calendar days as the date inputs give them: YYYY-MM-DD, or empty. */
  since: string;
  until: string;
}

export const EMPTY_FILTERS: AuditFilters = { action: '', actor: '', since: '', until: '' };
export const PAGE_SIZE = 50;
export const MAX_FILTER_LENGTH = 100;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local midnight starting a YYYY-MM-DD day, or undefined when the text is not a real date. */
export function parseDay(text: string): Date | undefined {
  const match = DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)
    return undefined;
  return date;
}

export type FilterProblem = 'invalidSince' | 'invalidUntil' | 'rangeReversed';

export function validateFilters(filters: AuditFilters): FilterProblem | undefined {
  const since = filters.since ? parseDay(filters.since) : undefined;
  const until = filters.until ? parseDay(filters.until) : undefined;
  if (filters.since && !since) return 'invalidSince';
  if (filters.until && !until) return 'invalidUntil';
  if (since && until && since > until) return 'rangeReversed';
  return undefined;
}

/**
 * The entries query: the date range covers whole local days (until is inclusive, so it is sent as
 * the last millisecond of that day), and `before` is the paging cursor from the previous page.
 */
export function entriesQuery(filters: AuditFilters, before: number | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  const action = filters.action.trim().slice(0, MAX_FILTER_LENGTH);
  const actor = filters.actor.trim().slice(0, MAX_FILTER_LENGTH);
  if (action) params.set('action', action);
  if (actor) params.set('actor', actor);
  const since = filters.since ? parseDay(filters.since) : undefined;
  if (since) params.set('since', since.toISOString());
  const until = filters.until ? parseDay(filters.until) : undefined;
  if (until) {
    const endOfDay = new Date(until.getFullYear(), until.getMonth(), until.getDate() + 1);
    params.set('until', new Date(endOfDay.getTime() - 1).toISOString());
  }
  if (before !== null) params.set('before', String(before));
  params.set('limit', String(limit));
  return params.toString();
}

/** Filters from the page URL, so a filtered view can be bookmarked and shared. */
export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const read = (name: keyof AuditFilters) => (search.get(name) ?? '').slice(0, MAX_FILTER_LENGTH);
  return { action: read('action'), actor: read('actor'), since: read('since'), until: read('until') };
}

export function filtersToSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value.trim() !== '') params.set(name, value.trim());
  }
  return params;
}
