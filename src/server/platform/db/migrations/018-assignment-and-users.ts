// The caseworker's own caseload and the administration of users (decision 026):
// - each citizen has a responsible caseworker and optionally a company consultant, both users of
//   the citizen's own municipality (composite foreign keys on (id, municipality_code), so no row
//   can name another municipality's user, whatever the code does);
// - a keyed lookup hash of the CPR number's last four digits (HMAC, like cpr_hash), so the
//   caseload can be searched by them without decrypting or storing the digits; filled by the
//   registration and, for rows from before this migration, at start-up (backfillCprTails);
// - users can be deactivated (never deleted: the audit trail names them);
// - writes to users under row-level security: a municipality's transaction may insert or update
//   only its own municipality's users; the national administrator (role admin) any; the
//   transaction without a user (sign-in, demo seed, test fixtures: role '') as before. Reads stay
//   open to the app role: signing in reads a user before there is a tenant.
export const name = 'assignment-and-users';
export const sql = `
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
ALTER TABLE users ADD CONSTRAINT users_id_municipality_key UNIQUE (id, municipality_code);

ALTER TABLE citizens ADD COLUMN caseworker_id uuid;
ALTER TABLE citizens ADD COLUMN consultant_id uuid;
ALTER TABLE citizens ADD COLUMN cpr_tail_hash text;
ALTER TABLE citizens ADD CONSTRAINT citizens_caseworker_fk
  FOREIGN KEY (caseworker_id, municipality_code) REFERENCES users (id, municipality_code);
ALTER TABLE citizens ADD CONSTRAINT citizens_consultant_fk
  FOREIGN KEY (consultant_id, municipality_code) REFERENCES users (id, municipality_code);
CREATE INDEX citizens_caseworker_idx ON citizens (municipality_code, caseworker_id);
CREATE INDEX citizens_consultant_idx ON citizens (municipality_code, consultant_id);
CREATE INDEX citizens_cpr_tail_idx ON citizens (municipality_code, cpr_tail_hash);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_read ON users FOR SELECT USING (true);
CREATE POLICY users_insert ON users FOR INSERT
  WITH CHECK (coalesce(current_setting('jobvej.role', true), '') IN ('admin', '')
    OR municipality_code = nullif(current_setting('jobvej.municipality', true), ''));
CREATE POLICY users_update ON users FOR UPDATE
  USING (coalesce(current_setting('jobvej.role', true), '') IN ('admin', '')
    OR municipality_code = nullif(current_setting('jobvej.municipality', true), ''))
  WITH CHECK (coalesce(current_setting('jobvej.role', true), '') IN ('admin', '')
    OR municipality_code = nullif(current_setting('jobvej.municipality', true), ''));
`;
