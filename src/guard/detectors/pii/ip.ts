import { isIPv6 } from 'node:net';
import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { overlapIndex } from './support/spans.js';
import { contextConfidence, matches } from './support/text.js';

const meta = piiMeta({
  name: 'ip',
  description: { en: 'IPv4 and IPv6 addresses.', fr: 'Adresses IPv4 et IPv6.' },
  example: 'Connexion depuis 192.168.1.24',
  found: { en: 'IP address', fr: 'Adresse IP' },
  severity: 'warn',
});

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Not part of a longer dotted run such as a version number 1.2.3.4.5.
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)`, 'g');
// Colon-separated hex groups; node:net decides whether the candidate really is IPv6.
const IPV6 =
  /(?<![\p{L}\p{N}:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[0-9A-Za-z]{1,15})?(?![\p{L}\p{N}:])/gu;
const IPV6_EMBEDDED_V4 = /(?<![A-Za-z0-9:])(?:[0-9A-Fa-f]{0,4}:){2,6}\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/g;
/** Two colons with hex digits around them: without this, the text holds no IPv6 address. */
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;

const WORDS = {
  raise: ['ip', 'adresse', 'address', 'server', 'serveur', 'host', 'connexion', 'login', 'from', 'depuis'],
  lower: ['version', 'v.', 'release', 'build', 'oid', 'snmp'],
};

export const ipDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    const push = (start: number, end: number, version: number) => {
      const base = version === 4 ? 0.85 : 0.9;
      out.push({
        messageId: 'found',
        data: { entity: 'IP', version },
        start,
        end,
        entity: 'IP',
        confidence: contextConfidence(text, start, end, base, WORDS),
      });
    };
    // IPv6 first, so the IPv4 tail of ::ffff:10.0.0.1 is not reported on its own.
    if (IPV6_HINT.test(text)) {
      for (const re of [IPV6_EMBEDDED_V4, IPV6]) {
        const taken = overlapIndex(out.slice());
        for (const m of matches(re, text)) {
          const bare = m[0].split('%')[0] ?? '';
          if (!isIPv6(bare) || bare === '::' || !/[0-9a-f]{2}/i.test(bare)) continue;
          const start = m.index;
          const end = start + m[0].length;
          if (taken(start, end)) continue;
          push(start, end, 6);
        }
      }
    }
    const taken = overlapIndex(out.slice());
    for (const m of matches(IPV4, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0] === '0.0.0.0' || taken(start, end)) continue;
      push(start, end, 4);
    }
    return out;
  },
};
