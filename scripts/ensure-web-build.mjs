// Builds the web app into dist/web when it is missing or older than its sources,
// so `npm start` and `npm test` work on a fresh clone without a separate build step.
import { statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { newest } from './newest-mtime.mjs';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'web', 'index.html');

const sources = [join(root, 'src', 'web'), join(root, 'src', 'domain'), join(root, 'content')].filter(existsSync);
// vite.config.ts and the font subsetting it runs (scripts/citizen-fonts.mjs) shape the build too.
const buildFiles = [join(root, 'vite.config.ts'), join(root, 'scripts', 'citizen-fonts.mjs')].filter(existsSync);
const srcTime = Math.max(...sources.map(newest), ...buildFiles.map((f) => statSync(f).mtimeMs));
if (!existsSync(out) || statSync(out).mtimeMs < srcTime) {
  console.log('Building the web app (dist/web)…');
  // Always a production build: run from a test runner (NODE_ENV=test, e.g. the browser tests'
  // harness) Vite would otherwise build with the development JSX runtime (larger, debug names).
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'production' } });
}
