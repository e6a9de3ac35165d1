// Steps of the spoken questions' browser tests (decision 023): clips saved through the API, as a
// manager in the page's own context (so the citizen's page finds them when it is handed over).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM_CLIP } from '../support/audio-clips.ts';

/** Save a real recording (tests/support/chromium-opus.webm) for each language and text, as manager@607. */
export async function saveClips(page: Page, langs: readonly string[], targets: readonly string[]): Promise<void> {
  const request = page.context().request;
  const login = await request.post('/api/auth/login', { data: { username: 'manager@607', password: 'demo' } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  for (const language of langs) {
    for (const target of targets) {
      const res = await request.put('/api/instrument-audio/clip', {
        headers: { 'x-csrf-token': csrfToken },
        data: { version: 'fip-v1', language, target, mimeType: 'audio/webm', durationMs: 1500, clip: CHROMIUM_CLIP.toString('base64') },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
  }
  expect((await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } })).status()).toBe(204);
}
