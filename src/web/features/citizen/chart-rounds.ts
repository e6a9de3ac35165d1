// Which rounds the star chart overlays: at most three, and the first (the baseline the citizen
// started from) always among them — with four or more rounds, the baseline and the last two. The
// chart used to show the last three, so the baseline disappeared at round 4.
export function chartRounds<R extends { roundNo: number }>(rounds: readonly R[]): R[] {
  const sorted = [...rounds].sort((a, b) => a.roundNo - b.roundNo);
  if (sorted.length <= 3) return sorted;
  return [sorted[0]!, ...sorted.slice(-2)];
}
