import type { Detector } from '../../types.js';

export const injectionDetectors: Detector[] = [];
