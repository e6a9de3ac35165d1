// The country's FIP answers as moments (issue 11: the booklet's figures "aggregated for the
// country"): per gender and item, for the citizens whose round 1 fell in a year, the number of
// numeric answers in a round, their sum and their sum of squares — enough for a mean and its t
// interval, never a row. Like migration 014's counts, made by the owner (SECURITY DEFINER: row-level
// security hides every citizen from a national user) and only for a transaction whose role is the
// national administrator or a manager; the server suppresses small cells before anything leaves it.
// The cohort is by calendar year (fixed tables: two overlapping free periods could be differenced).
export const name = 'national-fip-moments';
export const sql = `
CREATE FUNCTION national_fip_item_moments(year integer, round_no integer)
RETURNS TABLE (gender text, item_id text, n bigint, total bigint, squares bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $fn$
  SELECT c.gender, a.item_id, count(a.value), coalesce(sum(a.value), 0), coalesce(sum(a.value * a.value), 0)
  FROM citizens c
  JOIN fip_rounds r1 ON r1.citizen_id = c.id AND r1.round_no = 1
  JOIN fip_rounds r ON r.citizen_id = c.id AND r.round_no = national_fip_item_moments.round_no
  JOIN fip_answers a ON a.round_id = r.id AND a.value IS NOT NULL
  WHERE current_setting('jobvej.role', true) IN ('national_admin', 'manager')
    AND r1.started_on >= make_date(year, 1, 1) AND r1.started_on < make_date(year + 1, 1, 1)
  GROUP BY c.gender, a.item_id
$fn$;
REVOKE ALL ON FUNCTION national_fip_item_moments(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION national_fip_item_moments(integer, integer) TO jobvej_app;
`;
