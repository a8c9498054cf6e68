/** The composer as a provider: no network, no model, the same draft for the same brief and seed. */
import { composeVariant } from '../composer/index.js';
import type { Provider } from './types.js';

export function composerProvider(): Provider {
  return {
    id: 'composer',
    usesModel: false,
    model: null,
    async generate(request) {
      const draft = composeVariant(request.brief, request.variant.index, {
        seed: request.variant.seed,
        ...(request.now ? { now: request.now } : {}),
      });
      return { text: draft.text, model: null, draft };
    },
  };
}
