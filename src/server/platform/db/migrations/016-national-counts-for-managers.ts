// A manager sees their own municipality beside the country in the national view: the national
// counts function answers a manager's transaction too. The server publishes only the manager's
// own row and the country's, both taken from the table suppressed as a whole (the same numbers
// the national administrator sees), so the two views cannot be subtracted from each other.
export const name = 'national-counts-for-managers';
export const sql = `
CREATE OR REPLACE FUNCTION national_quarter_counts(year integer)
RETURNS TABLE (municipality_code text, quarter integer, gender text, in_programme bigint, exits_to_job bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $fn$
  WITH q AS (
    SELECT g AS quarter, make_date(year, 3 * g - 2, 1) AS qs,
           (make_date(year, 3 * g - 2, 1) + interval '3 months' - interval '1 day')::date AS qe
    FROM generate_series(1, 4) AS g
  ),
  exit AS (SELECT citizen_id, min(date) AS at FROM outcomes WHERE kind IN ('programme_end', 'self_sufficiency') GROUP BY citizen_id),
  job AS (SELECT citizen_id, min(date) AS at FROM outcomes WHERE kind IN ('employment', 'igu_start') GROUP BY citizen_id)
  SELECT c.municipality_code, q.quarter, c.gender,
         count(*) FILTER (WHERE c.takeover_date <= q.qe AND (e.at IS NULL OR e.at >= q.qs) AND (j.at IS NULL OR j.at >= q.qs)),
         count(*) FILTER (WHERE c.takeover_date <= q.qe AND j.at BETWEEN q.qs AND q.qe AND (e.at IS NULL OR e.at >= j.at))
  FROM citizens c
  CROSS JOIN q
  LEFT JOIN exit e ON e.citizen_id = c.id
  LEFT JOIN job j ON j.citizen_id = c.id
  WHERE current_setting('jobvej.role', true) IN ('national_admin', 'manager')
  GROUP BY c.municipality_code, q.quarter, c.gender
$fn$;
`;
