import { describe, expect, it } from 'vitest';
import { audioTargetText, audioTargets, roundClosed } from './index.ts';
import { testInstrument } from './test-fixture.ts';

describe('audio targets', () => {
  it('are the citizen items, the anchors in scale order and "don’t know" — never a caseworker item', () => {
    expect(audioTargets(testInstrument).map((t) => t.target)).toEqual(['item:c01', 'item:c02', 'item:c03', 'item:c04', 'anchor:1', 'anchor:7', 'dontKnow']);
  });

  it('name the text they read, or nothing for a text the version lacks', () => {
    expect(audioTargetText(testInstrument, 'item:c03')?.text.da.text).toBe('spørgsmål c03');
    expect(audioTargetText(testInstrument, 'anchor:7')).toMatchObject({ kind: 'anchor', key: '7' });
    expect(audioTargetText(testInstrument, 'item:w01')).toBeUndefined();
    expect(audioTargetText(testInstrument, 'anchor:4')).toBeUndefined();
    expect(audioTargetText(testInstrument, 'item:')).toBeUndefined();
  });
});

describe('roundClosed', () => {
  it('is true only when both parts are complete', () => {
    expect(roundClosed({ citizenCompletedAt: null, caseworkerCompletedAt: null })).toBe(false);
    expect(roundClosed({ citizenCompletedAt: '2026-11-25T10:00:00Z', caseworkerCompletedAt: null })).toBe(false);
    expect(roundClosed({ citizenCompletedAt: null, caseworkerCompletedAt: new Date() })).toBe(false);
    expect(roundClosed({ citizenCompletedAt: new Date(), caseworkerCompletedAt: '2026-11-25T11:00:00Z' })).toBe(true);
  });
});
