import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.ts';
import { quantileSorted } from './quantile.ts';
import { createRng, randomInt } from './rng.ts';

describe('createRng (xoshiro128** seeded by splitmix32)', () => {
  it('is reproducible per seed and differs between seeds', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('gives uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = createRng(1);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r();
      s += u;
      s2 += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it('randomInt covers 0..m-1 evenly', () => {
    const r = createRng(2);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[randomInt(r, 6)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('rejects a non-finite seed', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});

describe('quantileSorted (type 7)', () => {
  it('interpolates like numpy / R', () => {
    const s = new Float64Array([1, 2, 3, 4]);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 0.25)).toBe(1.75);
    expect(quantileSorted(s, 1)).toBe(4);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('bootstrap', () => {
  const rand = createRng(77);
  const x = Float64Array.from({ length: 400 }, () => rand() * 10);
  const mean = (idx: Int32Array): number => {
    let s = 0;
    for (const i of idx) s += x[i]!;
    return s / idx.length;
  };

  it('SE of the mean is close to sd/sqrt(n) and the CI covers the mean', () => {
    const r = bootstrap(x.length, 2000, 42, mean);
    const m = mean(Int32Array.from(x.keys()));
    let ss = 0;
    for (const v of x) ss += (v - m) ** 2;
    const analytic = Math.sqrt(ss / x.length) / Math.sqrt(x.length);
    expect(r.values.length).toBe(2000);
    expect(r.failed).toBe(0);
    expect(Math.abs(r.se / analytic - 1)).toBeLessThan(0.08);
    expect(r.ciLow).toBeLessThan(m);
    expect(r.ciHigh).toBeGreaterThan(m);
  });

  it('is reproducible for a seed', () => {
    const a = bootstrap(x.length, 50, 9, mean);
    const b = bootstrap(x.length, 50, 9, mean);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(bootstrap(x.length, 50, 10, mean).values[0]).not.toBe(a.values[0]);
  });

  it('cluster bootstrap draws whole clusters', () => {
    const clusters = Int32Array.from({ length: 12 }, (_, i) => Math.floor(i / 3) * 10); // 4 clusters of 3
    const sizes: number[] = [];
    bootstrap(12, 30, 1, (idx) => {
      sizes.push(idx.length);
      for (let k = 0; k < idx.length; k += 3) {
        expect(clusters[idx[k]!]).toBe(clusters[idx[k + 2]!]);
      }
      return 0;
    }, { clusters });
    expect(sizes.every((s) => s === 12)).toBe(true);
  });

  it('drops non-finite replicates and counts them', () => {
    let call = 0;
    const r = bootstrap(5, 10, 3, () => (call++ % 2 === 0 ? Number.NaN : call));
    expect(r.failed).toBe(5);
    expect(r.values.length).toBe(5);
  });

  it('guards its arguments', () => {
    expect(() => bootstrap(0, 10, 1, mean)).toThrow(/nUnits/);
    expect(() => bootstrap(5, 1.5, 1, mean)).toThrow(/reps/);
    expect(() => bootstrap(5, 10, 1, mean, { level: 2 })).toThrow(/level/);
    expect(() => bootstrap(5, 10, 1, mean, { clusters: new Int32Array(4) })).toThrow(/clusters/);
  });
});
