/** `vigie integrity scan-ratings FILE`: read (streamed) then scan, in one call. */
import type { Readable } from 'node:stream';
import { buildRatingMatrix, type RatingScale } from './ratings.js';
import { type ReadRatingsOptions, type ReadRatingsResult, readRatings } from './read-ratings.js';
import { type ScanOptions, type ScanResult, scanRatings } from './scan-ratings.js';

export interface ScanRatingsFileResult {
  /** Exactly what `--format json` prints. */
  report: ScanResult;
  input: Omit<ReadRatingsResult, 'ratings'> & { ratings: number };
}

export async function scanRatingsFile(
  source: string | Readable,
  /** `scale`: the rating scale to use instead of the one inferred from the file. */
  options: { read?: ReadRatingsOptions; scan?: ScanOptions; scale?: RatingScale } = {},
): Promise<ScanRatingsFileResult> {
  const read = await readRatings(source, options.read);
  const { ratings, ...rest } = read;
  const data = options.scale ? buildRatingMatrix(ratings, { scale: options.scale }) : ratings;
  return { report: scanRatings(data, options.scan), input: { ...rest, ratings: ratings.length } };
}
