// Newest modification time (ms) of any file below a folder: the freshness check shared by the
// web build (ensure-web-build.mjs) and the CLI bundle (cli-bundle.mjs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
