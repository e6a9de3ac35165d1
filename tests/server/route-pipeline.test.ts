// Every API route runs the one pipeline of src/server/platform/http/route.ts: it declares its permission
// action and its audit row there, so no route that touches a citizen can forget the audit. The
// few routes outside it are listed here with the reason; a new route outside the wrapper fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../support/app-fixture.ts';
import '../support/fuzz/catalogue.ts';
import type { DeclaredPipeline } from '../../src/server/platform/http/route.ts';

/** Routes that are not on the wrapper, and why. */
const OUTSIDE: Record<string, string> = {
  'GET /api/health': 'public: database liveness and version, no tenant data',
  'GET /api/instruments/fip': 'public content (the questionnaire), no tenant data',
  'GET /api/instruments/fip/:version': 'public content (the questionnaire a round was answered on), no tenant data',
  // Authentication itself (src/server/platform/auth/routes.ts): it makes or ends the actor the pipeline starts from.
  'POST /api/auth/login': 'public: creates the session the pipeline needs',
  'POST /api/auth/logout': "acts on the caller's own session only",
  'GET /api/auth/me': "the caller's own user and session",
  'POST /api/auth/takeback': "ends the caller's own hand-over (audited round.takeback in the route)",
  // Municipal sign-in (decision 032, src/server/platform/auth/oidc/): before there is an actor, audited auth.login in the route.
  'GET /api/auth/sign-in-options': 'public: the login page\'s identity providers, no tenant data',
  'GET /api/auth/oidc/:provider/start': 'public: begins a sign-in at the IdP',
  'GET /api/auth/oidc/:provider/callback': 'public: finishes it; provisions and audits (user.provision, auth.login)',
};

/** Path parts whose routes read or write a citizen's data. */
const PERSONAL = /\/(citizens|rounds|offers|outcomes|enrolments|packages)(\/|$)/;

describe('the route pipeline', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture('pglite');
    await f.app.ready();
  });
  afterAll(async () => {
    await f.close();
  });

  const apiRoutes = () =>
    f.app.routeCatalogue
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ ...r, method, key: `${method} ${r.url}` })))
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');

  it('every API route is defined through the wrapper, or listed above with its reason', () => {
    const outside = apiRoutes().filter((r) => !(r.config as { pipeline?: DeclaredPipeline } | undefined)?.pipeline).map((r) => r.key);
    expect(outside.sort()).toEqual(Object.keys(OUTSIDE).filter((k) => outside.includes(k)).sort());
    expect(outside.filter((k) => !(k in OUTSIDE))).toEqual([]);
  });

  it('every route that touches a citizen declares its audit action', () => {
    const unaudited = apiRoutes()
      .filter((r) => PERSONAL.test(r.url))
      .filter((r) => {
        const pipeline = (r.config as { pipeline?: DeclaredPipeline } | undefined)?.pipeline;
        return pipeline ? pipeline.audit === null : !(r.key in OUTSIDE);
      })
      .map((r) => r.key);
    expect(unaudited).toEqual([]);
  });
});
