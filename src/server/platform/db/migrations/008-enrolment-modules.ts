// Module history of each package enrolment: one row per started module with its start and end
// (null while current), who ended it and whether it ended through a gate override. Written by
// commands/package-gatekeeper.ts at enrol and advance; read for the package page and the
// citizen's timeline. Row-level security by municipality exactly like 006-companies-packages.ts.
// Backfill: each existing enrolment's current module from the enrolment row (earlier modules'
// dates were not recorded before this migration).
export const name = 'enrolment-modules';
export const sql = `
CREATE TABLE enrolment_modules (
  enrolment_id uuid NOT NULL,
  municipality_code text NOT NULL,
  module_index integer NOT NULL CHECK (module_index >= 0),
  module_id text NOT NULL,
  started_on date NOT NULL,
  ended_on date,
  advanced_by uuid,
  via_override boolean NOT NULL DEFAULT false,
  PRIMARY KEY (enrolment_id, module_index),
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  FOREIGN KEY (enrolment_id, municipality_code) REFERENCES package_enrolments (id, municipality_code) ON DELETE CASCADE
);

INSERT INTO enrolment_modules (enrolment_id, municipality_code, module_index, module_id, started_on, ended_on, advanced_by, via_override)
SELECT e.id, e.municipality_code, e.current_module_index,
       COALESCE(p.modules -> e.current_module_index ->> 'id', ''),
       e.module_started_on, e.completed_on, NULL, false
FROM package_enrolments e JOIN packages p ON p.id = e.package_id;

GRANT SELECT, INSERT, UPDATE ON enrolment_modules TO jobvej_app;

ALTER TABLE enrolment_modules ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrolment_modules FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_enrolment_modules ON enrolment_modules
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
`;
