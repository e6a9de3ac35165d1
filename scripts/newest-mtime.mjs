// Newest modification time (ms) of any source file below a folder: the freshness check shared
// by the web build (ensure-web-build.mjs) and the CLI bundle (cli-bundle.mjs). Documentation
// (.md) does not count: editing src/stats/README.md must not send `jobvej evaluate` back to
// tsx's slower start-up until the next build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!e.name.endsWith('.md')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}
