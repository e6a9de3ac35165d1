// content/reference/municipalities.json: the 98 Danish municipalities (kommunekode, name, region).
import { describe, expect, it } from 'vitest';
import municipalities from '../../content/reference/municipalities.json';

const REGIONS = ['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Syddanmark'];

describe('municipalities', () => {
  it('has 98 unique 3-digit codes', () => {
    expect(municipalities).toHaveLength(98);
    const codes = municipalities.map((m) => m.code);
    for (const code of codes) expect(code).toMatch(/^\d{3}$/);
    expect(new Set(codes).size).toBe(98);
  });

  it('gives every municipality a unique name and one of the five regions', () => {
    expect(new Set(municipalities.map((m) => m.name)).size).toBe(98);
    for (const m of municipalities) {
      expect(Object.keys(m).sort()).toEqual(['code', 'name', 'region']);
      expect(m.name.trim()).toBe(m.name);
      expect(REGIONS).toContain(m.region);
    }
    expect([...new Set(municipalities.map((m) => m.region))].sort()).toEqual(REGIONS);
  });

  it('is sorted by code and spelled in Danish', () => {
    const codes = municipalities.map((m) => m.code);
    expect(codes).toEqual([...codes].sort());
    expect(municipalities.find((m) => m.code === '101')?.name).toBe('København');
    expect(municipalities.find((m) => m.code === '860')).toEqual({ code: '860', name: 'Hjørring', region: 'Nordjylland' });
  });
});
