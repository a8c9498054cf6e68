import { DnsLookupError, type DnsQuery } from '../dns.js';
import type { ResolvedPermutation } from './format.js';
import type { Permutation } from './permute.js';

export interface ResolveOptions {
  /** Lookups in flight at once (default 16). */
  concurrency?: number;
  /** Upper bound for one domain's four lookups, in ms (default 5000). */
  timeoutMs?: number;
  /** `--registered`: keep only domains with an A, AAAA, NS or MX answer. */
  registeredOnly?: boolean;
  signal?: AbortSignal;
}

const MAX_CONCURRENCY = 256;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DnsLookupError('ETIMEOUT')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** dnstwist marks a failed lookup `!ServFail`; a timeout leaves the field out. */
async function lookup(
  query: DnsQuery,
  name: string,
  type: 'A' | 'AAAA' | 'NS' | 'MX',
): Promise<string[] | undefined> {
  try {
    const answers = await query(name, type);
    return answers.length > 0 ? [...answers].sort() : undefined;
  } catch (err) {
    if (err instanceof DnsLookupError && err.code === 'ETIMEOUT') return undefined;
    return ['!ServFail'];
  }
}

async function resolveOne(query: DnsQuery, p: Permutation, timeoutMs: number): Promise<ResolvedPermutation> {
  const out: ResolvedPermutation = { ...p };
  const work = (async () => {
    const ns = await lookup(query, p.domain, 'NS');
    const [a, aaaa, mx] = await Promise.all([
      lookup(query, p.domain, 'A'),
      lookup(query, p.domain, 'AAAA'),
      lookup(query, p.domain, 'MX'),
    ]);
    if (ns) out.dns_ns = ns;
    if (a) out.dns_a = a;
    if (aaaa) out.dns_aaaa = aaaa;
    if (mx) out.dns_mx = mx;
  })();
  try {
    await withTimeout(work, timeoutMs);
  } catch {
    // A domain that does not answer in time keeps whatever arrived: it is reported, not dropped.
  }
  return out;
}

/** Has any DNS answer (dnstwist's `is_registered`). */
export function isRegistered(p: ResolvedPermutation): boolean {
  return Boolean(p.dns_a || p.dns_aaaa || p.dns_ns || p.dns_mx);
}

/**
 * `--resolve`: NS, A, AAAA and MX for each permutation, a bounded number at a time, each domain
 * bounded in time. Output keeps the input order.
 */
export async function resolvePermutations(
  permutations: readonly Permutation[],
  query: DnsQuery,
  options: ResolveOptions = {},
): Promise<ResolvedPermutation[]> {
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 16, MAX_CONCURRENCY));
  const timeoutMs = options.timeoutMs ?? 5000;
  const results: ResolvedPermutation[] = new Array(permutations.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < permutations.length && !options.signal?.aborted) {
      const i = next++;
      results[i] = await resolveOne(query, permutations[i]!, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, permutations.length) }, worker));
  const done = results.filter((r) => r !== undefined);
  return options.registeredOnly ? done.filter(isRegistered) : done;
}
