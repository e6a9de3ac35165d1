// A manager opens a citizen and sees who has looked at the citizen's data — staff names, roles
// and actions in the UI language, no codes — and downloads the data-subject export; in Danish
// and Arabic, wide and on a 360 px phone, with zero axe violations. A caseworker sees neither.
import { describe, expect, it } from 'vitest';
import { suiteHarness, login, axeViolations } from './harness.ts';

const suite = suiteHarness();

describe('who looked at this citizen', () => {
  for (const lang of ['da', 'ar']) {
    for (const width of [1280, 360]) {
      it(`a manager sees the access log and can download the export (${lang}, ${width} px)`, async () => {
        const page = await suite.page({ lang, width, height: 900 });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
        });
        await login(page, 'manager@607');
        const first = width < 576 ? page.getByTestId('caseload-cards').locator('a').first() : page.locator('table a').first();
        await first.click();
        const log = page.getByTestId('access-log');
        await log.locator('tbody tr').first().waitFor();
        const text = await log.innerText();
        // Staff names from the demo users, and no raw action codes, roles or ids.
        expect(text).toMatch(/Hanne Juul|Sagsbehandler|موظف الحالة|المدير|Leder/);
        expect(text).not.toMatch(/citizen\.(view|list)|access\.denied|caseworker|[0-9a-f]{8}-[0-9a-f]{4}/);
        expect(await axeViolations(page)).toEqual([]);

        const href = await page.getByTestId('citizen-export').getAttribute('href');
        expect(href).toMatch(/^\/api\/citizens\/[^/]+\/export$/);
        const res = await page.request.get(href ?? '');
        expect(res.status()).toBe(200);
        const body = (await res.json()) as { citizen: { name: string }; accessLog: { action: string }[] };
        expect(body.citizen.name).not.toBe('');
        expect(body.accessLog.some((e) => e.action === 'citizen.view')).toBe(true);
        expect(errors).toEqual([]);
      });
    }
  }

  it('a caseworker sees neither the log nor the export', async () => {
    const page = await suite.page({ lang: 'da', width: 1280, height: 900 });
    await login(page);
    await page.locator('table a').first().click();
    await page.getByTestId('deadline-banner').waitFor();
    expect(await page.getByTestId('access-log').count()).toBe(0);
    expect(await page.getByTestId('citizen-export').count()).toBe(0);
  });
});
