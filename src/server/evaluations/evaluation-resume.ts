// At start-up: half-received uploads (never acknowledged, so without a run row) that a crash left
// in the store are removed. Unfinished runs need nothing here: a run's claim has a lease
// (evaluation-runner.ts, decision 031), and a run whose lease passed — its process died — is
// claimed again by any process with its input copies, this one included. Several processes may
// share the store, so an upload folder is removed only when nothing was written into it for an
// hour (another process may be receiving it right now).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/** The newest modification time in a folder (itself and its files), ms. */
function newestWrite(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const name of readdirSync(dir)) newest = Math.max(newest, statSync(join(dir, name)).mtimeMs);
  return newest;
}

/** Remove `.<id>.partial` upload folders untouched for an hour; the names removed. */
export function removeAbandonedUploads(storeDir: string, now: number = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(storeDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith('.partial')) continue;
    const dir = join(storeDir, name);
    try {
      if (now - newestWrite(dir) < ABANDONED_UPLOAD_MS) continue;
    } catch {
      continue; // removed meanwhile (the upload finished and was renamed)
    }
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
