import { describe, expect, it } from 'vitest';
import { PanelBuilder, clearBeforeArrival, statusAt } from './panel.ts';

describe('PanelBuilder', () => {
  it('grows the week range both ways, keeps cells, detects duplicates and trims', () => {
    const b = new PanelBuilder(3);
    expect(b.set(0, 1000, 1)).toBe(true);
    expect(b.set(2, 1300, 2)).toBe(true); // beyond the initial range
    expect(b.set(1, 700, 3)).toBe(true); // before it
    expect(b.set(0, 1000, 4)).toBe(false); // duplicate
    const p = b.finish();
    expect(p.weekStart).toBe(700);
    expect(p.nWeeks).toBe(601);
    expect(p.status.length).toBe(3 * 601);
    expect(statusAt(p, 0, 1000)).toBe(1);
    expect(statusAt(p, 2, 1300)).toBe(2);
    expect(statusAt(p, 1, 700)).toBe(3);
    expect(statusAt(p, 1, 5000)).toBe(0);
    expect(clearBeforeArrival(p, (person) => (person === 1 ? 701 : 0))).toBe(1);
    expect(statusAt(p, 1, 700)).toBe(0);
  });

  it('grows the persons as higher indices come (ids numbered as met), keeping every cell', () => {
    const b = new PanelBuilder(0);
    expect(b.set(0, 1000, 1)).toBe(true);
    expect(b.set(1500, 1001, 2)).toBe(true); // beyond the first 1024 rows
    expect(b.set(3000, 900, 3)).toBe(true); // more persons and an earlier week
    expect(b.set(1500, 1001, 4)).toBe(false);
    expect(b.nPersons).toBeGreaterThanOrEqual(3001);
    const p = b.finish();
    expect(statusAt(p, 0, 1000)).toBe(1);
    expect(statusAt(p, 1500, 1001)).toBe(2);
    expect(statusAt(p, 3000, 900)).toBe(3);
    let filled = 0;
    for (const v of p.status) if (v !== 0) filled++;
    expect(filled).toBe(3);
  });
});
