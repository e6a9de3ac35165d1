// The audit chain in id order, readable where it must be:
// - The id is drawn by the chain trigger while it holds the chain head's row lock (held to
//   commit), so concurrent writers append one after another and id order is chain order. Before
//   this migration the id came from the column default before the lock, and under concurrent load
//   the links ran out of id order; rows below audit_chain_head.id_order_from keep that order and
//   `jobvej audit verify` walks them by their links (src/server/platform/audit/chain-verifier.ts).
// - audit_chain_head also records the head row's id (last_id), for checkpoints and GET /api/audit/head.
// - The table owner may read every row (FORCE ROW LEVEL SECURITY had left it no SELECT policy, so a
//   non-superuser owner would have verified an empty chain); jobvej_app may read its own
//   municipality's rows (a citizen's access log) and the chain head. Nobody gains UPDATE or DELETE.
// - A GIN index on detail->'citizenIds' finds the list reads that showed a citizen.
export const name = 'audit-chain-order';
export const sql = `
CREATE POLICY audit_owner_read ON audit_log FOR SELECT TO CURRENT_USER USING (true);
GRANT SELECT ON audit_log TO jobvej_app;
CREATE POLICY audit_tenant_read ON audit_log FOR SELECT TO jobvej_app
  USING (municipality_code = nullif(current_setting('jobvej.municipality', true), ''));

ALTER TABLE audit_chain_head ADD COLUMN last_id bigint;
ALTER TABLE audit_chain_head ADD COLUMN id_order_from bigint NOT NULL DEFAULT 1;
GRANT SELECT ON audit_chain_head TO jobvej_app;
-- Wait for audit writers in flight (they hold the head row), then mark where id order begins.
SELECT 1 FROM audit_chain_head WHERE id FOR UPDATE;
UPDATE audit_chain_head SET
  last_id = (SELECT max(a.id) FROM audit_log a WHERE a.hash = audit_chain_head.hash),
  id_order_from = (SELECT coalesce(max(a.id), 0) + 1 FROM audit_log a)
WHERE id;

ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;

CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $fn$
DECLARE
  head text;
BEGIN
  SELECT hash INTO head FROM audit_chain_head WHERE id FOR UPDATE;
  NEW.id := nextval('audit_log_id_seq');
  NEW.prev_hash := head;
  NEW.hash := encode(sha256(convert_to(concat_ws('|',
    head, NEW.id::text, extract(epoch FROM NEW.at)::text, coalesce(NEW.actor_user_id::text, ''),
    coalesce(NEW.actor_role, ''), coalesce(NEW.municipality_code, ''), NEW.action, NEW.entity,
    coalesce(NEW.entity_id, ''), NEW.detail::text), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET hash = NEW.hash, last_id = NEW.id WHERE id;
  RETURN NEW;
END
$fn$;

CREATE INDEX audit_log_citizen_ids_idx ON audit_log USING gin ((detail -> 'citizenIds') jsonb_path_ops);
`;
