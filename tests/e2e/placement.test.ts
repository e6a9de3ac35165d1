// Registering a company placement from the citizen page in one screen, counting the caseworker's
// interactions; then extending, ending and an outcome; the deadline banner and the timeline; the
// caseload's next-deadline column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { defaultPlannedEnd } from '../../src/domain/offers/index.ts';
import { addDays } from '../../src/domain/dates.ts';
import { formatDate } from '../../src/web/lib/dates.ts';
import { startHarness, login, registerCitizen, fieldDate, isoFromField, type Harness } from './harness.ts';
import { InteractionCounter } from './steps-placement.ts';

let h: Harness;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  ctx = await h.newContext();
  page = await ctx.newPage();
  await login(page);
});
afterAll(async () => {
  await ctx?.close();
  await h?.close();
});

interface ApiOffer { id: string; kind: string; companyId: string | null; companyName: string | null; startDate: string; plannedEnd: string | null; actualEnd: string | null; hoursPerWeek: number | null; status: string }

const citizenIdFromUrl = (p: Page) => decodeURIComponent(/#\/citizens\/([^/]+)/.exec(p.url())?.[1] ?? '');
const getJson = <T,>(p: Page, path: string) => p.evaluate(async (u) => (await fetch(u)).json(), path) as Promise<T>;

describe('placement registration in the browser', () => {
  let citizenId = '';
  let offer: ApiOffer;

  it('registers a private company placement in at most 8 interactions from the citizen page, with the right planned end', async () => {
    await registerCitizen(page, 'Hamid Rahimi', 'fa');
    citizenId = citizenIdFromUrl(page);
    // Taken over 2025-07-01 without an offer: the first-offer rules are breached, and the banner says so.
    const banner = page.getByTestId('deadline-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-state')).toBe('breached');
    expect(await page.getByTestId('deadline-first_offer_deadline').textContent()).toMatch(/overskredet med \d+ dage/);
    // The policy by its name in the UI language, never its id (issue: "2016-agreement" was shown raw).
    const policyLine = (await page.getByTestId('deadline-policy').textContent()) ?? '';
    expect(policyLine).toContain('Topartsaftalen 2016');
    expect(policyLine).not.toContain('2016-agreement');

    const { companies } = await getJson<{ companies: { id: string; name: string; cvr: string }[] }>(page, '/api/companies');
    const company = companies.find((c) => c.name.length >= 6);
    if (!company) throw new Error('the demo municipality has no companies');

    // ---- counted: from the citizen page to the saved offer ----
    const user = new InteractionCounter();
    await user.click(page.getByTestId('register-placement'), 'Registrér praktik');
    const companyInput = page.locator('input[name="company"]');
    await user.fill(companyInput, company.name.slice(0, 6), 'the start of the company name');
    await user.click(page.getByRole('option', { name: `${company.name} · CVR ${company.cvr}` }), 'the company in the list');
    // Defaults shown before saving: kind, start (today: the deadline is overdue), the planned end computed live.
    expect(await page.locator('select[name="kind"]').inputValue()).toBe('praktik_private');
    const start = isoFromField(await page.locator('input[name="startDate"]').inputValue());
    const expectedEnd = defaultPlannedEnd('praktik_private', start);
    expect(expectedEnd).toBe(addDays(start, 13 * 7 - 1));
    expect(await page.locator('input[name="plannedEnd"]').inputValue()).toBe(fieldDate(expectedEnd ?? ''));
    expect(await page.locator('input[name="hoursPerWeek"]').inputValue()).toBe('20');
    expect(await page.getByTestId('company-match').textContent()).toContain(company.cvr);
    expect(await page.getByTestId('form-deadlines').textContent()).toContain('Afslutter overskridelsen');
    await user.click(page.getByTestId('save-offer'), 'Registrér');
    const saved = page.getByTestId('offer').filter({ hasText: company.name });
    await saved.waitFor();
    // ---- end of counted steps ----
    expect(user.log).toEqual(['click Registrér praktik', 'type the start of the company name', 'click the company in the list', 'click Registrér']);
    expect(user.count).toBeLessThanOrEqual(8);

    expect(citizenIdFromUrl(page)).toBe(citizenId);
    expect(await saved.getByTestId('offer-dates').textContent()).toContain(`${formatDate(start, 'da')} – ${formatDate(expectedEnd as string, 'da')}`);
    const { offers } = await getJson<{ offers: ApiOffer[] }>(page, `/api/citizens/${citizenId}/offers`);
    expect(offers).toHaveLength(1);
    offer = offers[0] as ApiOffer;
    expect(offer).toMatchObject({ kind: 'praktik_private', companyId: company.id, companyName: company.name, startDate: start, plannedEnd: expectedEnd, hoursPerWeek: 20, status: 'active' });
    // The overdue first offer is met now: no longer in the red box, only in the line of past breaches.
    await expect.poll(() => page.getByTestId('deadline-first_offer_deadline').count()).toBe(0);
    expect(await page.getByTestId('deadline-past').textContent()).toMatch(/Første virksomhedsrettede tilbud \(frist\) \(\d+ dage over\)/);
    // The FIP round (none since the takeover) is still overdue.
    expect(await page.getByTestId('deadline-fip_round').textContent()).toMatch(/overskredet med \d+ dage/);
  });

  it('extends the placement by 13 weeks once, then ends it', async () => {
    const row = page.locator(`[data-offer-id="${offer.id}"]`);
    await row.getByRole('button', { name: 'Forlæng 13 uger' }).click();
    const extended = addDays(offer.plannedEnd as string, 91);
    await expect.poll(() => row.getByTestId('offer-dates').textContent()).toContain(formatDate(extended, 'da'));
    expect(await row.getByRole('button', { name: 'Forlæng 13 uger' }).count()).toBe(0); // once only: 26 weeks in all

    await row.getByRole('button', { name: 'Afslut', exact: true }).click();
    await row.locator('input[name="actualEnd"]').fill(fieldDate(addDays(offer.startDate, 30)));
    await row.getByRole('button', { name: 'Afslut tilbuddet' }).click();
    await expect.poll(() => row.textContent()).toContain('Afsluttet');
    const { offers } = await getJson<{ offers: ApiOffer[] }>(page, `/api/citizens/${citizenId}/offers`);
    expect(offers[0]).toMatchObject({ plannedEnd: extended, actualEnd: addDays(offer.startDate, 30), status: 'completed' });
  });

  it('records an employment outcome and shows offers, rounds and outcomes on the timeline list', async () => {
    await page.getByTestId('record-outcome').click();
    await page.locator('input[name="db07"]').fill('4711');
    await page.locator('input[name="outcomeCompany"]').fill('Netto Fredericia');
    await page.getByTestId('save-outcome').click();
    await page.getByTestId('outcome').first().waitFor();
    expect(await page.getByTestId('outcome').first().textContent()).toContain('Ordinær beskæftigelse');
    const { outcomes } = await getJson<{ outcomes: { kind: string; db07: string; sector: string; hours: number; companyName: string }[] }>(page, `/api/citizens/${citizenId}/outcomes`);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'employment', db07: '4711', sector: 'private', hours: 37, companyName: 'Netto Fredericia' })]);

    await page.locator('details summary').first().click();
    const list = page.getByTestId('timeline-list');
    await list.waitFor();
    expect(await list.getByTestId('timeline-takeover').count()).toBe(1);
    expect(await list.getByTestId('timeline-offer').count()).toBe(1);
    expect(await list.getByTestId('timeline-outcome').count()).toBe(1);
    expect(await page.getByTestId('timeline-chart').locator('svg').count()).toBe(1);
  });

  it('a placement planned to start later is named on the form as already meeting the first-offer rules', async () => {
    // A citizen taken over 3 days ago (no deadline overdue): registered through the API.
    const takeover = addDays(new Date().toISOString().slice(0, 10), -3);
    const id = await page.evaluate(async (date) => {
      const me = await (await fetch('/api/auth/me')).json();
      const body = { name: 'Lina Haddad', cpr: '010190-3003', gender: 'F', birthDate: '1990-01-01', originCountry: 'SY', arrivalDate: date, takeoverDate: date, language: 'ar', targetGroup: 'broad' };
      const res = await fetch('/api/citizens', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
      return (await res.json()).citizen.id as string;
    }, takeover);
    await page.goto(`/#/citizens/${id}`);
    expect(await page.getByTestId('deadline-banner').getAttribute('data-state')).toBe('ok');
    await page.getByTestId('register-placement').click();
    const start = addDays(takeover, 8); // in the future, within the 14-day target
    await page.locator('input[name="startDate"]').fill(fieldDate(start));
    expect(await page.getByTestId('form-summary').textContent()).toContain('Planlagt');
    expect(await page.getByTestId('form-deadlines').textContent()).toContain('Opfylder: Første virksomhedsrettede tilbud (mål)');
    await page.locator('input[name="company"]').fill('Testfirma uden CVR');
    expect(await page.getByTestId('company-match').textContent()).toContain('Ikke i registret');
    await page.getByTestId('save-offer').click();
    await page.getByTestId('offer').filter({ hasText: 'Testfirma uden CVR' }).waitFor();
    const { offers } = await getJson<{ offers: ApiOffer[] }>(page, `/api/citizens/${id}/offers`);
    expect(offers).toEqual([expect.objectContaining({ status: 'planned', startDate: start, companyId: null, companyName: 'Testfirma uden CVR' })]);

    await page.getByTestId('register-placement').click();
    await expect.poll(() => page.getByTestId('form-deadlines').textContent()).toContain('Allerede planlagt: Virksomhedspraktik, privat – Testfirma uden CVR');

    // A programme end: the deadlines stop running, on the citizen page as in the caseload.
    await page.goto(`/#/citizens/${id}`);
    await page.getByTestId('record-outcome').click();
    await page.locator('select[name="outcomeKind"]').selectOption('programme_end');
    await page.getByTestId('save-outcome').click();
    await expect.poll(() => page.getByTestId('deadline-banner').getAttribute('data-state')).toBe('exited');
    expect(await page.getByTestId('deadline-banner').textContent()).toContain('Programmet afsluttet');
    const { citizens } = await getJson<{ citizens: { id: string; nextDeadline: unknown }[] }>(page, '/api/citizens');
    expect(citizens.find((c) => c.id === id)?.nextDeadline).toBeNull();
  });

  it('shows the citizen in the caseload with the next deadline', async () => {
    await page.goto('/#/');
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Hamid Rahimi' }) });
    await row.waitFor();
    const cell = row.getByTestId('next-deadline');
    // No FIP round since the takeover (2025-07-01): that open breach is the one to act on first.
    expect(await cell.getAttribute('data-rule')).toBe('fip_round');
    expect(await cell.getAttribute('data-state')).toBe('breached');
    expect(await cell.textContent()).toMatch(/FIP-måling.*dage over/);
  });
});
