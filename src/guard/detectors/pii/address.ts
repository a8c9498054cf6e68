import type { Detection, Detector } from '../../types.js';
import { addressesOf } from './support/addresses.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence } from './support/text.js';

const meta = piiMeta({
  name: 'address',
  description: {
    en: 'Street addresses in English, French and neighbouring forms, with unit, postcode, city and country.',
    fr: 'Adresses postales (formes françaises, anglaises et voisines), avec complément, code postal, ville et pays.',
  },
  example: '12 rue de la Paix, 75002 Paris',
  found: { en: 'Street address', fr: 'Adresse postale' },
});

export const addressDetector: Detector = {
  meta,
  detect(text) {
    return addressesOf(text).map(
      (a): Detection => ({
        messageId: 'found',
        data: { entity: 'ADDRESS' },
        start: a.start,
        end: a.end,
        entity: 'ADDRESS',
        confidence: contextConfidence(text, a.start, a.end, a.confidence, {
          raise: [
            'address',
            'adresse',
            'live',
            'habite',
            'domicil',
            'deliver',
            'livr',
            'ship',
            'located',
            'situé',
          ],
        }),
      }),
    );
  },
};
