// The bundle budget check (scripts/check-bundle-budget.mjs, run by .ci/run) on a made-up build:
// it counts a page's script, modulepreloads and stylesheets, adds each language's own chunks and
// fonts for the citizen's page, and fails a page over its budget.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, report } from '../../scripts/check-bundle-budget.mjs';

const LANGS = ['da', 'en', 'ar', 'fa', 'so', 'ti'];
let dist = '';
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** A build with a citizen's page of `entryKb` KB of script and a `fontKb` KB Tigrinya font per weight. */
function fakeBuild(entryKb: number, fontKb: number, { precompressed = true } = {}): string {
  dist = mkdtempSync(join(tmpdir(), 'jobvej-budget-test-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  // Random bytes: compression cannot hide them, so raw ≈ gzip ≈ brotli.
  const file = (name: string, kb: number) => {
    writeFileSync(join(dist, 'assets', name), Buffer.from(Array.from({ length: kb * 1024 }, (_, i) => (i * 2654435761) % 251)));
    if (precompressed && !name.endsWith('.woff2')) for (const ext of ['br', 'gz']) writeFileSync(join(dist, 'assets', `${name}.${ext}`), 'x');
  };
  file('handover-x.js', entryKb);
  file('handover-x.css', 5);
  file('main-x.js', 100);
  const chunks: Record<string, { file: string; name: string }> = {};
  for (const lang of LANGS) {
    const own = lang === 'da' ? ['instrument'] : ['mode', 'lock', 'instrument'];
    for (const part of own) {
      file(`${lang}-${part}.js`, 1);
      chunks[`_${lang}-${part}.js`] = { file: `assets/${lang}-${part}.js`, name: lang };
    }
  }
  file('jv-ti-400-0123456789.woff2', fontKb);
  file('jv-ti-700-0123456789.woff2', fontKb);
  writeFileSync(join(dist, 'handover.html'), '<script type="module" crossorigin src="/assets/handover-x.js"></script><link rel="stylesheet" crossorigin href="/assets/handover-x.css">');
  writeFileSync(join(dist, 'index.html'), '<script type="module" crossorigin src="/assets/main-x.js"></script>');
  writeFileSync(
    join(dist, '.vite', 'manifest.json'),
    JSON.stringify({ 'handover.html': { file: 'assets/handover-x.js', isEntry: true, dynamicImports: Object.keys(chunks) }, ...chunks }),
  );
  return dist;
}

describe('bundle budget', () => {
  it('budgets the citizen’s page at issue 14’s numbers', () => {
    expect(BUDGETS['handover.html']).toEqual({ jsCss: 120 * 1024, withLanguage: 200 * 1024 });
  });

  it('passes a page within budget and reports raw, gzip and brotli bytes per page and language', () => {
    const { rows, failures } = report(fakeBuild(40, 20));
    expect(failures).toEqual([]);
    const first = rows.find((r) => r.page === 'handover.html' && r.part.startsWith('first load'));
    expect(first?.files).toBe(2);
    expect(first?.raw).toBe(45 * 1024);
    expect(first!.gzip).toBeGreaterThan(0);
    expect(first!.brotli).toBeGreaterThan(0);
    const ti = rows.find((r) => r.part.startsWith('ti:'));
    expect(ti?.raw).toBe((45 + 3 + 40) * 1024);
    expect(rows.find((r) => r.part.startsWith('da:'))?.raw).toBe(46 * 1024);
    expect(rows.find((r) => r.page === 'index.html')?.raw).toBe(100 * 1024);
  });

  it('fails a page whose files lack their precompressed .br/.gz copies', () => {
    const { failures } = report(fakeBuild(40, 20, { precompressed: false }));
    expect(failures).toContain('handover.html: assets/handover-x.js has no precompressed .br/.gz copy');
    expect(failures).toContain('index.html: assets/main-x.js has no precompressed .br/.gz copy');
    expect(failures).toContain('handover.html in ti: assets/ti-mode.js has no precompressed .br/.gz copy');
  });

  it('fails a page over its JS + CSS budget, and a language over its budget with its fonts', () => {
    expect(report(fakeBuild(130, 10)).failures.join('\n')).toMatch(/handover\.html: JS \+ CSS \d+ B > 122880 B/);
    expect(report(fakeBuild(40, 80)).failures).toEqual([expect.stringMatching(/handover\.html in ti: \d+ B > 204800 B/)]);
  });
});
