// The FIP instrument as content: the current version (for new rounds) and any version a round was
// answered on. Both are public (the questionnaire's wording, no tenant data) and allowed during hand-over.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { ApiError } from '../platform/http/errors.ts';

const versionParams = z.object({ version: z.string().max(64) });

export function instrumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/instruments/fip', { config: { public: true, duringHandover: true } }, async (_request, reply) => {
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(ctx.instrument.json);
    });

    // :version is a round's instrumentVersion (e.g. fip-v1).
    app.get('/api/instruments/fip/:version', { schema: { params: versionParams }, config: { public: true, duringHandover: true } }, async (request, reply) => {
      const found = ctx.instrument.byVersion(request.params.version);
      if (!found) throw new ApiError('not_found', 'No such instrument version');
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(found.json);
    });
  };
}
