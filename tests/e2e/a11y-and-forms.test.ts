// axe-core on the login page, the questionnaire and the citizen page in Danish and Arabic;
// field errors on registration; the questionnaire at 360 px.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { suiteHarness, login, registerCitizen, chooseSelect, axeViolations as violations } from './harness.ts';

const suite = suiteHarness();

async function pageFor(opts: { width?: number; height?: number; lang?: string } = {}): Promise<Page> {
  return suite.page(opts);
}

async function setUiLang(page: Page, lang: string): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('jobvej.lang', l), lang);
  await page.reload();
}

/** Start a round for a new citizen and hand it over; returns on the first question. */
async function handOver(page: Page, name: string, language: string): Promise<void> {
  await registerCitizen(page, name, language);
  await page.getByRole('button', { name: 'Start ny måling' }).click();
  await page.getByRole('button', { name: /Giv til borgeren/ }).click();
  await page.getByTestId('item-text').waitFor();
}

async function takeBack(page: Page): Promise<void> {
  await page.getByTestId('give-back').click();
  await page.locator('input[name="takeback-password"]').fill('demo');
  await page.locator('form button[type="submit"]').click();
  await page.locator('a[href="#/citizens/new"], a[href="#/"]').first().waitFor();
}

describe('accessibility (axe-core)', () => {
  for (const lang of ['da', 'ar']) {
    it(`login, questionnaire and citizen page have no violations (${lang})`, async () => {
      const page = await pageFor({ lang });
      await page.goto('/');
      await page.locator('input[name="username"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await violations(page)).toEqual([]);

      await login(page);
      await setUiLang(page, 'da');
      await handOver(page, `Axe ${lang}`, lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.locator('.jv-scale button').nth(2).click();
      expect(await violations(page)).toEqual([]);
      for (let i = 1; i < 11; i++) {
        await page.getByText(new RegExp(`^(Spørgsmål|السؤال) ${i + 1} `)).waitFor();
        await page.locator('.jv-scale button').nth(i % 7).click();
      }
      await takeBack(page);

      await setUiLang(page, lang);
      await page.getByTestId('star-chart').locator('svg').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await violations(page)).toEqual([]);
    });
  }
});

describe('forms', () => {
  it('shows the CPR field error (the form checks the CPR the way the server does, before sending)', async () => {
    const page = await pageFor({ width: 360, height: 740 });
    await login(page);
    await page.goto('/#/citizens/new');
    await page.locator('input[name="name"]').fill('Fejl CPR');
    await page.locator('input[name="cpr"]').fill('320190-1234');
    await page.locator('input[name="arrivalDate"]').fill('01-06-2025');
    await page.locator('input[name="takeoverDate"]').fill('01-07-2025');
    await chooseSelect(page, 'originCountry', 'SO');
    await chooseSelect(page, 'language', 'so');
    await page.locator('form button[type="submit"]').click();
    const cpr = page.locator('input[name="cpr"]');
    await expect.poll(() => cpr.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await cpr.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.includes('error'));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('Ugyldigt CPR-nummer');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The other fields were fine: no error on them.
    expect(await page.locator('input[name="name"]').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('the questionnaire fits 360 px without horizontal scrolling (ar and ti)', async () => {
    const page = await pageFor({ width: 360, height: 740 });
    await login(page);
    for (const [name, language] of [['Smal Arabisk', 'ar'], ['Smal Tigrinya', 'ti']] as const) {
      await handOver(page, name, language);
      for (let i = 0; i < 3; i++) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.locator('.jv-scale button').nth(6).click();
      }
      await takeBack(page);
    }
  });
});

describe('language menu', () => {
  it('switches the UI language, sets <html lang dir> and remembers the choice', async () => {
    const page = await pageFor();
    await page.goto('/');
    await page.locator('input[name="username"]').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['da', 'ltr']);
    await page.getByRole('button', { name: /^Sprog: Dansk/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await page.reload();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('jobvej.lang'))).toBe('ar');
    await page.getByRole('button', { name: /^اللغة: العربية/ }).click();
    await page.getByRole('menuitem', { name: 'ትግርኛ' }).click();
    await page.getByRole('heading', { name: 'እቶ' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ti', 'ltr']);
  });
});
