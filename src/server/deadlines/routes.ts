// The managers' timeliness page: their municipality's deadline rules as of a date, counted per
// rule (the definitions of `jobvej timeliness`, docs/timeliness.md). Counts only; audited like the command.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { timelinessQuery, timelinessView } from '../../contract/timeliness.ts';
import type { PolicyStore } from './policy-store.ts';
import { activeCases, evaluateTimeliness } from './timeliness.ts';

export function deadlineRoutes(ctx: AppContext, policies: PolicyStore): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/deadlines/timeliness',
      query: timelinessQuery,
      response: timelinessView,
      can: 'caseload.overview',
      audit: { action: 'timeliness.read', entity: 'municipality', id: (_, out) => out.municipality.code, detail: (_, out) => ({ asOf: out.asOf, citizens: out.citizens }) },
      handler: async ({ tx, actor, query, today }) => {
        const asOf = query.asOf ?? today;
        const code = actor.municipalityCode ?? '';
        const municipality = await tx.selectFrom('municipalities').select(['code', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
        const { summary } = evaluateTimeliness((await activeCases(tx, asOf)) ?? [], policies, asOf);
        const kindOf = new Map(policies.policies.flatMap((p) => p.rules.map((r) => [r.id, r.kind] as const)));
        const policy = policies.forDate(asOf);
        return {
          asOf,
          municipality,
          policy: { name: policy.name ?? null, effectiveFrom: policy.effectiveFrom },
          citizens: summary?.citizens ?? 0,
          shareAllOnTime: summary?.shareAllOnTime ?? null,
          rules: (summary?.rules ?? policy.rules.map((r) => ({ ruleId: r.id, ok: 0, due: 0, breached: 0, overdueNow: 0, shareOnTime: null }))).map((r) => ({
            ruleId: r.ruleId,
            kind: kindOf.get(r.ruleId) ?? 'unknown',
            ok: r.ok,
            due: r.due,
            breached: r.breached,
            overdueNow: r.overdueNow,
            shareOnTime: r.shareOnTime,
          })),
        };
      },
    });
  };
}
