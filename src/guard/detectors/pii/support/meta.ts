import type { DetectorMeta, LocalisedMessage, Severity } from '../../../types.js';

export interface PiiMetaInput {
  /** Rule name after `pii.`. */
  name: string;
  description: LocalisedMessage;
  example: string;
  /** The message shown for a finding; `{{entity}}` is available. */
  found: LocalisedMessage;
  severity?: Severity;
  languages?: DetectorMeta['languages'];
  /** Extra message ids for detectors that report several kinds. */
  messages?: Record<string, LocalisedMessage>;
}

/** Builds a PII detector's `meta` with the shared defaults (category pii, severity high). */
export function piiMeta(input: PiiMetaInput): DetectorMeta {
  return {
    id: `pii.${input.name}`,
    category: 'pii',
    languages: input.languages ?? ['en', 'fr'],
    defaultSeverity: input.severity ?? 'high',
    docs: { description: input.description, example: input.example },
    messages: { found: input.found, ...input.messages },
  };
}
