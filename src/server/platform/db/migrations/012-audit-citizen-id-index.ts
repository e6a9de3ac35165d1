// A citizen's access log (src/server/audit-log/access-log.ts) also shows the rows about their rounds,
// offers, outcomes and enrolments, which name the citizen in detail.citizenId: indexed, so the
// log is an index lookup (entity index, citizenIds GIN index from 011, this one), not a scan.
export const name = 'audit-citizen-id-index';
export const sql = `
CREATE INDEX audit_log_citizen_id_idx ON audit_log ((detail ->> 'citizenId'));
`;
