import { describe, expect, it } from 'vitest';
import { auc } from './auc.ts';
import { createRng } from './rng.ts';
import { expectClose, readFixture } from './test-utils.ts';

interface AucFixture {
  tolerance: { relative: number };
  cases: { name: string; score: number[]; y: number[]; expected: number }[];
}

describe('auc against scikit-learn roc_auc_score', () => {
  const f = readFixture<AucFixture>('auc.json');
  for (const c of f.cases) {
    it(`matches on ${c.name}`, () => {
      expectClose([auc(Float64Array.from(c.score), Uint8Array.from(c.y))], [c.expected], f.tolerance.relative, 0, c.name);
    });
  }
});

describe('auc', () => {
  it('counts a tie as one half (Mann–Whitney)', () => {
    expect(auc(new Float64Array([1, 2, 2, 3]), new Uint8Array([0, 0, 1, 1]))).toBe(0.875);
    expect(auc(new Float64Array([5, 5, 5]), new Uint8Array([0, 1, 1]))).toBe(0.5);
    expect(auc(new Float64Array([3, 1]), new Uint8Array([0, 1]))).toBe(0);
  });

  it('equals the pairwise count on a large tied input (radix-sorted path)', () => {
    const rand = createRng(5);
    const n = 20_000;
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    const counts = [new Float64Array(8), new Float64Array(8)];
    for (let i = 0; i < n; i++) {
      y[i] = rand() < 0.3 ? 1 : 0;
      s[i] = 1 + Math.floor(rand() * 7);
      counts[y[i] as number]![s[i] as number]! += 1;
    }
    // pairs by value: positives at v beat negatives below v, tie with negatives at v
    let u = 0;
    let n1 = 0;
    let n0 = 0;
    for (let v = 1; v <= 7; v++) {
      let below = 0;
      for (let w = 1; w < v; w++) below += counts[0]![w]!;
      u += counts[1]![v]! * (below + counts[0]![v]! / 2);
      n1 += counts[1]![v]!;
      n0 += counts[0]![v]!;
    }
    expect(auc(s, y)).toBeCloseTo(u / (n1 * n0), 14);
  });

  it('is NaN without positives or without negatives', () => {
    expect(auc(new Float64Array([1, 2]), new Uint8Array([0, 0]))).toBeNaN();
    expect(auc(new Float64Array([1, 2]), new Uint8Array([1, 1]))).toBeNaN();
    expect(auc(new Float64Array(0), new Uint8Array(0))).toBeNaN();
  });

  it('rejects bad input', () => {
    expect(() => auc(new Float64Array([1, 2]), new Uint8Array([0]))).toThrow(/length 2/);
    expect(() => auc(new Float64Array([1, 2]), new Uint8Array([0, 2]))).toThrow(/0 or 1/);
    expect(() => auc(new Float64Array([1, Number.NaN]), new Uint8Array([0, 1]))).toThrow(/NaN/);
  });
});
