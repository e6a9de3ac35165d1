// The national view: every municipality's indicators, and the country's, as suppressed
// aggregates (docs/suppression.md); a manager, their own municipality beside the country. No personal data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { nationalIndicators, nationalQuery } from '../../contract/national.ts';
import { municipalities, quarterCounts } from './national-queries.ts';
import { onlyRows, presentNational } from './national-presenter.ts';
import { nationalFipMeans, nationalFipQuery } from '../../contract/national-fip.ts';
import { fipMoments, presentNationalFip } from './national-fip.ts';

export function nationalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/national/indicators',
      query: nationalQuery,
      response: nationalIndicators,
      can: 'national.view',
      audit: { action: 'national.view', entity: 'municipality', id: () => null, detail: (_, out) => ({ year: out.year }) },
      handler: async ({ tx, actor, query, today }) => {
        const year = query.year ?? Number(today.slice(0, 4));
        const all = presentNational(year, await municipalities(tx), await quarterCounts(tx, year), 'Hele landet');
        // A manager: their own municipality and the country, from the table suppressed as a whole.
        return actor.municipalityCode === null ? all : onlyRows(all, actor.municipalityCode);
      },
    });

    // The country's mean answer per item by gender (all municipalities; managers see it beside their own analytics).
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/national/fip-means',
      query: nationalFipQuery,
      response: nationalFipMeans,
      can: 'national.view',
      audit: { action: 'national.view', entity: 'municipality', id: () => null, detail: (_, out) => ({ year: out.year, fipRound: out.round }) },
      handler: async ({ tx, query, today }) => {
        const year = query.year ?? Number(today.slice(0, 4));
        return presentNationalFip(year, query.round, ctx.instrument.instrument, await fipMoments(tx, year, query.round));
      },
    });
  };
}
