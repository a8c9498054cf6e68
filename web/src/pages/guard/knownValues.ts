// Parsing the bulk "one value per line" box of the known values page. Pure and bounded.

/** Entity types the PII detectors report; KNOWN_VALUE is the neutral default. */
export const KNOWN_VALUE_ENTITIES = [
  'KNOWN_VALUE',
  'PERSON',
  'EMAIL',
  'PHONE',
  'ORGANIZATION',
  'LOCATION',
  'ADDRESS',
  'IBAN',
  'CREDIT_CARD',
] as const;

/** The server accepts values of 2 to 200 characters, at most 10,000 per request. */
export const KNOWN_VALUE_LIMITS = { min: 2, max: 200, perRequest: 10_000 } as const;

export interface ParsedValues {
  values: string[];
  /** Lines dropped because they were too short or too long (1-based line numbers, first 20). */
  rejectedLines: number[];
  rejected: number;
  /** Repeated lines, counted once. */
  repeated: number;
  tooMany: boolean;
}

export function parseValueLines(text: string): ParsedValues {
  const values: string[] = [];
  const seen = new Set<string>();
  const rejectedLines: number[] = [];
  let rejected = 0;
  let repeated = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    const value = line.trim();
    if (value === '') return;
    if (value.length < KNOWN_VALUE_LIMITS.min || value.length > KNOWN_VALUE_LIMITS.max) {
      rejected += 1;
      if (rejectedLines.length < 20) rejectedLines.push(index + 1);
      return;
    }
    const key = value.normalize('NFC').toLowerCase();
    if (seen.has(key)) {
      repeated += 1;
      return;
    }
    seen.add(key);
    values.push(value);
  });
  return {
    values,
    rejectedLines,
    rejected,
    repeated,
    tooMany: values.length > KNOWN_VALUE_LIMITS.perRequest,
  };
}
