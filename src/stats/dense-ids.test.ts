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
});
