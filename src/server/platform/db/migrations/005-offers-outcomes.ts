// Offers (integrationsloven § 23 tools, IGU, Danish education, mentor) and outcomes (exits to
// employment, IGU, education, self-sufficiency, programme end) per citizen. Row-level security
// by municipality exactly like citizens (003-security.ts). company_id is for the companies table
// that comes later (no foreign key yet); until then company_name holds the company.
export const name = 'offers-outcomes';
export const sql = `
CREATE TABLE offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL,
  municipality_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('guidance_upskilling','introduction_course','praktik_private','praktik_public',
    'wage_subsidy_private','wage_subsidy_public','igu','danish_education','mentor')),
  company_id uuid,
  company_name text,
  start_date date NOT NULL,
  planned_end date,
  actual_end date,
  hours_per_week numeric CHECK (hours_per_week IS NULL OR (hours_per_week >= 0 AND hours_per_week <= 80)),
  status text NOT NULL CHECK (status IN ('planned','active','completed','cancelled')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (citizen_id, municipality_code) REFERENCES citizens (id, municipality_code) ON DELETE CASCADE,
  CHECK (planned_end IS NULL OR planned_end >= start_date),
  CHECK (actual_end IS NULL OR actual_end >= start_date)
);
CREATE INDEX offers_citizen_idx ON offers (citizen_id, start_date);

CREATE TABLE outcomes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL,
  municipality_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('employment','igu_start','education','self_sufficiency','programme_end')),
  date date NOT NULL,
  sector text CHECK (sector IN ('public','private')),
  db07 text,
  hours numeric CHECK (hours IS NULL OR hours >= 0),
  company_name text,
  source text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (citizen_id, municipality_code) REFERENCES citizens (id, municipality_code) ON DELETE CASCADE
);
CREATE INDEX outcomes_citizen_idx ON outcomes (citizen_id, date);

GRANT SELECT, INSERT, UPDATE ON offers TO jobvej_app;
GRANT SELECT, INSERT, UPDATE ON outcomes TO jobvej_app;

ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE offers FORCE ROW LEVEL SECURITY;
ALTER TABLE outcomes ENABLE ROW LEVEL SECURITY;
ALTER TABLE outcomes FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_offers ON offers
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_outcomes ON outcomes
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
`;
