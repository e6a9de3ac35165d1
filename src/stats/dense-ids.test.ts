import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseIds } from './dense-ids.ts';

describe('denseIds', () => {
  it('numbers ids by first appearance', () => {
    const r = denseIds(new Int32Array([7, 3, 7, 9, -1]));
    expect(Array.from(r.index)).toEqual([0, 1, 0, 2, 3]);
    expect(r.count).toBe(4);
  });
  it('skips zero-weight rows without creating an id for them', () => {
    const r = denseIds(new Int32Array([5, 6, 5, 8]), new Float64Array([1, 0, 2, 1]));
    expect(Array.from(r.index)).toEqual([0, 0, 0, 1]);
    expect(r.count).toBe(2);
  });
  it('numbers small non-negative ids (array path) exactly as arbitrary ones (Map path), zero weights included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 200 }), fc.integer({ min: 0, max: 3 }), (ids, zeroEvery) => {
        const small = Int32Array.from(ids);
        // the same ids shifted far out of the array path's range (Map path), same first-appearance order
        const large = Int32Array.from(ids, (v) => v * 1_000_003 - 7);
        const w = zeroEvery === 0 ? undefined : Float64Array.from(ids, (_, i) => (i % (zeroEvery + 1) === 0 ? 0 : 1));
        expect(denseIds(small, w)).toEqual(denseIds(large, w));
      }),
    );
  });
});
