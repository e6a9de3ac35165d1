// Serialise the evaluation output as FORMATS.md's JSON. Numbers that are not finite (e.g. an
// SMD after matching when matching was skipped) become null.
import type { EvaluationOutput } from './model.ts';

export function toJson(out: EvaluationOutput): string {
  return `${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
