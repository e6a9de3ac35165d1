// The Done-when as one browser flow: a caseworker registers a company placement for a
// citizen (counted, ≤ 8 interactions), enrols the citizen in an industry package, signs off a
// module's goals, sees the gate block on an unmet goal, moves the citizen on (and once by an
// audited override); the citizen's timeline then shows the placement and the package modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { formatDate } from '../../src/web/lib/dates.ts';
import { startHarness, login, registerCitizen, type Harness, axeViolations as violations } from './harness.ts';
import { registerPlacement, someCompany } from './steps-placement.ts';
import { packageGateScenario } from './steps-packages.ts';

let h: Harness;
let ctx: BrowserContext;
const consoleErrors: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  ctx = await h.newContext({ lang: 'da' });
});
afterAll(async () => {
  await ctx?.close();
  await h?.close();
});

describe('placement, then industry package', () => {
  it('registers a placement, then signs off goals, is blocked at the gate, advances, and shows it all on the timeline', async () => {
    const page = await ctx.newPage();
    page.on('console', (m) => {
      // Chromium logs 4xx responses (the 401 before login, the expected 409 gate_blocked and 400 blank reason).
      if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) consoleErrors.push(m.text());
    });
    await login(page);
    await registerCitizen(page, 'Samira Osman', 'so');
    const citizenUrl = page.url();
    const company = await someCompany(page);
    const { user, plannedEnd } = await registerPlacement(page, company);
    expect(user.count).toBeLessThanOrEqual(8);
    expect(user.count).toBe(4);

    await packageGateScenario(page, 'Samira Osman', violations);

    await page.goto(citizenUrl);
    await page.getByTestId('timeline-chart').locator('svg').waitFor();
    await page.locator('details summary').first().click();
    const list = page.getByTestId('timeline-list');
    await list.waitFor();
    await expect.poll(() => list.getByTestId('timeline-module').count()).toBe(3);
    const modules = await list.getByTestId('timeline-module').allTextContents();
    expect(modules[1]).toContain('startet ved dispensation'); // module 2 was left by the override
    expect(await list.getByTestId('timeline-module').first().locator('a').getAttribute('href')).toMatch(/^#\/packages\/[0-9a-f-]{36}$/);
    const offerItem = await list.getByTestId('timeline-offer').textContent();
    expect(offerItem).toContain(company.name);
    expect(offerItem).toContain(formatDate(plannedEnd, 'da'));
    expect(consoleErrors).toEqual([]);
  });
});
