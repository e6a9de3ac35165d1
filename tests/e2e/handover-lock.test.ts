// A hand-over locked by wrong take-back passwords, in the browser: after five wrong passwords
// the tablet shows the lock (in the citizen's language and in Danish) instead of the form; the
// caseworker logs in on another device, which ends the tablet's session (it shows the login).
import { describe, expect, it } from 'vitest';
import { suiteHarness, login, registerCitizen, axeViolations } from './harness.ts';

const suite = suiteHarness();

describe('locked hand-over in the browser', () => {
  it('shows the lock after five wrong take-back passwords; the caseworker’s login elsewhere ends the session', async () => {
    const tablet = await suite.page();
    await login(tablet);
    await registerCitizen(tablet, 'Parisa Karimi', 'fa');
    await tablet.getByRole('button', { name: 'Start ny måling' }).click();
    await tablet.getByRole('button', { name: /Giv til borgeren/ }).click();
    await tablet.getByTestId('item-text').waitFor();

    await tablet.getByTestId('give-back').first().click();
    const password = tablet.locator('input[name="takeback-password"]');
    const unlock = tablet.getByRole('button', { name: 'باز کردن قفل' });
    for (let i = 0; i < 5; i++) {
      await password.fill(`wrong-${i}`);
      const answered = tablet.waitForResponse((r) => r.url().endsWith('/api/auth/takeback'));
      await unlock.click();
      expect((await answered).status()).toBe(403);
      await tablet.getByRole('alert').filter({ hasText: 'رمز عبور نادرست است.' }).waitFor();
    }
    await password.fill('demo');
    await unlock.click();
    const notice = tablet.getByTestId('handover-locked');
    await notice.waitFor();
    expect(await notice.getByRole('heading').textContent()).toBe('قفل شد');
    expect(await notice.locator('[lang="da"]').textContent()).toContain('Sagsbehandleren skal logge ind igen');
    expect(await tablet.locator('input[name="takeback-password"]').count()).toBe(0);
    expect(await axeViolations(tablet)).toEqual([]);

    // Reloading keeps the lock (the questionnaire's round answers 429).
    await tablet.reload();
    await notice.waitFor();

    // The caseworker logs in on another device: the tablet's locked session ends.
    const desk = await suite.page();
    await login(desk);
    await tablet.reload();
    await tablet.locator('input[name="username"]').waitFor();
    expect(await tablet.getByTestId('handover-locked').count()).toBe(0);
  });
});
