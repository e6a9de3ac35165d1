import { describe, expect, it } from 'vitest';
import { byLongestWait, waitLevel } from './wait.ts';

const e = (citizenName: string, daysWaitedAtGate: number | null, daysInModule: number | null, status: 'active' | 'completed' = 'active') =>
  ({ citizenName, daysWaitedAtGate, daysInModule, status });

describe('waiting at the gate', () => {
  it('orders the longest wait first, then the longest in the module, completed last', () => {
    const rows = [e('Ali', null, 80), e('Berhane', 3, 20), e('Cilla', null, null, 'completed'), e('Dana', 23, 40), e('Eyob', null, 5), e('Asha', 3, 20)];
    expect(rows.sort(byLongestWait).map((r) => r.citizenName)).toEqual(['Dana', 'Asha', 'Berhane', 'Ali', 'Eyob', 'Cilla']);
  });

  it('grades waits: under 7 days short, 7–13 some, 14 and more long', () => {
    expect([null, 0, 6, 7, 13, 14, 40].map((d) => waitLevel({ status: 'active', daysWaitedAtGate: d }))).toEqual(
      ['in_module', 'short', 'short', 'some', 'some', 'long', 'long'],
    );
    expect(waitLevel({ status: 'completed', daysWaitedAtGate: null })).toBe('completed');
  });
});
