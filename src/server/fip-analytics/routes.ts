// FIP group analytics (issue 11): the booklet's figures and item validity from live data, for the
// caller's own municipality (managers and evaluators; row-level security keeps it to theirs).
// Aggregates only, small counts suppressed; the read is audited with its parameters.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { fipAnalytics, fipAnalyticsQuery } from '../../contract/fip-analytics.ts';
import { loadCohortMatrix } from './fip-analytics-queries.ts';
import { presentAnalytics } from './fip-analytics-presenter.ts';

export function fipAnalyticsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/fip-analytics',
      query: fipAnalyticsQuery,
      response: fipAnalytics,
      can: 'fip_analytics.view',
      audit: {
        action: 'fip_analytics.view',
        entity: 'municipality',
        id: (_, out) => out.municipalityCode,
        detail: (_, out) => ({ from: out.from, to: out.to, targetGroup: out.targetGroup, round: out.round }),
      },
      handler: async ({ tx, actor, query, today }) => {
        const to = query.to ?? today;
        const from = query.from ?? null;
        const { instrument } = ctx.instrument;
        const cohort = await loadCohortMatrix(tx, { from, to, targetGroup: query.targetGroup, today, rounds: [1, 2, query.round] }, instrument.items.map((i) => i.id));
        return presentAnalytics({ municipalityCode: actor.municipalityCode, from, to, targetGroup: query.targetGroup, round: query.round }, instrument, cohort);
      },
    });
  };
}
