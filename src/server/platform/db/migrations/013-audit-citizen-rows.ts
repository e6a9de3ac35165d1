// A citizen's access log by index: under row-level security PostgreSQL may not use an index for a
// condition with non-leakproof operators (jsonb ->>, @>), so the app's own query scanned the
// whole audit log. audit_citizen_rows runs as the owner and finds the ids through the three
// indexes (entity, detail->>'citizenId', detail->'citizenIds'), for the transaction's
// municipality only; the app then reads those rows by id, with row-level security in force again.
// EXECUTE plans the query for the values at hand each time: a generic plan (a plain SQL
// function's) walks the primary key backwards to satisfy ORDER BY … LIMIT.
export const name = 'audit-citizen-rows';
export const sql = `
CREATE FUNCTION audit_citizen_rows(citizen text, before bigint, max_rows integer) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $fn$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM audit_log
     WHERE municipality_code = nullif(current_setting(''jobvej.municipality'', true), '''')
       AND ((entity = ''citizen'' AND entity_id = $1)
            OR detail ->> ''citizenId'' = $1
            OR detail -> ''citizenIds'' @> jsonb_build_array($1))
       AND ($2 IS NULL OR id < $2)
     ORDER BY id DESC
     LIMIT $3'
    USING citizen, before, max_rows;
END
$fn$;
REVOKE ALL ON FUNCTION audit_citizen_rows(text, bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_citizen_rows(text, bigint, integer) TO jobvej_app;
`;
