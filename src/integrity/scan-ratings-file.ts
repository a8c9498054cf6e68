/** `vigie integrity scan-ratings FILE`: read (streamed) then scan, in one call. */
import type { Readable } from 'node:stream';
import { type ReadRatingsOptions, type ReadRatingsResult, readRatings } from './read-ratings.js';
import { type ScanOptions, type ScanResult, scanRatings } from './scan-ratings.js';

export interface ScanRatingsFileResult {
  /** Exactly what `--format json` prints. */
  report: ScanResult;
  input: Omit<ReadRatingsResult, 'ratings'> & { ratings: number };
}

export async function scanRatingsFile(
  source: string | Readable,
  options: { read?: ReadRatingsOptions; scan?: ScanOptions } = {},
): Promise<ScanRatingsFileResult> {
  const read = await readRatings(source, options.read);
  const { ratings, ...rest } = read;
  return { report: scanRatings(ratings, options.scan), input: { ...rest, ratings: ratings.length } };
}
