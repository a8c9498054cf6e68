// Approved facts as the form edits them, and their expiry status. Pure.
import type { Fact, FactInput, Locale } from '../../api/guardTypes.js';

export interface FactDraft {
  statement: string;
  source: string;
  owner: string;
  lang: '' | Locale;
  /** `YYYY-MM-DD` from a date input, or empty for no expiry. */
  expires: string;
}

export const EMPTY_FACT: FactDraft = { statement: '', source: '', owner: '', lang: '', expires: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date input's day as the end of that day in UTC (a fact stays valid through its last day). */
export function dayToIso(day: string): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59));
  // Date.UTC rolls 2026-02-31 over to March: refuse days that do not exist.
  if (date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) return undefined;
  return date.toISOString();
}

/** An ISO timestamp as a date input's value (its UTC day). */
export function isoToDay(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

export function factToDraft(fact: Fact): FactDraft {
  return {
    statement: fact.statement,
    source: fact.source,
    owner: fact.owner ?? '',
    lang: fact.lang ?? '',
    expires: isoToDay(fact.expiresAt),
  };
}

export type FactDraftError = 'statement' | 'source' | 'expires';

/** The API body for a draft, or the first field that is not valid (the server's own limits). */
export function draftToInput(draft: FactDraft): { input: FactInput } | { error: FactDraftError } {
  const statement = draft.statement.trim();
  const source = draft.source.trim();
  if (statement.length < 3 || statement.length > 1000) return { error: 'statement' };
  if (source.length < 1 || source.length > 500) return { error: 'source' };
  let expiresAt: string | null = null;
  if (draft.expires !== '') {
    const iso = dayToIso(draft.expires);
    if (!iso) return { error: 'expires' };
    expiresAt = iso;
  }
  const owner = draft.owner.trim();
  return {
    input: {
      statement,
      source,
      owner: owner === '' ? null : owner.slice(0, 120),
      lang: draft.lang === '' ? null : draft.lang,
      expiresAt,
    },
  };
}

export type FactStatus = 'active' | 'expiring' | 'expired' | 'permanent';

const SOON_MS = 30 * 24 * 3600_000;

/** Expired facts no longer support claims; "expiring" warns 30 days ahead. */
export function factStatus(fact: Pick<Fact, 'expired' | 'expiresAt'>, now: Date = new Date()): FactStatus {
  if (fact.expired) return 'expired';
  if (!fact.expiresAt) return 'permanent';
  const at = new Date(fact.expiresAt).getTime();
  if (Number.isNaN(at)) return 'active';
  if (at <= now.getTime()) return 'expired';
  return at - now.getTime() <= SOON_MS ? 'expiring' : 'active';
}
