// A v2 instrument in the browser: a citizen's rounds recorded on fip-v1 (the demo data, seeded
// before v2) are shown with v1's wording; a round started now is on v2 (its new item c12 in the
// questionnaire, the star chart and the progression, where the v1 rounds have no answer to it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, login, type Harness } from './harness.ts';
import { V2_C01, V2_C12, instrumentDir } from '../support/instrument-versions.ts';

const V1_C01 = 'Hvor vigtigt er det for dig at få et arbejde inden for de næste 6 måneder?';

let h: Harness;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ instrumentDir: instrumentDir(), seedInstrumentDir: instrumentDir({ v1Only: true }) });
  ctx = await h.newContext();
  page = await ctx.newPage();
});
afterAll(async () => {
  await ctx?.close();
  await h?.close();
});

interface RoundJson { instrumentVersion: string; citizenCompletedAt: string | null; caseworkerCompletedAt: string | null }

describe('instrument versions in the browser', () => {
  it('shows v1 rounds with v1 and a new round with v2', async () => {
    await login(page);
    // A demo citizen whose rounds (all on v1) are complete, so a new round can start.
    const found = await page.evaluate(async () => {
      const list = (await (await fetch('/api/citizens')).json()) as { citizens: { id: string; roundCount: number }[] };
      for (const c of list.citizens.filter((x) => x.roundCount >= 2)) {
        const view = (await (await fetch(`/api/citizens/${c.id}`)).json()) as { citizen: { language: string }; rounds: RoundJson[] };
        if (view.rounds.every((r) => r.citizenCompletedAt && r.caseworkerCompletedAt)) return { id: c.id, language: view.citizen.language, rounds: view.rounds };
      }
      return null;
    });
    if (!found) throw new Error('no demo citizen with two complete rounds');
    expect(new Set(found.rounds.map((r) => r.instrumentVersion))).toEqual(new Set(['fip-v1']));

    await page.goto(`/#/citizens/${found.id}`);
    const side = page.getByTestId('side-by-side');
    await side.waitFor();
    // The latest round is on v1: v1's wording, although the current instrument is v2.
    expect(await side.textContent()).toContain(V1_C01);
    expect(await page.locator('main').textContent()).not.toContain(V2_C01);
    expect(await page.getByTestId('progression').textContent()).not.toContain(V2_C12);

    // A new round is on v2: the tablet asks v2's twelve citizen items.
    await page.getByRole('button', { name: 'Start ny måling' }).click();
    await page.getByRole('button', { name: /Giv til borgeren/ }).click();
    await page.getByTestId('item-text').waitFor();
    const v2 = (await page.evaluate(async () => (await fetch('/api/instruments/fip/fip-v2')).json())) as { items: { id: string; respondent: string; text: Record<string, { text: string }> }[] };
    const items = v2.items.filter((i) => i.respondent === 'citizen');
    expect(items.map((i) => i.id)).toContain('c12');
    for (const [n, item] of items.entries()) {
      await expect.poll(() => page.getByTestId('item-text').textContent()).toBe(item.text[found.language]?.text ?? item.text.da?.text);
      await page.locator('.jv-scale button').nth(n % 7).click();
    }
    await page.getByTestId('give-back').waitFor();
    await page.getByTestId('give-back').click();
    await page.locator('input[name="takeback-password"]').fill('demo');
    await page.locator('input[name="takeback-password"]').press('Enter');
    await page.getByRole('heading', { name: /Sagsbehandlerens skema/ }).waitFor();

    // The new round (citizen side done) on the star chart and in the progression with v2's items;
    // the older rounds have no answer to c12 and keep their own values.
    const table = page.getByTestId('star-chart-table');
    await page.getByTestId('star-chart').locator('svg').waitFor();
    const c12Row = table.locator('tr', { has: page.locator('th', { hasText: V2_C12 }) });
    const cells = await c12Row.locator('td').allTextContents();
    expect(cells.at(-1)).toBe(String((items.length - 1) % 7 + 1));
    expect(cells.slice(0, -1).every((c) => c === '–')).toBe(true);
    expect(cells.length).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('progression').textContent()).toContain(V2_C12);
    expect(await page.getByTestId('side-by-side').textContent()).toContain(V2_C01);
  });
});
