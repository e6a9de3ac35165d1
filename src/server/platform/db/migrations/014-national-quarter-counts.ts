// The national view's raw counts: per municipality, quarter of a year and gender, the citizens in
// the programme during the quarter and the citizens whose first exit to a job (employment or an
// IGU start) falls in it. Row-level security hides every citizen from a national user, so the
// counts are made by the owner (SECURITY DEFINER) — counts only, never a row — and only for a
// transaction whose role is the national administrator or a manager (who is shown only their own
// municipality's rows and the country's, from the same table suppressed as a whole). The server
// suppresses small cells (src/domain/suppression) before anything leaves it.
//
// In the programme during quarter q: taken over on or before q's last day, and neither an exit
// (programme end, self-sufficiency) nor a first job before q's first day.
export const name = 'national-quarter-counts';
export const sql = `
CREATE FUNCTION national_quarter_counts(year integer)
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
REVOKE ALL ON FUNCTION national_quarter_counts(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION national_quarter_counts(integer) TO jobvej_app;
`;
