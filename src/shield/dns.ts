import { Resolver } from 'node:dns/promises';
import { AppError } from '../core/errors.js';

export type DnsRecordType = 'A' | 'AAAA' | 'NS' | 'MX' | 'TXT' | 'CNAME';

/**
 * The one DNS seam of Shield: answers for a name and type, `[]` when the name or the type does not
 * exist (NXDOMAIN, NODATA), and a thrown `DnsLookupError` when the lookup itself failed (timeout,
 * SERVFAIL, refused). MX answers are exchange names by preference; TXT answers are the record's
 * strings joined. Tests pass a function over fixtures; production uses `createDnsQuery`.
 */
export type DnsQuery = (name: string, type: DnsRecordType) => Promise<string[]>;

export class DnsLookupError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`DNS lookup failed: ${code}`);
    this.name = 'DnsLookupError';
    this.code = code;
  }
}

export interface DnsQueryOptions {
  /** `--nameserver`: IP addresses (optionally with :port); default: the system's. */
  nameservers?: readonly string[];
  /** Per-query timeout in ms (default 2500, as dnstwist). */
  timeoutMs?: number;
  /** Attempts per query (default 2, as dnstwist). */
  tries?: number;
}

const EMPTY_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'NODATA']);

/** A `DnsQuery` over `node:dns` with its own `Resolver`, so `--nameserver` affects nothing else. */
export function createDnsQuery(options: DnsQueryOptions = {}): DnsQuery {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2500, tries: options.tries ?? 2 });
  if (options.nameservers && options.nameservers.length > 0) {
    try {
      resolver.setServers([...options.nameservers]);
    } catch {
      throw new AppError('VALIDATION', 'Invalid name server address');
    }
  }
  return async (name, type) => {
    try {
      switch (type) {
        case 'A':
          return await resolver.resolve4(name);
        case 'AAAA':
          return await resolver.resolve6(name);
        case 'NS':
          return await resolver.resolveNs(name);
        case 'CNAME':
          return await resolver.resolveCname(name);
        case 'MX':
          return (await resolver.resolveMx(name))
            .sort((a, b) => a.priority - b.priority)
            .map((mx) => mx.exchange);
        case 'TXT':
          return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
      }
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'EUNKNOWN';
      if (EMPTY_CODES.has(code)) return [];
      throw new DnsLookupError(code);
    }
  };
}
