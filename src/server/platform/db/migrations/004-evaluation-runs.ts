// Impact-evaluation runs (the evaluator page): parameters, inputs with their sha256 checksums,
// the jobvej version and the result JSON (FORMATS.md), so that any result can be reproduced.
// Rows belong to the creator's municipality, or to none for national users; the policy is the
// same `IS NOT DISTINCT FROM` rule as the audit log's.
export const name = 'evaluation-runs';
export const sql = `
CREATE TABLE evaluation_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text REFERENCES municipalities (code),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  stage text,
  progress real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
  inputs jsonb NOT NULL DEFAULT '{}'::jsonb,
  jobvej_version text NOT NULL,
  result jsonb,
  error text,
  finished_at timestamptz
);
CREATE INDEX evaluation_runs_municipality_idx ON evaluation_runs (municipality_code, created_at DESC);
CREATE INDEX evaluation_runs_status_idx ON evaluation_runs (status) WHERE status IN ('queued', 'running');

GRANT SELECT, INSERT, UPDATE ON evaluation_runs TO jobvej_app;
ALTER TABLE evaluation_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_evaluation_runs ON evaluation_runs
  USING (municipality_code IS NOT DISTINCT FROM nullif(current_setting('jobvej.municipality', true), ''))
  WITH CHECK (municipality_code IS NOT DISTINCT FROM nullif(current_setting('jobvej.municipality', true), ''));
`;
