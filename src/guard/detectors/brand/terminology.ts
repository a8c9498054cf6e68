/** brand.terminology: deprecated terms the brand replaced, with the preferred term as the fix. */
import type { DetectContext, Detection, Detector, DetectorMeta } from '../../types.js';
import { compileBrand } from './compile.js';

export const meta: DetectorMeta = {
  id: 'brand.terminology',
  category: 'brand',
  languages: ['*'],
  defaultSeverity: 'info',
  docs: {
    description: {
      en: 'Deprecated terms from the brand glossary, with the preferred term as a one-click fix.',
      fr: 'Termes abandonnés du glossaire de la marque, avec le terme préféré en correction immédiate.',
    },
    example: 'Send us an e-mail about the Vigie platform.',
  },
  messages: {
    deprecated: {
      en: 'Use "{{preferred}}" instead of "{{term}}".',
      fr: 'Utilisez « {{preferred}} » plutôt que « {{term}} ».',
    },
  },
};

export function detect(text: string, context: DetectContext): Detection[] {
  if (!context.brand) return [];
  return compileBrand(context.brand)
    .terminology.findAll(text)
    .map((m) => ({
      messageId: 'deprecated',
      data: { term: text.slice(m.start, m.end), preferred: m.data.preferred },
      start: m.start,
      end: m.end,
      suggestions: [m.data.preferred],
    }));
}

export const terminology: Detector = { meta, detect };
