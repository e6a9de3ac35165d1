// The estimator registry: an entry per method of the vocabulary, each estimating as its module
// does, needing what it uses.
import { describe, expect, it } from 'vitest';
import { EVALUATION_METHODS } from '../../domain/evaluation-methods.ts';
import { didEffect } from './did.ts';
import { ipwDesign, ipwEffect, ipwWeights } from './ipw.ts';
import { naiveDesign, naiveEffect } from './naive.ts';
import { psmDesign, psmEffect, psmMatch } from './psm.ts';
import { methodColour, METHODS, REGISTRY, type EstimatorInput } from './registry.ts';

const n = 200;
const treated = Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
const person = Int32Array.from({ length: n }, (_, i) => i % 150);
const logit = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + (treated[i] ? 0.3 : 0));
const score = Float64Array.from(logit, (l) => 1 / (1 + Math.exp(-l)));
const y = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 53) / 52);
const pre = Float64Array.from({ length: n }, (_, i) => ((i * 11) % 53) / 52);
const sample = psmMatch(logit, treated, new Int32Array(n));
const ipw = ipwWeights(treated, score);

function input(parts: Partial<EstimatorInput> = {}): EstimatorInput & { made: string[] } {
  const memo = new Map<string, unknown>();
  const made: string[] = [];
  return {
    treated,
    person,
    ...parts,
    made,
    shared<T>(key: string, make: () => T): T {
      if (!memo.has(key)) {
        made.push(key);
        memo.set(key, make());
      }
      return memo.get(key) as T;
    },
  };
}
const run = (m: keyof typeof REGISTRY, g: EstimatorInput, p?: Float64Array) => {
  const d = REGISTRY[m].prepare(g);
  return d === undefined ? undefined : REGISTRY[m].estimate(d, y, p);
};

describe('estimator registry', () => {
  it('has an entry for every method of the vocabulary, with its vocabulary', () => {
    expect(Object.keys(REGISTRY)).toEqual(Object.keys(EVALUATION_METHODS));
    for (const m of METHODS) expect(REGISTRY[m]).toMatchObject({ id: m, ...EVALUATION_METHODS[m] });
    for (const m of METHODS) expect(methodColour(m)).toBe(EVALUATION_METHODS[m].colour);
    expect(methodColour('unknown')).toBe('#555');
  });

  it('matching and weighting need a score model', () => {
    for (const m of METHODS) {
      const needs: readonly string[] = REGISTRY[m].needs;
      if (needs.includes('match') || needs.includes('weight')) expect([m, needs.includes('score')]).toEqual([m, true]);
    }
  });

  it('estimates as the estimator modules do', () => {
    const d = naiveDesign(treated, person);
    expect(run('naive', input())).toEqual(naiveEffect(d, y));
    expect(run('did', input(), pre)).toEqual(didEffect(d, y, pre, treated));
    expect(run('psm', input({ sample }))).toEqual(psmEffect(psmDesign(sample), sample, y));
    expect(run('ipw', input({ ipw }))).toEqual(ipwEffect(ipwDesign(treated, ipw, person), y));
  });

  it('has nothing to estimate without its stage’s output (no matched sample, no weights, no pre-window for DiD)', () => {
    expect(run('psm', input())).toBeUndefined();
    expect(run('ipw', input())).toBeUndefined();
    expect(run('did', input(), undefined)).toBeUndefined();
  });

  it('naive and DiD share one unweighted design per subgroup', () => {
    const g = input();
    REGISTRY.naive.prepare(g);
    REGISTRY.did.prepare(g);
    expect(g.made).toEqual(['unweighted']);
  });
});
