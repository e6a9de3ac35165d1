// Companies in the browser: a company consultant registers a company (an invalid CVR first: the
// server's error shows at the CVR field), picks its DB07 industry, adds a labour need on the
// company page, and sees the slots counted on the demand page; axe-core finds no violations on
// the companies, company and demand pages in Danish and Arabic.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cvrChecksum } from '../../src/domain/companies/index.ts';
import { suiteHarness, login, chooseSelect, axeViolations as violations } from './harness.ts';

const suite = suiteHarness();

async function pageFor(opts: { width?: number; lang?: string } = {}): Promise<Page> {
  return suite.page(opts);
}

/** A CVR with a valid modulus-11 check digit made from a 7-digit prefix. */
function validCvr(prefix: string): string {
  const check = (11 - cvrChecksum(`${prefix}0`)) % 11;
  if (check === 10) throw new Error(`no check digit for ${prefix}`);
  return `${prefix}${check}`;
}

async function shownTotal(page: Page, db07: string): Promise<number> {
  const row = page.locator(`[data-testid="demand-table"] tr[data-db07="${db07}"]`);
  await page.getByTestId('demand-table').waitFor();
  if ((await row.count()) === 0) return 0;
  return Number(await row.getByTestId('demand-total').innerText());
}

async function demandTotal(page: Page, db07: string): Promise<number> {
  await page.goto('/#/demand');
  return shownTotal(page, db07);
}

/** The demand page first shows the cached report while it refetches: wait for the fresh number. */
async function expectDemandTotal(page: Page, db07: string, expected: number): Promise<void> {
  await page.goto('/#/demand');
  await expect.poll(() => shownTotal(page, db07), { timeout: 10_000 }).toBe(expected);
}

describe('companies and demand', () => {
  it('registers a company (CVR error at the field first), adds a need and sees it on the demand page', async () => {
    const page = await pageFor({ lang: 'da' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, 'company@607');
    await page.getByRole('link', { name: 'Virksomheder', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Virksomheder' }).waitFor();
    const before = await demandTotal(page, '52.10');
    expect(before).toBeGreaterThan(0); // the demo's warehouse companies

    await page.goto('/#/companies');
    await page.getByRole('button', { name: 'Registrér virksomhed' }).click();
    await page.locator('input[name="cvr"]').fill('12345678');
    await page.locator('input[name="name"]').fill('Testlageret ApS');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    const cvr = page.locator('input[name="cvr"]');
    await page.getByText('Ugyldigt CVR-nummer: 8 cifre, der består kontrollen.').waitFor();
    expect(await cvr.getAttribute('aria-invalid')).toBe('true');
    // The error is the CVR field's own description for screen readers.
    const describedBy = (await cvr.getAttribute('aria-describedby')) ?? '';
    const described = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
    expect(described).toContain('Ugyldigt CVR-nummer');

    await cvr.fill(validCvr('3141592'));
    await page.getByPlaceholder('Søg efter branche eller kode').fill('Oplag');
    await page.getByRole('option', { name: '52.10 · Oplagring' }).click();
    await page.locator('input[name="address"]').fill('Havnevej 1, 7000 Fredericia');
    await page.locator('input[name="contactName"]').fill('Ida Lund');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Testlageret ApS' }).waitFor();
    await page.getByText('52.10 · Oplagring').first().waitFor();
    await page.getByText('Ingen behov registreret.').waitFor();

    await chooseSelect(page, 'kind', 'job');
    await page.locator('input[name="slots"]').fill('4');
    await page.getByRole('button', { name: 'Gem behov' }).click();
    await page.getByTestId('needs-table').getByRole('cell', { name: 'Job' }).waitFor();
    await page.getByText('4 ledige pladser').waitFor();

    await expectDemandTotal(page, '52.10', before + 4);
    await page.locator('tr[data-db07="52.10"]').getByRole('link', { name: 'Testlageret ApS' }).waitFor();

    // Closing the need takes it out of the demand again.
    await page.goto('/#/companies');
    await page.getByRole('link', { name: 'Testlageret ApS' }).click();
    await page.getByRole('button', { name: 'Luk' }).click();
    await page.getByTestId('needs-table').getByText(/^Lukket/).waitFor();
    await expectDemandTotal(page, '52.10', before);
    expect(pageErrors).toEqual([]);
  });

  for (const lang of ['da', 'ar']) {
    it(`companies, company and demand pages have no axe violations (${lang})`, async () => {
      const page = await pageFor({ lang });
      await login(page, 'company@607');
      await page.goto('/#/companies');
      await page.getByTestId('companies-table').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await violations(page)).toEqual([]);
      await page.getByTestId('companies-table').getByRole('link').first().click();
      await page.locator('form[aria-labelledby="add-need-title"]').waitFor();
      expect(await violations(page)).toEqual([]);
      await page.goto('/#/demand');
      await page.getByTestId('demand-table').waitFor();
      await page.getByTestId('demand-chart').locator('svg').waitFor();
      expect(await violations(page)).toEqual([]);
    });
  }
});
