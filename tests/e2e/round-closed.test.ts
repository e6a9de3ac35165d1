// A round finished meanwhile (decision 023) on the citizen's page, in Tigrinya and Arabic at 320
// and 360 px: the tablet is offline with an answer waiting while the caseworker, on another
// device, finishes the round (both parts complete); when the connection returns the server answers
// 409 round_closed, and the outbox keeps the answer by its rule (decision 020): on the device,
// marked refused with that code, never sent again, and the screen says that the caseworker has
// finished the questionnaire, in the citizen's language with the Danish beneath — without one
// axe violation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, suiteHarness } from './harness.ts';
import { handOver } from './steps-citizen.ts';

const suite = suiteHarness();
const strings = (lang: string) =>
  (JSON.parse(readFileSync(new URL(`../../src/web/i18n/locales/citizen-mode/${lang}.json`, import.meta.url), 'utf8')) as { citizenMode: Record<string, string> }).citizenMode;

/** The caseworker on another device finishes the round: the citizen's part and their own marked complete. */
async function finishElsewhere(page: Page, roundId: string): Promise<void> {
  const other = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  const login = await other.request.post('/api/auth/login', { data: { username: 'caseworker@607', password: 'demo' } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  for (const respondent of ['citizen', 'caseworker']) {
    const res = await other.request.put(`/api/rounds/${roundId}/answers`, { headers: { 'x-csrf-token': csrfToken }, data: { respondent, answers: [], complete: true } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await other.close();
}

describe('a round finished meanwhile', () => {
  for (const lang of ['ti', 'ar'] as const) {
    it(`keeps the waiting answer on the device and says the caseworker has finished (${lang}, 320 and 360 px)`, async () => {
      const page = await suite.page({ width: 360, height: 740 });
      const { roundId } = await handOver(page, lang);
      const refusals: number[] = [];
      page.on('response', (r) => {
        if (r.request().method() === 'PUT' && r.url().includes('/answers') && r.status() >= 400) refusals.push(r.status());
      });
      await page.context().setOffline(true);
      const item = (await page.getByTestId('item-text').getAttribute('id'))?.replace(/^q-/, '');
      await page.locator('.jv-scale .jv-scale-value').nth(4).click();
      const status = page.getByTestId('save-status');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('waiting');

      await finishElsewhere(page, roundId);
      await page.context().setOffline(false);
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('refused');
      expect(await status.getAttribute('data-reason')).toBe('round_closed');
      expect(refusals).toEqual([409]);
      expect(await status.getAttribute('role')).toBe('alert');
      const texts = await status.locator('.jv-both > span').allTextContents();
      expect(texts).toEqual([strings(lang).roundClosed, strings('da').roundClosed]);
      expect(await status.locator('.jv-both > span').nth(1).getAttribute('lang')).toBe('da');

      // The answer is still on the device, refused with the code, and is not sent again.
      const kept = await page.evaluate(
        () =>
          new Promise<{ refused?: string; answers: { itemId: string; value: number | null }[] }[]>((resolve, reject) => {
            const open = indexedDB.open('jobvej-citizen');
            open.onsuccess = () => {
              const all = open.result.transaction('outbox').objectStore('outbox').getAll();
              all.onsuccess = () => resolve(all.result as never);
              all.onerror = () => reject(all.error);
            };
            open.onerror = () => reject(open.error);
          }),
      );
      expect(kept).toEqual([expect.objectContaining({ refused: 'round_closed', answers: [{ itemId: item, value: 5 }] })]);
      await page.waitForTimeout(6_000); // longer than the outbox's retry interval
      expect(refusals).toEqual([409]);

      for (const width of [320, 360]) {
        await page.setViewportSize({ width, height: 640 });
        expect(await axeViolations(page), `round closed at ${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
    });
  }
});
