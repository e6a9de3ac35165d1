// Dates the Danish way and a registration that checks itself (issue 15, items 3 and 4), in
// Danish and Arabic: a date typed in the language's way (dd-mm-åååå in Danish) and one picked in
// the calendar with the keyboard only; the birth date shown as the CPR number gives it, not
// asked; an arrival after the take-over and an empty language refused at their fields, in the UI
// language, before anything is sent; a birth date that contradicts the CPR, if a client sent
// one, refused by the server at its field; zero axe violations with the calendar open and with
// the errors shown. The calendar's month names in da, ar and ti at 360 and 1280 px.
// DATES_SHOTS=dir saves screenshots of the form and the open calendar there.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { suiteHarness, login, chooseSelect, fieldDate, isoFromField, axeViolations as violations } from './harness.ts';

const suite = suiteHarness();

const STRINGS = {
  da: {
    arrivalAfterTakeover: 'Ankomsten skal ligge på eller før kommunens overtagelse.',
    chooseLanguage: 'Vælg sprog',
    noSuchDate: 'Den dato findes ikke.',
    birthDateContradicts: 'Fødselsdatoen passer ikke med CPR-nummeret.',
    openPicker: 'Vælg dato i kalenderen',
    december: 'december',
    months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  },
  ar: {
    arrivalAfterTakeover: 'يجب أن يكون الوصول في يوم تسلّم البلدية للملف أو قبله.',
    chooseLanguage: 'اختر اللغة',
    noSuchDate: 'هذا التاريخ غير موجود.',
    birthDateContradicts: 'تاريخ الميلاد لا يطابق رقم CPR.',
    openPicker: 'اختر التاريخ من التقويم',
    december: 'ديسمبر',
    months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  },
  ti: { openPicker: 'ዕለት ካብ ዓውደ ኣዋርሕ ምረጽ', december: 'ታሕሳስ' },
} as const;

const shots = process.env.DATES_SHOTS;
const shot = async (page: Page, name: string) => {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

/** The field's error text, found the way a screen reader finds it (aria-describedby). */
async function fieldError(page: Page, selector: string): Promise<string> {
  const field = page.locator(selector);
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.includes('error'));
  expect(ids).toHaveLength(1);
  return (await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '';
}

/** Today in the browser (the calendar's "today"), as YYYY-MM-DD. */
const browserToday = (page: Page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

let cprSerial = 2100;

describe.each(['da', 'ar'] as const)('registration in %s', (lang) => {
  const s = STRINGS[lang];

  it('types one date, picks the other with the keyboard, derives the birth date, refuses arrival after take-over and an empty language at their fields', async () => {
    const page = await suite.page({ lang, width: 1280, height: 900 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/citizens')) posts.push(r.postData() ?? ''); });
    await login(page);
    await page.goto('/#/citizens/new');
    const name = `Datoer ${lang}`;
    await page.locator('input[name="name"]').fill(name);
    cprSerial += 1;
    await page.locator('input[name="cpr"]').pressSequentially(`150392-${cprSerial}`);
    // The birth date is shown as the CPR number gives it (7th digit 2: the 1900s), and cannot be typed.
    const birth = page.locator('input[name="birthDate"]');
    await expect.poll(() => birth.inputValue()).toBe(fieldDate('1992-03-15', lang));
    expect(await birth.getAttribute('readonly')).not.toBeNull();
    // Language and origin start empty: nothing chosen for the caseworker.
    expect(await page.locator('select[name="language"]').inputValue()).toBe('');
    expect(await page.locator('select[name="originCountry"]').inputValue()).toBe('');
    await chooseSelect(page, 'originCountry', 'ER');

    // The take-over picked in the calendar with the keyboard: the button, Enter, a week back, Enter.
    const takeoverButton = page.getByRole('button', { name: s.openPicker }).nth(1);
    await takeoverButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.locator('table').waitFor();
    // The focus is on a day of the calendar (today: no date chosen yet), ready for the arrow keys.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"] table') !== null && document.activeElement?.tagName === 'BUTTON')).toBe(true);
    const thisMonth = Number((await browserToday(page)).slice(5, 7)) - 1;
    expect(await dialog.textContent()).toContain(s.months[thisMonth]);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const takeover = addDays(await browserToday(page), -7);
    expect(await page.locator('input[name="takeoverDate"]').inputValue()).toBe(fieldDate(takeover, lang));
    // The focus is back on the calendar button of the field it filled (the dialog pattern).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-date-picker-button'))).toBe('takeoverDate');

    // A day that does not exist, typed: the field says so when left.
    const arrival = page.locator('input[name="arrivalDate"]');
    await arrival.pressSequentially(lang === 'da' ? '31-02-2025' : '31/02/2025');
    await arrival.blur();
    expect(await fieldError(page, 'input[name="arrivalDate"]')).toBe(s.noSuchDate);
    // The arrival typed the language's way, one day after the take-over.
    await arrival.fill('');
    await arrival.pressSequentially(fieldDate(addDays(takeover, 1), lang));
    await page.getByRole('button', { name: lang === 'da' ? 'Opret' : 'تسجيل', exact: true }).click();
    expect(await fieldError(page, 'input[name="arrivalDate"]')).toBe(s.arrivalAfterTakeover);
    expect(await fieldError(page, 'select[name="language"]')).toBe(s.chooseLanguage);
    // The first field in error has the focus; nothing was sent.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('arrivalDate');
    expect(posts).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await shot(page, `register-errors-${lang}-1280`);

    // Fixed: the arrival 30 days before the take-over, a language chosen; registered.
    await arrival.fill('');
    await arrival.pressSequentially(fieldDate(addDays(takeover, -30), lang));
    await chooseSelect(page, 'language', 'ti');
    await page.getByRole('button', { name: lang === 'da' ? 'Opret' : 'تسجيل', exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(posts).toHaveLength(1);
    const sent = JSON.parse(posts[0] as string) as Record<string, unknown>;
    expect(sent).not.toHaveProperty('birthDate');
    expect(sent).toMatchObject({ arrivalDate: addDays(takeover, -30), takeoverDate: takeover, language: 'ti', originCountry: 'ER' });
    const id = decodeURIComponent(/#\/citizens\/([^/]+)/.exec(page.url())?.[1] ?? '');
    const { citizen } = (await page.evaluate(async (u) => (await fetch(u)).json(), `/api/citizens/${id}`)) as { citizen: Record<string, string> };
    expect(citizen).toMatchObject({ birthDate: '1992-03-15', arrivalDate: addDays(takeover, -30), takeoverDate: takeover, language: 'ti', originCountry: 'ER' });
    expect(isoFromField(fieldDate(takeover, lang), lang)).toBe(takeover);
    expect(pageErrors).toEqual([]);
  });

  it('shows the server\'s refusal of a birth date that contradicts the CPR number at the birth date field', async () => {
    const page = await suite.page({ lang, width: 360, height: 800 });
    await login(page);
    // A client that sends a birth date of its own (the 010170-xxxx with 06-06-1995).
    await page.route('**/api/citizens', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      return route.continue({ postData: JSON.stringify({ ...body, birthDate: '1995-06-06' }) });
    });
    await page.goto('/#/citizens/new');
    await page.locator('input[name="name"]').fill(`Modstrid ${lang}`);
    cprSerial += 1;
    await page.locator('input[name="cpr"]').fill(`010170-${cprSerial}`);
    await expect.poll(() => page.locator('input[name="birthDate"]').inputValue()).toBe(fieldDate('1970-01-01', lang));
    await chooseSelect(page, 'originCountry', 'SY');
    await page.locator('input[name="arrivalDate"]').fill(fieldDate('2025-06-01', lang));
    await page.locator('input[name="takeoverDate"]').fill(fieldDate('2025-07-01', lang));
    await chooseSelect(page, 'language', 'ar');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/citizens') && r.request().method() === 'POST');
    await page.locator('form button[type="submit"]').click();
    expect((await answer).status()).toBe(400);
    expect(await fieldError(page, 'input[name="birthDate"]')).toBe(s.birthDateContradicts);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await violations(page)).toEqual([]);
  });
});

describe('the calendar in the UI language', () => {
  for (const lang of ['da', 'ar', 'ti'] as const) {
    for (const width of [360, 1280]) {
      it(`${lang} at ${width} px: month names in ${lang}, fits the screen, no axe violations`, async () => {
        const page = await suite.page({ lang, width, height: 900 });
        await login(page);
        await page.goto('/#/citizens/new');
        await page.locator('input[name="cpr"]').fill('150392-2001');
        await shot(page, `register-${lang}-${width}`);
        await page.locator('input[name="takeoverDate"]').fill(fieldDate('2026-12-07', lang));
        await page.getByRole('button', { name: STRINGS[lang].openPicker }).nth(1).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('table').waitFor();
        expect(await dialog.textContent()).toContain(STRINGS[lang].december);
        const box = await dialog.boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(await violations(page)).toEqual([]);
        await shot(page, `picker-${lang}-${width}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      });
    }
  }
});
