import { describe, expect, it } from 'vitest';
import { compareDb07, db07Covers, db07Name, db07Section, parseDb07, type Db07Reference } from './db07.ts';

describe('parseDb07', () => {
  it('accepts section letters and dotted codes, and writes undotted codes with dots', () => {
    expect(parseDb07('q')).toEqual({ ok: true, code: 'Q' });
    expect(parseDb07(' 47 ')).toEqual({ ok: true, code: '47' });
    expect(parseDb07('52.10')).toEqual({ ok: true, code: '52.10' });
    expect(parseDb07('471')).toEqual({ ok: true, code: '47.1' });
    expect(parseDb07('8121')).toEqual({ ok: true, code: '81.21' });
    expect(parseDb07('471110')).toEqual({ ok: true, code: '47.11.10' });
  });
  it('refuses everything else', () => {
    for (const bad of ['', '4', '47111', 'V', 'AB', '47.111', '47..1', 'x7']) expect(parseDb07(bad), bad).toEqual({ ok: false });
  });
});

describe('sections and coverage', () => {
  it('maps divisions to their NACE sections', () => {
    expect([db07Section('10'), db07Section('47.11'), db07Section('52.10'), db07Section('56'), db07Section('81.21'), db07Section('87'), db07Section('04')])
      .toEqual(['C', 'G', 'H', 'I', 'N', 'Q', null]);
  });
  it('a section covers its divisions; a code covers itself and finer codes only', () => {
    expect(db07Covers('Q', '87')).toBe(true);
    expect(db07Covers('Q', 'Q')).toBe(true);
    expect(db07Covers('Q', '47')).toBe(false);
    expect(db07Covers('47', '47.11')).toBe(true);
    expect(db07Covers('52.1', '52.10')).toBe(true);
    expect(db07Covers('52.10', '52')).toBe(false);
    expect(db07Covers('47', 'G')).toBe(false);
    expect(db07Covers('4', '47')).toBe(true);
  });
  it('orders by section, section first, then code', () => {
    expect(['H', '52.10', '47.11', 'G', '10', '47', 'Q'].sort(compareDb07)).toEqual(['10', 'G', '47', '47.11', 'H', '52.10', 'Q']);
  });
});

describe('db07Name', () => {
  const reference: Db07Reference = {
    sections: [{ code: 'G', da: 'Handel', en: 'Trade' }, { code: 'Q', da: 'Sundhed', en: 'Health' }],
    industries: [{ code: '47', section: 'G', da: 'Detailhandel', en: 'Retail' }],
  };
  it('uses the entry, then the most specific covering industry, then the section', () => {
    expect(db07Name(reference, '47')).toEqual({ da: 'Detailhandel', en: 'Retail' });
    expect(db07Name(reference, '47.11')).toEqual({ da: 'Detailhandel', en: 'Retail' });
    expect(db07Name(reference, 'Q')).toEqual({ da: 'Sundhed', en: 'Health' });
    expect(db07Name(reference, '87')).toEqual({ da: 'Sundhed', en: 'Health' });
    expect(db07Name(reference, '01')).toBeNull();
  });
});
