/**
 * Area under the ROC curve by the Mann-Whitney statistic: the probability that a random positive
 * scores above a random negative, ties counting one half (average ranks).
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number | null {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[idx[t]!] = avg;
    i = j + 1;
  }
  let pos = 0;
  let rankSum = 0;
  labels.forEach((y, i) => {
    if (y) {
      pos++;
      rankSum += ranks[i]!;
    }
  });
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
