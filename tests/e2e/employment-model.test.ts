// The employment probability in the browser (decision 029), Danish then Arabic, 1280 and 360 px:
// the manager opens "Jobsandsynlighed" from the header, finds it off with no model, turns it on
// and refits, and sees the evidence (n, events, CV AUC, the coefficients, the calibration by
// gender drawn and in its table); a caseworker then sees a demo citizen's probability with its
// interval, basis and the decision-support note. Zero axe violations; screenshots to
// /tmp/shots-employment-model/. 700 demo citizens: the default 300 leave Fredericia under the
// model's 100 complete, closed round-1 histories.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, loadingEnded, startHarness, type Harness } from './harness.ts';

const SHOTS = '/tmp/shots-employment-model';

async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('form button[type="submit"]').click();
  await page.locator('main').waitFor();
  await loadingEnded(page);
}

/** A citizen of the caseload whose probability is shown (a complete round 1), found through the API as the signed-in caseworker. */
async function citizenWithProbability(page: Page): Promise<string> {
  const id = await page.evaluate(async () => {
    const list = (await (await fetch('/api/citizens?scope=all&pageSize=50&sort=name')).json()) as { citizens: { id: string }[] };
    for (const c of list.citizens) {
      const p = (await (await fetch(`/api/citizens/${c.id}/employment-probability`)).json()) as { status: string };
      if (p.status === 'shown') return c.id;
    }
    return null;
  });
  expect(id).not.toBeNull();
  return id as string;
}

describe('employment probability', () => {
  let h: Harness;
  let citizenId = '';
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness({ citizens: 700 });
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  for (const lang of ['da', 'ar'] as const) {
    it(`the manager turns it on and refits, sees the evidence; the caseworker sees the probability (${lang})`, async () => {
      const errors: string[] = [];
      const manager = await (await h.newContext({ lang, width: 1280, height: 900 })).newPage();
      manager.on('pageerror', (e) => errors.push(String(e)));
      await loginAs(manager, 'manager@607');
      await manager.getByRole('link', { name: lang === 'da' ? 'Jobsandsynlighed' : 'احتمال العمل' }).click();
      const state = manager.getByTestId('em-state');
      await state.waitFor();
      if (lang === 'da') {
        // Off until turned on, and no model before the first refit.
        expect(await state.innerText()).toBe('Slået fra');
        await manager.getByTestId('em-no-model').waitFor();
        expect(await axeViolations(manager)).toEqual([]);
        await manager.getByRole('switch', { name: 'Vis sandsynligheden for job på borgersiden' }).click();
        await expect.poll(() => state.innerText()).toBe('Slået til');
        await manager.getByTestId('em-refit').click();
      }
      await manager.getByTestId('em-terms-table').waitFor();
      await manager.getByTestId('em-calibration-chart').locator('svg').waitFor();
      const facts = await manager.getByTestId('em-facts').innerText();
      expect(facts).toContain(lang === 'da' ? 'Krydsvalideret AUC' : 'المساحة تحت المنحنى بالتحقق المتقاطع');
      expect(await manager.getByTestId('em-status').innerText()).toContain(lang === 'da' ? 'God nok til at blive vist' : 'جيد بما يكفي للعرض');
      expect(await manager.getByTestId('em-terms-table').locator('tbody tr').count()).toBe(10);
      expect(await manager.getByTestId('em-calibration-table').locator('tbody tr').count()).toBe(20);
      const text = await manager.locator('main').innerText();
      expect(text).toContain(lang === 'da' ? 'Job i sigte' : 'فرص العمل');
      expect(text).not.toMatch(/employmentModel\.|job_prospects|years_in_denmark|too_few|undefined|NaN/);
      expect(await axeViolations(manager)).toEqual([]);
      await manager.screenshot({ path: `${SHOTS}/manager-${lang}-1280.png`, fullPage: true });
      await manager.setViewportSize({ width: 360, height: 800 });
      await loadingEnded(manager);
      expect(await axeViolations(manager)).toEqual([]);
      await manager.screenshot({ path: `${SHOTS}/manager-${lang}-360.png`, fullPage: true });

      const caseworker = await (await h.newContext({ lang, width: 1280, height: 900 })).newPage();
      caseworker.on('pageerror', (e) => errors.push(String(e)));
      await loginAs(caseworker, 'caseworker@607');
      citizenId ||= await citizenWithProbability(caseworker);
      await caseworker.goto(`/#/citizens/${citizenId}`);
      const section = caseworker.getByTestId('em-probability');
      await caseworker.getByTestId('em-probability-value').waitFor();
      expect((await caseworker.getByTestId('em-probability-value').innerText()).replace(/\u200e|\u200f/g, '')).toMatch(lang === 'da' ? /^\d{1,3},\d\s?%$/ : /\d{1,3}[.,٫]\d\s?[%٪]/);
      const said = await section.innerText();
      expect(said).toContain(lang === 'da' ? '95 %-interval' : 'فاصل 95 %');
      expect(said).toContain(lang === 'da' ? 'aldrig en grund til at afslå' : 'ولا سببًا لرفض عرض');
      expect(said).toContain(lang === 'da' ? 'Model version 1' : 'الإصدار 1');
      expect(await axeViolations(caseworker)).toEqual([]);
      await section.screenshot({ path: `${SHOTS}/citizen-${lang}-1280.png` });
      await caseworker.setViewportSize({ width: 360, height: 800 });
      await loadingEnded(caseworker);
      expect(await axeViolations(caseworker)).toEqual([]);
      await section.screenshot({ path: `${SHOTS}/citizen-${lang}-360.png` });
      expect(errors).toEqual([]);
    }, 180_000);
  }
});
