// An IGU with one school period registered on the placement form (the suggested four weeks from
// the start, then the end changed), seen in the offers list and the timeline's text list; an
// overlapping second period is flagged on its field before saving; axe finds nothing on the form
// with a school period, in Danish at 1280 px and in Arabic at 360 px (no sideways scrolling).
// IGU_SHOTS=dir saves screenshots of the form and the offers list there.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { formatDate } from '../../src/web/lib/dates.ts';
import { suiteHarness, login, registerCitizen, axeViolations as violations, fieldDate, isoFromField } from './harness.ts';

const suite = suiteHarness();

interface ApiOffer { id: string; kind: string; startDate: string; plannedEnd: string | null; schoolPeriods: { start: string; end: string }[] }

const shot = async (page: Page, name: string) => {
  if (process.env.IGU_SHOTS) await page.screenshot({ path: `${process.env.IGU_SHOTS}/${name}.png`, fullPage: true });
};
const citizenIdFromUrl = (p: Page) => decodeURIComponent(/#\/citizens\/([^/]+)/.exec(p.url())?.[1] ?? '');

describe('IGU school periods in the browser', () => {
  for (const [lang, width] of [['da', 1280], ['ar', 360]] as const) {
    it(`registers an IGU with one school period and shows it in the offers list and the timeline (${lang}, ${width} px)`, async () => {
      const page = await suite.page({ width, height: 900 });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
      });
      await login(page);
      await registerCitizen(page, `Amina IGU ${lang}`, 'ar');
      const citizenId = citizenIdFromUrl(page);
      if (lang === 'ar') {
        await page.evaluate(() => localStorage.setItem('jobvej.lang', 'ar'));
        await page.reload();
        await page.getByTestId('register-placement').waitFor();
      }

      await page.getByTestId('register-placement').click();
      await page.getByTestId('save-offer').waitFor();
      // The praktik path shows no school periods.
      expect(await page.getByTestId('school-periods').count()).toBe(0);
      await page.locator('select[name="kind"]').selectOption('igu');
      await page.locator('input[name="company"]').fill('Rema 1000 Vejle');
      await page.getByTestId('school-periods').waitFor();
      const start = isoFromField(await page.locator('input[name="startDate"]').inputValue(), lang);

      await page.getByTestId('add-school-period').click();
      expect(await page.locator('input[name="schoolPeriods.0.start"]').inputValue()).toBe(fieldDate(start, lang));
      expect(await page.locator('input[name="schoolPeriods.0.end"]').inputValue()).toBe(fieldDate(addDays(start, 27), lang));
      const end = addDays(start, 20);
      await page.locator('input[name="schoolPeriods.0.end"]').fill(fieldDate(end, lang));

      // A second period overlapping the first is flagged on its start before saving; then removed.
      await page.getByTestId('add-school-period').click();
      await page.locator('input[name="schoolPeriods.1.start"]').fill(fieldDate(addDays(start, 10), lang));
      const second = page.getByTestId('school-period').nth(1);
      await expect.poll(() => second.textContent()).toMatch(lang === 'da' ? /overlapper en anden skoleperiode/ : /تتداخل الفترة/);
      await second.getByRole('button', { name: lang === 'da' ? 'Fjern periode 2' : 'حذف الفترة 2' }).click();
      expect(await page.getByTestId('school-period').count()).toBe(1);

      await page.locator('input[name="company"]').press('Escape');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await violations(page)).toEqual([]);
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, `igu-form-${lang}-${width}`);

      await page.getByTestId('save-offer').click();
      const saved = page.getByTestId('offer').filter({ hasText: 'Rema 1000 Vejle' });
      await saved.waitFor();
      const periodText = `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
      expect(await saved.getByTestId('offer-school-periods').textContent()).toContain(periodText);
      const { offers } = (await page.evaluate(async (u) => (await fetch(u)).json(), `/api/citizens/${citizenId}/offers`)) as { offers: ApiOffer[] };
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ kind: 'igu', startDate: start, schoolPeriods: [{ start, end }] });

      if (width >= 768) {
        await page.getByTestId('timeline-chart').locator('svg').waitFor();
        await page.locator('details summary').first().click();
      }
      expect(await page.getByTestId('timeline-offer').first().textContent()).toContain(periodText);
      expect(await violations(page)).toEqual([]);
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await saved.scrollIntoViewIfNeeded();
      await shot(page, `igu-offers-${lang}-${width}`);

      // Later, on the citizen page: the caseworker adds the next school period to the running IGU.
      await saved.getByRole('button', { name: lang === 'da' ? 'Ret skoleperioder' : 'تعديل فترات الدراسة' }).click();
      await saved.getByTestId('add-school-period').click();
      const next = {
        start: isoFromField(await saved.locator('input[name="schoolPeriods.1.start"]').inputValue(), lang),
        end: isoFromField(await saved.locator('input[name="schoolPeriods.1.end"]').inputValue(), lang),
      };
      expect(next.start).toBe(addDays(end, 1));
      expect(await violations(page)).toEqual([]);
      await saved.getByRole('button', { name: lang === 'da' ? 'Gem skoleperioder' : 'حفظ فترات الدراسة' }).click();
      await expect.poll(() => saved.getByTestId('offer-school-periods').textContent()).toContain(`${formatDate(next.start, lang)} – ${formatDate(next.end, lang)}`);
      const after = (await page.evaluate(async (u) => (await fetch(u)).json(), `/api/citizens/${citizenId}/offers`)) as { offers: ApiOffer[] };
      expect(after.offers[0]).toMatchObject({ schoolPeriods: [{ start, end }, next] });
      expect(errors).toEqual([]);
    });
  }
});
