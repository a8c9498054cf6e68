import type { Detector } from '../../types.js';
import { bannedPhrase } from './banned-phrase.js';
import { competitor } from './competitor.js';
import { terminology } from './terminology.js';

export { PhraseMatcher } from './phrase-matcher.js';

export const brandDetectors: Detector[] = [terminology, competitor, bannedPhrase];
