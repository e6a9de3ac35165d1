// Runtime role, grants, row-level security by municipality and the append-only, hash-chained
// audit log. Migrations run as the table owner; requests run as jobvej_app (SET LOCAL ROLE).
export const name = 'security';
export const sql = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jobvej_app') THEN
    CREATE ROLE jobvej_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created concurrently by another database's migration (roles are cluster-global)
END $$;

DO $$
BEGIN
  EXECUTE format('GRANT jobvej_app TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL; -- superusers may SET ROLE anyway
END $$;

GRANT USAGE ON SCHEMA public TO jobvej_app;
GRANT SELECT ON municipalities TO jobvej_app;
GRANT SELECT, INSERT, UPDATE ON users TO jobvej_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO jobvej_app;
GRANT SELECT, INSERT, DELETE ON login_attempts TO jobvej_app;
GRANT USAGE ON SEQUENCE login_attempts_id_seq TO jobvej_app;
GRANT SELECT, INSERT, UPDATE ON citizens TO jobvej_app;
GRANT SELECT, INSERT, UPDATE ON fip_rounds TO jobvej_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON fip_answers TO jobvej_app;
GRANT INSERT ON audit_log TO jobvej_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO jobvej_app;

ALTER TABLE citizens ENABLE ROW LEVEL SECURITY;
ALTER TABLE citizens FORCE ROW LEVEL SECURITY;
ALTER TABLE fip_rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE fip_rounds FORCE ROW LEVEL SECURITY;
ALTER TABLE fip_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE fip_answers FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_citizens ON citizens
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_fip_rounds ON fip_rounds
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
CREATE POLICY tenant_fip_answers ON fip_answers
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
-- The app may only append audit rows, for its own municipality (or none, for national roles).
CREATE POLICY audit_insert ON audit_log FOR INSERT
  WITH CHECK (municipality_code IS NOT DISTINCT FROM nullif(current_setting('jobvej.municipality', true), ''));

-- Hash chain: each row's hash = sha256(prev_hash | row content); the chain head lives in a
-- one-row table locked FOR UPDATE, which also serialises concurrent audit writers.
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $fn$
DECLARE
  head text;
BEGIN
  SELECT hash INTO head FROM audit_chain_head WHERE id FOR UPDATE;
  NEW.prev_hash := head;
  NEW.hash := encode(sha256(convert_to(concat_ws('|',
    head, NEW.id::text, extract(epoch FROM NEW.at)::text, coalesce(NEW.actor_user_id::text, ''),
    coalesce(NEW.actor_role, ''), coalesce(NEW.municipality_code, ''), NEW.action, NEW.entity,
    coalesce(NEW.entity_id, ''), NEW.detail::text), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET hash = NEW.hash WHERE id;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
`;
