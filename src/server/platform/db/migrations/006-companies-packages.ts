// Companies (CVR unique per municipality) and industry packages (branchepakker): the package a
// municipality built from a template, citizens' enrolments, goal sign-offs and gate overrides.
// Row-level security by municipality exactly like offers (005-offers-outcomes.ts); every child
// row carries municipality_code and a composite foreign key to its parent in the same municipality.
export const name = 'companies-packages';
export const sql = `
CREATE TABLE companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL,
  cvr text NOT NULL CHECK (cvr ~ '^[0-9]{8}$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  db07 text,
  address text,
  contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, cvr)
);

CREATE TABLE packages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL,
  db07 text NOT NULL,
  template_id text NOT NULL,
  template_version integer NOT NULL,
  name text NOT NULL,
  title jsonb NOT NULL,
  industry jsonb NOT NULL,
  modules jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, municipality_code)
);

CREATE TABLE package_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  package_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  municipality_code text NOT NULL,
  current_module_index integer NOT NULL CHECK (current_module_index >= 0),
  started_on date NOT NULL,
  module_started_on date NOT NULL,
  completed_on date,
  status text NOT NULL CHECK (status IN ('active','completed')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, municipality_code),
  UNIQUE (package_id, citizen_id),
  FOREIGN KEY (package_id, municipality_code) REFERENCES packages (id, municipality_code) ON DELETE CASCADE,
  FOREIGN KEY (citizen_id, municipality_code) REFERENCES citizens (id, municipality_code) ON DELETE CASCADE
);

CREATE TABLE goal_signoffs (
  enrolment_id uuid NOT NULL,
  municipality_code text NOT NULL,
  module_index integer NOT NULL,
  goal_id text NOT NULL,
  signed_by uuid NOT NULL,
  signed_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (enrolment_id, module_index, goal_id),
  FOREIGN KEY (enrolment_id, municipality_code) REFERENCES package_enrolments (id, municipality_code) ON DELETE CASCADE
);

CREATE TABLE gate_overrides (
  enrolment_id uuid NOT NULL,
  municipality_code text NOT NULL,
  module_index integer NOT NULL,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  unmet_goal_ids jsonb NOT NULL,
  PRIMARY KEY (enrolment_id, module_index),
  FOREIGN KEY (enrolment_id, municipality_code) REFERENCES package_enrolments (id, municipality_code) ON DELETE CASCADE
);

GRANT SELECT, INSERT, UPDATE ON companies TO jobvej_app;
GRANT SELECT, INSERT ON packages TO jobvej_app;
GRANT SELECT, INSERT, UPDATE ON package_enrolments TO jobvej_app;
GRANT SELECT, INSERT ON goal_signoffs TO jobvej_app;
GRANT SELECT, INSERT ON gate_overrides TO jobvej_app;

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
ALTER TABLE packages ENABLE ROW LEVEL SECURITY;
ALTER TABLE packages FORCE ROW LEVEL SECURITY;
ALTER TABLE package_enrolments ENABLE ROW LEVEL SECURITY;
ALTER TABLE package_enrolments FORCE ROW LEVEL SECURITY;
ALTER TABLE goal_signoffs ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal_signoffs FORCE ROW LEVEL SECURITY;
ALTER TABLE gate_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE gate_overrides FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_companies ON companies
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_packages ON packages
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_package_enrolments ON package_enrolments
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_goal_signoffs ON goal_signoffs
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_gate_overrides ON gate_overrides
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
`;
