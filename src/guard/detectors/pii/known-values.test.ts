import { describe, expect, it } from 'vitest';
import { knownValuesDetector } from './known-values.js';
import { ruleTester } from './support/rule-tester.js';

const knownValues = [
  { value: 'Camille Martin', entity: 'PERSON' },
  { value: 'camille.martin@client.fr', entity: 'EMAIL' },
  { value: 'Projet Hermès', entity: 'KNOWN_VALUE' },
  { value: 'Camille', entity: 'PERSON' },
];

ruleTester(knownValuesDetector, {
  valid: [
    { text: 'Camille Martin joined.', note: 'no values registered' },
    {
      text: 'Les camillemartin sont arrivés.',
      lang: 'fr',
      context: { knownValues },
      note: 'not on a word boundary',
    },
    { text: 'Projet Hermèss', lang: 'fr', context: { knownValues } },
  ],
  invalid: [
    {
      text: 'Bonjour CAMILLE MARTIN, votre projet hermès avance.',
      lang: 'fr',
      context: { knownValues },
      found: [
        { entity: 'PERSON', text: 'CAMILLE MARTIN' },
        { entity: 'KNOWN_VALUE', text: 'projet hermès' },
      ],
    },
    {
      text: 'Send it to camille.martin@client.fr and Camille.',
      context: { knownValues },
      found: [
        { entity: 'EMAIL', text: 'camille.martin@client.fr' },
        { entity: 'PERSON', text: 'Camille' },
      ],
    },
  ],
});

describe('known values at scale', () => {
  it('matches ten thousand registered values in one pass', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => ({
      value: `Client ${i} SAS`,
      entity: 'ORGANIZATION',
    }));
    const text = `Facture pour Client 9876 SAS et client 42 sas. ${'texte '.repeat(500)}`;
    const found = knownValuesDetector.detect(text, { lang: 'fr', profile: 'input', knownValues: values });
    expect(found.map((d) => text.slice(d.start, d.end))).toEqual(['Client 9876 SAS', 'client 42 sas']);
  });
});
