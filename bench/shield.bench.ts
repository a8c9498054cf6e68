/**
 * Shield benchmarks: permutation speed (ms per domain, permutations per second) against dnstwist's
 * Python fuzzers when Debian's `dnstwist` is installed (it also checks that we produce every domain
 * dnstwist does, and names any we miss), and lookalike matching calls per second.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileProtectedDomains, matchLookalike, permute } from '../src/shield/index.js';
import { report } from './report.js';

const DOMAINS = [
  'example.com',
  'vigie.fr',
  'paypal.com',
  'google.com',
  'microsoft.com',
  'example.co.uk',
  'credit-agricole.fr',
  'societegenerale.fr',
];

// Times dnstwist's Fuzzer (generate + permutations, default fuzzers) in-process, in CPU time as ours.
const PYTHON = `
import json, sys, time
import dnstwist
out = {}
for domain in sys.argv[1:]:
    url = dnstwist.UrlParser(domain)
    runs = 1 if len(domain) > 14 else 5
    start = time.process_time()
    for _ in range(runs):
        f = dnstwist.Fuzzer(url.domain)
        f.generate()
        perms = f.permutations()
    ms = (time.process_time() - start) * 1000 / runs
    out[domain] = {'ms': ms, 'domains': [p['domain'] for p in perms]}
print(json.dumps(out))
`;

interface DnstwistRun {
  ms: number;
  domains: string[];
}

const UPSTREAM = fileURLToPath(
  new URL('../src/shield/domains/fixtures/generate-upstream.py', import.meta.url),
);

/** CPU ms of the current upstream Fuzzer (transcribed in generate-upstream.py; needs Debian's package). */
function runUpstream(domains: readonly string[]): Record<string, { ms: number; count: number }> | undefined {
  if (!existsSync('/usr/bin/dnstwist')) return undefined;
  const r = spawnSync('/usr/bin/python3', [UPSTREAM, '--time', ...domains], { encoding: 'utf8' });
  return r.status === 0 ? (JSON.parse(r.stdout) as Record<string, { ms: number; count: number }>) : undefined;
}

function runDnstwist(domains: readonly string[]): Record<string, DnstwistRun> | undefined {
  if (!existsSync('/usr/bin/dnstwist') || !existsSync('/usr/bin/python3')) return undefined;
  const r = spawnSync('/usr/bin/python3', ['-c', PYTHON, ...domains], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout) as Record<string, DnstwistRun>;
}

/** CPU milliseconds of this process: the machine is shared, so wall time would measure the others. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timePermute(domain: string, options: Parameters<typeof permute>[1]): { ms: number; count: number } {
  permute(domain, options); // warm-up
  let count = 0;
  const budgetMs = 250;
  const start = cpuMs();
  let runs = 0;
  while (cpuMs() - start < budgetMs || runs < 3) {
    count = permute(domain, options).length;
    runs++;
  }
  return { ms: (cpuMs() - start) / runs, count };
}

export async function run(): Promise<void> {
  const dnstwist = runDnstwist(DOMAINS);
  const upstream = runUpstream(DOMAINS);
  for (const domain of DOMAINS) permute(domain); // let the JIT settle before timing anything
  let totalOurs = 0;
  let totalTheirs = 0;
  let totalPerms = 0;
  let totalMissing = 0;
  let totalCurrent = 0;
  let totalUpstream = 0;
  for (const domain of DOMAINS) {
    // Same fuzzers as dnstwist's defaults (no combosquatting), then the full default set.
    const same = timePermute(domain, { combosquatWords: [] });
    const full = timePermute(domain, {});
    // The current upstream algorithm alone: the same output as upstream dnstwist, domain for domain.
    const current = timePermute(domain, { legacyHomoglyphs: false, combosquatWords: [] });
    const up = upstream?.[domain];
    const theirs = dnstwist?.[domain];
    let missing: string[] | undefined;
    if (theirs) {
      const ours = new Set(permute(domain).map((p) => p.domain));
      missing = theirs.domains.filter((d) => !ours.has(d));
      totalMissing += missing.length;
      totalTheirs += theirs.ms;
    }
    totalOurs += same.ms;
    totalCurrent += current.ms;
    totalUpstream += up?.ms ?? 0;
    totalPerms += same.count;
    report({
      bench: 'shield.permute',
      domain,
      permutations: same.count,
      msPerDomain: Number(same.ms.toFixed(2)),
      permutationsPerSecond: Math.round(same.count / (same.ms / 1000)),
      withCombosquatting: { permutations: full.count, msPerDomain: Number(full.ms.toFixed(2)) },
      upstreamAlgorithm: {
        permutations: current.count,
        msPerDomain: Number(current.ms.toFixed(2)),
        ...(up
          ? { dnstwistUpstreamMs: Number(up.ms.toFixed(1)), speedup: Number((up.ms / current.ms).toFixed(1)) }
          : {}),
      },
      ...(theirs
        ? {
            dnstwist: { permutations: theirs.domains.length, msPerDomain: Number(theirs.ms.toFixed(1)) },
            speedup: Number((theirs.ms / same.ms).toFixed(1)),
            missingFromOurs: missing?.length,
            missingSample: missing?.slice(0, 5),
          }
        : { dnstwist: 'not installed' }),
    });
  }
  report({
    bench: 'shield.permute.total',
    domains: DOMAINS.length,
    msPerDomain: Number((totalOurs / DOMAINS.length).toFixed(2)),
    permutationsPerSecond: Math.round(totalPerms / (totalOurs / 1000)),
    ...(dnstwist
      ? {
          dnstwistMsPerDomain: Number((totalTheirs / DOMAINS.length).toFixed(1)),
          speedup: Number((totalTheirs / totalOurs).toFixed(1)),
          missingFromOurs: totalMissing,
        }
      : {}),
    ...(upstream
      ? {
          upstreamAlgorithm: {
            msPerDomain: Number((totalCurrent / DOMAINS.length).toFixed(2)),
            dnstwistUpstreamMsPerDomain: Number((totalUpstream / DOMAINS.length).toFixed(1)),
            speedup: Number((totalUpstream / totalCurrent).toFixed(1)),
          },
        }
      : {}),
  });

  const protectedDomains = [
    'vigie.fr',
    'paypal.com',
    'societegenerale.fr',
    'credit-agricole.fr',
    'example.com',
  ];
  const t0 = performance.now();
  const compiled = compileProtectedDomains(protectedDomains);
  const compileMs = performance.now() - t0;
  const candidates = [
    'paypa1.com',
    'news.example.org',
    'xn--pypal-4ve.com',
    'connexion-vigie.fr',
    'mail.google.com',
    'societegenerail.fr',
    'random-shop.net',
    'vigie.fr',
  ];
  let hits = 0;
  const calls = 50_000;
  const start = performance.now();
  for (let i = 0; i < calls; i++) if (matchLookalike(candidates[i % candidates.length]!, compiled)) hits++;
  const seconds = (performance.now() - start) / 1000;
  report({
    bench: 'shield.matchLookalike',
    protectedDomains: protectedDomains.length,
    compileMs: Number(compileMs.toFixed(1)),
    callsPerSecond: Math.round(calls / seconds),
    hitRate: Number((hits / calls).toFixed(3)),
  });
}
