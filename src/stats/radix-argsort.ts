/** Below this many keys a comparison sort is cheaper than four radix passes over 64 K buckets. */
const RADIX_MIN = 1 << 14;

/**
 * Positions 0..n-1 of `keys` in ascending order of (key, position): the order of
 * `[...keys.keys()].sort((a, b) => keys[a] - keys[b] || a - b)` (so -0 and +0 are equal). Keys
 * must not be NaN.
 *
 * Large inputs go through a stable least-significant-digit radix sort on the keys' IEEE-754 bits
 * (mapped to unsigned order: negative numbers with all bits flipped, others with the sign bit
 * set), four passes of 16 bits, skipping a pass whose digit is the same for all keys. Being stable
 * from the identity order, equal keys stay in position order. 6 M keys take ~0.3 s instead of
 * ~2.5 s for the comparison sort with a JavaScript comparator.
 *
 * @example
 * radixArgsort(new Float64Array([0.5, -1, 0.5, 0])); // Int32Array [1, 3, 0, 2]
 */
export function radixArgsort(keys: Float64Array): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < RADIX_MIN) return order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  // Sortable 64-bit keys as (hi, lo) unsigned 32-bit halves.
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const iLo = littleEndian ? 0 : 1;
  const iHi = 1 - iLo;
  let lo: Uint32Array = new Uint32Array(n);
  let hi: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f[0] = (keys[i] as number) + 0; // -0 → +0
    const h = u[iHi] as number;
    const l = u[iLo] as number;
    if (h >>> 31 === 1) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let ord: Int32Array = order;
  let ord2: Int32Array = new Int32Array(n);
  let lo2: Uint32Array = new Uint32Array(n);
  let hi2: Uint32Array = new Uint32Array(n);
  const count = new Int32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((src[i] as number) >>> shift) & 0xffff]!++;
    if (count[((src[0] as number) >>> shift) & 0xffff] === n) continue; // one bucket: nothing moves
    let sum = 0;
    for (let d = 0; d < 1 << 16; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const d = ((src[i] as number) >>> shift) & 0xffff;
      const at = count[d] as number;
      count[d] = at + 1;
      ord2[at] = ord[i] as number;
      lo2[at] = lo[i] as number;
      hi2[at] = hi[i] as number;
    }
    [ord, ord2] = [ord2, ord];
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  return ord;
}
