// A local OpenID Connect provider for the sign-in tests (oidc-provider with its development
// sign-in pages: any login name, any password), on a random 127.0.0.1 port; and a small browser
// stand-in for the server-level tests: a cookie jar per host, redirects followed one by one, forms
// read and submitted as a browser would.
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  name: string;
  preferred_username: string;
  groups: string[];
  municipality?: string;
}

export interface TestIdp {
  issuer: string;
  /** Change or add accounts between sign-ins (e.g. new groups). */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export const CLIENT_ID = 'jobvej';
export const CLIENT_SECRET = 'a-test-client-secret-of-some-length';

/** A port free right now on 127.0.0.1 (for a server whose URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startTestIdp(opts: { redirectUris: string[]; postLogoutRedirectUris: string[]; accounts: Record<string, TestAccount> }): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const issuer = `http://127.0.0.1:${address.port}`;
  const accounts = new Map(Object.entries(opts.accounts));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // As the municipalities' IdPs: the groups and the municipality in their own scopes.
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'], municipality: ['municipality'] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  // Its development warnings are not the test's output.
  provider.on('server_error', (_ctx, err) => console.error('test IdP server_error', err));
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser stand-in: cookies by host name (as browsers keep them: not by port), redirects followed by hand. */
export class TestBrowser {
  private jar = new Map<string, Map<string, string>>();
  /** Every response's status on the way (to prove none was a 5xx). */
  readonly statuses: { url: string; status: number }[] = [];

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const cookies = [...(this.jar.get(u.hostname) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = { ...init.headers };
    if (cookies) headers.cookie = cookies;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.statuses.push({ url, status: res.status });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const jar = this.jar.get(u.hostname) ?? new Map<string, string>();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
      this.jar.set(u.hostname, jar);
    }
    return res;
  }

  /** Follow redirects from `url` until a page that is not one; returns it and its URL. */
  async follow(url: string, init: { method?: string; form?: Record<string, string>; stopAt?: string } = {}): Promise<{ url: string; res: Response; html: string }> {
    let current = url;
    let res = await this.request(current, init);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      if (hops > 20) throw new Error('too many redirects');
      const location = res.headers.get('location');
      if (!location) throw new Error(`redirect without a location from ${current}`);
      current = new URL(location, current).href;
      // The app's own page (a hash route) is where the browser would stop and run the web app.
      if (new URL(current).hash || (init.stopAt && current.startsWith(init.stopAt))) return { url: current, res, html: '' };
      res = await this.request(current);
    }
    return { url: current, res, html: await res.text() };
  }

  /** The page's first form: its absolute action and hidden fields. */
  static form(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
    const fields: Record<string, string> = {};
    for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1];
      if (name) fields[name] = value ?? '';
    }
    return { action: new URL(form[1]!.replaceAll('&amp;', '&'), pageUrl).href, fields };
  }
}

/**
 * Sign in at the test IdP from its first page (the login form) through the consent page; returns
 * the URL the IdP sends the browser back to, followed to the app's page.
 */
export async function signInAtIdp(browser: TestBrowser, startUrl: string, login: string, stopAt?: string): Promise<{ url: string; res: Response }> {
  const loginPage = await browser.follow(startUrl);
  const loginForm = TestBrowser.form(loginPage.html, loginPage.url);
  const opts = stopAt ? { stopAt } : {};
  let page = await browser.follow(loginForm.action, { form: { ...loginForm.fields, login, password: 'any' }, ...opts });
  // The consent page (this browser's first sign-in of the account), then back to the app.
  if (page.html.includes('name="prompt" value="consent"')) {
    const consent = TestBrowser.form(page.html, page.url);
    page = await browser.follow(consent.action, { form: consent.fields, ...opts });
  }
  return page;
}
