// The contract src/evaluation relies on: these names and shapes must stay (tsc checks the
// assignments below; the test checks that each is a runtime export).
import { describe, expect, it } from 'vitest';
import * as stats from './index.ts';

type Contract = {
  logisticRegression: (X: Float64Array, y: Float64Array, n: number, p: number, opts?: { weights?: Float64Array; maxIter?: number; tol?: number }) => {
    coef: Float64Array; se: Float64Array; cov: Float64Array; fitted: Float64Array; eta: Float64Array;
    deviance: number; iterations: number; converged: boolean; separation: boolean; message?: string;
  };
  wls: (X: Float64Array, y: Float64Array, n: number, p: number, weights?: Float64Array) => {
    coef: Float64Array; residuals: Float64Array; fitted: Float64Array; bread: Float64Array;
  };
  robustCov: (X: Float64Array, residuals: Float64Array, n: number, p: number, bread: Float64Array,
    opts: { weights?: Float64Array; clusters?: Int32Array; type: 'HC0' | 'HC1' | 'CR1' }) => Float64Array;
  matchNearest: (o: { treatedScore: Float64Array; controlScore: Float64Array; treatedStratum?: Int32Array; controlStratum?: Int32Array;
    k?: number; replacement?: boolean; caliper?: number }) => { matches: Int32Array; matchedCount: Int32Array; controlWeight: Float64Array };
  attWeights: (treated: Uint8Array, p: Float64Array, normalize?: boolean) => Float64Array;
  smd: (x: Float64Array, treated: Uint8Array, weights?: Float64Array) => number;
  normalCdf: (x: number) => number;
  normalQuantile: (p: number) => number;
  tCdf: (x: number, df: number) => number;
  tQuantile: (p: number, df: number) => number;
  twoSidedP: (z: number, df?: number) => number;
  bootstrap: (nUnits: number, reps: number, seed: number, statistic: (indices: Int32Array) => number) => {
    values: Float64Array; se: number; ciLow: number; ciHigh: number;
  };
  createRng: (seed: number) => () => number;
};

const contract: Contract = stats;

describe('src/stats public API', () => {
  it('exports every function of the contract with src/evaluation', () => {
    const names = Object.keys({
      logisticRegression: 0, wls: 0, robustCov: 0, matchNearest: 0, attWeights: 0, smd: 0, normalCdf: 0,
      normalQuantile: 0, tCdf: 0, tQuantile: 0, twoSidedP: 0, bootstrap: 0, createRng: 0,
    } satisfies Record<keyof Contract, 0>);
    for (const name of names) expect(typeof contract[name as keyof Contract], name).toBe('function');
  });
});
