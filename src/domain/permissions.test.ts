import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, abilitiesFor, can, type Action, type Role } from './permissions.ts';

// The whole role × action table, within the actor's own municipality.
const TABLE: Record<Role, Action[]> = {
  caseworker: [
    'citizen.list', 'citizen.view', 'citizen.create', 'round.start', 'round.answer', 'round.handover',
    'offer.view', 'offer.create', 'offer.update', 'outcome.view', 'outcome.create', 'deadline.view',
    'company.view', 'company.create', 'package.view', 'package.create', 'package.enrol', 'package.signoff', 'package.advance',
  ],
  manager: ['citizen.list', 'citizen.view', 'offer.view', 'outcome.view', 'deadline.view', 'company.view', 'package.view', 'citizen.access_log', 'citizen.export', 'national.view'],
  company_consultant: ['citizen.list', 'citizen.view', 'offer.view', 'offer.create', 'offer.update', 'outcome.view', 'outcome.create', 'deadline.view',
    'company.view', 'company.create', 'company.needs', 'package.view', 'package.create', 'package.enrol', 'package.signoff', 'package.advance',
  ],
  evaluator: ['evaluation.run', 'evaluation.view'],
  national_admin: ['national.view'],
  admin: ['evaluation.run', 'evaluation.view', 'audit.head'],
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
      'citizen.list', 'citizen.view', 'offer.view', 'outcome.view', 'deadline.view', 'company.view', 'package.view', 'citizen.access_log', 'citizen.export', 'national.view',
    ]);
  });
});
