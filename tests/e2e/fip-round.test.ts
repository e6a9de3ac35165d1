// The FIP round end to end: caseworker → handover → citizen answers in Arabic → takeback →
// caseworker form → star chart; and the handover lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, login, registerCitizen, type Harness } from './harness.ts';

let h: Harness;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  ctx = await h.newContext();
  page = await ctx.newPage();
});
afterAll(async () => {
  await ctx?.close();
  await h?.close();
});

async function instrument(p: Page) {
  return p.evaluate(async () => (await fetch('/api/instruments/fip')).json()) as Promise<{
    items: { id: string; respondent: string; text: Record<string, { text: string }> }[];
  }>;
}

describe('FIP round in the browser', () => {
  it('runs a round: handover in Arabic, takeback, caseworker form, star chart', async () => {
    await login(page);
    await registerCitizen(page, 'Amal Haddad', 'ar');
    await page.getByRole('button', { name: 'Start ny måling' }).click();
    await page.getByRole('button', { name: /Giv til borgeren/ }).click();

    // The citizen questionnaire, in Arabic, right-to-left, Danish beneath.
    await page.getByTestId('item-text').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const inst = await instrument(page);
    const citizenItems = inst.items.filter((i) => i.respondent === 'citizen');
    expect(citizenItems).toHaveLength(11);
    for (const [n, item] of citizenItems.entries()) {
      await expect.poll(() => page.getByTestId('item-text').textContent()).toBe(item.text.ar?.text ?? item.text.da?.text);
      expect(await page.getByTestId('item-text-da').textContent()).toBe(item.text.da?.text);
      if (n === 4) await page.getByRole('button', { name: /لا أعرف|ved ikke/i }).click();
      else await page.locator('.jv-scale button').nth(n % 7).click();
    }
    await page.getByRole('heading', { name: 'شكرًا على إجاباتك!' }).waitFor();

    // Give back: the caseworker's password ends the lock.
    await page.getByRole('button', { name: 'أعِد الجهاز إلى الموظف المختص' }).click();
    await page.locator('input[name="takeback-password"]').fill('demo');
    await page.getByRole('button', { name: 'فتح القفل' }).click();
    await page.getByRole('heading', { name: /Sagsbehandlerens skema/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');

    // Caseworker form: answer every item, then finish.
    const cwItems = page.getByTestId('cw-item');
    const count = await cwItems.count();
    expect(count).toBe(11);
    for (let i = 0; i < count; i++) {
      await cwItems.nth(i).locator('label', { hasText: new RegExp(`^${(i % 7) + 1}$`) }).click();
    }
    await page.getByRole('button', { name: 'Afslut skemaet' }).click();
    await page.getByRole('heading', { name: /Sagsbehandlerens skema/ }).waitFor({ state: 'detached' });

    // The star chart shows the round (SVG legend and the accessible data table).
    const chart = page.getByTestId('star-chart');
    await chart.locator('svg').waitFor();
    await expect.poll(() => chart.locator('svg text', { hasText: 'Måling 1' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('star-chart-table').locator('th', { hasText: 'Måling 1' }).count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toContain('Måling 1');
    expect(await page.getByTestId('side-by-side').locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
  });

  it('locks the app to the questionnaire while handed over', async () => {
    await registerCitizen(page, 'Yonas Tesfay', 'ti');
    await page.getByRole('button', { name: 'Start ny måling' }).click();
    await page.getByRole('button', { name: /Giv til borgeren/ }).click();
    await page.getByTestId('item-text').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ti');

    for (const path of ['/#/', '/#/citizens/new', '/citizens', '/']) {
      await page.goto(path);
      await page.getByTestId('item-text').waitFor();
      expect(await page.locator('a[href="#/citizens/new"]').count()).toBe(0);
      expect(await page.locator('input[name="cpr"]').count()).toBe(0);
    }
    const status = await page.evaluate(async () => (await fetch('/api/citizens')).status);
    expect(status).toBe(423);

    await page.getByRole('button', { name: 'ናብ ሰራሕተኛ ጉዳይ መልስ' }).first().click();
    await page.locator('input[name="takeback-password"]').fill('wrong-password');
    await page.getByRole('button', { name: 'ክፈት' }).click();
    await page.getByRole('alert').waitFor();
    await page.locator('input[name="takeback-password"]').fill('demo');
    await page.getByRole('button', { name: 'ክፈት' }).click();
    await page.locator('a[href="#/citizens/new"]').or(page.getByRole('heading', { name: 'Yonas Tesfay' })).first().waitFor();
  });
});
