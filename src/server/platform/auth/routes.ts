// Authentication itself — login, logout, who am I, and taking the session back from the citizen
// (handover lock; take-back attempts are limited per hand-over session, takeback.ts). These make
// or end the actor the route pipeline (../http/route.ts) starts from, so they sit in the platform
// beside it and open their own transactions: a login runs before there is an actor, and a
// take-back's limit must commit even when the password is wrong.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesFor } from '../../../domain/permissions.ts';
import type { PipelineContext } from '../http/pipeline-context.ts';
import { ANONYMOUS, withTenant } from '../db/tenant.ts';
import { ApiError } from '../http/errors.ts';
import { sessionOf, actorOf } from '../http/authenticate.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { markSucceeded, reserveAttempt } from './login-limiter.ts';
import { HANDOVER_LOCKED, endLockedHandovers, recordTakebackFailure, reserveTakeback } from './takeback.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, deleteSession, findSession, setHandover, type SessionUser } from './session-store.ts';
import { writeAudit } from '../audit/audit-writer.ts';
import { loginBody, sessionResponse, takebackBody } from '../../../contract/auth.ts';
import { logoutResponse, signInOptionsResponse } from '../../../contract/sign-in.ts';
import { createOidcSignIn } from './oidc/sign-in.ts';
import { NO_OIDC, type SignInSettings } from './oidc/config.ts';

function present(session: SessionUser) {
  const { passwordHash: _omit, ...user } = session.user;
  const handover = session.handover && { roundId: session.handover.roundId, citizenId: session.handover.citizenId, language: session.handover.language };
  return { user, csrfToken: session.csrfToken, handover, abilities: abilitiesFor(user) };
}

export function authRoutes(ctx: PipelineContext, signIn: SignInSettings = NO_OIDC): FastifyPluginAsyncZod {
  const oidc = createOidcSignIn(ctx, signIn);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.secureCookies,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  };

  return async (app) => {
    await app.register(oidc.routes);
    app.get('/api/auth/sign-in-options', { config: { public: true }, schema: { response: { 200: signInOptionsResponse } } }, async () => oidc.options());

    app.post(
      '/api/auth/login',
      { config: { public: true }, schema: { body: loginBody, response: { 200: sessionResponse } } },
      async (request, reply) => {
        const { username, password } = request.body;
        // With the municipalities' IdPs configured in production, local passwords may be off, or
        // kept for the break-glass administrator only (JOBVEJ_LOCAL_LOGIN, decision 032).
        if (signIn.localLogin === 'off') throw new ApiError('forbidden', 'Local sign-in is turned off; sign in with your municipality');
        const now = ctx.now();
        // The attempt is counted (and committed) before the password is verified: see login-limiter.ts.
        const attempt = await withTenant(ctx.db, ANONYMOUS, async (tx) => {
          const attemptId = await reserveAttempt(tx, username, request.ip, now);
          if (!attemptId) return null;
          // A deactivated account (decision 026) is answered as a wrong password, after the same hash work.
          const user = await tx.selectFrom('users').select(['id', 'password_hash', 'role']).where('username', '=', username.toLowerCase()).where('deactivated_at', 'is', null).executeTakeFirst();
          return { attemptId, user };
        });
        if (!attempt) throw new ApiError('rate_limited', 'Too many failed logins; try again in 15 minutes');
        const { user } = attempt;
        const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
        if (!ok || !user) throw new ApiError('unauthenticated', 'Wrong username or password');
        if (signIn.localLogin === 'admin' && user.role !== 'admin') throw new ApiError('forbidden', 'Local sign-in is for the break-glass administrator only; sign in with your municipality');
        const outcome = await withTenant(ctx.db, ANONYMOUS, async (tx) => {
          await markSucceeded(tx, attempt.attemptId);
          await endLockedHandovers(tx, user.id);
          const { token } = await createSession(tx, user.id, now);
          return { token, session: await findSession(tx, token, now) };
        });
        if (!outcome.session) throw new ApiError('unauthenticated', 'Wrong username or password');
        reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions);
        return present(outcome.session);
      },
    );

    app.post('/api/auth/logout', { config: { whenHandoverLocked: true }, schema: { response: { 200: logoutResponse } } }, async (request, reply) => {
      const session = sessionOf(request);
      // A session from an IdP ends there too (RP-initiated logout): the browser is sent on to it.
      const signedInAt = await withTenant(ctx.db, ANONYMOUS, async (tx) => {
        const saved = await oidc.sessionIdToken(tx, session.sessionId);
        await deleteSession(tx, session.sessionId);
        return saved;
      });
      const endSessionUrl = signedInAt && (await oidc.endSessionUrl(signedInAt));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (endSessionUrl) return { endSessionUrl };
      return (reply as unknown as FastifyReply).code(204).send();
    });

    app.get('/api/auth/me', { config: { duringHandover: true, whenHandoverLocked: true }, schema: { response: { 200: sessionResponse } } }, async (request) =>
      present(sessionOf(request)),
    );

    app.post(
      '/api/auth/takeback',
      { config: { duringHandover: true }, schema: { body: takebackBody } },
      async (request) => {
        const session = sessionOf(request);
        const actor = actorOf(request);
        const handover = session.handover;
        // Nothing to take back (e.g. a repeated submit after success): no password is checked.
        if (!handover) return { handover: null };
        if (!(await withTenant(ctx.db, ANONYMOUS, (tx) => reserveTakeback(tx, session.sessionId)))) throw new ApiError('rate_limited', HANDOVER_LOCKED);
        if (!(await verifyPassword(session.user.passwordHash, request.body.password))) {
          await withTenant(ctx.db, ANONYMOUS, (tx) => recordTakebackFailure(tx, session.sessionId, ctx.now()));
          throw new ApiError('forbidden', 'Wrong password');
        }
        await withTenant(ctx.db, actor, async (tx) => {
          await setHandover(tx, session.sessionId, null);
          await writeAudit(tx, actor, 'round.takeback', 'round', handover.roundId, { citizenId: handover.citizenId });
        });
        return { handover: null };
      },
    );
  };
}
