// Shield pages' pure logic: file checks, grouping, paging, CSV and list parsing. No DOM, no fetch.
import {
  type EmailReason,
  type EmailVerdict,
  MAX_EML_BYTES,
  type Permutation,
  type Protection,
  SIGNAL_GROUPS,
  type SignalGroup,
} from '../../api/shieldTypes.js';

export type FileProblem = 'empty' | 'tooLarge' | 'notEml';

/** Why a dropped or chosen file cannot be sent, or undefined when it can. */
export function emlFileProblem(file: { name: string; size: number }): FileProblem | undefined {
  if (!/\.eml$/i.test(file.name.slice(-8))) return 'notEml';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_EML_BYTES) return 'tooLarge';
  return undefined;
}

export interface ReasonGroup<R> {
  group: SignalGroup;
  points: number;
  reasons: R[];
}

/** Reasons by group in a fixed order, heaviest first inside a group; empty groups left out. */
export function groupReasons<R extends Pick<EmailReason, 'group' | 'points'>>(
  reasons: readonly R[],
): ReasonGroup<R>[] {
  return SIGNAL_GROUPS.map((group) => {
    const inGroup = reasons.filter((reason) => reason.group === group).sort((a, b) => b.points - a.points);
    return { group, points: inGroup.reduce((sum, reason) => sum + reason.points, 0), reasons: inGroup };
  }).filter((entry) => entry.reasons.length > 0);
}

// The server's thresholds (src/shield/email/analyse.ts): the gauge's low and high marks.
export const SUSPICIOUS_AT = 30;
export const PHISHING_AT = 60;

/** The verdict a score falls in, as the server computes it; for the gauge's colour bands. */
export function scoreBand(score: number): EmailVerdict {
  return score >= PHISHING_AT ? 'phishing' : score >= SUSPICIOUS_AT ? 'suspicious' : 'clean';
}

/** Longest name part the permutations explorer accepts (the label the fuzzers work on). */
export const MAX_NAME_PART = 30;
const MAX_DOMAIN = 253;

export type DomainProblem = 'empty' | 'invalid' | 'tooLong';

/**
 * A host name from what someone typed (a bare domain or a URL), lower-cased, or the reason it is not
 * one. `maxLabel` bounds every label but the last: the console cannot know the public suffix list, so
 * it checks the longest candidate for the name part.
 */
export function normaliseDomain(
  input: string,
  maxLabel = 63,
): { domain: string; problem?: undefined } | { domain?: undefined; problem: DomainProblem } {
  let host = input
    .trim()
    .toLowerCase()
    .slice(0, MAX_DOMAIN * 2);
  if (host === '') return { problem: 'empty' };
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  host = (host.split(/[/?#]/, 1)[0] ?? '').replace(/\.$/, '');
  const labels = host.split('.');
  if (host.length > MAX_DOMAIN || labels.length < 2) return { problem: 'invalid' };
  // Unicode letters are welcome (internationalised names); the server converts to punycode.
  if (!labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})$/u.test(label))) {
    return { problem: 'invalid' };
  }
  if (labels.slice(0, -1).some((label) => label.length > maxLabel)) return { problem: 'tooLong' };
  return { domain: host };
}

/** Permutations whose fuzzer is `fuzzer` (all when empty) and whose domain contains `text`. */
export function filterPermutations(
  permutations: readonly Permutation[],
  fuzzer: string,
  text = '',
): Permutation[] {
  const needle = text.trim().toLowerCase();
  return permutations.filter(
    (p) => (fuzzer === '' || p.fuzzer === fuzzer) && (needle === '' || p.domain.includes(needle)),
  );
}

/** The fuzzers present, each with its count, in first-seen order. */
export function fuzzerCounts(permutations: readonly Permutation[]): Array<{ fuzzer: string; count: number }> {
  const counts = new Map<string, number>();
  for (const p of permutations) counts.set(p.fuzzer, (counts.get(p.fuzzer) ?? 0) + 1);
  return [...counts].map(([fuzzer, count]) => ({ fuzzer, count }));
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page (1-based, clamped to what exists) of a list. */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageSlice<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pages,
    total: items.length,
  };
}

/** One CSV field: quoted when needed, and defused when a spreadsheet would read it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `fuzzer,domain` with a header line, CRLF line ends (RFC 4180). */
export function permutationsCsv(permutations: readonly Permutation[]): string {
  const lines = ['fuzzer,domain', ...permutations.map((p) => `${csvField(p.fuzzer)},${csvField(p.domain)}`)];
  return `${lines.join('\r\n')}\r\n`;
}

/** Items of a comma- or line-separated list, trimmed, blanks and repeats left out. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  for (const item of text.split(/[,\n]/)) {
    const trimmed = item.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return [...seen];
}

/** A brand as the protection form edits it: lists as text. */
export interface BrandDraft {
  name: string;
  aliases: string;
  domains: string;
}

export interface ProtectionDraft {
  brands: BrandDraft[];
  vips: string;
  /** Receiving servers (authserv-id), comma-separated; absent or empty sends none. */
  authservIds?: string;
}

export function toProtectionDraft(protection: Protection): ProtectionDraft {
  return {
    brands: protection.brands.map((brand) => ({
      name: brand.name,
      aliases: brand.aliases.join(', '),
      domains: brand.domains.join(', '),
    })),
    vips: protection.vips.join('\n'),
    authservIds: (protection.authservIds ?? []).join(', '),
  };
}

export type DraftProblem = { brand: number; field: 'name' | 'domains' };

/** The document to send, or the first brand field the server would refuse. */
export function fromProtectionDraft(
  draft: ProtectionDraft,
): { protection: Protection; problem?: undefined } | { protection?: undefined; problem: DraftProblem } {
  const brands = [];
  const authservIds = parseList(draft.authservIds ?? '').map((id) => id.toLowerCase());
  for (const [index, brand] of draft.brands.entries()) {
    const name = brand.name.trim();
    const domains = parseList(brand.domains);
    if (name.length < 2) return { problem: { brand: index, field: 'name' } };
    if (domains.length === 0 || domains.some((domain) => normaliseDomain(domain).problem)) {
      return { problem: { brand: index, field: 'domains' } };
    }
    brands.push({ name, aliases: parseList(brand.aliases), domains: domains.map((d) => d.toLowerCase()) });
  }
  return {
    protection: {
      brands,
      vips: draft.vips
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean),
      ...(authservIds.length > 0 ? { authservIds } : {}),
    },
  };
}

export type AuthTone = 'pass' | 'fail' | 'neutral';

/** How an authentication result reads: `pass`, a failure, or anything else (none, neutral, temperror). */
export function authTone(result: string | undefined): AuthTone {
  const value = (result ?? '').trim().toLowerCase();
  if (value === 'pass') return 'pass';
  if (['fail', 'softfail', 'permerror', 'hardfail'].includes(value)) return 'fail';
  return 'neutral';
}
