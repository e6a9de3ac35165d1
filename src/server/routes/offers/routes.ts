// Offers, outcomes and the deadline report of one citizen. Every read and write runs in one
// withTenant transaction (row-level security: another municipality's citizen or offer is 404)
// and is audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app-context.ts';
import { isoDate } from '../../http/app-context.ts';
import { actorOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError } from '../../http/errors.ts';
import { withTenant } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { loadCases, schoolPeriodsOf, type OfferRow } from '../../queries/case-queries.ts';
import { createOffer, createOutcome, updateOffer, type OutcomeRow } from '../../commands/offer-recorder.ts';
import type { PolicyStore } from '../../deadlines/policy-store.ts';
import { evaluateDeadlines } from '../../../domain/deadlines/index.ts';
import { citizenIdParams } from '../citizens/schema.ts';
import { deadlineReportSchema, newOfferBody, newOutcomeBody, offerIdParams, offerSchema, outcomeSchema, patchOfferBody } from './schema.ts';

type DeadlineReport = z.infer<typeof deadlineReportSchema>;

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

function presentOffer(row: OfferRow): z.infer<typeof offerSchema> {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    kind: row.kind,
    companyId: row.company_id,
    companyName: row.company_name,
    startDate: row.start_date,
    plannedEnd: row.planned_end,
    actualEnd: row.actual_end,
    hoursPerWeek: num(row.hours_per_week),
    status: row.status,
    schoolPeriods: schoolPeriodsOf(row),
    createdAt: row.created_at.toISOString(),
  };
}

function presentOutcome(row: OutcomeRow): z.infer<typeof outcomeSchema> {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    kind: row.kind,
    date: row.date,
    sector: row.sector,
    db07: row.db07,
    hours: num(row.hours),
    companyName: row.company_name,
    source: row.source,
    createdAt: row.created_at.toISOString(),
  };
}

export function offerRoutes(ctx: AppContext, policies: PolicyStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/citizens/:id/offers',
      { schema: { params: citizenIdParams, response: { 200: z.object({ offers: z.array(offerSchema) }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'offer.view');
        const rows = await withTenant(ctx.db, actor, async (tx) => {
          const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', request.params.id).executeTakeFirst();
          if (!citizen) return null;
          const found = await tx.selectFrom('offers').selectAll().where('citizen_id', '=', citizen.id).orderBy('start_date').orderBy('created_at').execute();
          await writeAudit(tx, actor, 'offer.list', 'citizen', citizen.id, { count: found.length });
          return found;
        });
        if (!rows) throw new ApiError('not_found', 'No such citizen');
        return { offers: rows.map(presentOffer) };
      },
    );

    app.post(
      '/api/citizens/:id/offers',
      { schema: { params: citizenIdParams, body: newOfferBody, response: { 201: z.object({ offer: offerSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'offer.create');
        const today = isoDate(ctx.now());
        const row = await withTenant(ctx.db, actor, (tx) => createOffer(tx, actor, request.params.id, request.body, today));
        return reply.code(201).send({ offer: presentOffer(row) });
      },
    );

    app.patch(
      '/api/offers/:id',
      { schema: { params: offerIdParams, body: patchOfferBody, response: { 200: z.object({ offer: offerSchema }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'offer.update');
        const row = await withTenant(ctx.db, actor, (tx) => updateOffer(tx, actor, request.params.id, request.body));
        return { offer: presentOffer(row) };
      },
    );

    app.get(
      '/api/citizens/:id/outcomes',
      { schema: { params: citizenIdParams, response: { 200: z.object({ outcomes: z.array(outcomeSchema) }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'outcome.view');
        const rows = await withTenant(ctx.db, actor, async (tx) => {
          const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', request.params.id).executeTakeFirst();
          if (!citizen) return null;
          const found = await tx.selectFrom('outcomes').selectAll().where('citizen_id', '=', citizen.id).orderBy('date').orderBy('created_at').execute();
          await writeAudit(tx, actor, 'outcome.list', 'citizen', citizen.id, { count: found.length });
          return found;
        });
        if (!rows) throw new ApiError('not_found', 'No such citizen');
        return { outcomes: rows.map(presentOutcome) };
      },
    );

    app.post(
      '/api/citizens/:id/outcomes',
      { schema: { params: citizenIdParams, body: newOutcomeBody, response: { 201: z.object({ outcome: outcomeSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'outcome.create');
        const row = await withTenant(ctx.db, actor, (tx) => createOutcome(tx, actor, request.params.id, request.body));
        return reply.code(201).send({ outcome: presentOutcome(row) });
      },
    );

    app.get(
      '/api/citizens/:id/deadlines',
      { schema: { params: citizenIdParams, response: { 200: deadlineReportSchema } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'deadline.view');
        const today = isoDate(ctx.now());
        const citizenCase = await withTenant(ctx.db, actor, async (tx) => {
          const [found] = await loadCases(tx, request.params.id);
          if (!found) return null;
          await writeAudit(tx, actor, 'deadline.view', 'citizen', found.citizenId, { asOf: today });
          return found;
        });
        if (!citizenCase) throw new ApiError('not_found', 'No such citizen');
        const policy = policies.forDate(citizenCase.takeoverDate);
        const report = evaluateDeadlines(citizenCase, policy, today);
        return {
          citizenId: report.citizenId,
          asOf: report.asOf,
          policy: { id: policy.id, effectiveFrom: policy.effectiveFrom, dueSoonDays: policy.dueSoonDays },
          // The domain's readonly arrays, as the (structurally equal) response type.
          rules: report.rules as DeadlineReport['rules'],
          ignoredOffers: [...report.ignoredOffers],
        };
      },
    );
  };
}
