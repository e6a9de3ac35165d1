// The web app's bundle budget: builds the app (Vite, into a temporary folder, with a manifest),
// reports the bytes each page loads first — raw, gzip and brotli, all deterministic — and fails
// when a page is over its budget. `npm run check:bundle` (CI runs it after the typecheck).
//
//   node scripts/check-bundle-budget.mjs [--json FILE] [--dist DIR]   (--dist: check a build made with --manifest)
//
// Per page: the HTML's script, its static imports (modulepreload) and stylesheets. For the
// citizen's page (handover.html, decision 019) also per language what that language adds: its
// chunks (strings of citizen-mode/<lang>.json and handover-lock/<lang>.json, the current
// instrument's texts in it) and its subset fonts (both weights). Budgets (issue 14) are on raw bytes, what the server sends today (it does not
// compress yet); the compressed sizes show what precompressed assets will send.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const KB = 1024;
const LANGS = ['da', 'en', 'ar', 'fa', 'so', 'ti'];

/** Raw-byte budgets: a page's first load (JS + CSS), and the citizen's page with a language's strings and fonts. */
export const BUDGETS = {
  'handover.html': { jsCss: 120 * KB, withLanguage: 200 * KB },
  // The caseworkers' app: today's size and a margin, so a growth is noticed (not a target). 1 248 KB
  // on 2026-12-07, once the chart library and the pages only some roles open load on demand (was 1 812);
  // 1 099 KB the same evening, once only Danish strings are in the first load (the others on demand).
  'index.html': { jsCss: 1200 * KB },
};

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

function sizes(files, dist) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const data = readFileSync(join(dist, f));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: files.length, raw, gzip, brotli };
}

/** The files a page's HTML loads: its script, modulepreloads and stylesheets. */
function pageFiles(dist, html) {
  const text = readFileSync(join(dist, html), 'utf8');
  const refs = [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].sort();
}

/** Files of at least 1 KB without the build's precompressed .br and .gz copies (vite.config.ts, precompress). */
function notPrecompressed(files, dist) {
  return files.filter((f) => !f.endsWith('.woff2') && statSync(join(dist, f)).size >= 1024 && !(existsSync(join(dist, `${f}.br`)) && existsSync(join(dist, `${f}.gz`))));
}

export function report(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const byFile = new Map(Object.entries(manifest).map(([src, chunk]) => [src, chunk]));
  const rows = [];
  const failures = [];
  for (const [html, budget] of Object.entries(BUDGETS)) {
    const first = pageFiles(dist, html);
    const jsCss = sizes(first, dist);
    rows.push({ page: html, part: 'first load: JS + CSS', ...jsCss, budget: budget.jsCss });
    if (jsCss.raw > budget.jsCss) failures.push(`${html}: JS + CSS ${jsCss.raw} B > ${budget.jsCss} B`);
    for (const f of notPrecompressed(first, dist)) failures.push(`${html}: ${f} has no precompressed .br/.gz copy`);
    if (!budget.withLanguage) continue;
    for (const lang of LANGS) {
      // The language's own chunks the page imports when it shows that language: its strings
      // (citizen-mode, handover-lock; none for Danish, which is in the page) and the current
      // instrument's texts in it.
      const entry = byFile.get(html);
      const strings = (entry?.dynamicImports ?? []).map((k) => byFile.get(k)).filter((c) => c?.name === lang).map((c) => c.file);
      const fonts = readdirAssets(dist).filter((f) => new RegExp(`^assets/jv-${lang}-\\d+-[0-9a-f]+\\.woff2$`).test(f));
      const extra = sizes([...strings, ...fonts], dist);
      const total = { files: jsCss.files + extra.files, raw: jsCss.raw + extra.raw, gzip: jsCss.gzip + extra.gzip, brotli: jsCss.brotli + extra.brotli };
      rows.push({ page: html, part: `${lang}: + its chunks (${strings.length}) + fonts (${fonts.length})`, ...total, budget: budget.withLanguage });
      if (strings.length !== (lang === 'da' ? 1 : 3)) failures.push(`${html}: ${lang}'s strings and instrument texts are not their own chunks (${strings.length} found)`);
      if (total.raw > budget.withLanguage) failures.push(`${html} in ${lang}: ${total.raw} B > ${budget.withLanguage} B`);
      for (const f of notPrecompressed(strings, dist)) failures.push(`${html} in ${lang}: ${f} has no precompressed .br/.gz copy`);
    }
  }
  return { rows, failures };
}

function readdirAssets(dist) {
  return readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`).sort();
}

function build() {
  const out = mkdtempSync(join(tmpdir(), 'jobvej-budget-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'vite.config.ts'), '--outDir', out, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], { stdio: 'inherit', cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const given = opt('dist');
  const dist = given ?? build();
  try {
    const { rows, failures } = report(dist);
    const kb = (n) => (n / KB).toFixed(1).padStart(7);
    console.log('page           part                                      files   raw KB  gzip KB    br KB  budget (raw)');
    for (const r of rows) {
      console.log(`${r.page.padEnd(14)} ${r.part.padEnd(41)} ${String(r.files).padStart(5)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}  ${kb(r.budget)}${r.raw > r.budget ? '  OVER' : ''}`);
    }
    const json = opt('json');
    if (json) writeFileSync(json, JSON.stringify(rows, null, 2));
    if (failures.length > 0) {
      console.error(`Bundle budget exceeded:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log('Bundle budget: every page within its budget.');
  } finally {
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}
