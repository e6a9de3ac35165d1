// Each citizen's next deadline, stored (issue 13 item 1, decision 035): computed by the pure rules
// for a day and valid until the first later day the case could change it (src/domain/deadlines/
// stored-next.ts), so a caseload page reads one row per citizen instead of evaluating every
// citizen's rules. Every write that changes what the rules look at — an offer, an outcome, a FIP
// round's date, the takeover date — bumps the citizen's deadline_epoch (triggers below, so no
// writer can forget it); a stored row of an older epoch is stale and recomputed on the next read.
// A read that computed a row from data a concurrent write has since changed stores the old epoch,
// so its row is stale at once: the epoch, not the order of commits, decides.
export const name = 'citizen-deadline-state';
export const sql = `
ALTER TABLE citizens ADD COLUMN deadline_epoch integer NOT NULL DEFAULT 0;

CREATE TABLE citizen_deadline_state (
  citizen_id uuid PRIMARY KEY,
  municipality_code text NOT NULL,
  epoch integer NOT NULL,
  policy_key text NOT NULL CHECK (length(policy_key) BETWEEN 1 AND 128),
  computed_for date NOT NULL,
  valid_until date CHECK (valid_until > computed_for),
  stored jsonb NOT NULL,
  FOREIGN KEY (citizen_id, municipality_code) REFERENCES citizens (id, municipality_code) ON DELETE CASCADE
);
GRANT SELECT, INSERT, UPDATE, DELETE ON citizen_deadline_state TO jobvej_app;
ALTER TABLE citizen_deadline_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE citizen_deadline_state FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_citizen_deadline_state ON citizen_deadline_state
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));

-- Statement level, from the transition tables: one update per statement, whatever its size.
CREATE FUNCTION citizens_bump_deadline_epoch() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $fn$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE citizens SET deadline_epoch = deadline_epoch + 1 WHERE id IN (SELECT DISTINCT citizen_id FROM changed_new);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE citizens SET deadline_epoch = deadline_epoch + 1 WHERE id IN (SELECT DISTINCT citizen_id FROM changed_old);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER offers_deadline_epoch_insert AFTER INSERT ON offers
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER offers_deadline_epoch_update AFTER UPDATE ON offers
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER offers_deadline_epoch_delete AFTER DELETE ON offers
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER outcomes_deadline_epoch_insert AFTER INSERT ON outcomes
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER outcomes_deadline_epoch_update AFTER UPDATE ON outcomes
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER outcomes_deadline_epoch_delete AFTER DELETE ON outcomes
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER fip_rounds_deadline_epoch_insert AFTER INSERT ON fip_rounds
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();
CREATE TRIGGER fip_rounds_deadline_epoch_delete AFTER DELETE ON fip_rounds
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION citizens_bump_deadline_epoch();

-- A round's date or owner changing (row level: a column list allows no transition tables); its
-- answers being saved (migration 023 updates answer_codes) does not touch the deadlines.
CREATE FUNCTION fip_rounds_bump_deadline_epoch() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $fn$
BEGIN
  UPDATE citizens SET deadline_epoch = deadline_epoch + 1 WHERE id IN (OLD.citizen_id, NEW.citizen_id);
  RETURN NULL;
END
$fn$;
CREATE TRIGGER fip_rounds_deadline_epoch_update AFTER UPDATE OF started_on, citizen_id ON fip_rounds
  FOR EACH ROW EXECUTE FUNCTION fip_rounds_bump_deadline_epoch();

CREATE FUNCTION citizens_takeover_bumps_epoch() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $fn$
BEGIN
  IF NEW.takeover_date IS DISTINCT FROM OLD.takeover_date THEN
    NEW.deadline_epoch := OLD.deadline_epoch + 1;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER citizens_takeover_deadline_epoch BEFORE UPDATE OF takeover_date ON citizens
  FOR EACH ROW EXECUTE FUNCTION citizens_takeover_bumps_epoch();
`;
