// The national view: every municipality's indicators, and the country's, as suppressed
// aggregates (docs/suppression.md). Only the national administrator; no personal data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { nationalIndicators, nationalQuery } from '../../contract/national.ts';
import { municipalities, quarterCounts } from './national-queries.ts';
import { presentNational } from './national-presenter.ts';

export function nationalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/national/indicators',
      query: nationalQuery,
      response: nationalIndicators,
      can: 'national.view',
      audit: { action: 'national.view', entity: 'municipality', id: () => null, detail: (_, out) => ({ year: out.year }) },
      handler: async ({ tx, query, today }) => {
        const year = query.year ?? Number(today.slice(0, 4));
        return presentNational(year, await municipalities(tx), await quarterCounts(tx, year), 'Hele landet');
      },
    });
  };
}
