import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { piiDetectors } from './index.js';

const dir = new URL('.', import.meta.url);
/** Detector id -> its file, for the rule that no detector ships without its table of cases. */
const files: Record<string, string> = {
  'pii.known_value': 'known-values',
  'pii.email': 'email',
  'pii.url_credentials': 'url-credentials',
  'pii.iban': 'iban',
  'pii.credit_card': 'credit-card',
  'pii.fr_nir': 'fr-nir',
  'pii.us_ssn': 'us-ssn',
  'pii.fr_siren': 'fr-siren-siret',
  'pii.phone': 'phone',
  'pii.ip': 'ip',
  'pii.mac': 'mac',
  'pii.date_of_birth': 'birth-date-age',
  'pii.person': 'person',
  'pii.address': 'address',
  'pii.location': 'location',
  'pii.organization': 'organisation',
};

describe('piiDetectors registry', () => {
  it.each(piiDetectors.map((d) => [d.meta.id, d] as const))('%s is complete', (id, d) => {
    expect(id).toMatch(/^pii\.[a-z_]+$/);
    expect(d.meta.category).toBe('pii');
    expect(d.meta.docs.description.en && d.meta.docs.description.fr).toBeTruthy();
    expect(d.meta.docs.example.length).toBeGreaterThan(0);
    const file = files[id];
    expect(file, `no file known for ${id}`).toBeDefined();
    expect(existsSync(new URL(`${file}.test.ts`, dir))).toBe(true);
  });

  it('has unique ids', () => {
    const ids = piiDetectors.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds nothing in empty or blank text', () => {
    for (const d of piiDetectors) {
      expect(d.detect('', { lang: 'fr', profile: 'input' })).toEqual([]);
      expect(d.detect(' \n\t ', { lang: 'en', profile: 'input' })).toEqual([]);
    }
  });
});
