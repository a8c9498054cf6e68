import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { namesOf } from './support/name-runs.js';
import { findOrganisations } from './support/organisations.js';
import { tokensOf } from './support/tokens.js';

const meta = piiMeta({
  name: 'organization',
  description: {
    en: 'Names of companies and organisations (legal forms, cues such as "works for", signature blocks).',
    fr: 'Noms d’entreprises et d’organisations (formes juridiques, indices comme « travaille chez », signatures).',
  },
  example: 'Marie travaille chez Durand Conseil SAS.',
  found: { en: 'Organisation name', fr: 'Nom d’organisation' },
  severity: 'info',
});

export const organisationDetector: Detector = {
  meta,
  detect(text) {
    const { tokens, starts } = tokensOf(text);
    const people = namesOf(text, tokens, starts);
    return findOrganisations(text, tokens, people).map(
      (o): Detection => ({
        messageId: 'found',
        data: { entity: 'ORGANIZATION' },
        start: o.start,
        end: o.end,
        entity: 'ORGANIZATION',
        confidence: o.confidence,
      }),
    );
  },
};
