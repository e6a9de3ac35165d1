// Every role wanders through everything its navigation reaches, the way a newcomer does: each link
// and each action button, one after the other in one document (never reloading, never a fresh
// page), back with the browser's back button. On every page: no page error, a non-empty page with a
// heading, no failure notice (no "Noget gik galt", no 403 for something the navigation offered),
// zero axe violations. Danish and Arabic. The white screen of two queries sharing a cache key was
// reachable only this way (companies → a citizen → "Registrér praktik").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, loadingEnded, login, suiteHarness } from './harness.ts';

const suite = suiteHarness();

const ROLES = ['caseworker@607', 'company@607', 'manager@607', 'evaluator@607', 'national@siri', 'admin'] as const;
const LANGS = ['da', 'ar'] as const;

function failureTexts(lang: string): string[] {
  const core = JSON.parse(readFileSync(new URL(`../../src/web/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as { errors: { generic: string } };
  const problems = JSON.parse(readFileSync(new URL(`../../src/web/i18n/locales/problems/${lang}.json`, import.meta.url), 'utf8')) as {
    problems: Record<string, string>;
  };
  return [core.errors.generic, problems.problems.server ?? '', problems.problems.forbidden ?? ''].filter((s) => s !== '');
}

/** A path with its ids replaced, so a page kind is visited once (/citizens/:id, not every citizen). */
const pattern = (hash: string): string =>
  hash
    .replace(/^#/, '')
    .split('?')[0]!
    .split('/')
    .map((part) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(part) || /^\d+$/.test(part) ? ':id' : part))
    .join('/') || '/';

interface Visit {
  where: string;
  heading: string;
}

async function check(page: Page, where: string, lang: string, errors: string[], seen: Visit[], axe = true): Promise<void> {
  await loadingEnded(page);
  const main = page.locator('main');
  await main.waitFor();
  const heading = (await page.locator('main h1, main h2').first().textContent({ timeout: 15_000 }))?.trim() ?? '';
  expect(heading, `${where}: a heading`).not.toBe('');
  expect(await page.evaluate(() => (window as unknown as { wanderMarker?: string }).wanderMarker), `${where}: reloaded`).toBe('wander');
  expect((await page.locator('#root').innerHTML()).length, `${where}: empty root`).toBeGreaterThan(0);
  const text = await main.innerText();
  for (const failure of failureTexts(lang)) expect(text, `${where}: failure notice`).not.toContain(failure);
  expect(await page.locator('[data-problem]').count(), `${where}: a failure notice`).toBe(0);
  // Back on a page already checked: the same content again, so axe once is enough.
  if (axe) expect(await axeViolations(page), `${where}: axe`).toEqual([]);
  expect(errors, `${where}: page errors`).toEqual([]);
  seen.push({ where, heading });
  if (process.env.WANDER_LOG) console.log(new Date().toISOString(), where);
}

/** The visible in-app links of the header and the page, by page kind (first of each kind). */
async function links(page: Page): Promise<{ href: string; kind: string }[]> {
  const hrefs = await page.locator('header a[href^="#/"]:visible, main a[href^="#/"]:visible').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const out = new Map<string, string>();
  for (const href of hrefs) if (!out.has(pattern(href))) out.set(pattern(href), href);
  return [...out].map(([kind, href]) => ({ kind, href }));
}

/** The page's own action buttons (not form submits, not the one that hands the app to the citizen). */
async function actionButtons(page: Page): Promise<string[]> {
  return page
    .locator('main button:visible:not([type="submit"]):not([data-wander="leaves-app"]):not([disabled])')
    .evaluateAll((bs) => [...new Set(bs.map((b) => (b.textContent ?? '').trim()).filter((t) => t !== ''))]);
}

async function wander(page: Page, lang: string, errors: string[]): Promise<Visit[]> {
  const seen: Visit[] = [];
  const visited = new Set<string>();
  const pressed = new Set<string>();
  await check(page, 'home', lang, errors, seen);
  visited.add(pattern(await page.evaluate(() => location.hash || '#/')));

  async function explore(depth: number, path: string): Promise<void> {
    // Action buttons first: each label pressed once, the page checked after each.
    for (const label of await actionButtons(page)) {
      if (pressed.has(`${pattern(await page.evaluate(() => location.hash || '#/'))} ${label}`)) continue;
      pressed.add(`${pattern(await page.evaluate(() => location.hash || '#/'))} ${label}`);
      const button = page.locator('main button:visible:not([type="submit"])', { hasText: label }).first();
      if ((await button.count()) === 0 || !(await button.isEnabled())) continue;
      await button.click();
      await check(page, `${path} → [${label}]`, lang, errors, seen);
    }
    if (depth >= 3) return;
    for (const { kind, href } of await links(page)) {
      if (visited.has(kind)) continue;
      visited.add(kind);
      const before = await page.evaluate(() => location.hash);
      const link = page.locator(`header a[href="${href}"]:visible, main a[href="${href}"]:visible`).first();
      if ((await link.count()) === 0) continue;
      await link.click();
      await page.waitForFunction((h) => location.hash !== h, before);
      const where = `${path} → ${kind}`;
      await check(page, where, lang, errors, seen);
      await explore(depth + 1, where);
      await page.goBack();
      await page.waitForFunction((h) => location.hash === h, before);
      await check(page, `${where} ← back`, lang, errors, seen, false);
    }
  }
  await explore(1, 'home');
  return seen;
}

describe('every role wanders through all its navigation reaches, without reloading', () => {
  for (const lang of LANGS) {
    for (const user of ROLES) {
      it(`${user} (${lang})`, { timeout: 240_000 }, async () => {
        const page = await suite.page({ lang, width: 1280, height: 900 });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        await login(page, user);
        await page.evaluate(() => {
          (window as unknown as { wanderMarker: string }).wanderMarker = 'wander';
        });
        const seen = await wander(page, lang, errors);
        // A page the role may not use, reached by its address: said plainly, never the form that answers 403.
        const mayRegister = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { abilities: string[] }).abilities.includes('citizen.create'));
        if (!mayRegister) {
          await page.evaluate(() => {
            location.hash = '#/citizens/new';
          });
          await page.locator('[data-problem="forbidden"]').waitFor();
          expect(await page.locator('input[name="name"]').count(), 'no registration form').toBe(0);
          expect(await axeViolations(page)).toEqual([]);
        }
        // Something was reached: at least the home page and, for every role with navigation, more.
        expect(seen.length, seen.map((s) => s.where).join('\n')).toBeGreaterThan(1);
      });
    }
  }
});
