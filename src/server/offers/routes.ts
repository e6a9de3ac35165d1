// Offers, outcomes and the deadline report of one citizen. Every read and write runs through the
// route wrapper's tenant transaction (row-level security: another municipality's citizen or offer
// is 404) and is audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { loadCases } from '../deadlines/index.ts';
import { presentOffer, presentOutcome } from './offer-presenter.ts';
import { createOffer, createOutcome, updateOffer } from './offer-recorder.ts';
import type { PolicyStore } from '../deadlines/index.ts';
import { evaluateDeadlines } from '../../domain/deadlines/index.ts';
import { citizenIdParams } from '../../contract/citizens.ts';
import { deadlineReportSchema, newOfferBody, newOutcomeBody, offerIdParams, offerList, offerOne, offerSchema, outcomeList, outcomeOne, outcomeSchema, patchOfferBody } from '../../contract/offers.ts';

type DeadlineReport = z.infer<typeof deadlineReportSchema>;

export function offerRoutes(ctx: AppContext, policies: PolicyStore): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/offers',
      params: citizenIdParams,
      response: offerList,
      can: 'offer.view',
      audit: { action: 'offer.list', entity: 'citizen', detail: (_, out) => ({ count: out.offers.length }) },
      handler: async ({ tx, params, presentEach }) => {
        const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', params.id).executeTakeFirst();
        if (!citizen) throw new ApiError('not_found', 'No such citizen');
        const found = await tx.selectFrom('offers').selectAll().where('citizen_id', '=', citizen.id).orderBy('start_date').orderBy('created_at').execute();
        return { offers: presentEach(found, offerSchema, presentOffer, (row) => row.id) };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/citizens/:id/offers',
      params: citizenIdParams,
      body: newOfferBody,
      response: offerOne,
      status: 201,
      can: 'offer.create',
      audit: { action: 'offer.create', entity: 'offer', byCommand: true },
      handler: async ({ tx, trail, actor, params, body, today }) => ({ offer: presentOffer(await createOffer(tx, trail, actor, params.id, body, today)) }),
    });

    defineRoute(app, ctx, {
      method: 'PATCH',
      url: '/api/offers/:id',
      params: offerIdParams,
      body: patchOfferBody,
      response: offerOne,
      can: 'offer.update',
      audit: { action: 'offer.update', entity: 'offer', byCommand: true },
      handler: async ({ tx, trail, actor, params, body }) => ({ offer: presentOffer(await updateOffer(tx, trail, actor, params.id, body)) }),
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/outcomes',
      params: citizenIdParams,
      response: outcomeList,
      can: 'outcome.view',
      audit: { action: 'outcome.list', entity: 'citizen', detail: (_, out) => ({ count: out.outcomes.length }) },
      handler: async ({ tx, params, presentEach }) => {
        const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', params.id).executeTakeFirst();
        if (!citizen) throw new ApiError('not_found', 'No such citizen');
        const found = await tx.selectFrom('outcomes').selectAll().where('citizen_id', '=', citizen.id).orderBy('date').orderBy('created_at').execute();
        return { outcomes: presentEach(found, outcomeSchema, presentOutcome, (row) => row.id) };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/citizens/:id/outcomes',
      params: citizenIdParams,
      body: newOutcomeBody,
      response: outcomeOne,
      status: 201,
      can: 'outcome.create',
      audit: { action: 'outcome.create', entity: 'outcome', byCommand: true },
      handler: async ({ tx, trail, actor, params, body }) => ({ outcome: presentOutcome(await createOutcome(tx, trail, actor, params.id, body)) }),
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/deadlines',
      params: citizenIdParams,
      response: deadlineReportSchema,
      can: 'deadline.view',
      audit: { action: 'deadline.view', entity: 'citizen', detail: ({ today }) => ({ asOf: today }) },
      handler: async ({ tx, params, today }) => {
        const [citizenCase] = await loadCases(tx, params.id);
        if (!citizenCase) throw new ApiError('not_found', 'No such citizen');
        const policy = policies.forDate(citizenCase.takeoverDate);
        const report = evaluateDeadlines(citizenCase, policy, today);
        return {
          citizenId: report.citizenId,
          asOf: report.asOf,
          policy: { id: policy.id, name: policy.name ?? null, effectiveFrom: policy.effectiveFrom, dueSoonDays: policy.dueSoonDays },
          // The domain's readonly arrays, as the (structurally equal) response type.
          rules: report.rules as DeadlineReport['rules'],
          ignoredOffers: [...report.ignoredOffers],
        };
      },
    });
  };
}
