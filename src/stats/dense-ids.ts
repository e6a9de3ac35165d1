/**
 * Re-indexes arbitrary integer ids (e.g. cluster ids) densely as 0..count-1 in order of first
 * appearance. Rows with zero weight can be skipped: their entry stays 0 and does not create an id.
 *
 * @example
 * denseIds(new Int32Array([7, 3, 7, 9])) // { index: Int32Array [0, 1, 0, 2], count: 3 }
 */
export function denseIds(ids: Int32Array, weights?: Float64Array): { index: Int32Array; count: number } {
  const seen = new Map<number, number>();
  const index = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    if (weights !== undefined && (weights[i] as number) === 0) continue;
    const id = ids[i] as number;
    let g = seen.get(id);
    if (g === undefined) {
      g = seen.size;
      seen.set(id, g);
    }
    index[i] = g;
  }
  return { index, count: seen.size };
}
