export {
  type AnalyseOptions,
  analyseEmail,
  PHISHING_AT,
  SUSPICIOUS_AT,
  scoreOf,
  verdictOf,
} from './analyse.js';
export type { Resolver } from './auth.js';
export { reasonMessages, renderReason } from './messages.js';
export { MAX_MESSAGE_BYTES, parseEmail } from './parse.js';
export type * from './types.js';
