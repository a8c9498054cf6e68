import { describe, expect, it } from 'vitest';
import { type InvalidCase, project, runCase, type ValidCase } from '../../detector-cases.js';
import type { Fact } from '../../types.js';
import { unsupportedClaim } from './unsupported.js';

// The tables run at FIXED_NOW (2026-11-29).
const facts: Fact[] = [
  {
    id: 'F-UPTIME',
    statement: 'Vigie had 99.9% uptime in 2025.',
    source: 'status page',
    expiresAt: '2027-01-01',
  },
  { id: 'F-CUST', statement: 'More than 1,200 customers use Vigie.', source: 'CRM export', expiresAt: null },
  {
    id: 'F-CARBON',
    statement: 'Vigie est neutre en carbone depuis 2024 (audit Bureau Veritas).',
    source: 'audit 2024',
    expiresAt: '2025-12-31',
  },
  {
    id: 'F-RANK',
    statement: 'Vigie is the leading marketing security platform in France (IDC MarketScape 2026).',
    source: 'IDC',
    expiresAt: '2027-06-30',
  },
  { id: 'F-CLIENTS-FR', statement: 'Plus de 1 200 clients utilisent Vigie.', source: 'CRM', expiresAt: null },
];
const context = { facts };

const valid: ValidCase[] = [
  { text: 'Our team answers every message.', lang: 'en', note: 'no claim' },
  { text: 'Vigie had 99.9% uptime last year.', lang: 'en', context, note: 'figure backed by F-UPTIME' },
  { text: 'More than 1,200 customers trust Vigie.', lang: 'en', context, note: 'count backed by F-CUST' },
  { text: 'Vigie is the leading marketing security platform in France.', lang: 'en', context },
  { text: 'Notre équipe répond à chaque message.', lang: 'fr', note: 'pas d’allégation' },
  {
    text: 'Plus de 1 200 clients font confiance à Vigie.',
    lang: 'fr',
    context,
    note: 'nombre étayé par F-CLIENTS-FR',
  },
  { text: 'Rendez-vous le 12 mars à 10 h.', lang: 'fr', note: 'a date is not a claim' },
];

const invalid: InvalidCase[] = [
  {
    text: 'Vigie is 100% secure.',
    lang: 'en',
    context,
    expected: [{ rule: 'claim.unsupported', data: { kind: 'absolute' }, match: 'Vigie is 100% secure.' }],
  },
  {
    text: 'Vigie had 99.99% uptime in 2025.',
    lang: 'en',
    context,
    expected: [{ messageId: 'unsupported', data: { kind: 'figure', factId: 'F-UPTIME' } }],
  },
  {
    text: 'Our product is unhackable and guaranteed.',
    lang: 'en',
    expected: [{ messageId: 'unsupportedNoFact', data: { kind: 'absolute' } }],
  },
  {
    text: 'We are 3x faster than the competition. It cures headaches!',
    lang: 'en',
    expected: [{ data: { kind: 'comparison' } }, { data: { kind: 'health' }, match: 'It cures headaches!' }],
  },
  {
    text: 'Our eco-friendly servers are carbon neutral.',
    lang: 'en',
    expected: [{ data: { kind: 'environmental' } }],
  },
  {
    text: 'We are the best, unlike Acme Corp.',
    lang: 'en',
    context: { brand: { terminology: [], competitors: ['Acme Corp'], bannedPhrases: [] } },
    expected: [{ data: { kind: 'comparison' } }],
  },
  {
    text: 'Vigie est neutre en carbone.',
    lang: 'fr',
    context,
    expected: [
      { rule: 'claim.expired', messageId: 'expired', data: { factId: 'F-CARBON', expiresAt: '2025-12-31' } },
    ],
  },
  {
    text: 'Notre solution est inviolable. Nous sommes n°1 en France.',
    lang: 'fr',
    expected: [{ data: { kind: 'absolute', kindFr: 'absolu' } }, { data: { kind: 'figure' } }],
  },
  {
    text: 'La meilleure plateforme, 2 fois plus rapide que la concurrence.',
    lang: 'fr',
    expected: [{ data: { kind: 'comparison' } }],
  },
  {
    text: 'Satisfaction garantie à 100 %.',
    lang: 'fr',
    context,
    expected: [{ data: { kind: 'absolute' } }],
  },
];

describe('claim.unsupported', () => {
  it.each(valid)('valid ($lang): $text', (c) => {
    expect(runCase(unsupportedClaim, c)).toEqual([]);
  });
  it.each(invalid)('invalid ($lang): $text', (c) => {
    const found = runCase(unsupportedClaim, c);
    expect(found.map((d, i) => project(d, c.expected[i] ?? {}, 'claim.unsupported'))).toEqual(c.expected);
  });

  it('treats an unreadable expiry as expired (fail closed)', () => {
    const bad: Fact[] = [{ id: 'F-X', statement: 'Vigie had 99.9% uptime.', source: 's', expiresAt: 'soon' }];
    const [d] = runCase(unsupportedClaim, {
      text: 'Vigie had 99.9% uptime.',
      lang: 'en',
      context: { facts: bad },
    });
    expect(d?.rule).toBe('claim.expired');
  });

  it('grades health, environmental and absolute claims high', () => {
    const [d] = runCase(unsupportedClaim, { text: 'It cures colds.', lang: 'en' });
    expect(d?.severity).toBe('high');
  });
});
