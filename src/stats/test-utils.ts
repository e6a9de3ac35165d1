// Helpers for the src/stats tests only: read a reference fixture and compare with tolerance.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** src/stats/fixtures/logit.json: statsmodels Logit and binomial GLM on committed inputs. */
export interface LogitFixture {
  tolerance: { relative: number };
  n: number;
  p: number;
  X: number[];
  y: number[];
  weights: number[];
  clusters: number[];
  expected: { coef: number[]; se: number[]; deviance: number; fittedHead: number[]; seHC0: number[]; seCluster: number[] };
  expectedWeighted: { coef: number[]; se: number[]; deviance: number };
}

/** Parses src/stats/fixtures/<name> (written by scripts/fixtures/make-stats-fixtures.py). */
export function readFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Asserts |a_i - e_i| <= rel·|e_i| + abs for every element, listing every element that fails. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  abs = 0,
  label = 'value',
): void {
  expect(actual.length).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (!(Math.abs(a - e) <= rel * Math.abs(e) + abs)) bad.push(`${label}[${i}]: got ${a}, expected ${e}`);
  }
  expect(bad).toEqual([]);
}
