// A caseworker wanders through the app the way people do — list, a citizen, back, the nav, a
// company, demand, packages, a package, an enrolment, home, another citizen, the register form —
// by clicking and the browser's back button, never reloading. Every page shows its own heading
// and content, the page is never blank (two pages sharing a cache key once blanked one), the
// document is the same one throughout, and nothing is logged as an error. Danish and Arabic.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { suiteHarness, login, loadingEnded } from './harness.ts';

const suite = suiteHarness();

/** The page has loaded, shows a heading with text, and the document is the one the wander started in. */
async function settled(page: Page, step: string): Promise<string> {
  await loadingEnded(page);
  const heading = page.locator('main h1, main h2').first();
  await heading.waitFor({ timeout: 15_000 });
  const text = (await heading.textContent())?.trim() ?? '';
  expect(text, step).not.toBe('');
  expect(await page.evaluate(() => (window as unknown as { wanderMarker?: string }).wanderMarker), `${step}: reloaded`).toBe('wander');
  expect(await page.locator('main').innerText(), `${step}: blank`).not.toBe('');
  return text;
}

describe('wandering through the app without reloading', () => {
  for (const lang of ['da', 'ar']) {
    it(`every page shows its own content and nothing fails (${lang})`, async () => {
      const page = await suite.page({ lang, width: 1280, height: 900 });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page);
      await page.evaluate(() => {
        (window as unknown as { wanderMarker: string }).wanderMarker = 'wander';
      });
      const seen: string[] = [];
      seen.push(await settled(page, 'caseload'));

      await page.locator('table a').first().click();
      await page.getByTestId('deadline-banner').waitFor();
      const firstCitizen = await settled(page, 'first citizen');
      seen.push(firstCitizen);

      await page.goBack();
      await page.locator('table a').nth(1).waitFor();
      await settled(page, 'caseload again');

      await page.locator('header a[href="#/companies"]').click();
      seen.push(await settled(page, 'companies'));
      await page.locator('main a[href^="#/companies/"]:visible').first().click();
      seen.push(await settled(page, 'a company'));

      await page.locator('header a[href="#/demand"]').click();
      seen.push(await settled(page, 'demand'));

      await page.locator('header a[href="#/packages"]').click();
      seen.push(await settled(page, 'packages'));
      await page.locator('main a[href^="#/packages/"]:visible').first().click();
      seen.push(await settled(page, 'a package'));
      await page.locator('main a[href*="/enrolments/"]:visible').first().click();
      seen.push(await settled(page, 'an enrolment'));

      await page.goBack();
      await settled(page, 'the package again');

      await page.locator('header a[href="#/"]').first().click();
      await page.locator('table a').nth(1).click();
      await page.getByTestId('deadline-banner').waitFor();
      const secondCitizen = await settled(page, 'second citizen');
      expect(secondCitizen, 'the second citizen is not the first one shown again').not.toBe(firstCitizen);

      await page.locator('header a[href="#/"]').first().click();
      await page.locator('a[href="#/citizens/new"]').click();
      seen.push(await settled(page, 'register a citizen'));
      await page.locator('input[name="name"]').waitFor();

      // The list, the lists and the forms are different pages, not one page shown again.
      expect(new Set(seen).size, seen.join(' | ')).toBeGreaterThanOrEqual(6);
      expect(errors).toEqual([]);
    });
  }
});
