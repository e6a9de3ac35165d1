// Municipal sign-in in the browser (decision 032): the login page's "Log ind med <IdP>" button, the
// local oidc-provider's sign-in and consent pages, back in jobvej signed in as the provisioned
// user with the role of their group; logging out ends the IdP's session too and lands on the login
// page. A refusal (a group that gives no role) shows its message in Danish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadingEnded, startHarness, type Harness } from './harness.ts';
import { CLIENT_ID, CLIENT_SECRET, freePort, startTestIdp, type TestIdp } from '../support/oidc-provider.ts';
import { parseOidcFile } from '../../src/server/platform/auth/oidc/config.ts';

describe('sign-in with the municipality’s identity provider', () => {
  let idp: TestIdp;
  let h: Harness;
  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await startTestIdp({
      redirectUris: [`${base}/api/auth/oidc/fredericia/callback`],
      postLogoutRedirectUris: [`${base}/`],
      accounts: {
        mette: { name: 'Mette Sagsbehandler', preferred_username: 'mette', groups: ['jobvej-sagsbehandlere'] },
        ole: { name: 'Ole Uden Gruppe', preferred_username: 'ole', groups: ['andet'] },
      },
    });
    const file = {
      providers: [
        {
          id: 'fredericia',
          label: 'Fredericia Kommune',
          issuer: idp.issuer,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUri: `${base}/api/auth/oidc/fredericia/callback`,
          postLogoutRedirectUri: `${base}/`,
          scope: 'openid profile groups',
          municipality: { code: '607' },
          roles: [{ group: 'jobvej-sagsbehandlere', role: 'caseworker' }],
        },
      ],
    };
    h = await startHarness({ port, signIn: { providers: parseOidcFile(JSON.stringify(file), {}), localLogin: 'all' } });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await idp?.close();
  });

  async function signInAt(page: Page, login: string) {
    await page.goto('/');
    await page.getByRole('link', { name: 'Log ind med Fredericia Kommune' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    // The provider's consent page on a first sign-in.
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
  }

  it('signs in, shows the provisioned caseworker, and logs out at the IdP', async () => {
    const ctx = await h.newContext({ lang: 'da' });
    const page = await ctx.newPage();
    await signInAt(page, 'mette');
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Mette Sagsbehandler');
    await loadingEnded(page);
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    expect(me.user).toMatchObject({ username: 'fredericia:mette', role: 'caseworker', municipalityCode: '607' });

    await page.getByRole('button', { name: 'Log ud' }).click();
    // The IdP's logout confirmation (its own page), then back to jobvej's login page.
    await page.waitForURL(`${idp.issuer}/**`);
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.getByRole('link', { name: 'Log ind med Fredericia Kommune' }).waitFor();
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
    await ctx.close();
  });

  it('shows why a sign-in was refused', async () => {
    const ctx = await h.newContext({ lang: 'da' });
    const page = await ctx.newPage();
    await signInAt(page, 'ole');
    await expect.poll(() => page.getByTestId('sign-in-refused').textContent()).toBe('Din bruger er ikke i en gruppe, der giver adgang til jobvej. Kontakt din leder.');
    await ctx.close();
  });
});
