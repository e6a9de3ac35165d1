import { describe, expect, it } from 'vitest';
import { advance, enrol, signOffGoal } from './enrolment.ts';
import { pkg } from './fixture.test-helper.ts';
import { makeOverride } from './override.ts';
import type { Enrolment, PackageResult } from './types.ts';

const value = <T>(r: PackageResult<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const so = (goalId: string, signedOn = '2024-03-10') => ({ goalId, signedBy: 'cw1', signedOn, note: 'observed' });

describe('enrolment', () => {
  it('enrolling starts module 1 on the enrolment date', () => {
    const e = value(enrol(pkg, 'c1', '2024-03-01'));
    expect(e.progress).toEqual([{ moduleId: 'intro', startedOn: '2024-03-01', endedOn: null, signOffs: [], override: null }]);
    expect(enrol({ ...pkg, modules: [] }, 'c1', '2024-03-01')).toMatchObject({ ok: false, error: { code: 'empty_package' } });
    expect(enrol(pkg, 'c1', '2024-02-30')).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
  });

  it('signs off goals one by one with who, when and a note, without mutating the input', () => {
    const e0 = value(enrol(pkg, 'c1', '2024-03-01'));
    const e1 = value(signOffGoal(pkg, e0, so('a')));
    expect(e0.progress[0]?.signOffs).toEqual([]);
    expect(e1.progress[0]?.signOffs).toEqual([{ goalId: 'a', signedBy: 'cw1', signedOn: '2024-03-10', note: 'observed' }]);
  });

  it('refuses unknown, repeated, unsigned, early or malformed sign-offs', () => {
    const e = value(enrol(pkg, 'c1', '2024-03-01'));
    const code = (r: PackageResult<Enrolment>) => (r.ok ? 'ok' : r.error.code);
    expect(code(signOffGoal(pkg, e, so('c')))).toBe('unknown_goal');
    expect(code(signOffGoal(pkg, value(signOffGoal(pkg, e, so('a'))), so('a')))).toBe('already_signed_off');
    expect(code(signOffGoal(pkg, e, { ...so('a'), signedBy: ' ' }))).toBe('missing_signer');
    expect(code(signOffGoal(pkg, e, so('a', '2024-02-28')))).toBe('date_before_module_start');
    expect(code(signOffGoal(pkg, e, so('a', '2024-3-10')))).toBe('invalid_date');
    expect(code(signOffGoal({ ...pkg, id: 'other' }, e, so('a')))).toBe('wrong_package');
  });

  it('advances only through the gate, then completes after the last module', () => {
    let e = value(enrol(pkg, 'c1', '2024-03-01'));
    expect(advance(pkg, e, '2024-03-20')).toMatchObject({ ok: false, error: { code: 'blocked', message: 'unmet goals in intro: a, b' } });
    e = value(signOffGoal(pkg, value(signOffGoal(pkg, e, so('a'))), so('b')));
    e = value(advance(pkg, e, '2024-03-20'));
    expect(e.progress.map((p) => [p.moduleId, p.startedOn, p.endedOn])).toEqual([
      ['intro', '2024-03-01', '2024-03-20'], ['placement-1', '2024-03-20', null],
    ]);
    e = value(advance(pkg, value(signOffGoal(pkg, e, so('c', '2024-05-01'))), '2024-05-02'));
    expect(e.completedOn).toBe('2024-05-02');
    expect(advance(pkg, e, '2024-05-03')).toMatchObject({ ok: false, error: { code: 'already_completed' } });
    expect(signOffGoal(pkg, e, so('c'))).toMatchObject({ ok: false, error: { code: 'already_completed' } });
  });

  it('an override needs a non-empty reason and records the goals it skipped', () => {
    expect(makeOverride({ reason: '  ', decidedBy: 'lead', decidedOn: '2024-03-20', unmetGoalIds: [] }))
      .toMatchObject({ ok: false, error: { code: 'empty_reason' } });
    expect(makeOverride({ reason: 'x', decidedBy: '', decidedOn: '2024-03-20', unmetGoalIds: [] }))
      .toMatchObject({ ok: false, error: { code: 'missing_signer' } });
    const override = value(makeOverride({ reason: ' Job offer at the placement company ', decidedBy: 'lead', decidedOn: '2024-03-20', unmetGoalIds: [] }));
    expect(override.reason).toBe('Job offer at the placement company');
    const e0 = value(signOffGoal(pkg, value(enrol(pkg, 'c1', '2024-03-01')), so('a')));
    const e1 = value(advance(pkg, e0, '2024-03-20', override));
    expect(e1.progress[0]?.override).toEqual({ ...override, unmetGoalIds: ['b'] });
    expect(e1.progress[1]?.moduleId).toBe('placement-1');
    expect(advance(pkg, e0, '2024-03-20', { ...override, reason: '' })).toMatchObject({ ok: false, error: { code: 'empty_reason' } });
  });

  it('refuses an override when nothing is unmet, and a date before the module started', () => {
    const e = value(signOffGoal(pkg, value(signOffGoal(pkg, value(enrol(pkg, 'c1', '2024-03-01')), so('a'))), so('b')));
    const override = value(makeOverride({ reason: 'r', decidedBy: 'lead', decidedOn: '2024-03-20', unmetGoalIds: [] }));
    expect(advance(pkg, e, '2024-03-20', override)).toMatchObject({ ok: false, error: { code: 'override_not_needed' } });
    expect(advance(pkg, e, '2024-02-20')).toMatchObject({ ok: false, error: { code: 'date_before_module_start' } });
  });
});
