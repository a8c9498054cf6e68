import type { Detector } from '../../types.js';

export const piiDetectors: Detector[] = [];
