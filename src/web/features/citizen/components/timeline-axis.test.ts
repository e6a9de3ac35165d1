import { describe, expect, it } from 'vitest';
import { axisDateFormatter } from './timeline-axis.ts';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the timeline axis labels', () => {
  it('are Tigrinya in Tigrinya (shipped month names, never another language\'s)', () => {
    const f = axisDateFormatter('ti');
    expect(f(at('2026-03-01'))).toBe('መጋ');
    expect(f(at('2026-12-01'))).toBe('ታሕ');
    expect(f(at('2026-12-15'))).toBe('15 ታሕ');
    expect(f(at('2027-01-01'))).toBe('2027');
    for (let m = 2; m <= 12; m++) expect(f(at(`2026-${String(m).padStart(2, '0')}-01`))).toMatch(/^[\u1200-\u137F]+$/);
  });

  it('are Somali in Somali', () => {
    expect(axisDateFormatter('so')(at('2026-08-01'))).toBe('Ogs');
  });

  it('use the Gregorian months in Farsi and the language\'s own in Danish and Arabic', () => {
    expect(axisDateFormatter('fa')(at('2026-03-01'))).toBe(new Intl.DateTimeFormat('fa-u-ca-gregory', { month: 'short', timeZone: 'UTC' }).format(new Date(at('2026-03-01'))));
    expect(axisDateFormatter('fa')(at('2026-03-01'))).toMatch(/مارس/);
    expect(axisDateFormatter('da')(at('2026-03-01'))).toMatch(/^mar/);
    expect(axisDateFormatter('ar')(at('2026-03-01'))).toMatch(/مارس/);
  });
});
