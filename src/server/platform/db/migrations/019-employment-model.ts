// The employment probability (decision 029): per municipality whether it is shown (off until a
// manager turns it on) and the fitted models, one row per refit with its version — n, events, the
// coefficients and their covariance (for the citizen's interval), the 5-fold cross-validated AUC,
// the calibration by gender, when and by whom. Models are history: inserted, never updated or
// deleted. Under row-level security like every tenant table.
export const name = 'employment-model';
export const sql = `
CREATE TABLE employment_model_settings (
  municipality_code text PRIMARY KEY REFERENCES municipalities(code),
  enabled boolean NOT NULL DEFAULT false,
  changed_by uuid NOT NULL REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE employment_models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  version integer NOT NULL CHECK (version >= 1),
  source text NOT NULL CHECK (source IN ('municipality')),
  status text NOT NULL CHECK (status IN ('adequate','too_few_persons','too_few_events','not_estimable','weak')),
  n integer NOT NULL CHECK (n >= 0),
  events integer NOT NULL CHECK (events >= 0 AND events <= n),
  terms jsonb NOT NULL,
  coefficients jsonb,
  std_errors jsonb,
  covariance jsonb,
  cv_auc double precision CHECK (cv_auc BETWEEN 0 AND 1),
  fold_aucs jsonb,
  calibration jsonb,
  instrument_version text NOT NULL CHECK (length(instrument_version) BETWEEN 1 AND 64),
  fitted_by uuid NOT NULL REFERENCES users(id),
  fitted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((coefficients IS NULL) = (status IN ('too_few_persons','too_few_events','not_estimable'))),
  UNIQUE (municipality_code, version)
);

ALTER TABLE employment_model_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE employment_model_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_employment_model_settings ON employment_model_settings
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
GRANT SELECT, INSERT, UPDATE ON employment_model_settings TO jobvej_app;

ALTER TABLE employment_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE employment_models FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_employment_models ON employment_models
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
GRANT SELECT, INSERT ON employment_models TO jobvej_app;
`;
