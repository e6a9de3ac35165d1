// Evaluation runs for the API, the result JSON in FORMATS.md's key order (jsonb reorders keys),
// and the results table as CSV for Danish Excel: UTF-8 with BOM, `;` between fields and a
// decimal comma (the reason Danish Excel wants `;`).
import { stringify } from 'csv-stringify/sync';
import type { Selectable } from 'kysely';
import type { EvaluationRunsTable } from '../platform/db/schema.ts';
import type { EvaluationResult, EvaluationRun } from '../../contract/types.ts';

/** The columns shown (the queue's claim columns are the runner's, not the evaluator's). */
type RunRow = Omit<Selectable<EvaluationRunsTable>, 'claimed_by' | 'lease_expires_at' | 'attempts'>;

export function presentRun(row: RunRow): EvaluationRun {
  return {
    id: row.id,
    status: row.status,
    stage: row.stage,
    progress: row.progress,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    municipalityCode: row.municipality_code,
    // jsonb as written by the upload route from the same contract types (checked again by the route's response schema).
    parameters: row.parameters as EvaluationRun['parameters'],
    inputs: row.inputs as EvaluationRun['inputs'],
    jobvejVersion: row.jobvej_version,
    error: row.error,
  };
}

const TOP = ['jobvej_version', 'input', 'design', 'results', 'by_period', 'balance', 'warnings', 'balance_by_subgroup', 'warning_details'];
const ROW = ['outcome', 'subgroup', 'method', 'period', 'covariate', 'n_treated', 'n_control', 'treated_mean', 'control_mean', 'att', 'se', 'ci_low', 'ci_high', 'p_value', 'relative_effect', 'smd_before', 'smd_after', 'smd_after_ipw'];
const INPUT = ['persons', 'person_weeks', 'participants', 'control_pool'];
const DESIGN = ['window_weeks', 'cohort', 'covariates'];

function ordered(value: unknown, order: string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k)).sort()];
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/**
 * The stored result with FORMATS.md's key order restored. Typed as the contract's result: the
 * route wrapper checks it against that schema inside the transaction, so a stored result that
 * does not fit is a 500 that names the mismatch in the log, never a malformed answer.
 */
export function canonicalResult(result: unknown): EvaluationResult {
  const top = ordered(result, TOP) as Record<string, unknown>;
  const rows = (v: unknown) => (Array.isArray(v) ? v.map((r) => ordered(r, ROW)) : v);
  return {
    ...top,
    ...('input' in top ? { input: ordered(top.input, INPUT) } : {}),
    ...('design' in top ? { design: ordered(top.design, DESIGN) } : {}),
    ...('results' in top ? { results: rows(top.results) } : {}),
    ...('by_period' in top ? { by_period: rows(top.by_period) } : {}),
    ...('balance' in top ? { balance: rows(top.balance) } : {}),
  } as EvaluationResult;
}

export const CSV_COLUMNS = ['outcome', 'subgroup', 'method', 'n_treated', 'n_control', 'treated_mean', 'control_mean', 'att', 'se', 'ci_low', 'ci_high', 'p_value', 'relative_effect'] as const;

const danishNumber = (v: unknown): string => (typeof v === 'number' ? String(v).replace('.', ',') : v === null || v === undefined ? '' : String(v));

/** The `results` rows as CSV: header row, `;`, decimal comma, UTF-8 BOM. */
export function resultsCsv(result: unknown): string {
  const rows = ((result as { results?: Record<string, unknown>[] }).results ?? []).map((r) => CSV_COLUMNS.map((c) => danishNumber(r[c])));
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], delimiter: ';', bom: true, record_delimiter: 'windows' });
}
