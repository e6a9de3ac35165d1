// Browser-test harness: the real server in-process on a random port with a fresh embedded
// database in a temp dir, a private copy of the built web app (dist/web), and one headless Chromium.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase } from '../../src/server/platform/db/testing.ts';
import { buildApp } from '../../src/server/app.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import type { SignInSettings } from '../../src/server/platform/auth/oidc/config.ts';

const root = new URL('../..', import.meta.url).pathname;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  newContext(opts?: { width?: number; height?: number; lang?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Build dist/web once even when several test files start at the same time (a directory as lock),
 * and copy it, under the same lock, to a private directory this harness serves: a rebuild by
 * another test run (or an editor's `npm start`) then cannot pull the files from under the browser.
 */
async function privateWebBuild(): Promise<string> {
  const lock = join(root, 'dist', '.web-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let stale = false;
      try {
        stale = Date.now() - statSync(lock).mtimeMs > 120_000;
      } catch {
        continue;
      }
      if (stale) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'ensure-web-build.mjs')], { cwd: root, stdio: 'ignore' });
    const copy = mkdtempSync(join(tmpdir(), 'jobvej-web-'));
    cpSync(join(root, 'dist', 'web'), copy, { recursive: true });
    return copy;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * `instrumentDir`: the server's instrument versions; `seedInstrumentDir`: those the demo rounds were
 * recorded on; `citizens`: how many demo citizens (12); `extraArgs`: Chromium switches on top of
 * CHROMIUM_ARGS (e.g. its fake microphone); `signIn`: the municipalities' identity providers (decision 032) and
 * `port`: a fixed port (their redirect URIs name it).
 */
export async function startHarness(opts: { instrumentDir?: string; seedInstrumentDir?: string; citizens?: number; extraArgs?: readonly string[]; signIn?: SignInSettings; port?: number } = {}): Promise<Harness> {
  const browserStarting = chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...(opts.extraArgs ?? [])] });
  const webDist = await privateWebBuild();
  // A fresh, migrated embedded database (cloned in memory from the migrated template).
  const { db, drop } = await createTestDatabase('pglite');
  const cprKey = randomBytes(32);
  await seedDemo(db, { cprKey, citizens: opts.citizens ?? 12, ...(opts.seedInstrumentDir ? { instrumentDir: opts.seedInstrumentDir } : {}) });
  const app = await buildApp({ db, webDist, cprKey, logger: false, ...(opts.instrumentDir ? { instrumentDir: opts.instrumentDir } : {}), ...(opts.signIn ? { signIn: opts.signIn } : {}) });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await browserStarting;
  return {
    baseUrl,
    browser,
    async newContext({ width = 1280, height = 900, lang } = {}) {
      const ctx = await browser.newContext({ viewport: { width, height }, baseURL: baseUrl });
      ctx.setDefaultTimeout(10_000);
      if (lang) await ctx.addInitScript((l) => localStorage.getItem('jobvej.lang') ?? localStorage.setItem('jobvej.lang', l), lang);
      return ctx;
    },
    async close() {
      await browser.close();
      await app.close();
      await drop();
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}

/**
 * The harness of one test file: started before its tests and closed after them (closing the
 * browser closes every context the file opened). `page(opts)` opens a page in a new context.
 */
export function suiteHarness(): { page(opts?: { width?: number; height?: number; lang?: string }): Promise<Page> } {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  return {
    async page(opts = {}) {
      if (!h) throw new Error('suiteHarness: the harness is not started (use it inside tests)');
      return (await h.newContext(opts)).newPage();
    },
  };
}

export async function login(page: Page, username = 'caseworker@607', password = 'demo'): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  // Signed in: the header names the user (every role; only some may register citizens), and the home page has loaded.
  await page.getByTestId('signed-in').waitFor();
  await loadingEnded(page);
}

let serial = 1000;
/** A fresh valid CPR for 1 January 1990 (serial starting with 1 → 1900s). */
export function freshCpr(): string {
  serial += 1;
  return `010190-${serial}`;
}

/** Register a citizen through the UI (the page must be logged in, UI in Danish); returns after the citizen page shows. */
export async function registerCitizen(page: Page, name: string, language: string, cpr = freshCpr()): Promise<void> {
  await page.goto('/#/citizens/new');
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="cpr"]').fill(cpr);
  // The birth date comes from the CPR number; dates are typed the Danish way (dd-mm-åååå).
  await page.locator('input[name="arrivalDate"]').fill('01-06-2025');
  await page.locator('input[name="takeoverDate"]').fill('01-07-2025');
  await chooseSelect(page, 'originCountry', 'SY');
  await chooseSelect(page, 'language', language);
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * An ISO date YYYY-MM-DD as a date field shows and takes it in a UI language (decision 027):
 * da dd-mm-åååå, fa yyyy/mm/dd, the others dd/mm/yyyy. Written here on its own, not taken from the app.
 */
export function fieldDate(iso: string, lang = 'da'): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'fa') return `${y}/${m}/${d}`;
  return lang === 'da' ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
}

/** The ISO date a date field shows (the reverse of fieldDate); throws on anything else. */
export function isoFromField(text: string, lang = 'da'): string {
  const m = lang === 'fa' ? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text) : lang === 'da' ? /^(\d{2})-(\d{2})-(\d{4})$/.exec(text) : /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) throw new Error(`not a ${lang} date field value: ${JSON.stringify(text)}`);
  return lang === 'fa' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[3]}-${m[2]}-${m[1]}`;
}

/** Pick an option of a native select by its name and value. */
export async function chooseSelect(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`select[name="${name}"]`).selectOption(value);
}

/**
 * axe-core's violations on the page as it is at rest (the mouse moved away, so no hover colours
 * from the last click), one line per rule with the failing nodes and why.
 */
/** Resolves when no loading indicator (components/ui/Loading.tsx) is on the page. */
export async function loadingEnded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null, undefined, { timeout: 15_000 });
}

/** axe-core on the page once loading has ended (a half-loaded page is not what a user reads). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  await loadingEnded(page);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`);
}
