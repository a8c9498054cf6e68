/** What the Assistant uses from Guard, in one place (through Guard's public face only). */
export {
  allDetectors,
  canaryInstruction,
  createCanary,
  type Detection,
  type Detector,
  detectLanguage,
  emptyMapping,
  type Mapping,
  type Policy,
  pseudonymise,
  restore,
  type ScanFinding,
  type ScanResult,
  scan,
  strongestAction,
} from '../guard/index.js';
