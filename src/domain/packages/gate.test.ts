import { describe, expect, it } from 'vitest';
import { enrol, signOffGoal } from './enrolment.ts';
import { pkg } from './fixture.test-helper.ts';
import { gate } from './gate.ts';
import type { Enrolment } from './types.ts';

const start = (): Enrolment => {
  const r = enrol(pkg, 'c1', '2024-03-01');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const sign = (e: Enrolment, goalId: string): Enrolment => {
  const r = signOffGoal(pkg, e, { goalId, signedBy: 'cw1', signedOn: '2024-03-10', note: '' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('gate', () => {
  it('is blocked with the unmet goals listed, in module order', () => {
    const g = gate(pkg, start());
    expect(g.blocked).toBe(true);
    expect(g.currentModule?.id).toBe('intro');
    expect(g.unmetGoals.map((x) => x.id)).toEqual(['a', 'b']);
    expect(g.isLastModule).toBe(false);
  });
  it('opens when every goal of the current module is signed off', () => {
    expect(gate(pkg, sign(start(), 'b')).unmetGoals.map((x) => x.id)).toEqual(['a']);
    expect(gate(pkg, sign(sign(start(), 'b'), 'a'))).toMatchObject({ blocked: false, unmetGoals: [] });
  });
});
