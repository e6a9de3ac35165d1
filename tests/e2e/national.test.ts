// The national administrator lands on the national view: every municipality and the country,
// counts only, small cells as "<5" with the rule beside the table; sorting and the gender switch
// work; the country's FIP means per item by gender beneath them; in Danish and English, wide and on a
// 360 px phone, with zero axe violations.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { suiteHarness, axeViolations, loadingEnded } from './harness.ts';

/** Log in as a role whose home is not the caseload (the harness's login waits for the caseload). */
async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('form button[type="submit"]').click();
}

const suite = suiteHarness();

describe('the national view', () => {
  for (const lang of ['da', 'en']) {
    for (const width of [1280, 360]) {
      it(`the national administrator sees every municipality's counts, suppressed (${lang}, ${width} px)`, async () => {
        const page = await suite.page({ lang, width, height: 900 });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await loginAs(page, 'national@siri');
        const exits = page.getByTestId('national-exits_to_job');
        await exits.locator('tbody tr').first().waitFor();
        // The country's FIP means: one row per item of the instrument, each cell a mean or "<5".
        const fip = page.getByTestId('national-fip-means');
        await fip.locator('tbody tr').first().waitFor();
        await loadingEnded(page);
        const rows = exits.locator('tbody tr');
        expect(await rows.count()).toBe(99);
        expect(await fip.locator('tbody tr').count()).toBe(22);
        const fipCells = (await fip.locator('tbody td').allInnerTexts()).map((c) => c.trim());
        expect(fipCells.every((c) => c === '<5' || /^[1-7][.,][0-9]{2}/.test(c) || c === (lang === 'da' ? 'Ingen svar' : 'No answers')), JSON.stringify(fipCells.slice(0, 6))).toBe(true);
        expect(await page.locator('main').innerText()).toContain(lang === 'da' ? 'FIP-svar i hele landet' : 'FIP answers for the whole country');
        const text = await page.locator('main').innerText();
        expect(text).toContain(lang === 'da' ? 'Landsoverblik' : 'National view');
        expect(text).toContain(lang === 'da' ? 'Hele landet' : 'Whole country');
        expect(text).toMatch(/Fredericia/);
        expect(text).not.toMatch(/Noget gik galt|Something went wrong|national\.|in_programme|exits_to_job/);
        // The harness's demo has 12 citizens per demo municipality: their cells are small, so suppressed
        // ("<5", with the reason as a title); the other municipalities show published zeros.
        const fredericia = page.getByTestId('national-in_programme').locator('tbody tr', { hasText: 'Fredericia' });
        const cells = (await fredericia.locator('td').allInnerTexts()).map((c) => c.trim());
        expect(cells.length).toBe(4);
        expect(cells.some((c) => c === '<5'), JSON.stringify(cells)).toBe(true);
        expect(await fredericia.locator('td span[title]').first().getAttribute('title')).toMatch(lang === 'da' ? /personer|totalen/ : /persons|total/);
        const copenhagen = (await page.getByTestId('national-in_programme').locator('tbody tr', { hasText: 'København' }).locator('td').allInnerTexts()).map((c) => c.trim());
        expect(copenhagen).toEqual(['0', '0', '0', '0']);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `/tmp/national-${lang}-${width}.png`, fullPage: false });
        // Women only, then sorted by the year's exits, descending: the country stays last.
        await page.getByText(lang === 'da' ? 'Kvinder' : 'Women').first().click();
        await exits.getByRole('button', { name: lang === 'da' ? 'Hele året' : 'Whole year' }).click();
        await expect.poll(async () => exits.locator('th[aria-sort="descending"]').count()).toBe(1);
        expect(await rows.last().innerText()).toContain(lang === 'da' ? 'Hele landet' : 'Whole country');
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }

  it('a manager opens it from the header and sees their own municipality beside the country (da, 1280 px)', async () => {
    const page = await suite.page({ lang: 'da', width: 1280, height: 900 });
    await loginAs(page, 'manager@607');
    await page.getByRole('link', { name: 'Landsoverblik' }).click();
    const exits = page.getByTestId('national-exits_to_job');
    await exits.locator('tbody tr').first().waitFor();
    await loadingEnded(page);
    expect((await exits.locator('tbody th').allInnerTexts()).map((s) => s.trim())).toEqual(['Fredericia', 'Hele landet']);
    expect(await page.locator('main').innerText()).toContain('Din kommunes tal ved siden af hele landets');
    expect(await axeViolations(page)).toEqual([]);
  });
});
