// The citizen's first load of the hand-over questionnaire, cold cache, per language, measured in
// Chromium through the DevTools protocol: bytes transferred (JS, CSS, fonts, the rest) and the
// time from navigation to the first question's text on screen, with the network throttled to
// 400 kbit/s down and up and 400 ms round trip, and the CPU slowed 4×.
//
//   node --import tsx bench/web/citizen-load.ts [--runs N] [--langs da,ar,ti] [--url PATH] [--json FILE] [--clips]
//   (npm run bench:web -- …)
//
// --clips: first a manager records every text the citizen hears (the current version's items,
// anchors, "don't know") in each measured language, with a real 1.5 s recording
// (tests/support/chromium-opus.webm): the page then also asks for its audio set and puts the
// clips into its cache after the first question (decision 023). Their bytes are "audio KB".
//
// The server is the real one, started in-process on 127.0.0.1 as the browser tests start it
// (tests/e2e/harness.ts: a fresh embedded database with demo data, a private copy of dist/web,
// built first when stale). For each language a caseworker session is logged in over the API,
// a citizen of that language registered, a round started and handed over; a fresh browser
// context (empty cache) gets that session's cookie and opens the hand-over URL (default: the
// URL the caseworker's "Giv til borgeren" leads to: /handover.html#<language> when the built app
// has that page, else /).
//
// A device without the fonts: Chromium runs with a fontconfig file that hides Noto Sans Arabic
// and Noto Sans Ethiopic (installed here by fonts-noto-core), so the web fonts' local() sources
// miss and the font files are downloaded, as on a phone that lacks them.
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, startHarness } from '../../tests/e2e/harness.ts';
import { CHROMIUM_CLIP } from '../../tests/support/audio-clips.ts';
import { audioTargets } from '../../src/domain/fip/index.ts';
import { loadInstruments } from '../../src/server/instruments/index.ts';

const LANGS = ['da', 'en', 'ar', 'fa', 'so', 'ti'] as const;
type Lang = (typeof LANGS)[number];

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? '1');
const langs = (arg('langs')?.split(',') ?? [...LANGS]) as Lang[];
const jsonOut = arg('json');
const withClips = argv.includes('--clips');

const THROTTLE = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const CPU_SLOWDOWN = 4;

interface Sample {
  lang: Lang;
  url: string;
  bytes: { js: number; css: number; font: number; document: number; api: number; audio: number; other: number; total: number };
  requests: number;
  fontFiles: string[];
  /** Every response of the load: path, DevTools resource type, bytes. */
  responses: { path: string; type: string; bytes: number }[];
  /** ms from navigation start to the first question's text in the DOM (and laid out). */
  firstQuestionMs: number;
  /** ms from navigation start to the last response of the load (fonts included). */
  allLoadedMs: number;
}

const root = new URL('../..', import.meta.url).pathname;
const hiddenFonts = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-bench-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <glob>*/NotoSansArabic*</glob><glob>*/NotoNaskhArabic*</glob><glob>*/NotoKufiArabic*</glob>
    <glob>*/NotoSansEthiopic*</glob><glob>*/NotoSerifEthiopic*</glob>
  </rejectfont></selectfont>
</fontconfig>
`,
  );
  return file;
};

async function json(res: Response): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A manager records every text of the current version in `lang` (the same real clip for each). */
async function recordEverything(baseUrl: string, lang: Lang): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'manager@607', password: 'demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await json(login)) as { csrfToken: string };
  const store = loadInstruments();
  for (const [i, { target }] of audioTargets(store.instrument).entries()) {
    // A clip of its own per text (one byte of the header's padding, an EBML Void element, differs),
    // so each has its own hash and URL, as real recordings do.
    const clip = Buffer.from(CHROMIUM_CLIP);
    clip[0x80] = i + 1;
    await json(
      await fetch(`${baseUrl}/api/instrument-audio/clip`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ version: store.version, language: lang, target, mimeType: 'audio/webm', durationMs: 1500, clip: clip.toString('base64') }),
      }),
    );
  }
}

let serial = 2000;
/** A caseworker session handed over to a new citizen of the language; returns the session cookie. */
async function handedOverSession(baseUrl: string, lang: Lang): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'caseworker@607', password: 'demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await json(login)) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  serial += 1;
  const citizen = (await json(
    await fetch(`${baseUrl}/api/citizens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: `Bench ${lang}`, cpr: `010190-${serial}`, gender: 'F', birthDate: '1990-01-01', originCountry: 'ER',
        arrivalDate: '2025-06-01', takeoverDate: '2025-07-01', language: lang, targetGroup: 'broad',
      }),
    }),
  )) as { citizen: { id: string } };
  const round = (await json(await fetch(`${baseUrl}/api/citizens/${citizen.citizen.id}/rounds`, { method: 'POST', headers }))) as { round: { id: string } };
  await json(await fetch(`${baseUrl}/api/rounds/${round.round.id}/handover`, { method: 'POST', headers }));
  return cookie;
}

async function measure(browser: Browser, baseUrl: string, pathFor: (lang: Lang) => string, lang: Lang): Promise<Sample> {
  const path = pathFor(lang);
  const cookie = await handedOverSession(baseUrl, lang);
  const eq = cookie.indexOf('=');
  const name = cookie.slice(0, eq);
  const value = cookie.slice(eq + 1);
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: baseUrl });
  await ctx.addCookies([{ name, value, url: baseUrl }]);
  // The moment the first question's text is in the DOM, in the page's own clock (performance.now()
  // is ms since navigation start).
  // (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
  await ctx.addInitScript(`
    new MutationObserver((_, obs) => {
      const el = document.querySelector('[data-testid="item-text"]');
      if (el && el.textContent && window.__firstQuestion === undefined) {
        window.__firstQuestion = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  `);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

  const requests = new Map<string, { url: string; type: string; start: number; end?: number; bytes?: number }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', start: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.type = e.type;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.end = e.timestamp;
      r.bytes = e.encodedDataLength;
    }
  });

  await page.goto(path, { waitUntil: 'commit', timeout: 120_000 });
  try {
    await page.waitForFunction(() => (window as unknown as { __firstQuestion?: number }).__firstQuestion !== undefined, undefined, { timeout: 120_000 });
  } catch (err) {
    await page.screenshot({ path: join(tmpdir(), `citizen-load-${lang}.png`) });
    throw err;
  }
  // Let the fonts and anything else the first screen asks for arrive.
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready);
  const firstQuestionMs = await page.evaluate(() => (window as unknown as { __firstQuestion: number }).__firstQuestion);
  const navStart = Math.min(...[...requests.values()].map((r) => r.start));
  const bytes = { js: 0, css: 0, font: 0, document: 0, api: 0, audio: 0, other: 0, total: 0 };
  const fontFiles: string[] = [];
  let last = navStart;
  for (const r of requests.values()) {
    const b = r.bytes ?? 0;
    if (r.end) last = Math.max(last, r.end);
    bytes.total += b;
    if (new URL(r.url).pathname.startsWith('/audio/')) bytes.audio += b;
    else if (r.type === 'Script') bytes.js += b;
    else if (r.type === 'Stylesheet') bytes.css += b;
    else if (r.type === 'Font') {
      bytes.font += b;
      fontFiles.push(`${new URL(r.url).pathname} ${b}`);
    } else if (r.type === 'Document') bytes.document += b;
    else if (r.type === 'XHR' || r.type === 'Fetch') bytes.api += b;
    else bytes.other += b;
  }
  await ctx.close();
  const responses = [...requests.values()].map((r) => ({ path: new URL(r.url).pathname, type: r.type, bytes: r.bytes ?? 0 }));
  return { lang, url: path, bytes, requests: requests.size, fontFiles, responses, firstQuestionMs: Math.round(firstQuestionMs), allLoadedMs: Math.round((last - navStart) * 1000) };
}

const kb = (n: number) => (n / 1024).toFixed(1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
};

async function main() {
  const loadBefore = loadavg()[0]?.toFixed(2);
  const h = await startHarness();
  await h.browser.close();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: hiddenFonts() },
  });
  // The citizen's page as the caseworker's app opens it at hand-over (/handover.html#<language>), or --url.
  const url = arg('url');
  const light = existsSync(join(root, 'dist', 'web', 'handover.html'));
  const pathFor = (lang: Lang) => url ?? (light ? `/handover.html#${lang}` : '/');
  const path = pathFor('ti').replace(/#ti$/, '#<lang>');
  const samples: Sample[] = [];
  try {
    if (withClips) for (const lang of langs) await recordEverything(h.baseUrl, lang);
    for (const lang of langs) {
      for (let i = 0; i < runs; i++) samples.push(await measure(browser, h.baseUrl, pathFor, lang));
    }
  } finally {
    await browser.close();
    await h.close();
  }
  const loadAfter = loadavg()[0]?.toFixed(2);
  console.log(`# citizen hand-over first load: ${path}, ${runs} run(s) per language, median shown${withClips ? '; every text with a recorded clip (--clips)' : ''}`);
  console.log(`# machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load avg ${loadBefore} → ${loadAfter}; ${new Date().toISOString()}`);
  console.log('| lang | JS KB | CSS KB | JS+CSS KB | font KB | JS+CSS+font KB | document KB | API KB | audio KB | all KB | requests | first question (s) | all loaded (s) | font files |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const lang of langs) {
    const ss = samples.filter((s) => s.lang === lang);
    const m = (f: (s: Sample) => number) => median(ss.map(f));
    const s0 = ss[0];
    console.log(
      `| ${lang} | ${kb(m((s) => s.bytes.js))} | ${kb(m((s) => s.bytes.css))} | **${kb(m((s) => s.bytes.js + s.bytes.css))}** | ${kb(m((s) => s.bytes.font))} | ${kb(m((s) => s.bytes.js + s.bytes.css + s.bytes.font))} | ${kb(m((s) => s.bytes.document))} | ${kb(m((s) => s.bytes.api))} | ${kb(m((s) => s.bytes.audio))} | ${kb(m((s) => s.bytes.total))} | ${m((s) => s.requests)} | **${(m((s) => s.firstQuestionMs) / 1000).toFixed(2)}** | ${(m((s) => s.allLoadedMs) / 1000).toFixed(2)} | ${s0?.fontFiles.join(', ') || '–'} |`,
    );
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(samples, null, 2));
}

await main();
