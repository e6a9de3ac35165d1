// What the deadline rules look at, read under row-level security: a citizen's takeover date,
// offers and FIP round dates (src/domain/deadlines CitizenCase).
import type { Selectable } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { OffersTable } from '../platform/db/schema.ts';
import type { CitizenCase } from '../../domain/deadlines/index.ts';
import type { Offer, SchoolPeriod } from '../../domain/offers/index.ts';

export type OfferRow = Selectable<OffersTable>;

/** The offer's school periods (jsonb, written only through offer-recorder.ts after validation). */
export function schoolPeriodsOf(row: OfferRow): SchoolPeriod[] {
  const value: unknown = typeof row.school_periods === 'string' ? JSON.parse(row.school_periods) : row.school_periods;
  return Array.isArray(value) ? value.map((p: { start: string; end: string }) => ({ start: p.start, end: p.end })) : [];
}

export function toDomainOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    kind: row.kind,
    start: row.start_date,
    plannedEnd: row.planned_end,
    actualEnd: row.actual_end,
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    status: row.status,
    schoolPeriods: schoolPeriodsOf(row),
  };
}

/** Every citizen visible in the transaction (one municipality under RLS), or the one or the few asked for, ordered by id. */
export async function loadCases(tx: Tx, citizenId?: string | readonly string[]): Promise<CitizenCase[]> {
  let citizens = tx.selectFrom('citizens').select(['id', 'municipality_code', 'takeover_date']).orderBy('id');
  let offers = tx.selectFrom('offers').selectAll().orderBy('start_date').orderBy('id');
  let rounds = tx.selectFrom('fip_rounds').select(['citizen_id', 'started_on']).orderBy('started_on');
  if (typeof citizenId === 'string') {
    citizens = citizens.where('id', '=', citizenId);
    offers = offers.where('citizen_id', '=', citizenId);
    rounds = rounds.where('citizen_id', '=', citizenId);
  } else if (citizenId !== undefined) {
    if (citizenId.length === 0) return [];
    const ids = [...citizenId];
    citizens = citizens.where('id', 'in', ids);
    offers = offers.where('citizen_id', 'in', ids);
    rounds = rounds.where('citizen_id', 'in', ids);
  }
  const [citizenRows, offerRows, roundRows] = [await citizens.execute(), await offers.execute(), await rounds.execute()];
  const offersBy = new Map<string, Offer[]>();
  for (const row of offerRows) {
    const list = offersBy.get(row.citizen_id);
    if (list) list.push(toDomainOffer(row));
    else offersBy.set(row.citizen_id, [toDomainOffer(row)]);
  }
  const roundsBy = new Map<string, string[]>();
  for (const row of roundRows) {
    const list = roundsBy.get(row.citizen_id);
    if (list) list.push(row.started_on);
    else roundsBy.set(row.citizen_id, [row.started_on]);
  }
  return citizenRows.map((c) => ({
    citizenId: c.id,
    municipalityCode: c.municipality_code,
    takeoverDate: c.takeover_date,
    offers: offersBy.get(c.id) ?? [],
    fipRounds: roundsBy.get(c.id) ?? [],
  }));
}
