// The citizen's hand-over mode (handover.html, decision 019) in the browser, in all six
// languages at 320 and 360 px: every citizen screen (question, language list, an answer waiting
// offline and saved, thank-you, give-back, wrong password, lock, a start that failed) without
// one axe violation, the first question with the play buttons of its recorded clips and the
// autoplay switch (decision 023; the clips saved for every language first); the give-back control fits; the
// scale's touch targets are at least 48 px; the take-back screen puts Danish first and the
// citizen's language beneath. Then: the citizen switches language during the hand-over (the
// Danish line stays, a reload keeps the choice), the pictogram scale runs right to left in
// Arabic, and after take-back the caseworker's app opens at the caseworker's form.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, suiteHarness } from './harness.ts';
import { handOver } from './steps-citizen.ts';
import { saveClips } from './steps-audio.ts';

const suite = suiteHarness();
const LANGS = ['da', 'en', 'ar', 'fa', 'so', 'ti'] as const;

// The first question, the scale's anchor words and "don't know" have a recorded clip in every language.
beforeAll(async () => {
  const page = await suite.page();
  await saveClips(page, LANGS, ['item:c01', 'anchor:1', 'anchor:4', 'anchor:7', 'dontKnow']);
  await page.context().close();
});
const WIDTHS = [320, 360] as const;

/** At each width: no axe violation and nothing wider than the screen. */
async function checkAtWidths(page: Page, what: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 640 });
    expect(await axeViolations(page), `${what} at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${what} fits ${width} px`).toBe(true);
  }
}

/** The give-back button lies inside the screen and shows all its words (none cut off). */
async function giveBackFits(page: Page, width: number): Promise<void> {
  const button = page.getByTestId('give-back');
  const box = await button.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  expect(await button.evaluate((el) => el.scrollWidth <= el.clientWidth && [...el.querySelectorAll('span')].every((s) => s.scrollWidth <= s.clientWidth + 1))).toBe(true);
}

describe('the citizen’s hand-over mode', () => {
  for (const lang of LANGS) {
    it(`every screen in ${lang} at 320 and 360 px: no axe violations, give-back fits, Danish first on take-back`, async () => {
      const page = await suite.page({ width: 360, height: 640 });
      // Under the server's real CSP (script-src 'self', font-src 'self'): no violation, no console error.
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
      await page.context().addInitScript(
        "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));",
      );
      await handOver(page, lang);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr']);
      // No caseworker code on this page: neither Mantine's styles nor the chart library.
      expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /main-|installSVGRenderer|echarts/.test(n)))).toEqual([]);

      // The question screen, with the play buttons of its clips (question, anchors, "don't know") and the autoplay switch.
      await expect.poll(() => page.getByTestId('play').count(), { timeout: 15_000 }).toBe(5);
      await page.getByTestId('autoplay').waitFor();
      await checkAtWidths(page, 'question');
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 640 });
        await giveBackFits(page, width);
        for (const b of await page.locator('.jv-scale button, .jv-dontknow, .jv-play, .jv-autoplay').all()) {
          const box = await b.boundingBox();
          expect(Math.min(box!.width, box!.height), `touch target at ${width} px`).toBeGreaterThanOrEqual(48);
        }
      }
      if (lang !== 'da') expect(await page.getByTestId('item-text-da').getAttribute('lang')).toBe('da');

      // The language list, open.
      await page.getByTestId('language-switch').click();
      await checkAtWidths(page, 'language list');
      await page.getByTestId('language-switch').click();

      // Answer every question: the thank-you screen.
      const total = Number((await page.locator('#q-progress-label').textContent())?.match(/\d+\D+(\d+)/)?.[1]);
      expect(total).toBeGreaterThan(5);
      for (let i = 0; i < total; i++) {
        const question = await page.getByTestId('item-text').textContent();
        // The first answer given offline: the "waiting" state, then "saved" once the network is back.
        if (i === 0) await page.context().setOffline(true);
        if (i === 2) await page.locator('.jv-dontknow').click();
        else await page.locator('.jv-scale .jv-scale-value').nth(i % 7).click();
        if (i === 0) {
          const state = () => page.getByTestId('save-status').getAttribute('data-state');
          await expect.poll(state, { timeout: 10_000 }).toBe('waiting');
          await checkAtWidths(page, 'waiting');
          await page.context().setOffline(false);
          await expect.poll(state, { timeout: 15_000 }).toBe('saved');
          await checkAtWidths(page, 'saved');
        }
        if (i < total - 1) await expect.poll(() => page.getByTestId('item-text').textContent(), { timeout: 10_000 }).not.toBe(question);
      }
      // The thank-you screen comes once the server has the complete answers.
      await page.locator('#jv-thanks').waitFor();
      expect(await page.getByTestId('item-text').count()).toBe(0);
      expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
      await checkAtWidths(page, 'thank-you');
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 640 });
        await giveBackFits(page, width);
      }

      // Give-back: Danish first, the citizen's language beneath.
      await page.getByTestId('give-back').click();
      const title = page.locator('#jv-takeback-title');
      await title.waitFor();
      const parts = await title.locator('span').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
      expect(parts).toEqual(lang === 'da' ? ['da'] : ['da', lang]);
      expect(await title.locator('span').first().textContent()).toBe('Sagsbehandleren tager over');
      await checkAtWidths(page, 'give-back');

      // A wrong password: the message in Danish and in the citizen's language.
      const password = page.locator('input[name="takeback-password"]');
      for (let i = 0; i < 5; i++) {
        await password.fill(`wrong-${i}`);
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/takeback'));
        await page.locator('form button[type="submit"]').click();
        expect((await answered).status()).toBe(403);
        await page.getByRole('alert').filter({ hasText: 'Forkert adgangskode.' }).waitFor();
        if (i === 0) await checkAtWidths(page, 'wrong password');
      }
      // The sixth try, even with the right password, locks the hand-over.
      await password.fill('demo');
      await page.locator('form button[type="submit"]').click();
      await page.getByTestId('handover-locked').waitFor();
      await checkAtWidths(page, 'lock');
      // The wrong passwords answer 403 and the locked take-back 429, which Chromium logs as failed loads
      // (and the offline answer's failed request).
      expect(problems.filter((p) => !/status of (403|429)|ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
    });
  }

  it('shows a start that failed (the server answers 500) in the citizen’s language and Danish, in all six at 320 and 360 px', async () => {
    for (const lang of LANGS) {
      const page = await suite.page({ width: 360, height: 640 });
      await handOver(page, lang);
      await page.route('**/api/handover/round', (route) =>
        route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Internal', status: 500, code: 'internal' }) }),
      );
      await page.reload();
      const alert = page.getByTestId('start-error');
      await alert.waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe(lang);
      expect(await alert.locator('[lang="da"]').count()).toBe(lang === 'da' ? 0 : 1);
      await checkAtWidths(page, `start error (${lang})`);
      await page.close();
    }
  });

  it('lets the citizen switch language during the hand-over; the Danish line stays and a reload keeps it', async () => {
    const page = await suite.page({ width: 360, height: 740 });
    await handOver(page, 'so');
    const danish = await page.getByTestId('item-text-da').textContent();
    await page.getByRole('button', { name: 'Luqadda: Soomaali' }).click();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), { timeout: 10_000 }).toBe('ar,rtl');
    const inst = (await page.evaluate(async () => (await fetch('/api/instruments/fip')).json())) as { items: { respondent: string; text: Record<string, { text: string }> }[] };
    const first = inst.items.find((i) => i.respondent === 'citizen');
    expect(await page.getByTestId('item-text').textContent()).toBe(first?.text.ar?.text);
    expect(await page.getByTestId('item-text-da').textContent()).toBe(danish);
    expect(await page.getByTestId('give-back').textContent()).toContain('أعِد الجهاز إلى الموظف المختص');
    // Danish as the citizen's choice: no second Danish line.
    await page.getByTestId('language-switch').click();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe('da');
    expect(await page.getByTestId('item-text').textContent()).toBe(danish);
    expect(await page.getByTestId('item-text-da').count()).toBe(0);
    await page.getByTestId('language-switch').click();
    await page.getByRole('button', { name: 'ትግርኛ' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe('ti');
    await page.reload();
    await page.getByTestId('item-text').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ti');
    expect(await page.getByTestId('item-text').textContent()).toBe(first?.text.ti?.text);
    // Only the Ethiopic subset was fetched for Tigrinya (no Arabic file: the page shows no Arabic now).
    const fonts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((n) => n.endsWith('.woff2') || n.endsWith('.ttf')));
    expect(fonts.every((f) => /^\/assets\/jv-(ti-\d+|names-ethiopic)-[0-9a-f]+\.woff2$/.test(f))).toBe(true);
  });

  it('runs the pictogram scale right to left in Arabic and Farsi, left to right otherwise; focus order 1 to 7 in both', async () => {
    for (const lang of ['ar', 'da'] as const) {
      const page = await suite.page({ width: 1280, height: 900 });
      await handOver(page, lang);
      const xs = await page.locator('.jv-scale .jv-scale-value').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-value')), e.getBoundingClientRect().x]));
      expect(xs.map(([v]) => v)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const positions = xs.map(([, x]) => x ?? 0);
      const sorted = [...positions].sort((a, b) => a - b);
      expect(positions).toEqual(lang === 'ar' ? [...sorted].reverse() : sorted);
      // Side by side on a wide screen, each bar taller than the one before.
      const heights = await page.locator('.jv-scale .jv-bar').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThan(heights[i - 1] ?? 0);
      // On a phone one under the other, the bars growing from the start side (the right in Arabic).
      await page.setViewportSize({ width: 360, height: 740 });
      const bars = await page.locator('.jv-scale .jv-bar').evaluateAll((els) =>
        els.map((e) => {
          const bar = e.getBoundingClientRect();
          const track = (e.parentElement as HTMLElement).getBoundingClientRect();
          return { width: bar.width, startGap: document.documentElement.dir === 'rtl' ? track.right - bar.right : bar.left - track.left };
        }),
      );
      for (let i = 1; i < bars.length; i++) expect(bars[i]!.width).toBeGreaterThan(bars[i - 1]!.width);
      for (const b of bars) expect(Math.abs(b.startGap)).toBeLessThan(1);
      // Anchor words in the citizen's language with the Danish beneath, on 1, 4 and 7 only.
      const anchored = await page.locator('.jv-scale .jv-scale-value').evaluateAll((els) => els.map((e) => e.querySelector('.jv-scale-anchor') !== null));
      expect(anchored).toEqual([true, false, false, true, false, false, true]);
      expect(await page.locator('.jv-scale .jv-scale-value').first().locator('.jv-danish[lang="da"]').count()).toBe(lang === 'da' ? 0 : 1);
      // The anchors' play buttons stand beside their values (1, 4, 7), on the start side's far end.
      expect(await page.locator('.jv-scale-cell').evaluateAll((cells) => cells.map((c) => c.querySelector('[data-testid="play"]') !== null))).toEqual([true, false, false, true, false, false, true]);
    }
  });

  it('after take-back opens the caseworker’s form of the round, whose chips show the anchor words', async () => {
    const page = await suite.page({ width: 1280, height: 800 });
    const { citizenId } = await handOver(page, 'fa');
    await page.getByTestId('give-back').click();
    await page.locator('input[name="takeback-password"]').fill('demo');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(new RegExp(`/#/citizens/${citizenId}$`));
    const form = page.locator('#cw-form-title');
    await form.waitFor();
    await expect.poll(() => form.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    const top = await form.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const anchors = await page.getByTestId('cw-item').first().getByTestId('cw-anchor').allTextContents();
    expect(anchors).toEqual(['i meget ringe grad', 'i nogen grad', 'i meget høj grad']);
  });
});
