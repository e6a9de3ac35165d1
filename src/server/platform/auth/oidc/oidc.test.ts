// Municipal sign-in end to end (decision 032): a local oidc-provider on a random port, jobvej on
// real ports (two apps on one database: the flow begun on one finishes on the other), real
// redirects followed by a cookie-keeping client; provisioning, roles from groups, audit, the
// RP-initiated logout, every refusal a redirect naming it (never a 5xx), the local sign-in policy.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.ts';
import { createTestDatabase, databases, type TestDatabase } from '../../db/testing.ts';
import { ANONYMOUS, withTenant } from '../../db/tenant.ts';
import { hashPassword } from '../passwords.ts';
import { checkedSettings, parseOidcFile, type SignInSettings } from './config.ts';
import { CLIENT_ID, CLIENT_SECRET, TestBrowser, freePort, signInAtIdp, startTestIdp, type TestIdp } from '../../../../../tests/support/oidc-provider.ts';

function providerFile(issuer: string, port: number) {
  return {
    providers: [
      {
        id: 'kommune',
        label: 'Testkommunens IdP',
        issuer,
        clientId: CLIENT_ID,
        clientSecretEnv: 'TEST_OIDC_SECRET',
        redirectUri: `http://127.0.0.1:${port}/api/auth/oidc/kommune/callback`,
        postLogoutRedirectUri: `http://127.0.0.1:${port}/`,
        scope: 'openid profile groups municipality',
        municipality: { claim: 'municipality', values: { '0607': '607', '0727': '727' } },
        roles: [
          { group: 'jobvej-ledere', role: 'manager' },
          { group: 'jobvej-sagsbehandlere', role: 'caseworker' },
        ],
      },
    ],
  };
}

async function listen(app: FastifyInstance, port = 0): Promise<string> {
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe.each(databases)('OIDC sign-in on %s', (kind) => {
  let test: TestDatabase;
  let idp: TestIdp;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let baseA: string;
  let baseB: string;
  let settings: SignInSettings;

  beforeAll(async () => {
    const portA = await freePort();
    idp = await startTestIdp({
      redirectUris: [`http://127.0.0.1:${portA}/api/auth/oidc/kommune/callback`],
      postLogoutRedirectUris: [`http://127.0.0.1:${portA}/`],
      accounts: {
        anna: { name: 'Anna Holm', preferred_username: 'anna.holm', groups: ['alle', 'jobvej-sagsbehandlere'], municipality: '0607' },
        bo: { name: 'Bo Lund', preferred_username: 'bo', groups: ['alle'], municipality: '0607' },
        carl: { name: 'Carl Berg', preferred_username: 'carl', groups: ['jobvej-ledere'], municipality: '0999' },
      },
    });
    settings = { providers: parseOidcFile(JSON.stringify(providerFile(idp.issuer, portA)), { TEST_OIDC_SECRET: CLIENT_SECRET }), localLogin: 'all' };
    test = await createTestDatabase(kind);
    const cprKey = randomBytes(32);
    appA = await buildApp({ db: test.db, cprKey, logger: false, nodeEnv: 'test', signIn: settings });
    appB = await buildApp({ db: test.db, cprKey, logger: false, nodeEnv: 'test', signIn: settings });
    baseA = await listen(appA, portA);
    baseB = await listen(appB);
  });
  afterAll(async () => {
    await appA?.close();
    await appB?.close();
    await idp?.close();
    await test?.drop();
  });

  const audit = (action: string) =>
    test.db.kysely.selectFrom('audit_log').select(['actor_user_id', 'municipality_code', 'detail', 'entity_id']).where('action', '=', action).execute();

  it('lists the provider for the login page', async () => {
    const res = await fetch(`${baseA}/api/auth/sign-in-options`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ localLogin: 'all', providers: [{ id: 'kommune', label: 'Testkommunens IdP' }] });
  });

  it('signs in with code + PKCE begun on one process and finished on the other, provisions the user, audits, and logs out at the IdP', async () => {
    const browser = new TestBrowser();
    // The start on B: the authorization request carries PKCE (S256), state and nonce.
    const start = await browser.request(`${baseB}/api/auth/oidc/kommune/start`);
    expect(start.status).toBe(303);
    const authUrl = new URL(start.headers.get('location')!);
    expect(authUrl.origin).toBe(idp.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    // Stored hashed, not as sent.
    const flows = await test.db.kysely.selectFrom('oidc_flows' as never).selectAll().execute();
    expect(JSON.stringify(flows)).not.toContain(authUrl.searchParams.get('state'));

    // The IdP returns the browser to A's callback (the registered redirect URI).
    const back = await signInAtIdp(browser, authUrl.href, 'anna');
    expect(back.url).toBe(`${baseA}/#/`);
    const cookie = browser.cookie('127.0.0.1', 'jv_session');
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await (await fetch(`${baseA}/api/auth/me`, { headers: { cookie: `jv_session=${cookie}` } })).json();
    expect(me.user).toMatchObject({ username: 'kommune:anna.holm', displayName: 'Anna Holm', role: 'caseworker', municipalityCode: '607' });
    // The flow is used up: the same callback URL again is refused.
    expect(await test.db.kysely.selectFrom('oidc_flows' as never).selectAll().execute()).toEqual([]);

    const provisioned = await audit('user.provision');
    expect(provisioned).toHaveLength(1);
    expect(provisioned[0]).toMatchObject({ actor_user_id: me.user.id, municipality_code: '607', entity_id: me.user.id });
    expect(JSON.parse(JSON.stringify(provisioned[0]!.detail))).toMatchObject({ method: 'oidc', provider: 'kommune', role: 'caseworker' });
    const logins = await audit('auth.login');
    expect(logins.map((r) => r.detail)).toEqual([expect.objectContaining({ method: 'oidc', provider: 'kommune' })]);

    // A local password never works for the provisioned account.
    const local = await fetch(`${baseA}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kommune:anna.holm', password: '!oidc' }) });
    expect(local.status).toBe(401);

    // RP-initiated logout: the session ends here and the browser is sent to the IdP's end-session endpoint.
    const logout = await browser.request(`${baseA}/api/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    expect(logout.status).toBe(200);
    const { endSessionUrl } = (await logout.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${baseA}/`);
    expect((await fetch(`${baseA}/api/auth/me`, { headers: { cookie: `jv_session=${cookie}` } })).status).toBe(401);
    const confirm = await browser.follow(endSessionUrl);
    const form = TestBrowser.form(confirm.html, confirm.url);
    const after = await browser.request(form.action, { form: { ...form.fields, logout: 'yes' } });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe(`${baseA}/`);
    expect(browser.statuses.filter((s) => s.status >= 500)).toEqual([]);
  });

  it('signs the same subject in again as the same user, with the role its groups give now', async () => {
    idp.accounts.set('anna', { ...idp.accounts.get('anna')!, groups: ['jobvej-ledere'] });
    const browser = new TestBrowser();
    const back = await signInAtIdp(browser, `${baseA}/api/auth/oidc/kommune/start`, 'anna');
    expect(back.url).toBe(`${baseA}/#/`);
    const me = await (await fetch(`${baseA}/api/auth/me`, { headers: { cookie: `jv_session=${browser.cookie('127.0.0.1', 'jv_session')}` } })).json();
    expect(me.user).toMatchObject({ username: 'kommune:anna.holm', role: 'manager' });
    const users = await test.db.kysely.selectFrom('users').select('id').where('username', 'like', 'kommune:%').execute();
    expect(users).toHaveLength(1);
    const updates = await audit('user.update');
    expect(updates.map((r) => r.detail)).toEqual([expect.objectContaining({ method: 'oidc', role: ['caseworker', 'manager'] })]);
  });

  it('refuses, with a redirect naming the reason and no session: the IdP denied, a group mapping to no role, an unknown municipality, a bad, replayed or foreign state', async () => {
    const reason = (url: string) => new URL(url.replace('/#/', '/')).searchParams.get('signIn');

    // The user cancels at the IdP: it answers error=access_denied.
    const denied = new TestBrowser();
    const loginPage = await denied.follow(`${baseA}/api/auth/oidc/kommune/start`);
    const uid = /\/interaction\/([^/"]+)/.exec(loginPage.url)![1];
    expect(reason((await denied.follow(`${idp.issuer}/interaction/${uid}/abort`)).url)).toBe('denied');

    const noRole = new TestBrowser();
    expect(reason((await signInAtIdp(noRole, `${baseA}/api/auth/oidc/kommune/start`, 'bo')).url)).toBe('role');
    expect(noRole.cookie('127.0.0.1', 'jv_session')).toBeUndefined();

    const elsewhere = new TestBrowser();
    expect(reason((await signInAtIdp(elsewhere, `${baseA}/api/auth/oidc/kommune/start`, 'carl')).url)).toBe('municipality');

    // A state never issued, and none at all.
    const forged = new TestBrowser();
    expect(reason((await forged.follow(`${baseA}/api/auth/oidc/kommune/callback?code=x&state=forged`)).url)).toBe('state');
    expect(reason((await forged.follow(`${baseA}/api/auth/oidc/kommune/callback?code=x`)).url)).toBe('state');

    // A genuine callback URL replayed, and one carried to another browser (no flow cookie): both refused.
    const victim = new TestBrowser();
    const start = await victim.request(`${baseA}/api/auth/oidc/kommune/start`);
    const attacker = new TestBrowser();
    // The attacker signs in at the IdP with the victim's authorization request, up to (not into) jobvej's callback.
    const { url: callback } = await signInAtIdp(attacker, start.headers.get('location')!, 'anna', `${baseA}/api/auth/oidc/`);
    expect(callback).toMatch(/\/callback\?code=/);
    expect(reason((await new TestBrowser().follow(callback)).url)).toBe('state');
    expect(reason((await victim.follow(callback)).url)).toBe('state');

    for (const b of [denied, noRole, elsewhere, forged, victim, attacker]) expect(b.statuses.filter((s) => s.status >= 500)).toEqual([]);
    expect(await test.db.kysely.selectFrom('users').select('username').where('username', 'in', ['kommune:bo', 'kommune:carl']).execute()).toEqual([]);
  });

  it('provisions one user when the first sign-in of a subject finishes twice at once', async () => {
    idp.accounts.set('dora', { name: 'Dora Dam', preferred_username: 'dora', groups: ['jobvej-sagsbehandlere'], municipality: '0727' });
    const tabs = [new TestBrowser(), new TestBrowser()];
    const callbacks = await Promise.all(tabs.map(async (tab) => (await signInAtIdp(tab, `${baseA}/api/auth/oidc/kommune/start`, 'dora', `${baseA}/api/auth/oidc/`)).url));
    const landed = await Promise.all(tabs.map((tab, i) => tab.follow(callbacks[i]!)));
    expect(landed.map((page) => page.url)).toEqual([`${baseA}/#/`, `${baseA}/#/`]);
    const users = await test.db.kysely.selectFrom('users').select(['id', 'municipality_code']).where('username', '=', 'kommune:dora').execute();
    expect(users).toEqual([expect.objectContaining({ municipality_code: '727' })]);
  });

  it('answers an unknown provider 404 and an unreachable IdP with a redirect, not a 5xx', async () => {
    expect((await fetch(`${baseA}/api/auth/oidc/nowhere/start`, { redirect: 'manual' })).status).toBe(404);
    const deadPort = await freePort();
    const file = providerFile(`http://127.0.0.1:${deadPort}`, deadPort);
    const down = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test', signIn: { providers: parseOidcFile(JSON.stringify(file), { TEST_OIDC_SECRET: 's' }), localLogin: 'all' } });
    try {
      const res = await down.inject({ method: 'GET', url: '/api/auth/oidc/kommune/start' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/#/?signIn=unavailable');
    } finally {
      await down.close();
    }
  });

  it('turns local sign-in off, or keeps it for the break-glass administrator, only in production with a provider', async () => {
    const hash = await hashPassword('secret-pass');
    await withTenant(test.db, ANONYMOUS, (tx) =>
      tx.insertInto('users').values([
        { username: 'breakglass', display_name: 'Break glass', role: 'admin', municipality_code: null, password_hash: hash },
        { username: 'local@607', display_name: 'Local', role: 'caseworker', municipality_code: '607', password_hash: hash },
      ]).execute(),
    );
    const loginAs = async (app: FastifyInstance, username: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'secret-pass' } })).statusCode;
    for (const localLogin of ['admin', 'off'] as const) {
      const app = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'production', signIn: checkedSettings({ ...settings, localLogin }, 'production') });
      try {
        expect((await app.inject({ method: 'GET', url: '/api/auth/sign-in-options' })).json()).toMatchObject({ localLogin });
        expect(await loginAs(app, 'local@607')).toBe(403);
        expect(await loginAs(app, 'breakglass')).toBe(localLogin === 'admin' ? 200 : 403);
      } finally {
        await app.close();
      }
    }
    expect(await loginAs(appA, 'local@607')).toBe(200);
    expect(() => checkedSettings({ ...settings, localLogin: 'off' }, 'test')).toThrow(/NODE_ENV=production/);
    expect(() => checkedSettings({ providers: [], localLogin: 'admin' }, 'production')).toThrow(/JOBVEJ_OIDC_CONFIG/);
  });
});

describe('the provider file', () => {
  it('names the field of a wrong entry', () => {
    const good = providerFile('https://idp.example.dk', 443);
    expect(() => parseOidcFile('{', {})).toThrow(/not JSON/);
    const bad = { providers: [{ ...good.providers[0], issuer: 'http://idp.example.dk', roles: [{ group: 'g', role: 'admin' }] }] };
    const message = (() => {
      try {
        parseOidcFile(JSON.stringify(bad), { TEST_OIDC_SECRET: 's' });
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toMatch(/providers\.0\.issuer: must be an https:\/\/ URL/);
    expect(message).toMatch(/providers\.0\.roles\.0\.role/);
    expect(() => parseOidcFile(JSON.stringify(good), {})).toThrow(/providers\.0\.clientSecretEnv: TEST_OIDC_SECRET is not set/);
  });
});
