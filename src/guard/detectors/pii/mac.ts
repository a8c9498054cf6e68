import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, matches } from './support/text.js';

const meta = piiMeta({
  name: 'mac',
  description: { en: 'Hardware (MAC) addresses.', fr: 'Adresses matérielles (MAC).' },
  example: 'Device 00:1A:2B:3C:4D:5E',
  found: { en: 'MAC address', fr: 'Adresse MAC' },
  severity: 'warn',
});

const COLON_OR_DASH =
  /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f:-])/g;
const CISCO_DOTTED = /(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])/g;

export const macDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const re of [COLON_OR_DASH, CISCO_DOTTED]) {
      for (const m of matches(re, text)) {
        // A dotted form must hold at least one letter, or it is a plain number like 1234.5678.9012.
        if (re === CISCO_DOTTED && !/[a-f]/i.test(m[0])) continue;
        const start = m.index;
        const end = start + m[0].length;
        out.push({
          messageId: 'found',
          data: { entity: 'MAC' },
          start,
          end,
          entity: 'MAC',
          confidence: contextConfidence(text, start, end, 0.8, {
            raise: ['mac', 'device', 'appareil', 'ethernet', 'wifi', 'wi-fi', 'adapter', 'carte réseau'],
          }),
        });
      }
    }
    return out;
  },
};
