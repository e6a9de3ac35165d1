/**
 * Seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, 2018; 32-bit state words,
 * period 2^128 - 1), its 128-bit state filled from the seed by splitmix32 so that nearby
 * seeds give unrelated streams. Returns a function giving uniforms in [0, 1) with 32 bits of
 * resolution (k / 2^32). Same seed → same sequence on every platform. Not cryptographic.
 *
 * @example
 * const rand = createRng(42);
 * rand(); // a number in [0, 1), identical for every run with seed 42
 */
export function createRng(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
  let sm = Math.trunc(seed) >>> 0;
  const splitmix32 = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Uniform random integer in [0, m) from a `createRng` generator (m <= 2^32).
 * @example randomInt(createRng(1), 10); // an integer 0..9
 */
export function randomInt(rand: () => number, m: number): number {
  return Math.floor(rand() * m);
}
