/**
 * Decides whether a text is English or French with franc-min (trigram profiles), looking only at
 * the first few kilobytes: enough to decide, and it keeps the cost flat for long documents.
 */
import { franc } from 'franc-min';
import type { Lang } from '../../types.js';

const SAMPLE = 2048;
const MIN_LENGTH = 20;

export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const code = franc(sample, { only: ['eng', 'fra'], minLength: MIN_LENGTH });
  if (code === 'fra') return 'fr';
  if (code === 'eng') return 'en';
  return fallback;
}
