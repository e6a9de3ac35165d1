// Login, logout, who am I, and taking the session back from the citizen (handover lock).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/app-context.ts';
import { ANONYMOUS, withTenant } from '../../db/tenant.ts';
import { ApiError } from '../../http/errors.ts';
import { sessionOf, actorOf } from '../../http/authenticate.ts';
import { dummyHash, verifyPassword } from '../../auth/passwords.ts';
import { isLimited, recordAttempt } from '../../auth/login-limiter.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, deleteSession, findSession, setHandover, type SessionUser } from '../../auth/session-store.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { loginBody, sessionResponse, takebackBody } from './schema.ts';

function present(session: SessionUser) {
  const { passwordHash: _omit, ...user } = session.user;
  return { user, csrfToken: session.csrfToken, handover: session.handover };
}

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.secureCookies,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  };

  return async (app) => {
    app.post(
      '/api/auth/login',
      { config: { public: true }, schema: { body: loginBody, response: { 200: sessionResponse } } },
      async (request, reply) => {
        const { username, password } = request.body;
        const now = ctx.now();
        const outcome = await withTenant(ctx.db, ANONYMOUS, async (tx) => {
          if (await isLimited(tx, username, request.ip, now)) return { kind: 'limited' as const };
          const user = await tx
            .selectFrom('users')
            .select(['id', 'password_hash'])
            .where('username', '=', username.toLowerCase())
            .executeTakeFirst();
          const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
          await recordAttempt(tx, username, request.ip, ok && !!user, now);
          if (!ok || !user) return { kind: 'bad' as const };
          const { token } = await createSession(tx, user.id, now);
          const session = await findSession(tx, token, now);
          return { kind: 'ok' as const, token, session };
        });
        if (outcome.kind === 'limited') throw new ApiError('rate_limited', 'Too many failed logins; try again in 15 minutes');
        if (outcome.kind === 'bad' || !outcome.session) throw new ApiError('unauthenticated', 'Wrong username or password');
        reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions);
        return present(outcome.session);
      },
    );

    app.post('/api/auth/logout', {}, async (request, reply) => {
      const session = sessionOf(request);
      await withTenant(ctx.db, ANONYMOUS, (tx) => deleteSession(tx, session.sessionId));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    app.get('/api/auth/me', { config: { duringHandover: true }, schema: { response: { 200: sessionResponse } } }, async (request) =>
      present(sessionOf(request)),
    );

    app.post(
      '/api/auth/takeback',
      { config: { duringHandover: true }, schema: { body: takebackBody } },
      async (request) => {
        const session = sessionOf(request);
        const actor = actorOf(request);
        const now = ctx.now();
        const outcome = await withTenant(ctx.db, actor, async (tx) => {
          const key = `takeback:${session.user.username}`;
          if (await isLimited(tx, key, request.ip, now)) return 'limited' as const;
          const ok = await verifyPassword(session.user.passwordHash, request.body.password);
          await recordAttempt(tx, key, request.ip, ok, now);
          if (!ok) return 'bad' as const;
          if (session.handover) {
            await setHandover(tx, session.sessionId, null);
            await writeAudit(tx, actor, 'round.takeback', 'round', session.handover.roundId, { citizenId: session.handover.citizenId });
          }
          return 'ok' as const;
        });
        if (outcome === 'limited') throw new ApiError('rate_limited', 'Too many wrong passwords; try again in 15 minutes');
        if (outcome === 'bad') throw new ApiError('forbidden', 'Wrong password');
        return { handover: null };
      },
    );
  };
}
