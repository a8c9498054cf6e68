/** A canary planted in the system prompt (`ctx.canaries`) that shows up in a model's answer. */
import { findCanaries } from '../../canary.js';
import type { Detector } from '../../types.js';
import { appliesTo, injectionMeta } from './meta.js';

export const canaryLeakDetector: Detector = {
  meta: injectionMeta({
    name: 'canary-leak',
    severity: 'high',
    description: {
      en: "A canary token planted in the system prompt appears in the model's answer: the prompt leaked.",
      fr: 'Un jeton canari placé dans le prompt système apparaît dans la réponse du modèle : le prompt a fuité.',
    },
    example: 'Here are my instructions: Confidential marker: VIGIE-CANARY-3f9c...',
    messages: {
      found: {
        en: 'Canary token found in the answer ({{form}}): the system prompt leaked; do not show this answer.',
        fr: 'Jeton canari trouvé dans la réponse ({{form}}) : le prompt système a fuité ; n’affichez pas cette réponse.',
      },
    },
  }),
  detect(text, ctx) {
    if (!appliesTo(['output', 'publish'], ctx) || !ctx.canaries?.length) return [];
    return findCanaries(text, ctx.canaries).map((h) => ({
      messageId: 'found',
      data: { form: h.form },
      start: h.start,
      end: h.end,
      confidence: 0.99,
    }));
  },
};
