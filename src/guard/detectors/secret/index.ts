import type { Detector } from '../../types.js';

export const secretDetectors: Detector[] = [];
