// The Fastify application: plugins, error handling, authentication hook and routes.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './platform/db/database.ts';
import { createCprVault } from './platform/crypto/cpr-vault.ts';
import { errorHandler, sendProblem } from './platform/http/errors.ts';
import { clientErrorHandler, frameworkErrors, registerUrlLengthCheck } from './platform/http/edge-errors.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerAuthentication } from './platform/http/authenticate.ts';
import { loadInstruments } from './instruments/index.ts';
import { healthRoutes } from './health/index.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { SignInSettings } from './platform/auth/oidc/config.ts';
import { instrumentRoutes } from './instruments/index.ts';
import { instrumentAudioRoutes } from './instrument-audio/index.ts';
import { citizenRoutes } from './citizens/index.ts';
import { nationalRoutes } from './national/index.ts';
import { userRoutes } from './users/index.ts';
import { fipAnalyticsRoutes } from './fip-analytics/index.ts';
import { employmentModelRoutes } from './employment-model/index.ts';
import { exportRoutes } from './exports/index.ts';
import { createPseudonymizer, exportKeyFromCprKey } from './platform/crypto/pseudonym.ts';
import { roundRoutes } from './rounds/index.ts';
import { evaluationRoutes, type EvaluationRouteOptions } from './evaluations/index.ts';
import { offerRoutes } from './offers/index.ts';
import { companyRoutes } from './companies/index.ts';
import { packageRoutes } from './packages/index.ts';
import { auditRoutes } from './audit-log/index.ts';
import { loadPackageTemplates } from './packages/index.ts';
import { deadlineRoutes, loadPolicies } from './deadlines/index.ts';
import type { AppContext } from './app-context.ts';

export interface BuildAppOptions {
  db: Database;
  cprKey: Buffer;
  /** The exports' pseudonym key (decision 033; `jobvej serve` passes loadExportKey's); else derived from cprKey. */
  exportKey?: Buffer;
  webDist?: string;
  logger?: boolean;
  nodeEnv?: string;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /** The folder of instrument versions (default content/instruments; tests pass one with a v2). */
  instrumentDir?: string;
  /** Trust X-Forwarded-For (only behind a reverse proxy; else clients could dodge the login limit): true, or the proxies (Fastify's trustProxy string: `loopback`, addresses, CIDRs). */
  trustProxy?: boolean | string;
  /**
   * Evaluation runs' input copies and the server-side inbox (default <store>/inbox). `jobvej serve`
   * passes <data dir>/evaluations; without it (tests) a folder in the OS temp dir is used.
   */
  evaluationStoreDir?: string;
  evaluationInboxDir?: string;
  /** The audit checkpoint file whose last line GET /api/audit/head reports (`jobvej serve` passes it). */
  auditCheckpointFile?: string;
  /** The municipalities' identity providers and the local sign-in policy (decision 032; none by default). */
  signIn?: SignInSettings;
  /** Evaluation uploads: largest file, free space to leave on the store's disk (defaults in routes/evaluations). */
  evaluationUploads?: Pick<EvaluationRouteOptions, 'maxFileBytes' | 'reserveBytes' | 'statfs'>;
  /** The evaluation queue's claim lease and poll interval (decision 031; defaults in evaluation-runner.ts). */
  evaluationQueue?: Pick<EvaluationRouteOptions, 'leaseMs' | 'pollMs'>;
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body'] }
      : false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 256 * 1024,
    // Errors answered before any hook runs (router, Node's HTTP parser) are problem+json too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  // Every route as registered (method, url, schema, config), so tests can walk all of them
  // (tests/server/fuzz.test.ts; typed in tests/support/fuzz/catalogue.ts).
  const routeCatalogue: { method: string | string[]; url: string; schema: unknown; config: unknown }[] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  app.addHook('onRoute', (route) => {
    routeCatalogue.push({ method: route.method, url: route.url, schema: route.schema, config: route.config });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // An empty body with content-type application/json (e.g. POST …/rounds from fetch) is no body.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') return done(null, undefined);
    return jsonParser(request, text, done);
  });

  const ctx: AppContext = {
    db: opts.db,
    vault: createCprVault(opts.cprKey),
    instrument: loadInstruments(opts.instrumentDir),
    now: opts.now ?? (() => new Date()),
    secureCookies: (opts.nodeEnv ?? process.env.NODE_ENV) === 'production',
  };

  await registerSecurityHeaders(app, { production: ctx.secureCookies });
  registerUrlLengthCheck(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    max: 1200,
    timeWindow: '1 minute',
    errorResponseBuilder: () => ({ statusCode: 429, code: 'rate_limited', message: 'Too many requests' }),
  });
  registerAuthentication(app, ctx.db, ctx.now);

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx, opts.signIn));
  await app.register(instrumentRoutes(ctx));
  await app.register(instrumentAudioRoutes(ctx));
  const policies = loadPolicies();
  await app.register(citizenRoutes(ctx, policies));
  await app.register(roundRoutes(ctx));
  await app.register(offerRoutes(ctx, policies));
  await app.register(companyRoutes(ctx));
  await app.register(nationalRoutes(ctx));
  await app.register(deadlineRoutes(ctx, policies));
  await app.register(userRoutes(ctx));
  await app.register(fipAnalyticsRoutes(ctx));
  await app.register(employmentModelRoutes(ctx));
  await app.register(exportRoutes(ctx, createPseudonymizer(opts.exportKey ?? exportKeyFromCprKey(opts.cprKey))));
  await app.register(packageRoutes(ctx, loadPackageTemplates()));
  await app.register(auditRoutes(ctx, opts.auditCheckpointFile));
  const evaluationStore = opts.evaluationStoreDir ?? join(tmpdir(), `jobvej-evaluations-${process.pid}`);
  await app.register(evaluationRoutes(ctx, { storeDir: evaluationStore, inboxDir: opts.evaluationInboxDir ?? join(evaluationStore, 'inbox'), ...opts.evaluationUploads, ...opts.evaluationQueue }));

  const webDist = opts.webDist ? resolve(opts.webDist) : undefined;
  const hasWeb = webDist !== undefined && existsSync(join(webDist, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt bundle's new hashed assets are served
  // without a restart.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      // The build writes .br and .gz beside each file (scripts/ensure-web-build.mjs): sent as asked
      // by Accept-Encoding, never compressed per request.
      preCompressed: true,
      // Hashed bundles (assets/*-<hash>.*) never change under their name: cached for a year. Pages,
      // the service worker and unhashed files are revalidated each time, so a new build shows at once.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('Cache-Control', /[/\\]assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.br|\.gz)?$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    // The app's own paths get index.html; a missing file (a name with an extension, such as a
    // stale /assets/index-<hash>.js) is a 404, never HTML in place of a script.
    const path = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[A-Za-z0-9]+$/.test(path);
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/') && !looksLikeFile) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, 'not_found', 'No such resource');
  });
  return app;
}
