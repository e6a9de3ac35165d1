import { describe, expect, it } from 'vitest';
import { companyLabel, matchCompany, type CompanyOption } from './company-match.ts';

const companies: CompanyOption[] = [
  { id: 'a', cvr: '12345674', name: 'Bygma Fredericia', db07: '47' },
  { id: 'b', cvr: '87654321', name: 'Netto', db07: '4711' },
  { id: 'c', cvr: '11111111', name: 'Netto', db07: '4711' },
];

describe('matchCompany', () => {
  it('finds the company by its list label (what picking an option puts in the field)', () => {
    expect(matchCompany(companies, companyLabel(companies[2] as CompanyOption))?.id).toBe('c');
    expect(companyLabel(companies[0] as CompanyOption)).toBe('Bygma Fredericia · CVR 12345674');
  });
  it('accepts a typed name when exactly one company has it (any case, spaces trimmed)', () => {
    expect(matchCompany(companies, '  bygma fredericia ')?.id).toBe('a');
  });
  it('is null for an ambiguous name, an unknown name or nothing: the text is then a free-text name', () => {
    expect(matchCompany(companies, 'Netto')).toBeNull();
    expect(matchCompany(companies, 'Føtex')).toBeNull();
    expect(matchCompany(companies, '   ')).toBeNull();
  });
});
