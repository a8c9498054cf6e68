import { isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { piiDetectors } from '../detectors/pii/index.js';
import { luhnValid } from '../detectors/pii/support/text.js';
import type { DetectContext, Detection } from '../types.js';
import { pseudonymise, restore } from './index.js';

function detect(text: string, lang: DetectContext['lang'] = 'en'): Detection[] {
  return piiDetectors.flatMap((d) => d.detect(text, { lang, profile: 'input' }));
}

const at = (text: string, value: string, entity: string, confidence = 0.9): Detection => {
  const start = text.indexOf(value);
  return { messageId: 'found', start, end: start + value.length, entity, confidence };
};

describe('pseudonymise with placeholders', () => {
  const text = 'Jean Dupont (jean@exemple.fr) a écrit à Marie. Jean Dupont relance jean@exemple.fr.';
  const detections = [
    at(text, 'Jean Dupont', 'PERSON'),
    {
      ...at(text, 'Jean Dupont', 'PERSON'),
      start: text.lastIndexOf('Jean Dupont'),
      end: text.lastIndexOf('Jean Dupont') + 11,
    },
    at(text, 'jean@exemple.fr', 'EMAIL'),
    {
      ...at(text, 'jean@exemple.fr', 'EMAIL'),
      start: text.lastIndexOf('jean@'),
      end: text.lastIndexOf('jean@') + 15,
    },
    at(text, 'Marie', 'PERSON'),
  ];

  it('gives the same value the same placeholder and numbers per entity', () => {
    const r = pseudonymise(text, detections);
    expect(r.text).toBe('[PERSON_1] ([EMAIL_1]) a écrit à [PERSON_2]. [PERSON_1] relance [EMAIL_1].');
    expect(r.replacements.map((x) => x.replacement)).toEqual([
      '[PERSON_1]',
      '[EMAIL_1]',
      '[PERSON_2]',
      '[PERSON_1]',
      '[EMAIL_1]',
    ]);
    expect(JSON.parse(JSON.stringify(r.mapping))).toEqual(r.mapping);
  });

  it('keeps placeholders across calls when the mapping is passed back', () => {
    const first = pseudonymise(text, detections);
    const next = 'Marie et Paul';
    const second = pseudonymise(next, [at(next, 'Marie', 'PERSON'), at(next, 'Paul', 'PERSON')], {
      mapping: first.mapping,
    });
    expect(second.text).toBe('[PERSON_2] et [PERSON_3]');
    // The mapping given in is not modified.
    expect(first.mapping.entries).toHaveLength(3);
  });

  it('restores placeholders whatever their case, spacing or possessive', () => {
    const r = pseudonymise(text, detections);
    expect(restore("[person_1]'s note to [ PERSON_2 ] and PERSON_1 (EMAIL_1)", r.mapping)).toBe(
      "Jean Dupont's note to Marie and Jean Dupont (jean@exemple.fr)",
    );
    expect(restore('[PERSON_9] is unknown', r.mapping)).toBe('[PERSON_9] is unknown');
  });

  it('never reuses a placeholder that the text already contains', () => {
    const t = 'Template [PERSON_1] for Alice';
    const r = pseudonymise(t, [at(t, 'Alice', 'PERSON')]);
    expect(r.text).toBe('Template [PERSON_1] for [PERSON_2]');
    expect(restore(r.text, r.mapping)).toBe(t);
  });
});

describe('overlaps', () => {
  it('keeps the longest span, then the most confident', () => {
    const t = 'Écrire au 12 rue de la Paix, 75002 Paris';
    const r = pseudonymise(t, [
      at(t, 'Paris', 'LOCATION', 0.9),
      at(t, '12 rue de la Paix, 75002 Paris', 'ADDRESS', 0.8),
      at(t, 'rue de la Paix', 'LOCATION', 0.95),
    ]);
    expect(r.text).toBe('Écrire au [ADDRESS_1]');
    const u = 'Call 0612345678';
    const s = pseudonymise(u, [at(u, '0612345678', 'PHONE', 0.6), at(u, '0612345678', 'FR_SIREN', 0.9)]);
    expect(s.text).toBe('Call [FR_SIREN_1]');
  });

  it('ignores detections with offsets outside the text or below the threshold', () => {
    const t = 'abc';
    const r = pseudonymise(
      t,
      [
        { messageId: 'x', start: -5, end: 2, entity: 'PERSON' },
        { messageId: 'x', start: 2, end: 99, entity: 'EMAIL', confidence: 0.2 },
        { messageId: 'x', start: 2, end: 1, entity: 'IP' },
      ],
      { minConfidence: 0.5 },
    );
    expect(r.text).toBe('[PERSON_1]c');
  });
});

describe('surrogates keep format and checksum', () => {
  const text =
    'Jean Dupont, 06 12 34 56 78, carte 4111 1111 1111 1111, IBAN FR76 3000 6000 0112 3456 7890 189, jean@exemple.fr, IP 192.168.1.24';
  const r = pseudonymise(text, detect(text, 'fr'), { operator: 'surrogate' });
  const byEntity = (e: string) => r.replacements.find((x) => x.entity === e)?.replacement ?? '';

  it.each([
    ['CREDIT_CARD', (v: string) => luhnValid(v.replace(/\D/g, '')) && /^\d{4} \d{4} \d{4} \d{4}$/.test(v)],
    ['IBAN', (v: string) => isValidIBAN(v.replace(/ /g, '')) && v.startsWith('FR') && v.length === 33],
    [
      'PHONE',
      (v: string) => /^06 \d\d \d\d \d\d \d\d$/.test(v) && parsePhoneNumberFromString(v, 'FR') !== undefined,
    ],
    ['EMAIL', (v: string) => /^[a-z]+\.[a-z]+@example\.(com|org|net)$/.test(v)],
    ['IP', (v: string) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/.test(v)],
    ['PERSON', (v: string) => /^\p{Lu}\p{L}+ \p{Lu}\p{L}+$/u.test(v) && v !== 'Jean Dupont'],
  ])('%s', (entity, ok) => {
    expect(ok(byEntity(entity))).toBe(true);
  });

  it('restores surrogates, in another case, with possessives and first names alone', () => {
    expect(restore(r.text, r.mapping)).toBe(text);
    const fake = byEntity('PERSON');
    const [first] = fake.split(' ');
    expect(restore(`${fake.toUpperCase()} called. ${first}'s card`, r.mapping)).toBe(
      "JEAN DUPONT called. Jean's card",
    );
  });
});

describe('irreversible operators', () => {
  const t = 'Mail jane.doe@example.com, card 4111 1111 1111 1111, name Jane Doe';
  const dets = [
    at(t, 'jane.doe@example.com', 'EMAIL'),
    at(t, '4111 1111 1111 1111', 'CREDIT_CARD'),
    at(t, 'Jane Doe', 'PERSON'),
  ];

  it('masks', () => {
    expect(pseudonymise(t, dets, { operator: 'mask' }).text).toBe(
      'Mail j***@e***.com, card **** **** **** 1111, name J*** D***',
    );
  });

  it('redacts and records nothing', () => {
    const r = pseudonymise(t, dets, { operator: 'redact' });
    expect(r.text).toBe('Mail [REDACTED], card [REDACTED], name [REDACTED]');
    expect(r.mapping.entries).toEqual([]);
  });

  it('hashes with a key, stable for one key, different for another, and needs a key', () => {
    const a = pseudonymise(t, dets, { operator: 'hash', hashKey: 'k1' }).text;
    expect(a).toBe(pseudonymise(t, dets, { operator: 'hash', hashKey: 'k1' }).text);
    expect(a).not.toBe(pseudonymise(t, dets, { operator: 'hash', hashKey: 'k2' }).text);
    expect(a).toMatch(/^Mail \[EMAIL_H:[0-9a-f]{12}\]/);
    expect(() => pseudonymise(t, dets, { operator: 'hash' })).toThrow(/key/);
  });

  it('mixes operators per entity', () => {
    const r = pseudonymise(t, dets, { operators: { CREDIT_CARD: 'redact', EMAIL: 'mask' } });
    expect(r.text).toBe('Mail j***@e***.com, card [REDACTED], name [PERSON_1]');
  });
});
