import { describe, expect, it } from 'vitest';
import { ARRIVAL_MESSAGE, BIRTH_DATE_MESSAGE, registrationIssues } from './registration.ts';

describe('registrationIssues', () => {
  it('finds a birth date that contradicts the CPR number, and accepts the one it gives', () => {
    expect(registrationIssues({ cpr: '010170-1234', birthDate: '1995-06-06' })).toEqual([{ field: 'birthDate', message: BIRTH_DATE_MESSAGE }]);
    expect(registrationIssues({ cpr: '010170-1234', birthDate: '1970-01-01' })).toEqual([]);
    expect(registrationIssues({ cpr: '010170-5234', birthDate: '1970-01-01' })).toEqual([{ field: 'birthDate', message: BIRTH_DATE_MESSAGE }]); // 7th digit 5: 2070
    expect(registrationIssues({ cpr: '010170-1234' })).toEqual([]); // no birth date sent: nothing to contradict
  });

  it('finds an arrival after the take-over; the same day is fine', () => {
    expect(registrationIssues({ arrivalDate: '2025-07-02', takeoverDate: '2025-07-01' })).toEqual([{ field: 'arrivalDate', message: ARRIVAL_MESSAGE }]);
    expect(registrationIssues({ arrivalDate: '2025-07-01', takeoverDate: '2025-07-01' })).toEqual([]);
  });

  it('compares only valid fields', () => {
    expect(registrationIssues({ cpr: 'nonsense', birthDate: '1995-06-06' })).toEqual([]);
    expect(registrationIssues({ cpr: '010170-1234', birthDate: '1995-02-30' })).toEqual([]);
    expect(registrationIssues({ arrivalDate: '2026-13-01', takeoverDate: '2025-07-01' })).toEqual([]);
    expect(registrationIssues({ arrivalDate: 20260101, takeoverDate: '2025-07-01' })).toEqual([]);
  });
});
