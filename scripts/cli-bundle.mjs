// The prebuilt bundle of `jobvej evaluate` (dist/cli/commands/evaluate.mjs, see
// docs/decisions/008-cli-bundle.md): where it lives and whether it is fresh. Shared by
// bin/jobvej (uses the bundle only when fresh) and scripts/ensure-cli-build.mjs (builds it).
// The bundle mirrors src/cli/commands/evaluate.ts's depth, so its import.meta.url-relative
// paths (../../../package.json) resolve as in the source.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newest } from './newest-mtime.mjs';

export const root = new URL('..', import.meta.url).pathname;
export const entry = join(root, 'src', 'cli', 'commands', 'evaluate.ts');
export const bundle = join(root, 'dist', 'cli', 'commands', 'evaluate.mjs');
// The evaluation's helper thread (src/evaluation/parallel/helper.ts, decisions/009): a second
// entry point, bundled next to the command, where the bundled helper.ts looks for it.
export const workerEntry = join(root, 'src', 'evaluation', 'parallel', 'worker.ts');
export const workerBundle = join(root, 'dist', 'cli', 'commands', 'parallel-worker.mjs');
const sources = ['src/cli', 'src/evaluation', 'src/stats', 'src/domain'].map((d) => join(root, d));

/** True when both bundles (command and helper thread) exist and are newer than every source file they are built from (and this file, and package.json). */
export function bundleIsFresh() {
  try {
    if (!existsSync(bundle) || !existsSync(workerBundle)) return false;
    const src = Math.max(...sources.filter(existsSync).map(newest), statSync(new URL(import.meta.url)).mtimeMs, statSync(join(root, 'package.json')).mtimeMs);
    return Math.min(statSync(bundle).mtimeMs, statSync(workerBundle).mtimeMs) >= src;
  } catch {
    return false;
  }
}
