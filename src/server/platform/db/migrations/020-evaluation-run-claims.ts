// Evaluation runs claimed from the database (decision 031), so that several jobvej processes on
// one database share one queue and a crashed process's run is taken up by another:
// - `claimed_by` names the process running the run (host, pid, a random part) and
//   `lease_expires_at` until when it holds it; the running process renews the lease (heartbeat),
//   so a run whose lease has passed was left by a process that died, and may be claimed again;
// - `attempts` counts the claims (a run claimed a second time was interrupted once);
// - a process claims with SELECT … FOR UPDATE SKIP LOCKED across every municipality: the
//   transaction of the runner's claim has the role setting 'evaluation_worker' (no user has it:
//   src/domain/permissions.ts's roles), which the policy below lets read and update every run —
//   and nothing else: every other table's policies still see no municipality.
export const name = 'evaluation-run-claims';
export const sql = `
ALTER TABLE evaluation_runs ADD COLUMN claimed_by text;
ALTER TABLE evaluation_runs ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE evaluation_runs ADD COLUMN attempts integer NOT NULL DEFAULT 0;
CREATE INDEX evaluation_runs_claim_idx ON evaluation_runs (created_at) WHERE status IN ('queued', 'running');
CREATE POLICY evaluation_runs_worker ON evaluation_runs
  USING (current_setting('jobvej.role', true) = 'evaluation_worker')
  WITH CHECK (current_setting('jobvej.role', true) = 'evaluation_worker');
`;
