// Authentication, CSRF and the handover lock, as one onRequest hook. Routes opt out with
// `config: { public: true }` and opt into the handover lock's allow-list with
// `config: { duringHandover: true }`. A hand-over locked by wrong take-back passwords
// (src/server/platform/auth/takeback.ts) reaches only routes with `config: { whenHandoverLocked: true }`;
// everything else answers it 429.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { ANONYMOUS, withTenant, type TenantContext } from '../db/tenant.ts';
import { SESSION_COOKIE, findSession, type SessionUser } from '../auth/session-store.ts';
import { HANDOVER_LOCKED } from '../auth/takeback.ts';
import { ApiError } from './errors.ts';
import type { AuditActor } from '../audit/audit-writer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionUser | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    duringHandover?: boolean;
    whenHandoverLocked?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The paths that need a session: the API, and the spoken questions' clips (/audio/<sha256>.<ext>,
 * decision 023), which live outside /api/ so that they may be cached (every /api/ answer is no-store).
 */
export function needsSession(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/audio/');
}

export function registerAuthentication(app: FastifyInstance, db: Database, now: () => Date): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!needsSession(request.url)) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await withTenant(db, ANONYMOUS, (tx) => findSession(tx, token, now())) : null;
    if (!session) throw new ApiError('unauthenticated', 'Log in first');
    if (STATE_CHANGING.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new ApiError('csrf_failed', 'Missing or wrong x-csrf-token header');
      }
    }
    if (session.handover?.locked) {
      if (!config.whenHandoverLocked) throw new ApiError('rate_limited', HANDOVER_LOCKED);
    } else if (session.handover && !config.duringHandover) {
      throw new ApiError('locked_for_citizen', 'This session is handed over to the citizen');
    }
    request.session = session;
  });
}

export function sessionOf(request: FastifyRequest): SessionUser {
  if (!request.session) throw new ApiError('unauthenticated', 'Log in first');
  return request.session;
}

export function actorOf(request: FastifyRequest): AuditActor & TenantContext & { role: SessionUser['user']['role'] } {
  const { user } = sessionOf(request);
  return { userId: user.id, role: user.role, municipalityCode: user.municipalityCode };
}
