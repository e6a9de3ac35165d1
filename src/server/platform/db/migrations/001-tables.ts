// Core tables. PostgreSQL 15 subset: gen_random_uuid(), stored (not virtual) columns only.
export const name = 'tables';
export const sql = `
CREATE TABLE municipalities (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  name text NOT NULL,
  region text NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('caseworker','company_consultant','manager','evaluator','national_admin','admin')),
  municipality_code text REFERENCES municipalities(code),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('national_admin','admin')) = (municipality_code IS NULL))
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  handover_round_id uuid,
  handover_citizen_id uuid,
  handover_language text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempts_key_idx ON login_attempts (username, ip, at);

CREATE TABLE citizens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  name text NOT NULL,
  cpr_encrypted text NOT NULL,
  cpr_hash text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('F','M')),
  birth_date date NOT NULL,
  origin_country text NOT NULL CHECK (origin_country ~ '^[A-Z]{2}$'),
  arrival_date date NOT NULL,
  takeover_date date NOT NULL,
  language text NOT NULL CHECK (language IN ('da','en','ar','fa','so','ti')),
  target_group text NOT NULL CHECK (target_group IN ('broad','selected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, cpr_hash),
  UNIQUE (id, municipality_code)
);

CREATE TABLE fip_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL,
  municipality_code text NOT NULL,
  round_no smallint NOT NULL CHECK (round_no >= 1),
  started_on date NOT NULL,
  citizen_completed_at timestamptz,
  caseworker_completed_at timestamptz,
  instrument_version text NOT NULL,
  FOREIGN KEY (citizen_id, municipality_code) REFERENCES citizens (id, municipality_code) ON DELETE CASCADE,
  UNIQUE (citizen_id, round_no),
  UNIQUE (id, municipality_code)
);

CREATE TABLE fip_answers (
  round_id uuid NOT NULL,
  municipality_code text NOT NULL,
  respondent text NOT NULL CHECK (respondent IN ('citizen','caseworker')),
  item_id text NOT NULL,
  value smallint CHECK (value BETWEEN 1 AND 7),
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, respondent, item_id),
  FOREIGN KEY (round_id, municipality_code) REFERENCES fip_rounds (id, municipality_code) ON DELETE CASCADE
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_role text,
  municipality_code text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL DEFAULT '',
  hash text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

CREATE TABLE audit_chain_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, hash) VALUES (true, repeat('0', 64));
`;
