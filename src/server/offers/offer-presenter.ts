// Offer and outcome rows → the API's offer and outcome shapes (routes/offers/schema.ts).
import type { z } from 'zod';
import { schoolPeriodsOf, type OfferRow } from '../deadlines/index.ts';
import type { OutcomeRow } from './offer-recorder.ts';
import type { offerSchema, outcomeSchema } from '../../contract/offers.ts';

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function presentOffer(row: OfferRow): z.infer<typeof offerSchema> {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    kind: row.kind,
    companyId: row.company_id,
    companyName: row.company_name,
    startDate: row.start_date,
    plannedEnd: row.planned_end,
    actualEnd: row.actual_end,
    hoursPerWeek: num(row.hours_per_week),
    status: row.status,
    schoolPeriods: schoolPeriodsOf(row),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentOutcome(row: OutcomeRow): z.infer<typeof outcomeSchema> {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    kind: row.kind,
    date: row.date,
    sector: row.sector,
    db07: row.db07,
    hours: num(row.hours),
    companyName: row.company_name,
    source: row.source,
    createdAt: row.created_at.toISOString(),
  };
}

