/**
 * Guard on the way out. An answer is withheld when Guard's `output` profile blocks it (a leaked
 * canary, instructions, a secret) or when it carries personal data that neither this customer gave
 * nor the approved passages contain: the assistant only knows the knowledge base, so any other
 * e-mail, phone number or name is either invented or someone else's.
 */
import { type Policy, type ScanFinding, scan } from '../guard-api.js';
import type { Lang } from '../types.js';

export interface OutputCheckOptions {
  lang: Lang;
  /** Values this customer typed in the conversation (the pseudonymisation mapping's originals). */
  customerValues: Iterable<string>;
  /** Text of the approved passages the answer draws on: a contact they publish may be repeated. */
  approvedText: string;
  canaries?: string[];
  policy?: Policy;
  /** Rules whose findings are reported but do not withhold the answer. */
  ignoreRules?: ReadonlySet<string>;
}

export interface OutputCheck {
  ok: boolean;
  findings: ScanFinding[];
  /** How many pieces of personal data in the answer nobody allowed (never the values). */
  foreignPersonalData: number;
}

/** Case, spaces and phone punctuation do not make a different value. */
function normalise(value: string): string {
  return value.toLowerCase().replace(/[\s().-]/g, '');
}

export function checkOutput(text: string, options: OutputCheckOptions): OutputCheck {
  const result = scan(text, {
    profile: 'output',
    lang: options.lang,
    locale: options.lang,
    ...(options.policy ? { policy: options.policy } : {}),
    context: options.canaries ? { canaries: options.canaries } : {},
  });
  const customer = new Set<string>();
  for (const v of options.customerValues) customer.add(normalise(v));
  const approved = normalise(options.approvedText);
  const foreign = result.findings.filter((f) => {
    if (f.category !== 'pii') return false;
    const value = normalise(text.slice(f.start, f.end));
    return !customer.has(value) && !(value.length > 0 && approved.includes(value));
  });
  const blocked = result.findings.some((f) => f.action === 'block' && !options.ignoreRules?.has(f.rule));
  return {
    ok: !blocked && result.errors.length === 0 && foreign.length === 0,
    findings: result.findings,
    foreignPersonalData: foreign.length,
  };
}
