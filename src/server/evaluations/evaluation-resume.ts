// Runs that the server had acknowledged but not finished when it stopped without a clean
// shutdown (a crash, a kill, a power cut) are taken up again at start-up: nothing acknowledged is
// lost. A run is this server's when its input copies are in this server's store
// (`<storeDir>/<run id>/`); a run whose copies are elsewhere belongs to another server and is
// left alone; half-received uploads (never acknowledged) are removed. A run stored by another jobvej version is marked failed instead (its result would
// not be reproducible under the version recorded with it); so is one whose copies are gone.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunParameters } from '../../contract/evaluations.ts';
import type { Database } from '../platform/db/database.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { writeSystemAudit } from '../platform/audit/audit-writer.ts';
import { STOPPED, runFiles, type EvaluationRunner } from './evaluation-runner.ts';

export const VERSION_CHANGED = 'jobvej was updated while this evaluation waited; start it again.';

export interface ResumeReport {
  resumed: string[];
  failed: string[];
}

/** Every municipality's code plus null (national users' runs): the tenants to look in. */
async function tenants(db: Database): Promise<(string | null)[]> {
  const rows = await withTenant(db, { municipalityCode: null, userId: null, role: 'system' }, (tx) =>
    tx.selectFrom('municipalities').select('code').orderBy('code').execute(),
  );
  return [null, ...rows.map((r) => r.code)];
}

export async function resumeInterruptedRuns(db: Database, runner: EvaluationRunner, storeDir: string, version: string): Promise<ResumeReport> {
  const report: ResumeReport = { resumed: [], failed: [] };
  // Uploads cut off before they were acknowledged (`.<id>.partial`) have no run row: remove them.
  if (existsSync(storeDir)) {
    for (const name of readdirSync(storeDir)) if (name.startsWith('.') && name.endsWith('.partial')) rmSync(join(storeDir, name), { recursive: true, force: true });
  }
  for (const code of await tenants(db)) {
    const tenant = { municipalityCode: code, userId: null, role: 'system' };
    const runs = await withTenant(db, tenant, async (tx) => {
      const rows = await tx
        .selectFrom('evaluation_runs')
        .select(['id', 'created_by', 'parameters', 'jobvej_version'])
        .where('status', 'in', ['queued', 'running'])
        .orderBy('created_at')
        .execute();
      const mine = rows.filter((r) => existsSync(join(storeDir, r.id)));
      const decided = [];
      for (const run of mine) {
        const dir = join(storeDir, run.id);
        const files = runFiles(dir);
        const intact = existsSync(files.persons) && existsSync(files.weeks);
        const resume = run.jobvej_version === version && intact;
        if (resume) {
          await tx.updateTable('evaluation_runs').set({ status: 'queued', stage: null, progress: 0 }).where('id', '=', run.id).execute();
          await writeSystemAudit(tx, code, 'evaluation.resume', 'evaluation_run', run.id, {});
        } else {
          await tx
            .updateTable('evaluation_runs')
            .set({ status: 'failed', error: intact ? VERSION_CHANGED : STOPPED, finished_at: new Date() })
            .where('id', '=', run.id)
            .execute();
          await writeSystemAudit(tx, code, 'evaluation.interrupted', 'evaluation_run', run.id, { storedVersion: run.jobvej_version, version, inputsIntact: intact });
        }
        decided.push({ ...run, dir, resume });
      }
      return decided;
    });
    // After the commit: enqueue (the runner writes in its own transactions) or delete the copies.
    for (const run of runs) {
      if (run.resume) {
        const parameters = run.parameters as RunParameters;
        runner.enqueue({ id: run.id, dir: run.dir, tenant: { municipalityCode: code, userId: run.created_by, role: 'system' }, parameters, version });
        report.resumed.push(run.id);
      } else {
        rmSync(run.dir, { recursive: true, force: true });
        report.failed.push(run.id);
      }
    }
  }
  return report;
}
