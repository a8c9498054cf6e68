import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { findPlaces } from './support/places.js';

const meta = piiMeta({
  name: 'location',
  description: {
    en: 'Places: countries, regions and cities, and place names after words such as "lives in".',
    fr: 'Lieux : pays, régions et villes, et noms de lieux après des mots comme « habite à ».',
  },
  example: 'Elle habite à Montreuil depuis 2019.',
  found: { en: 'Place name', fr: 'Nom de lieu' },
  severity: 'info',
});

export const locationDetector: Detector = {
  meta,
  detect(text) {
    return findPlaces(text).map(
      (p): Detection => ({
        messageId: 'found',
        data: { entity: 'LOCATION' },
        start: p.start,
        end: p.end,
        entity: 'LOCATION',
        confidence: p.confidence,
      }),
    );
  },
};
