import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixArgsort } from './radix-argsort.ts';
import { createRng } from './rng.ts';

/** The reference order: a comparison sort by (key, position). */
const reference = (keys: Float64Array): Int32Array => Int32Array.from(keys.keys()).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);

describe('radixArgsort', () => {
  it('orders by key, then position (the example)', () => {
    expect(Array.from(radixArgsort(new Float64Array([0.5, -1, 0.5, 0])))).toEqual([1, 3, 0, 2]);
  });

  it('equals the comparison sort on large inputs: ties, -0/+0, negatives, subnormals, infinities, one-bucket digits', () => {
    const rng = createRng(3);
    const n = 100_000; // above the radix threshold
    const specials = [0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 1, -1];
    const cases: Float64Array[] = [
      Float64Array.from({ length: n }, () => (rng() - 0.5) * 20),
      Float64Array.from({ length: n }, () => Math.round((rng() - 0.5) * 40) / 4), // heavy ties
      Float64Array.from({ length: n }, (_, i) => specials[i % specials.length] as number),
      Float64Array.from({ length: n }, () => 1 + rng() * 1e-9), // same high digits
      new Float64Array(n).fill(-2.5), // every pass in one bucket
    ];
    for (const keys of cases) expect(radixArgsort(keys)).toEqual(reference(keys));
  });

  it('equals the comparison sort on random arrays of any size (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1)), { maxLength: 300 }),
        fc.integer({ min: 1, max: 200 }),
        (values, copies) => {
          // repeat the values to cross the radix threshold now and then
          const keys = Float64Array.from({ length: values.length * (copies > 150 ? 70 : 1) }, (_, i) => values[i % Math.max(1, values.length)] as number);
          expect(radixArgsort(keys)).toEqual(reference(keys));
        },
      ),
      { numRuns: 200 },
    );
  });
});
