// Browser steps for registering a placement from the citizen page (the UI in Danish), shared by
// the placement test and the combined placement → package test. Every user interaction goes
// through an InteractionCounter, so a test can assert how many it took.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { defaultPlannedEnd } from '../../src/domain/offers/index.ts';
import { isoFromField } from './harness.ts';

/**
 * The user's interactions, counted the way a caseworker experiences them: one per click, one per
 * keystroke sequence typed into a field (a `fill`), one per choice in a native select. Waiting,
 * reading and scrolling are not interactions.
 */
export class InteractionCounter {
  count = 0;
  readonly log: string[] = [];
  async click(locator: Locator, what: string): Promise<void> {
    this.count += 1;
    this.log.push(`click ${what}`);
    await locator.click();
  }
  async fill(locator: Locator, text: string, what: string): Promise<void> {
    this.count += 1;
    this.log.push(`type ${what}`);
    await locator.fill(text);
  }
  async select(locator: Locator, value: string, what: string): Promise<void> {
    this.count += 1;
    this.log.push(`select ${what}`);
    await locator.selectOption(value);
  }
}

export interface CompanyRow {
  id: string;
  name: string;
  cvr: string;
}

/** A company of the caller's municipality with a name of at least six letters (demo data). */
export async function someCompany(page: Page): Promise<CompanyRow> {
  const { companies } = (await page.evaluate(async () => (await fetch('/api/companies')).json())) as { companies: CompanyRow[] };
  const company = companies.find((c) => c.name.length >= 6);
  if (!company) throw new Error('the demo municipality has no companies');
  return company;
}

/**
 * On a citizen page: register a private company placement at `company` with the form's defaults,
 * counting each interaction; returns on the citizen page once the offer shows, with the start
 * and planned end the form showed (checked against offer-defaults.ts before saving).
 */
export async function registerPlacement(page: Page, company: CompanyRow, user = new InteractionCounter()): Promise<{ user: InteractionCounter; start: string; plannedEnd: string }> {
  await user.click(page.getByTestId('register-placement'), 'Registrér praktik');
  await user.fill(page.locator('input[name="company"]'), company.name.slice(0, 6), 'the start of the company name');
  await user.click(page.getByRole('option', { name: `${company.name} · CVR ${company.cvr}` }), 'the company in the list');
  expect(await page.locator('select[name="kind"]').inputValue()).toBe('praktik_private');
  const start = isoFromField(await page.locator('input[name="startDate"]').inputValue());
  const plannedEnd = isoFromField(await page.locator('input[name="plannedEnd"]').inputValue());
  expect(plannedEnd).toBe(defaultPlannedEnd('praktik_private', start));
  await user.click(page.getByTestId('save-offer'), 'Registrér');
  await page.getByTestId('offer').filter({ hasText: company.name }).waitFor();
  return { user, start, plannedEnd };
}
