// The staff app's cold load through a running server (e.g. nginx over TLS in front of two jobvej
// processes, docs/deploy.md): Chromium with an empty cache opens the login page, signs in as a
// caseworker and waits for the caseload; every file it fetched (the API's JSON excluded) is then
// fetched again three times with Accept-Encoding identity / gzip / br, and the bytes on the wire
// (the body as sent, before decompression) are summed per kind. Chromium's own count (CDP
// encodedDataLength, headers included) is printed beside it.
//
//   node --import tsx bench/web/cold-load-transfer.ts [--base https://localhost:8443] [--user caseworker@607]
import { request } from 'node:https';
import { request as plainRequest } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/harness.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const base = arg('base', 'https://localhost:8443');
const user = arg('user', 'caseworker@607');

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (/\.js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.(woff2?|ttf)$/.test(path)) return 'fonts';
  if (/\.html$|\/$/.test(path)) return 'html';
  return 'other';
}

function wireBytes(url: string, encoding: string): Promise<{ bytes: number; encoding: string; status: number }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? request : plainRequest)(url, { headers: { 'accept-encoding': encoding }, rejectUnauthorized: false }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity'), status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: base });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
const urls = new Map<string, string>();
let chromiumBytes = 0;
cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string } }) => urls.set(e.requestId, e.response.url));
cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
  const url = urls.get(e.requestId);
  if (url && !new URL(url).pathname.startsWith('/api/')) chromiumBytes += e.encodedDataLength;
});
await page.goto('/');
await page.locator('input[name="username"]').fill(user);
await page.locator('input[name="password"]').fill('demo');
await page.locator('form button[type="submit"]').click();
await page.getByTestId('signed-in').waitFor();
await page.waitForLoadState('networkidle');
await browser.close();

const files = [...new Set(urls.values())].filter((u) => u.startsWith(base) && !new URL(u).pathname.startsWith('/api/'));
const totals: Record<string, Record<string, number>> = {};
for (const url of files) {
  const kind = kindOf(url);
  for (const encoding of ['identity', 'gzip', 'br']) {
    const got = await wireBytes(url, encoding);
    (totals[kind] ??= {})[encoding] = (totals[kind]?.[encoding] ?? 0) + got.bytes;
    (totals.all ??= {})[encoding] = (totals.all?.[encoding] ?? 0) + got.bytes;
  }
}
const kb = (n: number | undefined) => ((n ?? 0) / 1024).toFixed(1);
console.log(`cold load of ${base}/ signed in as ${user}: ${files.length} files (API excluded)`);
console.log('kind   | raw KB | gzip KB | br KB');
for (const [kind, t] of Object.entries(totals)) console.log(`${kind.padEnd(6)} | ${kb(t.identity).padStart(6)} | ${kb(t.gzip).padStart(7)} | ${kb(t.br).padStart(5)}`);
console.log(`Chromium's own count (br negotiated, headers included, API excluded): ${kb(chromiumBytes)} KB`);
