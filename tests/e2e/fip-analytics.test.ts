// The manager opens FIP analytics from the header, in Danish and Arabic, wide and on a 360 px
// phone: the figures (means by gender, round 1 against round 2, distribution, gap, item validity)
// with their data tables, the definition of "job within 6 months", no raw ids, zero axe
// violations; screenshots to /tmp/shots-fip/. The demo here has 300 citizens (220 in Fredericia),
// so most cells are published; a short period shows the "<5" cells.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, loadingEnded, startHarness, type Harness } from './harness.ts';

const SHOTS = '/tmp/shots-fip';

async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('form button[type="submit"]').click();
}

describe('FIP analytics', () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness({ citizens: 300 });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  for (const lang of ['da', 'ar']) {
    for (const width of [1280, 360]) {
      it(`the manager sees the figures and their tables (${lang}, ${width} px)`, async () => {
        const page = await (await h.newContext({ lang, width, height: 900 })).newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await loginAs(page, 'manager@607');
        if (width >= 768) await page.getByRole('link', { name: lang === 'da' ? 'FIP-analyse' : 'تحليل FIP' }).click();
        else await page.goto('/#/fip-analytics');
        const means = page.getByTestId('fipa-means-table');
        await means.locator('tbody tr').first().waitFor();
        await loadingEnded(page);
        for (const id of ['fipa-means-chart', 'fipa-paired-chart', 'fipa-distribution-chart', 'fipa-gap-chart', 'fipa-validity-chart']) {
          await page.getByTestId(id).locator('svg').waitFor();
        }
        // Both figures of the booklet: round-1 means by gender, and round 1 against round 2; with their tables.
        expect(await means.locator('tbody tr').count()).toBe(11);
        expect(await page.getByTestId('fipa-paired-table').locator('tbody tr').count()).toBe(11);
        expect(await page.getByTestId('fipa-validity-table').locator('tbody tr').count()).toBe(22);
        const text = await page.locator('main').innerText();
        expect(text).toContain(lang === 'da' ? 'Tror du, at du er i arbejde inden for 6 måneder?' : 'برأيك، هل ستكون لديك وظيفة خلال ستة أشهر؟');
        // The definition of employment within 6 months is on the page.
        expect(text).toContain(lang === 'da' ? 'senest 182 dage efter datoen for 1. runde' : '182 يومًا');
        // Means are numbers with the language's decimal mark; no raw ids or keys.
        const first = (await means.locator('tbody tr').first().locator('td').allInnerTexts()).map((s) => s.trim());
        expect(first[0]).toMatch(lang === 'da' ? /^\d,\d$/ : /^\d[.,٫]\d$/);
        expect(text).not.toMatch(/\bc0\d\b|\bw0\d\b|fipAnalytics\.|job_prospects|dont_know|undefined|NaN/);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/fip-analytics-${lang}-${width}.png`, fullPage: true });
        // The caseworker's answers: the same figures for the other questionnaire.
        await page.getByRole('radiogroup').or(page.locator('.mantine-SegmentedControl-root')).first().getByText(lang === 'da' ? 'sagsbehandlerens svar' : 'إجابات المرشد', { exact: true }).click();
        await expect.poll(async () => (await means.locator('tbody tr').first().innerText()).includes(lang === 'da' ? 'borgeren' : 'المواطن')).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      }, 120_000);
    }
  }

  it('a short period: small cells are "<5" with the reason, and a CSV download holds the table', async () => {
    const page = await (await h.newContext({ lang: 'da', width: 1280, height: 900 })).newPage();
    await loginAs(page, 'manager@607');
    await page.goto('/#/fip-analytics');
    await page.getByTestId('fipa-means-table').locator('tbody tr').first().waitFor();
    const csv = await Promise.all([page.waitForEvent('download'), page.getByTestId('fipa-means-table-csv').click()]).then(async ([d]) => {
      const path = await d.path();
      const { readFileSync } = await import('node:fs');
      return readFileSync(path, 'utf8');
    });
    expect(csv.split('\r\n')[0]).toContain('Spørgsmål');
    expect(csv.split('\r\n').length).toBe(1 + 11 + 1);
    // Type a one-week period into the "from" and "to" fields: few citizens, so suppressed cells.
    const to = page.getByLabel('Første runde til');
    const from = page.getByLabel('Første runde fra');
    const today = new Date();
    // Typed the Danish way, dd-mm-åååå (the date field, decision 027).
    const danish = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('-');
    const weekAgo = new Date(today.getTime() - 7 * 86_400_000);
    await from.fill(danish(new Date(weekAgo.getTime() - 60 * 86_400_000)));
    await from.press('Tab');
    await to.fill(danish(new Date(weekAgo.getTime() - 53 * 86_400_000)));
    await to.press('Tab');
    await expect.poll(async () => page.getByTestId('fipa-means-table').locator('span[title]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('fipa-means-table').locator('span[title]').first().getAttribute('title')).toMatch(/personer|totalen/);
    await loadingEnded(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/fip-analytics-small-period.png`, fullPage: false });
  }, 120_000);
});
