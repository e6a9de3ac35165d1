// A round's answers, kept on the round as one text (decision 025's "next step", issue 11's speed
// target): `item=value` pairs sorted by item id, '' for don't know — the text the analytics used to
// build per request by aggregating ~200 000 answer rows for a municipality of 5 000 citizens.
// Kept by statement-level triggers on fip_answers (one update per round a statement touched, from
// its transition table), so every writer — the routes, the demo, a restore — keeps it right, and
// a page of analytics reads one row per round instead of 22. The triggers run as the writer (no
// SECURITY DEFINER): under row-level security a transaction only sees and updates its own rounds.
export const name = 'fip-round-answer-codes';
export const sql = `
ALTER TABLE fip_rounds ADD COLUMN answer_codes text;

CREATE FUNCTION fip_rounds_refresh_answer_codes() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $fn$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE fip_rounds r SET answer_codes = (
      SELECT string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',' ORDER BY a.item_id)
      FROM fip_answers a WHERE a.round_id = r.id)
    WHERE r.id IN (SELECT DISTINCT round_id FROM changed_new);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE fip_rounds r SET answer_codes = (
      SELECT string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',' ORDER BY a.item_id)
      FROM fip_answers a WHERE a.round_id = r.id)
    WHERE r.id IN (SELECT DISTINCT round_id FROM changed_old);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER fip_answers_codes_insert AFTER INSERT ON fip_answers
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION fip_rounds_refresh_answer_codes();
CREATE TRIGGER fip_answers_codes_update AFTER UPDATE ON fip_answers
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION fip_rounds_refresh_answer_codes();
CREATE TRIGGER fip_answers_codes_delete AFTER DELETE ON fip_answers
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION fip_rounds_refresh_answer_codes();

UPDATE fip_rounds r SET answer_codes = (
  SELECT string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',' ORDER BY a.item_id)
  FROM fip_answers a WHERE a.round_id = r.id);
`;
