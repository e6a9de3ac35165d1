/**
 * Re-indexes arbitrary integer ids (e.g. cluster ids) densely as 0..count-1 in order of first
 * appearance. Rows with zero weight can be skipped: their entry stays 0 and does not create an id.
 *
 * @example
 * denseIds(new Int32Array([7, 3, 7, 9])) // { index: Int32Array [0, 1, 0, 2], count: 3 }
 */
export function denseIds(ids: Int32Array, weights?: Float64Array): { index: Int32Array; count: number } {
  // Ids that are small non-negative integers (e.g. person indices) are re-indexed through an
  // array instead of a Map: same numbering, ~10× faster on millions of rows.
  let min = 0;
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id < min) min = id;
    if (id > max) max = id;
  }
  if (min >= 0 && max < Math.max(1024, 4 * ids.length)) {
    const map = new Int32Array(max + 1).fill(-1);
    const index = new Int32Array(ids.length);
    let count = 0;
    for (let i = 0; i < ids.length; i++) {
      if (weights !== undefined && (weights[i] as number) === 0) continue;
      const id = ids[i] as number;
      let g = map[id] as number;
      if (g < 0) {
        g = count++;
        map[id] = g;
      }
      index[i] = g;
    }
    return { index, count };
  }
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
