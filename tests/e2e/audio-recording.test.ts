// The spoken questions in the browser (decision 023), with Chromium's fake microphone: a manager
// records a clip on the recording page (MediaRecorder, Opus in WebM), listens to it, records it
// again, and saves it; on the citizen's questionnaire (Tigrinya, 360 px) a play button stands beside
// the question and the anchor words that have a clip, and none where there is no clip; the audio
// element's source answers 200 with an audio content type; autoplay only once the citizen turns
// it on; and the clip plays from the device's cache after a reload without a connection. The
// recording page has no axe violation in Danish and Arabic at 1280 and 360 px. The pages run under the server's own CSP and Permissions-Policy (microphone=(self),
// media-src 'self' blob:) without a violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, loadingEnded, startHarness, type Harness } from './harness.ts';
import { handOver } from './steps-citizen.ts';

const FAKE_MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

let h: Harness;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  h = await startHarness({ extraArgs: FAKE_MICROPHONE });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await h?.close();
});

/** A page of its own context whose console errors, page errors and CSP violations are collected. */
async function watched(opts: { width: number; height: number; lang?: string }): Promise<{ page: Page; problems: string[] }> {
  const ctx = await h.newContext(opts);
  contexts.push(ctx);
  await ctx.grantPermissions(['microphone'], { origin: h.baseUrl });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  await ctx.addInitScript("document.addEventListener('securitypolicyviolation', (e) => console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));");
  return { page, problems };
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('demo');
  await page.locator('form button[type="submit"]').click();
  await page.locator('a[href="#/audio"]').waitFor();
}

/** Record about `ms` of the fake microphone on a row and stop: the new recording's player shows. */
async function recordOn(page: Page, target: string, ms = 1200): Promise<void> {
  const row = page.locator(`[data-testid="clip-row"][data-target="${target}"]`);
  await row.getByTestId('record').click();
  await row.getByTestId('recording').waitFor();
  await page.waitForTimeout(ms);
  await row.getByTestId('stop').click();
  await row.getByTestId('draft-clip').waitFor();
}

async function saveOn(page: Page, target: string): Promise<string> {
  const row = page.locator(`[data-testid="clip-row"][data-target="${target}"]`);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/instrument-audio/clip') && r.request().method() === 'PUT');
  await row.getByTestId('save').click();
  const res = await saved;
  expect(res.status(), await res.text()).toBe(200);
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('recorded');
  return (await row.getByTestId('saved-clip').getAttribute('src')) ?? '';
}

describe('the spoken questions', () => {
  it('records a clip with the fake microphone, listens, records again and saves it; the citizen plays it on the questionnaire, also offline', async () => {
    const { page, problems } = await watched({ width: 1280, height: 900, lang: 'da' });
    await signIn(page, 'manager@607');
    await page.locator('a[href="#/audio"]').click();
    await page.locator('select[name="language"]').selectOption('ti');
    await loadingEnded(page);
    const row = page.locator('[data-testid="clip-row"][data-target="item:c01"]');
    expect(await row.getAttribute('data-status')).toBe('none');
    expect(await row.getByTestId('clip-text').getAttribute('lang')).toBe('ti');

    // Record, listen to the recording (a blob: URL, allowed by media-src), record again.
    await recordOn(page, 'item:c01');
    const first = await row.getByTestId('draft-clip').evaluate(async (a: HTMLAudioElement) => {
      await a.play();
      await new Promise((r) => setTimeout(r, 300));
      const played = { src: a.src, time: a.currentTime };
      a.pause();
      return played;
    });
    expect(first.src).toMatch(/^blob:/);
    expect(first.time).toBeGreaterThan(0);
    await recordOn(page, 'item:c01', 1500);
    const second = await row.getByTestId('draft-clip').getAttribute('src');
    expect(second).not.toBe(first.src);
    const url = await saveOn(page, 'item:c01');
    expect(url).toMatch(/^\/audio\/[0-9a-f]{64}\.webm$/);
    // The saved clip: audio/webm, cached as immutable.
    const file = await page.request.get(url);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('audio/webm');
    expect(file.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await file.body()).subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    // An anchor word too: its play button goes beside the scale's 1.
    await recordOn(page, 'anchor:1');
    await saveOn(page, 'anchor:1');
    expect(await page.getByTestId('audio-progress').textContent()).toMatch(/^2 af \d+ tekster har et klip på ትግርኛ; 0 er gennemlyttet/);
    expect(problems).toEqual([]);

    // The citizen's questionnaire in Tigrinya at 360 px (another device: the caseworker's tablet).
    const tablet = await watched({ width: 360, height: 740 });
    await handOver(tablet.page, 'ti');
    const citizen = tablet.page;
    const play = citizen.getByTestId('play');
    await expect.poll(() => play.count(), { timeout: 15_000 }).toBe(2);
    const clips = await play.evaluateAll((els) => els.map((e) => e.getAttribute('data-clip') ?? ''));
    expect(clips).toEqual([url, expect.stringMatching(/^\/audio\/[0-9a-f]{64}\.webm$/)]);
    const anchorClip = clips[1] ?? '';
    // Only where a clip exists: the question, the 1's anchor; not 4, 7 or "don't know".
    expect(await citizen.locator('.jv-scale .jv-play-anchor').count()).toBe(1);
    expect(await citizen.locator('.jv-scale-cell').first().locator('[data-testid="play"]').count()).toBe(1);
    expect(await citizen.locator('.jv-dontknow-row').count()).toBe(0);
    for (const b of await play.all()) {
      const box = await b.boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(48);
    }
    // Nothing plays by itself until the citizen asks for it.
    const player = citizen.getByTestId('clip-player');
    expect(await player.evaluate((a: HTMLAudioElement) => a.paused && a.currentTime === 0)).toBe(true);
    await play.first().click();
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await play.first().getAttribute('aria-pressed')).toBe('true');
    // The audio element's source: 200, an audio type.
    const source = await player.evaluate(async (a: HTMLAudioElement) => {
      const res = await fetch(a.currentSrc);
      return { path: new URL(a.currentSrc).pathname, status: res.status, type: res.headers.get('content-type') };
    });
    expect(source).toEqual({ path: url, status: 200, type: 'audio/webm' });
    await play.first().click(); // stops it
    expect(await play.first().getAttribute('aria-pressed')).toBe('false');

    // Autoplay, turned on by the citizen: the question's clip plays when it appears (after an
    // answer the next question has none, so nothing plays; back to the first, it plays).
    const autoplay = citizen.getByTestId('autoplay');
    expect(await autoplay.getAttribute('aria-pressed')).toBe('false');
    await citizen.locator('.jv-scale .jv-scale-value').nth(3).click();
    await expect.poll(() => citizen.getByTestId('play').count(), { timeout: 10_000 }).toBe(1);
    await autoplay.click();
    expect(await autoplay.getAttribute('aria-pressed')).toBe('true');
    expect(await player.evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
    await citizen.getByRole('button', { name: 'ዝሓለፈ' }).click();
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => !a.paused || a.ended), { timeout: 10_000 }).toBe(true);
    await autoplay.click();

    // Offline: the page, its audio set and the clips come from the device (service worker, IndexedDB).
    await citizen.waitForFunction(async () => (await navigator.serviceWorker.getRegistration('/handover.html'))?.active?.state === 'activated', undefined, { timeout: 30_000 });
    await citizen.waitForFunction(
      async (want) => {
        const have = (await (await caches.open('jobvej-citizen-page')).keys()).map((r) => new URL(r.url).pathname);
        return want.every((clip) => have.includes(clip));
      },
      [url, anchorClip],
      { timeout: 30_000 },
    );
    await citizen.reload(); // under the worker's control
    await citizen.getByTestId('item-text').waitFor();
    await citizen.context().setOffline(true);
    await citizen.reload();
    await citizen.getByTestId('item-text').waitFor({ timeout: 15_000 });
    // The second question (the first is answered): the anchor's clip, kept on the device.
    await expect.poll(() => citizen.getByTestId('play').count(), { timeout: 15_000 }).toBe(1);
    expect(await citizen.getByTestId('play').getAttribute('data-clip')).toBe(anchorClip);
    await citizen.getByTestId('play').click();
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
    const offline = await player.evaluate(async (a: HTMLAudioElement) => {
      const res = await fetch(a.currentSrc);
      return { status: res.status, type: res.headers.get('content-type') };
    });
    expect(offline).toEqual({ status: 200, type: 'audio/webm' });
    await citizen.context().setOffline(false);
    expect(tablet.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
  });

  for (const lang of ['da', 'ar'] as const) {
    it(`the recording page has no axe violation (${lang}, 1280 and 360 px)`, async () => {
      const { page, problems } = await watched({ width: 1280, height: 900, lang });
      await signIn(page, 'manager@607');
      await page.goto('/#/audio');
      await loadingEnded(page);
      await page.locator('[data-testid="clip-row"]').first().waitFor();
      // A clip saved, a new recording waiting to be saved, and one being recorded: every state on the page.
      await recordOn(page, 'item:c02');
      await saveOn(page, 'item:c02');
      await recordOn(page, 'item:c03');
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axeViolations(page), `${lang} at ${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `fits ${width} px`).toBe(true);
      }
      await page.locator('[data-testid="clip-row"][data-target="item:c04"]').getByTestId('record').click();
      await page.getByTestId('recording').waitFor();
      expect(await axeViolations(page), `${lang} while recording`).toEqual([]);
      await page.getByTestId('stop').click();
      expect(problems).toEqual([]);
    });
  }
});
