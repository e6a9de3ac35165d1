// axe-core on the citizen page with its case work (deadline banner, offers, timeline chart and
// list, outcome form) and on the placement form, in Danish and Arabic, wide and at 360 px; neither
// page scrolls sideways on a phone.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { suiteHarness, login, axeViolations as violations } from './harness.ts';

const suite = suiteHarness();

async function pageFor(opts: { width?: number; height?: number; lang?: string }): Promise<Page> {
  const page = await suite.page(opts);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('case work accessibility', () => {
  for (const lang of ['da', 'ar']) {
    for (const width of [1280, 360]) {
      it(`citizen page with banner, offers, timeline and outcome form, and the placement form: no axe violations (${lang}, ${width} px)`, async () => {
        const page = await pageFor({ lang, width, height: 900 });
        await login(page);
        // The caseload's first citizen: the most days over a deadline, with offers, a package and rounds (demo data).
        const first = width < 576 ? page.getByTestId('caseload-cards').locator('a').first() : page.locator('table a').first();
        await first.click();
        const banner = page.getByTestId('deadline-banner');
        await banner.waitFor();
        expect(await banner.getAttribute('data-state')).toBe('breached');
        await page.getByTestId('timeline-list').or(page.getByTestId('timeline-chart')).first().waitFor();
        if (width >= 768) {
          await page.getByTestId('timeline-chart').locator('svg').waitFor();
          await page.locator('details summary').first().click();
        }
        await page.getByTestId('timeline-list').waitFor();
        // Package modules link to their package page.
        expect(await page.getByTestId('timeline-module').first().locator('a').getAttribute('href')).toMatch(/^#\/packages\/[^/]+$/);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await violations(page)).toEqual([]);
        if (width === 360) expect(await noSideScroll(page)).toBe(true);

        await page.getByTestId('record-outcome').click();
        await page.getByTestId('save-outcome').waitFor();
        expect(await violations(page)).toEqual([]);

        await page.getByTestId('register-placement').click();
        await page.getByTestId('save-offer').waitFor();
        expect(await violations(page)).toEqual([]);
        await page.locator('input[name="company"]').fill('a');
        await page.getByRole('option').first().waitFor();
        expect(await violations(page)).toEqual([]);
        if (width === 360) expect(await noSideScroll(page)).toBe(true);
        expect((page as Page & { errors: string[] }).errors).toEqual([]);
      });
    }
  }

  it('the timeline chart uses its width in both directions (first three citizens, da and ar)', async () => {
    for (const lang of ['da', 'ar']) {
      const page = await pageFor({ lang, width: 1280, height: 900 });
      await login(page);
      for (let i = 0; i < 3; i++) {
        await page.goto('/#/');
        await page.locator('table a').nth(i).click();
        const chart = page.getByTestId('timeline-chart');
        await chart.locator('svg').waitFor();
        // The month ticks of the time axis spread over most of the chart (a collapsed grid puts them in one spot).
        const spread = await chart.evaluate((el) => {
          const xs = [...el.querySelectorAll('svg text')]
            .map((t) => /translate\(([-\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1])
            .filter((x): x is string => x !== undefined)
            .map(Number);
          return (Math.max(...xs) - Math.min(...xs)) / el.clientWidth;
        });
        expect(spread, `${lang}, citizen ${i + 1}`).toBeGreaterThan(0.6);
      }
    }
  });
});
