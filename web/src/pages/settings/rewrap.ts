// The server rewraps a bounded batch per call, so the console calls again until nothing remains.
// Pure (the batch call is injected) so the stopping rules are unit-tested.

export interface RewrapBatch {
  rewrapped: number;
  remaining: number;
}

export interface RewrapProgress {
  rewrapped: number;
  remaining: number;
  batches: number;
  /** True when batches stopped making progress while data still remained. */
  stalled: boolean;
}

export const MAX_REWRAP_BATCHES = 1000;

export async function rewrapUntilDone(
  batch: () => Promise<RewrapBatch>,
  onProgress: (progress: RewrapProgress) => void = () => {},
  maxBatches = MAX_REWRAP_BATCHES,
): Promise<RewrapProgress> {
  const progress: RewrapProgress = { rewrapped: 0, remaining: 0, batches: 0, stalled: false };
  while (progress.batches < maxBatches) {
    const result = await batch();
    progress.batches += 1;
    progress.rewrapped += result.rewrapped;
    progress.remaining = result.remaining;
    // A batch that moved nothing would loop forever (rows that fail to rewrap): stop and say so.
    progress.stalled = result.remaining > 0 && result.rewrapped === 0;
    onProgress({ ...progress });
    if (result.remaining <= 0 || progress.stalled) break;
  }
  return progress;
}
