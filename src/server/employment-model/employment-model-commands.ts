// The employment model's writes, each recording its audit event on the request's trail: the
// manager turns the probability on or off (one settings row per municipality, created on the
// first change: off until then), and refits the model on the municipality's history (a new
// version every time; models are never changed or removed).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { RouteActor } from '../platform/http/route.ts';
import { conflictOnUnique } from '../platform/db/unique-conflict.ts';
import type { Instrument } from '../../domain/fip/instrument.ts';
import { fitEmploymentModel, indexValues, yearsBetween, type FittedModel, type ModelPerson } from '../../evaluation/employment-model/model.ts';
import { loadHistory, loadSettings, parseAnswers } from './employment-model-queries.ts';

export async function setEnabled(tx: Tx, trail: AuditTrail, actor: RouteActor, enabled: boolean): Promise<void> {
  const before = (await loadSettings(tx))?.enabled ?? false;
  await sql`
    INSERT INTO employment_model_settings (municipality_code, enabled, changed_by, changed_at)
    VALUES (${actor.municipalityCode}, ${enabled}, ${actor.userId}, now())
    ON CONFLICT (municipality_code) DO UPDATE SET enabled = EXCLUDED.enabled, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`.execute(tx);
  trail.record(enabled ? 'employment_model.enable' : 'employment_model.disable', 'municipality', actor.municipalityCode, { before, after: enabled });
}

/** The modelled citizens of the municipality's history: complete round 1, 182 days passed. */
export async function modelledHistory(tx: Tx, instrument: Instrument, today: string): Promise<{ persons: ModelPerson[]; incomplete: number }> {
  const persons: ModelPerson[] = [];
  let incomplete = 0;
  for (const row of await loadHistory(tx, today)) {
    const indices = indexValues(instrument, parseAnswers(row.answers));
    if (indices === null) {
      incomplete++;
      continue;
    }
    persons.push({ gender: row.gender, yearsInDenmark: yearsBetween(row.arrival_date, row.round_on), indices, employed: row.employed });
  }
  return { persons, incomplete };
}

export interface Refitted {
  version: number;
  model: FittedModel;
  incomplete: number;
}

export async function refitModel(tx: Tx, trail: AuditTrail, actor: RouteActor, instrument: Instrument, today: string): Promise<Refitted> {
  const { persons, incomplete } = await modelledHistory(tx, instrument, today);
  const model = fitEmploymentModel(
    instrument.indices.map((d) => d.id),
    persons,
  );
  const last = await sql<{ version: number | null }>`SELECT max(version) AS version FROM employment_models`.execute(tx);
  const version = (last.rows[0]?.version ?? 0) + 1;
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await conflictOnUnique('The model was refitted at the same time; try again', () =>
    sql`
      INSERT INTO employment_models (municipality_code, version, source, status, n, events, terms, coefficients, std_errors,
        covariance, cv_auc, fold_aucs, calibration, instrument_version, fitted_by)
      VALUES (${actor.municipalityCode}, ${version}, 'municipality', ${model.status}, ${model.n}, ${model.events},
        ${JSON.stringify(model.terms)}::jsonb, ${json(model.coef)}::jsonb, ${json(model.se)}::jsonb, ${json(model.cov)}::jsonb,
        ${model.cvAuc}, ${json(model.foldAuc)}::jsonb, ${json(model.calibration)}::jsonb, ${instrument.version}, ${actor.userId})`.execute(tx),
  );
  trail.record('employment_model.refit', 'municipality', actor.municipalityCode, {
    version,
    n: model.n,
    events: model.events,
    cvAuc: model.cvAuc,
    status: model.status,
    incomplete,
  });
  return { version, model, incomplete };
}
