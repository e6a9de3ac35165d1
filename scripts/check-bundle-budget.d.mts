// Types of scripts/check-bundle-budget.mjs (tests/content/bundle-budget.test.ts).
export interface BudgetRow { page: string; part: string; files: number; raw: number; gzip: number; brotli: number; budget: number }
export const BUDGETS: Record<string, { jsCss: number; withLanguage?: number }>;
export function report(dist: string): { rows: BudgetRow[]; failures: string[] };
