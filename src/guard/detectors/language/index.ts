import type { Detector } from '../../types.js';
import { inclusive } from './inclusive.js';
import { profanity } from './profanity.js';

export { detectLanguage } from './detect-language.js';
export { meta as readabilityMeta, type Readability, readabilityScore } from './readability.js';

export const languageDetectors: Detector[] = [inclusive, profanity];
