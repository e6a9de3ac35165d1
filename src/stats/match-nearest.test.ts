import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchNearest } from './match-nearest.ts';
import { createRng } from './rng.ts';
import { readFixture } from './test-utils.ts';

interface MatchingFixture {
  treatedScore: number[];
  controlScore: number[];
  treatedStratum: number[];
  controlStratum: number[];
  cases: Record<string, { k: number; caliper?: number; matches: number[] }>;
}

describe('matchNearest with replacement against scikit-learn NearestNeighbors', () => {
  const f = readFixture<MatchingFixture>('matching.json');
  const treatedScore = Float64Array.from(f.treatedScore);
  const controlScore = Float64Array.from(f.controlScore);
  const treatedStratum = Int32Array.from(f.treatedStratum);
  const controlStratum = Int32Array.from(f.controlStratum);

  for (const [name, c] of Object.entries(f.cases)) {
    it(`case ${name}: identical matched indices`, () => {
      const strata = name.endsWith('Strata') ? { treatedStratum, controlStratum } : {};
      const caliper = c.caliper === undefined ? {} : { caliper: c.caliper };
      const r = matchNearest({ treatedScore, controlScore, k: c.k, ...strata, ...caliper });
      expect(Array.from(r.matches)).toEqual(c.matches);
      const counts = Array.from({ length: treatedScore.length }, (_, i) =>
        c.matches.slice(i * c.k, (i + 1) * c.k).filter((j) => j >= 0).length);
      expect(Array.from(r.matchedCount)).toEqual(counts);
      // ATT weights: sum of control weights = number of matched treated units
      const sumW = r.controlWeight.reduce((s, v) => s + v, 0);
      expect(sumW).toBeCloseTo(counts.filter((m) => m > 0).length, 9);
    });
  }
});

/** O(nT · nC) reference for greedy matching without replacement in descending-score order. */
function naiveGreedy(t: Float64Array, c: Float64Array, k: number, caliper?: number): number[] {
  const used = new Uint8Array(c.length);
  const out = new Array<number>(t.length * k).fill(-1);
  const order = Array.from(t.keys()).sort((a, b) => t[b]! - t[a]! || a - b);
  for (const i of order) {
    const cands = Array.from(c.keys())
      .filter((j) => !used[j] && (caliper === undefined || Math.abs(t[i]! - c[j]!) <= caliper))
      .sort((a, b) => Math.abs(t[i]! - c[a]!) - Math.abs(t[i]! - c[b]!) || a - b)
      .slice(0, k);
    cands.forEach((j, q) => {
      out[i * k + q] = j;
      used[j] = 1;
    });
  }
  return out;
}

describe('matchNearest without replacement', () => {
  const rand = createRng(5);
  // scores on a coarse grid so that ties in score and in distance occur
  const t = Float64Array.from({ length: 60 }, () => Math.round(rand() * 40) / 40);
  const c = Float64Array.from({ length: 150 }, () => Math.round(rand() * 40) / 40);

  for (const k of [1, 2, 3]) {
    for (const caliper of [undefined, 0.03]) {
      it(`k=${k}, caliper=${caliper}: equals a brute-force greedy reference and uses each control once`, () => {
        const r = matchNearest({ treatedScore: t, controlScore: c, k, replacement: false, ...(caliper === undefined ? {} : { caliper }) });
        expect(Array.from(r.matches)).toEqual(naiveGreedy(t, c, k, caliper));
        const used = Array.from(r.matches).filter((j) => j >= 0);
        expect(new Set(used).size).toBe(used.length);
        for (const j of used) expect(r.controlSet[j]).toBeGreaterThanOrEqual(0);
      });
    }
  }

  it('runs out of controls gracefully (more treated than controls)', () => {
    const r = matchNearest({ treatedScore: new Float64Array([0.1, 0.5, 0.9]), controlScore: new Float64Array([0.4]), replacement: false });
    // descending order: 0.9 takes the only control
    expect(Array.from(r.matches)).toEqual([-1, -1, 0]);
    expect(Array.from(r.treatedSet)).toEqual([-1, -1, 2]);
    expect(Array.from(r.controlSet)).toEqual([2]);
  });
});

describe('matchNearest ties, weights and guards', () => {
  it('breaks distance ties by the lower control index', () => {
    const r = matchNearest({ treatedScore: new Float64Array([0.5]), controlScore: new Float64Array([0.6, 0.4, 0.6, 0.4]), k: 3 });
    expect(Array.from(r.matches)).toEqual([0, 1, 2]);
  });

  it('gives ATT control weights sum over treated of 1 / matchedCount', () => {
    const r = matchNearest({
      treatedScore: new Float64Array([0.2, 0.25, 0.8]),
      controlScore: new Float64Array([0.21, 0.5, 0.79, 0.81]),
      k: 2,
      caliper: 0.1,
    });
    // treated 0 → 0 only (0.5 is too far); treated 1 → 0 only; treated 2 → 2, 3
    expect(Array.from(r.matches)).toEqual([0, -1, 0, -1, 2, 3]);
    expect(Array.from(r.matchedCount)).toEqual([1, 1, 2]);
    expect(Array.from(r.controlWeight)).toEqual([2, 0, 0.5, 0.5]);
    expect(Array.from(r.controlSet)).toEqual([0, -1, 2, 2]);
  });

  it('matches only within strata and leaves treated without same-stratum controls unmatched', () => {
    const r = matchNearest({
      treatedScore: new Float64Array([0.5, 0.5]),
      controlScore: new Float64Array([0.5, 0.9]),
      treatedStratum: new Int32Array([1, 7]),
      controlStratum: new Int32Array([2, 1]),
    });
    expect(Array.from(r.matches)).toEqual([1, -1]);
  });

  it('handles empty inputs', () => {
    const r = matchNearest({ treatedScore: new Float64Array(0), controlScore: new Float64Array([1]) });
    expect(r.matches.length).toBe(0);
    expect(Array.from(r.controlWeight)).toEqual([0]);
  });

  it('rejects bad arguments', () => {
    const t = new Float64Array([0.1]);
    expect(() => matchNearest({ treatedScore: t, controlScore: t, k: 0 })).toThrow(/k must be a positive integer/);
    expect(() => matchNearest({ treatedScore: t, controlScore: t, caliper: -1 })).toThrow(/caliper/);
    expect(() => matchNearest({ treatedScore: new Float64Array([Number.NaN]), controlScore: t })).toThrow(/not finite/);
    expect(() => matchNearest({ treatedScore: t, controlScore: t, treatedStratum: new Int32Array(1) })).toThrow(/both/);
    expect(() => matchNearest({ treatedScore: [0.1] as unknown as Float64Array, controlScore: t })).toThrow(TypeError);
  });

  it('scales to 50k treated × 200k controls without replacement, k = 3 (skip pointers, no rescans)', () => {
    const rand = createRng(9);
    const t = Float64Array.from({ length: 50_000 }, () => rand());
    const c = Float64Array.from({ length: 200_000 }, () => rand());
    const r = matchNearest({ treatedScore: t, controlScore: c, k: 3, replacement: false });
    expect(r.matchedCount.every((m) => m === 3)).toBe(true);
  });
});

describe('matchNearest properties (fast-check)', () => {
  it('with replacement equals brute force: k nearest by (distance, index) within caliper and stratum', () => {
    const score = fc.integer({ min: 0, max: 50 }).map((v) => v / 50);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(score, fc.integer({ min: 0, max: 2 })), { maxLength: 15 }),
        fc.array(fc.tuple(score, fc.integer({ min: 0, max: 2 })), { maxLength: 25 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.constantFrom(0, 0.02, 0.1), { nil: undefined }),
        (tr, co, k, caliper) => {
          const r = matchNearest({
            treatedScore: Float64Array.from(tr, (v) => v[0]),
            controlScore: Float64Array.from(co, (v) => v[0]),
            treatedStratum: Int32Array.from(tr, (v) => v[1]),
            controlStratum: Int32Array.from(co, (v) => v[1]),
            k,
            ...(caliper === undefined ? {} : { caliper }),
          });
          const expected = tr.flatMap(([x, s]) => {
            const m = Array.from(co.keys())
              .filter((j) => co[j]![1] === s && (caliper === undefined || Math.abs(x - co[j]![0]) <= caliper))
              .sort((a, b) => Math.abs(x - co[a]![0]) - Math.abs(x - co[b]![0]) || a - b)
              .slice(0, k);
            return [...m, ...new Array<number>(k - m.length).fill(-1)];
          });
          expect(Array.from(r.matches)).toEqual(expected);
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
