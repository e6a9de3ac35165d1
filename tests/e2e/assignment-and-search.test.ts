// The caseworker's own caseload and the user administration in the browser (decision 026): a
// caseworker sees their own citizens by default, switches to the municipality, searches by name and
// by the CPR's last four digits (which never reach a URL: neither the address nor a request's),
// filters by target group and keeps the filter over a reload through the address; a manager sees
// the caseload per caseworker; the administrator creates a user (one-time password shown once) and
// deactivates it, after which it cannot sign in. Zero axe violations; screenshots at 1280 and 360 px
// in /tmp/shots-15a/.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, loadingEnded, login, suiteHarness } from './harness.ts';

const suite = suiteHarness();
const SHOTS = '/tmp/shots-15a';
mkdirSync(SHOTS, { recursive: true });

interface Row {
  id: string;
  name: string;
  targetGroup?: string;
  caseworker: { name: string } | null;
}

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await (await fetch(p)).json()) as T, path) as Promise<T>;
}

/** The names in the visible caseload (table at 1280 px, cards at 360 px). */
async function shownNames(page: Page): Promise<string[]> {
  await loadingEnded(page);
  const rows = page.locator('[data-testid="caseload-row"]:visible a, [data-testid="caseload-card"]:visible a');
  return (await rows.allTextContents()).map((s) => s.trim()).sort();
}

/** Waits until the list shows exactly these names (the search is debounced, so a count alone can match too early). */
async function waitForNames(page: Page, names: string[]): Promise<void> {
  await expect.poll(() => shownNames(page), { timeout: 10_000 }).toEqual([...names].sort());
}

async function waitForCount(page: Page, total: number): Promise<void> {
  await expect.poll(async () => (await page.getByTestId('caseload-count').textContent({ timeout: 2_000 }).catch(() => '')) ?? '', { timeout: 10_000 }).toMatch(new RegExp(`af ${total}$`));
}

describe('my caseload: assignment, search and filters', () => {
  it('a caseworker sees their own by default, switches to all, searches by name and last four digits, filters, and the filter survives a reload', { timeout: 120_000 }, async () => {
    const page = await suite.page({ width: 1280, height: 900 });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page);
    // A citizen with a known CPR, registered by this caseworker (so theirs).
    const created = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/citizens', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'Zahra Søgbar', cpr: '010190-7391', gender: 'F', originCountry: 'AF', arrivalDate: '2025-06-01', takeoverDate: '2025-07-01', language: 'fa', targetGroup: 'selected' }),
      });
      return res.status;
    });
    expect(created).toBe(201);
    await page.reload();
    const mine = await api<{ citizens: Row[]; total: number }>(page, '/api/citizens?scope=mine&pageSize=50');
    const all = await api<{ citizens: Row[]; total: number }>(page, '/api/citizens?scope=all&pageSize=50');
    expect(mine.total).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThan(mine.total);

    // Mine by default: exactly the caseworker's own.
    await waitForCount(page, mine.total);
    expect(await shownNames(page)).toEqual(mine.citizens.map((c) => c.name).sort());
    expect(await axeViolations(page)).toEqual([]);

    // The whole municipality, through the switch; the scope goes into the address.
    await page.getByTestId('caseload-scope').getByText('Hele kommunen').click();
    await waitForCount(page, all.total);
    expect(await shownNames(page)).toEqual(all.citizens.map((c) => c.name).sort());
    expect(page.url()).toContain('scope=all');

    // By part of a name.
    const someone = all.citizens.find((c) => c.name !== 'Zahra Søgbar') ?? all.citizens[0]!;
    const part = someone.name.split(' ').at(-1)!.slice(0, 4);
    await page.locator('input[name="search"]').fill(part);
    const byName = all.citizens.filter((c) => c.name.toLowerCase().includes(part.toLowerCase())).map((c) => c.name).sort();
    await waitForNames(page, byName);
    await waitForCount(page, byName.length);

    // By the CPR's last four digits: exactly that citizen.
    await page.locator('input[name="search"]').fill('7391');
    await waitForNames(page, ['Zahra Søgbar']);
    await waitForCount(page, 1);
    expect(await axeViolations(page)).toEqual([]);
    // Neither the address nor any request carried the digits or the name searched for.
    expect(page.url()).not.toContain('7391');
    expect(requested.filter((u) => u.includes('7391') || u.includes(encodeURIComponent(part)))).toEqual([]);

    // A target group filter, kept in the address and over a reload (the search is not kept).
    await page.locator('input[name="search"]').fill('');
    await page.locator('select[name="targetGroup"]').selectOption('selected');
    const selected = await api<{ citizens: Row[]; total: number }>(page, '/api/citizens?scope=all&targetGroup=selected&pageSize=50');
    await waitForNames(page, selected.citizens.map((c) => c.name));
    await waitForCount(page, selected.total);
    expect(page.url()).toContain('targetGroup=selected');
    await page.screenshot({ path: `${SHOTS}/caseload-filters-1280.png`, fullPage: true });
    await page.reload();
    await waitForCount(page, selected.total);
    expect(await page.locator('select[name="targetGroup"]').inputValue()).toBe('selected');
    expect(await shownNames(page)).toEqual(selected.citizens.map((c) => c.name).sort());
    expect(await page.locator('input[name="search"]').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    // Assign Zahra to no one: she leaves "mine" (and the change is what the list shows).
    await page.getByRole('button', { name: 'Tildel Zahra Søgbar' }).click();
    await page.getByTestId('assign-panel').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('select[name="caseworkerId"]').selectOption('');
    await page.getByTestId('assign-panel').locator('button[type="submit"]').click();
    await page.getByText('Tildelingen er gemt.').waitFor();
    const after = await api<{ citizens: Row[] }>(page, '/api/citizens?scope=unassigned&pageSize=50');
    expect(after.citizens.map((c) => c.name)).toContain('Zahra Søgbar');
    expect(await axeViolations(page)).toEqual([]);
    // No page error on the way (an effect that returned scrollIntoView's promise blanked the page once).
    expect(errors).toEqual([]);
  });

  it('the caseload with filters at 360 px: cards, no horizontal scroll, zero axe violations', { timeout: 60_000 }, async () => {
    const page = await suite.page({ width: 360, height: 780 });
    await login(page);
    await page.goto('/#/?scope=all&deadline=breached');
    await loadingEnded(page);
    await page.getByTestId('caseload-count').or(page.getByTestId('caseload-empty')).first().waitFor();
    expect(await page.locator('select[name="deadline"]').inputValue()).toBe('breached');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/caseload-filters-360.png`, fullPage: true });
  });

  it('a manager sees the caseload per caseworker, and a row filters the list to them', { timeout: 60_000 }, async () => {
    const page = await suite.page({ width: 1280, height: 900 });
    await login(page, 'manager@607');
    await page.getByTestId('caseload-overview').getByTestId('overview-row').first().waitFor();
    const overview = await api<{ rows: { caseworker: { name: string } | null; citizens: number }[] }>(page, '/api/caseload/overview');
    const mette = overview.rows.find((r) => r.caseworker?.name.startsWith('Mette'));
    expect(mette?.citizens).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Vis borgere for ${mette?.caseworker?.name ?? ''}` }).click();
    await waitForCount(page, mette?.citizens ?? -1);
    expect(page.url()).toContain('caseworkerId=');
    await page.screenshot({ path: `${SHOTS}/caseload-manager-1280.png`, fullPage: true });
  });
});

describe('users and roles', () => {
  it('the administrator creates a user (one-time password shown once) and deactivates it; it cannot sign in', { timeout: 120_000 }, async () => {
    const page = await suite.page({ width: 1280, height: 900 });
    await login(page, 'admin');
    await page.locator('header').getByRole('link', { name: 'Brugere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brugere og roller' }).waitFor();
    await loadingEnded(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('input[name="username"]').fill('ny@607');
    await page.locator('input[name="displayName"]').fill('Nanna Nyansat');
    await page.locator('select[name="role"]').first().selectOption('caseworker');
    await page.locator('select[name="municipalityCode"]').first().selectOption('607');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    const password = (await page.getByTestId('one-time-password-value').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[a-z2-9]{14}$/);
    const row = page.locator('[data-testid="user-row"][data-username="ny@607"]');
    await row.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/admin-users-1280.png`, fullPage: true });

    // The password works once given; after deactivation it does not.
    const other = await suite.page();
    const signIn = async () => (await other.request.post('/api/auth/login', { data: { username: 'ny@607', password } })).status();
    expect(await signIn()).toBe(200);
    await row.getByRole('button', { name: 'Deaktivér Nanna Nyansat' }).click();
    await page.getByTestId('user-action').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('user-action').locator('button[type="submit"]').click();
    await page.getByText('Nanna Nyansat er deaktiveret.').waitFor();
    await expect.poll(async () => row.textContent()).toContain('Deaktiveret');
    expect(await signIn()).toBe(401);
    // The hidden password is gone from the page once hidden.
    await page.getByRole('button', { name: /skjul/ }).click().catch(() => undefined);
    expect(await page.getByTestId('one-time-password-value').count()).toBe(0);
  });

  it('the users page at 360 px: cards, no horizontal scroll, zero axe violations', { timeout: 60_000 }, async () => {
    const page = await suite.page({ width: 360, height: 780 });
    await login(page, 'admin');
    await page.goto('/#/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Brugere og roller' }).waitFor();
    await loadingEnded(page);
    await page.getByTestId('user-card').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/admin-users-360.png`, fullPage: true });
  });
});
