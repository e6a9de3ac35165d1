// Offline-safe answers on the citizen's page (decision 020), in Tigrinya and Arabic at 360 px:
// the network is cut after the first question loads; three answers are given offline (the screen
// moves on and says "waiting" in the citizen's language and in Danish, nothing reaches the
// server); the network comes back; the answers reach the server one at a time in the order
// given (checked through the requests and the API) and the screen says "saved". Answers that
// could not be sent survive a reload (IndexedDB) and are sent after it; an answer the server
// refuses is kept and shown, and the take-back waits for answers still waiting. The service
// worker registers under the server's own CSP (worker-src 'self') with its scope the citizen's
// page only, and a reload while offline still shows the current question.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, suiteHarness } from './harness.ts';
import { handOver } from './steps-citizen.ts';

const suite = suiteHarness();

const WAITING: Record<string, string> = {
  ti: 'ርክብ የለን።',
  ar: 'لا يوجد اتصال.',
};
const SAVED: Record<string, string> = {
  ti: 'መልስኻ ኣብ ቤት ጽሕፈት ስራሕ ተዓቂቡ ኣሎ።',
  ar: 'تم حفظ إجابتك لدى مركز العمل.',
};

/** The citizen's answers as the server has them (the hand-over's own read; the API is not cut off). */
async function serverAnswers(page: Page): Promise<Record<string, number | null>> {
  const res = await page.request.get('/api/handover/round');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { round: { answers: { citizen: Record<string, number | null> } } }).round.answers.citizen;
}

/** Answer the current question with scale value `value` and wait for the next one. */
async function answer(page: Page, value: number): Promise<string> {
  const item = (await page.getByTestId('item-text').getAttribute('id'))?.replace(/^q-/, '') ?? '';
  await page.locator('.jv-scale button').nth(value - 1).click();
  await expect.poll(() => page.getByTestId('item-text').getAttribute('id'), { timeout: 10_000 }).not.toBe(`q-${item}`);
  return item;
}

describe('offline-safe answers on the citizen’s page', () => {
  for (const lang of ['ti', 'ar'] as const) {
    it(`keeps answers given offline and sends them in order when the network is back (${lang}, 360 px)`, async () => {
      const page = await suite.page({ width: 360, height: 740 });
      await handOver(page, lang);
      const sent: string[] = [];
      const clientIds: string[] = [];
      page.on('requestfinished', (r) => {
        if (r.method() === 'PUT' && r.url().includes('/answers')) {
          const body = r.postDataJSON() as { answers: { itemId: string }[]; clientId?: string };
          sent.push(body.answers.map((a) => a.itemId).join(','));
          clientIds.push(body.clientId ?? '');
        }
      });

      await page.context().setOffline(true);
      const given: [string, number][] = [];
      for (const value of [2, 5, 7]) given.push([await answer(page, value), value]);
      const status = page.getByTestId('save-status');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('waiting');
      expect(await status.textContent()).toContain(WAITING[lang]);
      expect(await status.locator('[lang="da"]').textContent()).toContain('Ingen forbindelse.');
      expect(await axeViolations(page)).toEqual([]);
      expect(await serverAnswers(page)).toEqual({});
      expect(sent).toEqual([]);

      await page.context().setOffline(false);
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
      expect(await status.textContent()).toContain(SAVED[lang]);
      expect(sent).toEqual(given.map(([item]) => item));
      // Each submission carries the device's own id, so the server applies it once (a resend is a replay).
      expect(clientIds.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)), JSON.stringify(clientIds)).toBe(true);
      expect(new Set(clientIds).size).toBe(clientIds.length);
      expect(await serverAnswers(page)).toEqual(Object.fromEntries(given));
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('answers that could not be sent survive a reload and are sent after it; the take-back waits for them', async () => {
    const page = await suite.page({ width: 360, height: 740 });
    await handOver(page, 'ar');
    // The server cannot be reached for answers (the page itself still loads).
    await page.route('**/api/rounds/*/answers', (route) => route.abort('internetdisconnected'));
    const first = await answer(page, 3);
    const second = await answer(page, 4);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('waiting');

    // Give back now: refused while answers wait (Danish first), the hand-over goes on.
    await page.getByTestId('give-back').click();
    await page.locator('input[name="takeback-password"]').fill('demo');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'Nogle svar er endnu ikke sendt' }).waitFor();
    await page.getByRole('button', { name: 'العودة إلى الأسئلة' }).click();

    await page.reload();
    await page.getByTestId('item-text').waitFor();
    // The page opens after the two answers kept on the device, still waiting.
    expect(await page.locator('#q-progress-label').textContent()).toMatch(/^السؤال 3 /);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('waiting');
    expect(await serverAnswers(page)).toEqual({});

    await page.unroute('**/api/rounds/*/answers');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    expect(await serverAnswers(page)).toEqual({ [first]: 3, [second]: 4 });
  });

  it('registers its service worker under the server’s own CSP, for the citizen’s page only, with no CSP violation', async () => {
    const page = await suite.page({ width: 360, height: 740 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await handOver(page, 'so');
    await page.locator('.jv-scale button').nth(1).click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration('/handover.html'))?.active?.state === 'activated', undefined, { timeout: 30_000 });
    const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname));
    expect(scopes).toEqual(['/handover.html']);
    expect(problems).toEqual([]);
  });

  for (const lang of ['ti', 'ar'] as const) {
    it(`a reload while offline still shows the current question (${lang})`, async () => {
      const page = await suite.page({ width: 360, height: 740 });
      await handOver(page, lang);
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration('/handover.html'))?.active?.state === 'activated', undefined, { timeout: 30_000 });
      await page.waitForFunction(async () => (await (await caches.open('jobvej-citizen-page')).keys()).length >= 3, undefined, { timeout: 30_000 });
      await page.reload(); // now under the worker's control
      await page.getByTestId('item-text').waitFor();
      const first = await answer(page, 4);

      await page.context().setOffline(true);
      const second = await answer(page, 6);
      const current = await page.getByTestId('item-text').textContent();
      await page.reload();
      await page.getByTestId('item-text').waitFor();
      expect(await page.getByTestId('item-text').textContent()).toBe(current);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('waiting');
      expect(await axeViolations(page)).toEqual([]);

      await page.context().setOffline(false);
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
      expect(await serverAnswers(page)).toEqual({ [first]: 4, [second]: 6 });
      // The worker never cached an API response.
      const cached = await page.evaluate(async () => (await (await caches.open('jobvej-citizen-page')).keys()).map((r) => new URL(r.url).pathname));
      expect(cached.filter((p) => p.startsWith('/api/'))).toEqual([]);
    });
  }

  it('keeps and shows an answer the server refuses', async () => {
    const page = await suite.page({ width: 360, height: 740 });
    await handOver(page, 'ti');
    await page.route('**/api/rounds/*/answers', (route) =>
      route.fulfill({ status: 409, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict' }) }),
    );
    await answer(page, 6);
    const status = page.getByTestId('save-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('refused');
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await status.locator('[lang="da"]').textContent()).toContain('Det er gemt på enheden');
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('jobvej-citizen');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => resolve((all.result as { refused?: string }[]).filter((p) => p.refused === 'conflict').length);
          };
        }),
    );
    expect(kept).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
