/** brand.competitor: competitors named in our own copy (often a comparison legal should review). */
import type { DetectContext, Detection, Detector, DetectorMeta } from '../../types.js';
import { compileBrand } from './compile.js';

export const meta: DetectorMeta = {
  id: 'brand.competitor',
  category: 'brand',
  languages: ['*'],
  defaultSeverity: 'warn',
  docs: {
    description: {
      en: 'Competitor names from the brand settings appearing in the text.',
      fr: 'Noms de concurrents définis dans les réglages de la marque présents dans le texte.',
    },
    example: 'Unlike Acme Corp, we answer within the hour.',
  },
  messages: {
    competitor: {
      en: 'Mentions competitor "{{name}}": check the comparison is fair and backed by facts.',
      fr: 'Cite le concurrent « {{name}} » : vérifiez que la comparaison est loyale et étayée.',
    },
  },
};

export function detect(text: string, context: DetectContext): Detection[] {
  if (!context.brand) return [];
  return compileBrand(context.brand)
    .competitors.findAll(text)
    .map((m) => ({ messageId: 'competitor', data: { name: m.data }, start: m.start, end: m.end }));
}

export const competitor: Detector = { meta, detect };
