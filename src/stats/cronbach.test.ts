import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from './cronbach.ts';
import { expectClose, readFixture } from './test-utils.ts';

interface CronbachFixture {
  tolerance: { relative: number };
  cases: { name: string; n: number; k: number; X: number[]; expected: number }[];
}

describe('cronbachAlpha against numpy', () => {
  const f = readFixture<CronbachFixture>('cronbach.json');
  for (const c of f.cases) {
    it(`matches on ${c.name} (n ${c.n}, k ${c.k})`, () => {
      expectClose([cronbachAlpha(Float64Array.from(c.X), c.n, c.k)], [c.expected], f.tolerance.relative, 0, c.name);
    });
  }

  it('does not depend on a constant added to every answer', () => {
    const c = f.cases[0]!;
    const shifted = Float64Array.from(c.X, (v) => v + 1e6);
    expectClose([cronbachAlpha(shifted, c.n, c.k)], [c.expected], 1e-9);
  });
});

describe('cronbachAlpha', () => {
  it('is 1 for identical items, and matches a hand computation', () => {
    expect(cronbachAlpha(new Float64Array([1, 1, 2, 2, 3, 3]), 3, 2)).toBeCloseTo(1, 15);
    // items (1,2,3,4) and (2,3,3,5): var 5/3 and 1.5833; total (3,5,6,9) var 6.25
    expect(cronbachAlpha(new Float64Array([1, 2, 2, 3, 3, 3, 4, 5]), 4, 2)).toBeCloseTo(2 * (1 - (5 / 3 + 19 / 12) / 6.25), 14);
  });

  it('is NaN for one item, one row, or a total without variance', () => {
    expect(cronbachAlpha(new Float64Array([1, 2, 3]), 3, 1)).toBeNaN();
    expect(cronbachAlpha(new Float64Array([1, 2]), 1, 2)).toBeNaN();
    expect(cronbachAlpha(new Float64Array([1, 3, 2, 2, 3, 1]), 3, 2)).toBeNaN();
  });

  it('rejects incomplete rows and wrong dimensions', () => {
    expect(() => cronbachAlpha(new Float64Array([1, Number.NaN, 2, 3]), 2, 2)).toThrow(/X\[0, 1\]/);
    expect(() => cronbachAlpha(new Float64Array([1, 2, 3]), 2, 2)).toThrow(RangeError);
  });
});
