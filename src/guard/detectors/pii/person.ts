import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { namesOf } from './support/name-runs.js';
import { tokensOf } from './support/tokens.js';

const meta = piiMeta({
  name: 'person',
  description: {
    en: 'Names of people, from first-name and surname lexicons, titles (Mr, Mme, Dr), greetings and signatures.',
    fr: 'Noms de personnes, d’après des lexiques de prénoms et de noms, les civilités (M., Mme, Dr), salutations et signatures.',
  },
  example: 'Bonjour Mme Lefèvre, Jean-Pierre Dupont vous rappellera.',
  found: { en: 'Name of a person', fr: 'Nom d’une personne' },
});

export const personDetector: Detector = {
  meta,
  detect(text) {
    const { tokens, starts } = tokensOf(text);
    return namesOf(text, tokens, starts).map(
      (n): Detection => ({
        messageId: 'found',
        data: { entity: 'PERSON' },
        start: n.start,
        end: n.end,
        entity: 'PERSON',
        confidence: n.confidence,
      }),
    );
  },
};
