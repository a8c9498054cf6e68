/**
 * What the ledger keeps of a scan: the verdict, the profile, counts per rule and a SHA-256 of the
 * text, never the text or any finding's content.
 */
import { createHash } from 'node:crypto';
import type { Action } from './policy/index.js';
import type { ScanResult } from './scan.js';
import type { Profile } from './types.js';

export interface ScanLedgerSummary {
  verdict: Action;
  profile: Profile;
  counts: Record<string, number>;
  textSha256: string;
}

export function ledgerSummary(result: ScanResult, text: string): ScanLedgerSummary {
  return {
    verdict: result.verdict,
    profile: result.profile,
    counts: { ...result.stats.byRule },
    textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

const RECORDED: ReadonlySet<Action> = new Set(['redact', 'review', 'block']);

/** Scans that change what happens to the text (redact, review, block) are written to the ledger. */
export function shouldRecord(result: Pick<ScanResult, 'verdict'>): boolean {
  return RECORDED.has(result.verdict);
}
