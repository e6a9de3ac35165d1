// The exports page (decision 033): a manager opens it from the header, chooses citizens with
// semicolons and an English codebook, and downloads the files — the CSV with its BOM and `;`, the
// value labels in English; the XLSX link for the workbook; in Danish at 1280 px and Arabic at 360 px,
// with zero axe violations and no raw code on the page.
import { describe, expect, it } from 'vitest';
import { suiteHarness, axeViolations, chooseSelect, login } from './harness.ts';

const suite = suiteHarness();

describe('the exports page', () => {
  it('a manager chooses a selection and downloads its files (da 1280 px, ar 360 px; axe)', async () => {
    for (const { lang, width } of [{ lang: 'da', width: 1280 }, { lang: 'ar', width: 360 }]) {
      const page = await suite.page({ lang, width, height: 900 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await login(page, 'manager@607');
      await page.getByRole('link', { name: lang === 'da' ? 'Udtræk' : 'تصدير البيانات' }).first().click();
      await page.getByTestId('export-files').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Nothing wider than the screen (the long separator names wrap in their select).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (lang === 'da') {
        await chooseSelect(page, 'what', 'citizens');
        await chooseSelect(page, 'sep', 'semicolon');
        await page.getByText('Engelsk', { exact: true }).click();
        const links = page.getByTestId('export-files').locator('a');
        expect(await links.allInnerTexts()).toEqual(['Borgere', 'Kodebog: variabler', 'Kodebog: koder', 'Stata-do-fil med kodebogens tekster', 'R-script med kodebogens tekster']);
        const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
        const body = await (await download.createReadStream()).toArray();
        const text = Buffer.concat(body as Buffer[]).toString('utf8');
        expect(text.startsWith('\ufeffperson_id;municipality_code;gender;birth_year;')).toBe(true);
        expect(text.split('\r\n').length).toBeGreaterThan(2);
        expect(download.suggestedFilename()).toMatch(/^jobvej-607-citizens-\d{4}-\d{2}-\d{2}-citizens\.csv$/);
        const [labels] = await Promise.all([page.waitForEvent('download'), links.nth(2).click()]);
        const labelText = Buffer.concat((await (await labels.createReadStream()).toArray()) as Buffer[]).toString('utf8');
        expect(labelText).toContain('gender;F;Woman');
        await page.getByText('Excel-projektmappe', { exact: true }).click();
        expect(await links.allInnerTexts()).toEqual(['Excel med data og kodebog']);
        expect(await axeViolations(page)).toEqual([]);
      }
      const main = await page.locator('main').innerText();
      // File names are shown as saved (citizens.csv); no i18n key or selection code is.
      expect(main).not.toMatch(/exports\.|targetGroup|semicolon|\bbroad\b|\bxlsx\b(?!\))/);
      await page.screenshot({ path: `/tmp/exports-${lang}-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
    }
  }, 180_000);
});
