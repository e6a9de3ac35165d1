// Steps of the citizen's hand-over page tests (citizen-mode, citizen-offline).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { freshCpr } from './harness.ts';

/** Log in over the API in the page's context, register a citizen of `lang`, start a round and hand it over. */
export async function handOver(page: Page, lang: string): Promise<{ citizenId: string; roundId: string }> {
  const login = await page.request.post('/api/auth/login', { data: { username: 'caseworker@607', password: 'demo' } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const citizen = await page.request.post('/api/citizens', {
    headers,
    data: {
      name: `Borger ${lang}`, cpr: freshCpr(), gender: 'F', birthDate: '1990-01-01', originCountry: 'ER',
      arrivalDate: '2025-06-01', takeoverDate: '2025-07-01', language: lang, targetGroup: 'broad',
    },
  });
  expect(citizen.status()).toBe(201);
  const citizenId = ((await citizen.json()) as { citizen: { id: string } }).citizen.id;
  const round = await page.request.post(`/api/citizens/${citizenId}/rounds`, { headers });
  expect(round.status()).toBe(201);
  const roundId = ((await round.json()) as { round: { id: string } }).round.id;
  expect((await page.request.post(`/api/rounds/${roundId}/handover`, { headers })).status()).toBe(200);
  // The caseworker's app sends a handed-over session to the citizen's page.
  await page.goto('/');
  await page.waitForURL(/\/handover\.html#/);
  await page.getByTestId('item-text').waitFor();
  return { citizenId, roundId };
}
