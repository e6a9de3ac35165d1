import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/app-context.ts';

export function instrumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/instruments/fip', { config: { public: true, duringHandover: true } }, async (_request, reply) => {
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(ctx.instrument.json);
    });
  };
}
