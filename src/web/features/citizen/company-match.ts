// Which registered company a typed company text names (placement and outcome forms).
import type { CompanyView } from '../../lib/types.ts';

export type CompanyOption = Pick<CompanyView, 'id' | 'cvr' | 'name' | 'db07'>;

/** The text shown for a company in the searchable list: name and CVR (names can repeat, CVRs cannot). */
export const companyLabel = (c: CompanyOption): string => `${c.name} · CVR ${c.cvr}`;

/**
 * The registered company the text names: its exact list label, else a unique case-insensitive
 * name match; null otherwise (the text is then sent as a free-text company name).
 */
export function matchCompany(companies: readonly CompanyOption[], text: string): CompanyOption | null {
  const v = text.trim();
  if (!v) return null;
  const byLabel = companies.find((c) => companyLabel(c) === v);
  if (byLabel) return byLabel;
  const byName = companies.filter((c) => c.name.toLocaleLowerCase('da') === v.toLocaleLowerCase('da'));
  return byName.length === 1 ? (byName[0] as CompanyOption) : null;
}
