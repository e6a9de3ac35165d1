// Municipal sign-in with OpenID Connect (decision 032): authorization code with PKCE through
// openid-client, one configured identity provider per municipality (or one for several, with a
// municipality claim). The flow's state, nonce and PKCE verifier are in the database (store.ts),
// so the callback may reach another process than the start; a random value in an HttpOnly
// SameSite=Lax cookie binds the flow to the browser that began it. The callback provisions the
// user on their first sign-in (role from the IdP's groups), starts an ordinary session and
// audits it (`auth.login`, method oidc). Every refusal — the IdP's, a bad or used state, a
// municipality or group that maps to nothing — is a redirect to the login page naming the
// reason (`#/?signIn=<reason>`), never a 5xx.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { PipelineContext } from '../../http/pipeline-context.ts';
import { ANONYMOUS, withTenant, type Tx } from '../../db/tenant.ts';
import { ApiError } from '../../http/errors.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, tokenHash } from '../session-store.ts';
import { mapClaims } from './claims.ts';
import { FLOW_TTL_MS, provisionUser, saveFlow, saveSessionToken, sessionToken, takeFlow, type SessionIdToken } from './store.ts';
import type { OidcProviderConfig, SignInSettings } from './config.ts';
import type { SignInOptions, SignInProblem } from '../../../../contract/sign-in.ts';

export const FLOW_COOKIE = 'jv_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc/';

export interface OidcSignIn {
  settings: SignInSettings;
  options(): SignInOptions;
  routes: FastifyPluginAsync;
  /** The ID token a session was signed in with (read before the session is deleted), or null. */
  sessionIdToken(tx: Tx, sessionId: string): Promise<SessionIdToken | null>;
  /** The IdP's logout URL for that sign-in (RP-initiated logout), or null (no such endpoint, IdP unreachable). */
  endSessionUrl(saved: SessionIdToken): Promise<string | null>;
}

function isLoopback(issuer: string): boolean {
  return new URL(issuer).protocol === 'http:';
}

export function createOidcSignIn(ctx: PipelineContext, settings: SignInSettings): OidcSignIn {
  const byId = new Map(settings.providers.map((p) => [p.id, p]));
  // The IdPs' metadata, fetched on first use and kept (a failed fetch is tried again next time).
  const discovered = new Map<string, Promise<client.Configuration>>();
  function configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    let pending = discovered.get(provider.id);
    if (!pending) {
      pending = client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
        timeout: 10,
        ...(isLoopback(provider.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      });
      pending.catch(() => discovered.delete(provider.id));
      discovered.set(provider.id, pending);
    }
    return pending;
  }

  const flowCookie = { path: FLOW_COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure: ctx.secureCookies, maxAge: Math.floor(FLOW_TTL_MS / 1000) };
  const sessionCookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: ctx.secureCookies, maxAge: Math.floor(SESSION_TTL_MS / 1000) };

  function refuse(request: FastifyRequest, reply: FastifyReply, reason: SignInProblem, provider: string, err?: unknown) {
    request.log.info({ provider, reason, err }, 'OIDC sign-in refused');
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    return reply.code(303).header('location', `/#/?signIn=${reason}`).send();
  }

  function providerOf(request: FastifyRequest): OidcProviderConfig {
    const id = (request.params as { provider?: string }).provider ?? '';
    const provider = byId.get(id);
    if (!provider) throw new ApiError('not_found', 'No identity provider of that id');
    return provider;
  }

  const routes: FastifyPluginAsync = async (app) => {
    app.get('/api/auth/oidc/:provider/start', { config: { public: true } }, async (request, reply) => {
      const provider = providerOf(request);
      let config: client.Configuration;
      try {
        config = await configuration(provider);
      } catch (err) {
        return refuse(request, reply, 'unavailable', provider.id, err);
      }
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      // One browser value for every flow it begins (two tabs signing in at once both finish).
      const existing = request.cookies[FLOW_COOKIE];
      const browser = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomBytes(32).toString('base64url');
      await withTenant(ctx.db, ANONYMOUS, (tx) => saveFlow(tx, { state, providerId: provider.id, browser, nonce, codeVerifier }, ctx.now()));
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: provider.redirectUri,
        scope: provider.scope,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      reply.setCookie(FLOW_COOKIE, browser, flowCookie);
      return reply.code(303).header('location', url.href).send();
    });

    app.get('/api/auth/oidc/:provider/callback', { config: { public: true } }, async (request, reply) => {
      const provider = providerOf(request);
      const query = request.query as Record<string, unknown>;
      const param = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
      const state = param('state');
      if (!state) return refuse(request, reply, 'state', provider.id);
      const now = ctx.now();
      const flow = await withTenant(ctx.db, ANONYMOUS, (tx) => takeFlow(tx, state, request.cookies[FLOW_COOKIE], provider.id, now));
      if (!flow) return refuse(request, reply, 'state', provider.id);
      const idpError = param('error');
      if (idpError) return refuse(request, reply, idpError === 'access_denied' ? 'denied' : 'failed', provider.id, idpError);

      let config: client.Configuration;
      try {
        config = await configuration(provider);
      } catch (err) {
        return refuse(request, reply, 'unavailable', provider.id, err);
      }
      // The URL the IdP redirected to: the registered redirect URI (as a proxy in front may have
      // rewritten the host) with the query as received.
      const current = new URL(provider.redirectUri);
      current.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      let claims: Record<string, unknown>;
      let idToken: string;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.codeVerifier, expectedState: state, expectedNonce: flow.nonce, idTokenExpected: true });
        const idClaims = tokens.claims();
        if (!idClaims || !tokens.id_token) return refuse(request, reply, 'failed', provider.id);
        idToken = tokens.id_token;
        claims = { ...idClaims };
        // Many IdPs put the groups and names in the UserInfo answer only (not in the ID token).
        if (config.serverMetadata().userinfo_endpoint) {
          const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
          claims = { ...info, ...idClaims };
        }
      } catch (err) {
        return refuse(request, reply, 'failed', provider.id, err);
      }

      const mapped = mapClaims(provider, claims);
      if ('refused' in mapped) return refuse(request, reply, mapped.refused, provider.id);
      const tenant = { municipalityCode: mapped.municipalityCode, userId: null, role: null };
      const issuer = config.serverMetadata().issuer;
      const signIn = () => withTenant(ctx.db, tenant, async (tx) => {
        const user = await provisionUser(tx, provider.id, issuer, mapped);
        if ('refused' in user) return user;
        const actor = { userId: user.userId, role: user.role, municipalityCode: user.municipalityCode };
        if (user.created) await writeAudit(tx, actor, 'user.provision', 'user', user.userId, { method: 'oidc', provider: provider.id, role: user.role });
        else if (user.changed.role) await writeAudit(tx, actor, 'user.update', 'user', user.userId, { method: 'oidc', provider: provider.id, role: user.changed.role });
        const session = await createSession(tx, user.userId, now);
        const row = await tx.selectFrom('sessions').select('id').where('token_hash', '=', tokenHash(session.token)).executeTakeFirstOrThrow();
        await saveSessionToken(tx, row.id, provider.id, idToken);
        await writeAudit(tx, actor, 'auth.login', 'user', user.userId, { method: 'oidc', provider: provider.id });
        return { token: session.token };
      });
      let outcome: Awaited<ReturnType<typeof signIn>>;
      try {
        outcome = await signIn();
      } catch (err) {
        // The same subject's first sign-in twice at once (two tabs): the loser of the unique
        // (issuer, sub) or user name finds the winner's user when it tries again.
        if ((err as { code?: unknown }).code !== '23505') throw err;
        outcome = await signIn();
      }
      if ('refused' in outcome) return refuse(request, reply, outcome.refused, provider.id);
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      reply.setCookie(SESSION_COOKIE, outcome.token, sessionCookie);
      return reply.code(303).header('location', '/#/').send();
    });
  };

  return {
    settings,
    options: () => ({ localLogin: settings.localLogin, providers: settings.providers.map((p) => ({ id: p.id, label: p.label })) }),
    routes,
    sessionIdToken: (tx, sessionId) => sessionToken(tx, sessionId),
    async endSessionUrl(saved) {
      const provider = byId.get(saved.providerId);
      if (!provider) return null;
      try {
        const config = await configuration(provider);
        if (!config.serverMetadata().end_session_endpoint) return null;
        return client.buildEndSessionUrl(config, { id_token_hint: saved.idToken, ...(provider.postLogoutRedirectUri ? { post_logout_redirect_uri: provider.postLogoutRedirectUri } : {}) }).href;
      } catch {
        // The IdP unreachable: the session still ends here.
        return null;
      }
    },
  };
}
