import type { Detector } from '../../types.js';
import { unsupportedClaim } from './unsupported.js';

export const claimDetectors: Detector[] = [unsupportedClaim];
