// The spoken questions (decision 023): a municipality's recorded clips of the instrument's texts —
// one current clip per instrument version, language and text (a citizen item, a scale anchor or
// "don't know"), the Opus bytes themselves in the row (content in the database, replaceable without
// a code change, versioned with the instrument version whose wording it speaks), addressed by the
// SHA-256 of those bytes, with a reviewed flag like the texts' (set by someone other than who
// recorded it). Under row-level security like every tenant table: a municipality's transaction
// sees and writes only its own clips. And the role that records them: interpreter.
export const name = 'instrument-audio';
export const sql = `
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('caseworker','company_consultant','manager','evaluator','national_admin','admin','interpreter'));

CREATE TABLE instrument_audio (
  municipality_code text NOT NULL REFERENCES municipalities(code),
  instrument_version text NOT NULL CHECK (length(instrument_version) BETWEEN 1 AND 64),
  language text NOT NULL CHECK (language IN ('da','en','ar','fa','so','ti')),
  target text NOT NULL CHECK (target ~ '^(item:[^[:space:]]{1,50}|anchor:[0-9]{1,3}|dontKnow)$'),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime_type text NOT NULL CHECK (mime_type IN ('audio/webm','audio/ogg')),
  byte_size integer NOT NULL CHECK (byte_size BETWEEN 1 AND 1048576),
  duration_ms integer CHECK (duration_ms BETWEEN 1 AND 600000),
  bytes bytea NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  reviewed boolean NOT NULL DEFAULT false,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  CHECK (octet_length(bytes) = byte_size),
  CHECK (reviewed = (reviewed_by IS NOT NULL) AND reviewed = (reviewed_at IS NOT NULL)),
  CHECK (reviewed_by IS DISTINCT FROM recorded_by),
  PRIMARY KEY (municipality_code, instrument_version, language, target)
);
CREATE INDEX instrument_audio_sha256_idx ON instrument_audio (municipality_code, sha256);

ALTER TABLE instrument_audio ENABLE ROW LEVEL SECURITY;
ALTER TABLE instrument_audio FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_instrument_audio ON instrument_audio
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON instrument_audio TO jobvej_app;
`;
