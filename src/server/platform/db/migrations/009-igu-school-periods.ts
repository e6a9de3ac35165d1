// IGU school periods: the inclusive {start, end} date ranges inside an IGU offer when the
// citizen is at school rather than at the company. Stored as a JSON array on the offer row
// itself, so the offers table's row-level security policy (005) and its audit rows
// (offer.create / offer.update) cover it unchanged. Validated by
// src/domain/offers/school-periods.ts; other kinds keep the empty array.
export const name = 'igu-school-periods';
export const sql = `
ALTER TABLE offers ADD COLUMN school_periods jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE offers ADD CONSTRAINT offers_school_periods_array CHECK (jsonb_typeof(school_periods) = 'array');
ALTER TABLE offers ADD CONSTRAINT offers_school_periods_igu_only CHECK (kind = 'igu' OR school_periods = '[]'::jsonb);
`;
