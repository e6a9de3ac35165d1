import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, abilitiesFor, can, canAdministerUser, rolesAssignableBy, type Action, type Role } from './permissions.ts';

// The whole role × action table, within the actor's own municipality.
const TABLE: Record<Role, Action[]> = {
  caseworker: [
    'citizen.list', 'citizen.view', 'citizen.create', 'citizen.assign', 'round.start', 'round.answer', 'round.handover',
    'offer.view', 'offer.create', 'offer.update', 'outcome.view', 'outcome.create', 'deadline.view',
    'company.view', 'company.create', 'package.view', 'package.create', 'package.enrol', 'package.signoff', 'package.advance',
    'employment_model.view', 'instrument.listen',
  ],
  manager: ['citizen.list', 'citizen.view', 'citizen.assign', 'caseload.overview', 'offer.view', 'outcome.view', 'deadline.view', 'company.view', 'package.view', 'fip_analytics.view', 'employment_model.manage', 'employment_model.view', 'export.create', 'citizen.access_log', 'citizen.export', 'national.view', 'user.admin',
    'instrument.listen', 'instrument.audio'],
  company_consultant: ['citizen.list', 'citizen.view', 'offer.view', 'offer.create', 'offer.update', 'outcome.view', 'outcome.create', 'deadline.view',
    'company.view', 'company.create', 'company.needs', 'package.view', 'package.create', 'package.enrol', 'package.signoff', 'package.advance',
  ],
  evaluator: ['evaluation.run', 'evaluation.view', 'fip_analytics.view', 'export.create'],
  national_admin: ['national.view'],
  admin: ['evaluation.run', 'evaluation.view', 'audit.head', 'user.admin'],
  interpreter: ['instrument.listen', 'instrument.audio'],
};

const municipalityOf = (role: Role): string | null => (role === 'national_admin' || role === 'admin' ? null : '607');

describe('can: role × action', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = TABLE[role].includes(action);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can({ role, municipalityCode: municipalityOf(role) }, action, { municipalityCode: municipalityOf(role) })).toBe(expected);
      });
    }
  }
});

describe('can: municipality', () => {
  it('never on another municipality’s resource', () => {
    for (const action of ACTIONS) {
      expect(can({ role: 'caseworker', municipalityCode: '727' }, action, { municipalityCode: '607' })).toBe(false);
    }
  });
  it('never for a municipal role without a municipality', () => {
    expect(can({ role: 'caseworker', municipalityCode: null }, 'citizen.list')).toBe(false);
  });
  it('evaluation runs: a national evaluator or admin sees national runs, not a municipality’s', () => {
    expect(can({ role: 'evaluator', municipalityCode: null }, 'evaluation.view', { municipalityCode: null })).toBe(true);
    expect(can({ role: 'admin', municipalityCode: null }, 'evaluation.view', { municipalityCode: '607' })).toBe(false);
    expect(can({ role: 'evaluator', municipalityCode: '607' }, 'evaluation.view', { municipalityCode: '727' })).toBe(false);
  });
});

describe('abilitiesFor', () => {
  it('lists the allowed actions in vocabulary order', () => {
    expect(abilitiesFor({ role: 'manager', municipalityCode: '607' }, { municipalityCode: '607' })).toEqual([
      'citizen.list', 'citizen.view', 'citizen.assign', 'caseload.overview', 'offer.view', 'outcome.view', 'deadline.view', 'company.view', 'package.view', 'fip_analytics.view', 'employment_model.manage', 'employment_model.view', 'export.create', 'citizen.access_log', 'citizen.export', 'national.view', 'user.admin',
      'instrument.listen', 'instrument.audio',
    ]);
  });
});

describe('canAdministerUser: who administers which account (decision 026)', () => {
  const admin = { role: 'admin' as const, municipalityCode: null };
  const manager607 = { role: 'manager' as const, municipalityCode: '607' };
  it('the national administrator: every account, national roles included', () => {
    expect(canAdministerUser(admin, { role: 'caseworker', municipalityCode: '727' })).toBe(true);
    expect(canAdministerUser(admin, { role: 'national_admin', municipalityCode: null })).toBe(true);
    expect(rolesAssignableBy(admin)).toEqual([...ROLES]);
  });
  it('a manager: municipal roles of their own municipality only', () => {
    expect(canAdministerUser(manager607, { role: 'caseworker', municipalityCode: '607' })).toBe(true);
    expect(canAdministerUser(manager607, { role: 'manager', municipalityCode: '607' })).toBe(true);
    expect(canAdministerUser(manager607, { role: 'caseworker', municipalityCode: '727' })).toBe(false);
    expect(canAdministerUser(manager607, { role: 'admin', municipalityCode: null })).toBe(false);
    expect(canAdministerUser(manager607, { role: 'national_admin', municipalityCode: null })).toBe(false);
    expect(rolesAssignableBy(manager607)).toEqual(['caseworker', 'company_consultant', 'manager', 'evaluator', 'interpreter']);
    expect(canAdministerUser(manager607, { role: 'interpreter', municipalityCode: '607' })).toBe(true);
  });
  it('nobody else', () => {
    for (const role of ['caseworker', 'company_consultant', 'evaluator', 'national_admin'] as const) {
      const actor = { role, municipalityCode: role === 'national_admin' ? null : '607' };
      expect(canAdministerUser(actor, { role: 'caseworker', municipalityCode: '607' })).toBe(false);
      expect(rolesAssignableBy(actor)).toEqual([]);
    }
  });
});
