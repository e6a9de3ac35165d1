// Offers point at a company of their own municipality, and companies record their labour needs
// (open placement / job / IGU slots per industry and period). offers.company_id (005, no foreign
// key until now) gets a composite foreign key (company_id, municipality_code) → companies
// (id, municipality_code), so an offer can never name another municipality's company; with
// MATCH SIMPLE a NULL company_id is not checked. labour_needs has row-level security by
// municipality exactly like 005/006 and the same composite key to its company.
export const name = 'company-links-labour-needs';
export const sql = `
ALTER TABLE companies ADD CONSTRAINT companies_id_municipality_key UNIQUE (id, municipality_code);

UPDATE offers SET company_id = NULL
  WHERE company_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.id = offers.company_id AND c.municipality_code = offers.municipality_code);
ALTER TABLE offers ADD CONSTRAINT offers_company_fkey
  FOREIGN KEY (company_id, municipality_code) REFERENCES companies (id, municipality_code);
CREATE INDEX offers_company_idx ON offers (company_id) WHERE company_id IS NOT NULL;

CREATE TABLE labour_needs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL,
  company_id uuid NOT NULL,
  db07 text NOT NULL CHECK (db07 ~ '^([A-U]|[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{2})?)?)$'),
  kind text NOT NULL CHECK (kind IN ('placement','job','igu')),
  slots integer NOT NULL CHECK (slots > 0 AND slots <= 1000),
  period_from date NOT NULL,
  period_to date NOT NULL,
  note text,
  closed_on date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_to >= period_from),
  FOREIGN KEY (company_id, municipality_code) REFERENCES companies (id, municipality_code) ON DELETE CASCADE
);
CREATE INDEX labour_needs_company_idx ON labour_needs (company_id, period_from);
CREATE INDEX labour_needs_period_idx ON labour_needs (municipality_code, period_from, period_to);

GRANT SELECT, INSERT, UPDATE ON labour_needs TO jobvej_app;

ALTER TABLE labour_needs ENABLE ROW LEVEL SECURITY;
ALTER TABLE labour_needs FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_labour_needs ON labour_needs
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
`;
