// The evaluator page end to end: evaluator@607 uploads small simulated register files, follows
// the run to the end and sees the results table with its download links; a caseworker has no
// evaluation entry.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { simulate } from '../../src/evaluation/simulation/generate.ts';
import { axeViolations, startHarness, type Harness } from './harness.ts';

let h: Harness;
let ctx: BrowserContext;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'jobvej-e2e-eval-'));

beforeAll(async () => {
  const persons: string[] = [];
  const weeks: string[] = ['person_id,week,status\n'];
  simulate({ persons: 600, weeks: 140, seed: 5 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
  writeFileSync(join(files, 'persons.csv'), `${persons.join('\n')}\n`);
  writeFileSync(join(files, 'weeks.csv'), weeks.join(''));
  h = await startHarness();
  ctx = await h.newContext({ lang: 'en' });
  page = await ctx.newPage();
});
afterAll(async () => {
  await ctx?.close();
  await h?.close();
  rmSync(files, { recursive: true, force: true });
});

async function loginAs(p: Page, username: string): Promise<void> {
  await p.goto('/');
  await p.locator('input[name="username"]').fill(username);
  await p.locator('input[name="password"]').fill('demo');
  await p.locator('form button[type="submit"]').click();
}

describe('evaluator page in the browser', () => {
  it('evaluator@607 uploads persons.csv and weeks.csv and sees the results table', async () => {
    await loginAs(page, 'evaluator@607');
    await page.getByRole('heading', { level: 1, name: 'Impact evaluations' }).waitFor();
    const inputs = page.locator('input[type="file"]');
    await inputs.nth(0).setInputFiles(join(files, 'persons.csv'));
    await inputs.nth(1).setInputFiles(join(files, 'weeks.csv'));
    // Each chosen file has a clear button that says what it clears (it had no name).
    await expect.poll(() => page.getByRole('button', { name: /^Remove chosen file: / }).count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Difference-in-differences' }).uncheck();
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    const table = page.getByRole('table').filter({ has: page.locator('caption') });
    await table.waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/#\/evaluations\/[0-9a-f-]{36}$/);
    const rows = table.locator('tbody tr');
    // Employment by default: (all, women, men) × (naive, psm, ipw, aipw).
    await expect.poll(() => rows.count()).toBe(12);
    await expect.poll(() => table.innerText()).toMatch(/Propensity score matching/);
    expect(await table.innerText()).toMatch(/\d+\.\d%/);
    for (const name of ['Download JSON', 'Download CSV', 'Open the full report']) {
      expect(await page.getByRole('link', { name }).getAttribute('href')).toMatch(/^\/api\/evaluations\/[0-9a-f-]{36}\/(result\.json|result\.csv|report\.html)$/);
    }
    // Warnings are written from their codes in the UI language (600 persons: small subgroups), not as the CLI's English sentence.
    const warnings = page.getByRole('status').filter({ has: page.getByRole('list') });
    await expect.poll(() => warnings.innerText()).toMatch(/only \d+ participants, so the estimates are uncertain/);
    expect(await warnings.locator('li[lang="en"]').count()).toBe(0);
    const json = await page.evaluate(async (href) => (await fetch(href ?? '')).json(), await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href'));
    expect(Object.keys(json as object)).toEqual(expect.arrayContaining(['jobvej_version', 'input', 'design', 'results', 'by_period', 'balance', 'warnings']));
  });

  it('the finished run in Arabic on a 360 px phone: warnings and results in Arabic, right to left, no axe violations', async () => {
    const url = page.url();
    const phone = await h.newContext({ lang: 'ar', width: 360, height: 780 });
    const p = await phone.newPage();
    await loginAs(p, 'evaluator@607');
    await p.goto(url);
    await p.getByRole('table').filter({ has: p.locator('caption') }).waitFor({ timeout: 60_000 });
    const warnings = p.getByRole('status').filter({ has: p.getByRole('list') });
    await expect.poll(() => warnings.innerText()).toMatch(/فترات ثقة واسعة/);
    expect(await warnings.locator('li[lang="en"]').count()).toBe(0);
    expect(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await axeViolations(p)).toEqual([]);
    await phone.close();
  });

  it('a caseworker sees no evaluations entry', async () => {
    const other = await h.newContext({ lang: 'en' });
    const p = await other.newPage();
    await loginAs(p, 'caseworker@607');
    await p.locator('a[href="#/citizens/new"]').waitFor();
    expect(await p.locator('a[href="#/evaluations"]').count()).toBe(0);
    await other.close();
  });
});
