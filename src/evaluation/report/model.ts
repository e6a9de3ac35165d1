// The evaluate output model: the JSON of FORMATS.md ("evaluate output") plus the optional fields
// jobvej adds (docs/formats.md), as the one zod schema in src/contract/evaluation-result.ts
// defines it. A number that cannot be computed is null here as in the JSON.
import type { z } from 'zod';
import type { evaluationBalanceRow, evaluationPeriodRow, evaluationResult, evaluationResultRow, evaluationSensitivityRow } from '../../contract/evaluation-result.ts';

export type ResultRow = z.infer<typeof evaluationResultRow>;
export type PeriodRow = z.infer<typeof evaluationPeriodRow>;
export type BalanceRow = z.infer<typeof evaluationBalanceRow>;
export type SensitivityRow = z.infer<typeof evaluationSensitivityRow>;
export type EvaluationOutput = z.infer<typeof evaluationResult>;

/** A computed number as the output holds it: null when it is not finite. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
