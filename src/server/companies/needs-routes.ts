// Labour needs of companies and demand per industry, in the caller's municipality. Every read and
// write runs through the route wrapper's tenant transaction (row-level security: another
// municipality's company or need is 404) and is audited, except GET /api/industries (reference
// data, no tenant rows).
// Permissions: reading needs and demand company.view; recording and changing needs company.needs
// (company consultants).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { createNeed, updateNeed, type LabourNeedRow } from './labour-need-recorder.ts';
import { loadDb07 } from './db07-store.ts';
import { defaultDemandPeriod, demandByIndustry, nameOf, type DemandPackage } from '../../domain/companies/index.ts';
import type { LocalName } from '../../domain/content-names.ts';
import type { Tx } from '../platform/db/tenant.ts';
import { companyIdParams } from '../../contract/companies.ts';
import { demandQuery, demandSchema, industriesSchema, needIdParams, needList, needOne, needSchema, newNeedBody, patchNeedBody } from '../../contract/needs.ts';

export function presentNeed(row: LabourNeedRow): z.infer<typeof needSchema> {
  return {
    id: row.id,
    companyId: row.company_id,
    db07: row.db07,
    kind: row.kind,
    slots: row.slots,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    note: row.note,
    closedOn: row.closed_on,
    createdAt: row.created_at.toISOString(),
  };
}

interface StoredModule {
  title: LocalName;
  goals: { id: string }[];
}

export function needRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const reference = loadDb07();
  const industries: z.infer<typeof industriesSchema> = {
    sections: reference.sections.map((s) => ({ code: s.code, section: s.code, name: nameOf(s) })),
    industries: reference.industries.map((i) => ({ code: i.code, section: i.section, name: nameOf(i) })),
  };
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/industries',
      response: industriesSchema,
      can: 'company.view',
      // Reference data (DB07), no tenant rows.
      audit: null,
      handler: async () => industries,
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/companies/:id/needs',
      params: companyIdParams,
      response: needList,
      can: 'company.view',
      audit: { action: 'need.list', entity: 'company', detail: (_, out) => ({ count: out.needs.length }) },
      handler: async ({ tx, params, presentEach }) => {
        const company = await tx.selectFrom('companies').select('id').where('id', '=', params.id).executeTakeFirst();
        if (!company) throw new ApiError('not_found', 'No such company');
        const found = await tx.selectFrom('labour_needs').selectAll().where('company_id', '=', company.id)
          .orderBy('period_from', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
        return { needs: presentEach(found, needSchema, presentNeed, (row) => row.id) };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/companies/:id/needs',
      params: companyIdParams,
      body: newNeedBody,
      response: needOne,
      status: 201,
      can: 'company.needs',
      audit: { action: 'need.create', entity: 'labour_need', byCommand: true },
      handler: async ({ tx, trail, actor, params, body }) => ({ need: presentNeed(await createNeed(tx, trail, actor, params.id, body)) }),
    });

    defineRoute(app, ctx, {
      method: 'PATCH',
      url: '/api/needs/:id',
      params: needIdParams,
      body: patchNeedBody,
      response: needOne,
      can: 'company.needs',
      audit: { action: 'need.update', entity: 'labour_need', byCommand: true },
      handler: async ({ tx, trail, actor, params, body }) => ({ need: presentNeed(await updateNeed(tx, trail, actor, params.id, body)) }),
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/industries/demand',
      query: demandQuery,
      response: demandSchema,
      can: 'company.view',
      audit: {
        action: 'demand.view',
        entity: 'municipality',
        id: ({ actor }) => actor.municipalityCode,
        detail: (_, out) => ({ from: out.from, to: out.to, industries: out.industries.length }),
      },
      handler: async ({ tx, query, today }) => {
        const from = query.from ?? today;
        const to = query.to ?? defaultDemandPeriod(from).to;
        if (to < from) throw new ApiError('validation_failed', 'Invalid query', [{ field: 'to', message: 'The period ends before it starts' }]);
        const loaded = await loadDemand(tx, from, to);
        const signed = new Map<string, string[]>();
        for (const s of loaded.signoffs) signed.set(s.enrolment_id, [...(signed.get(s.enrolment_id) ?? []), s.goal_id]);
        const report = demandByIndustry({
          from,
          to,
          reference,
          needs: loaded.needs.map((n) => ({
            id: n.id, companyId: n.company_id, companyName: n.company_name, db07: n.db07, kind: n.kind, slots: n.slots,
            periodFrom: n.period_from, periodTo: n.period_to, closedOn: n.closed_on,
          })),
          packages: loaded.packages.map((p): DemandPackage => ({
            id: p.id,
            name: p.name,
            title: p.title as LocalName,
            db07: p.db07,
            modules: (p.modules as StoredModule[]).map((m) => ({ title: m.title, goalIds: m.goals.map((g) => g.id) })),
          })),
          enrolments: loaded.enrolments.map((e) => ({
            packageId: e.package_id, status: e.status, moduleIndex: e.current_module_index, signedGoalIds: signed.get(e.id) ?? [],
          })),
        });
        return { from, to, industries: report };
      },
    });
  };
}

async function loadDemand(tx: Tx, from: string, to: string) {
  const needs = await tx
    .selectFrom('labour_needs')
    .innerJoin('companies', 'companies.id', 'labour_needs.company_id')
    .select(['labour_needs.id', 'labour_needs.company_id', 'companies.name as company_name', 'labour_needs.db07', 'labour_needs.kind',
      'labour_needs.slots', 'labour_needs.period_from', 'labour_needs.period_to', 'labour_needs.closed_on'])
    .where('labour_needs.period_from', '<=', to)
    .where('labour_needs.period_to', '>=', from)
    .where((eb) => eb.or([eb('labour_needs.closed_on', 'is', null), eb('labour_needs.closed_on', '>', from)]))
    .execute();
  const packages = await tx.selectFrom('packages').select(['id', 'name', 'title', 'db07', 'modules']).execute();
  const enrolments = await tx.selectFrom('package_enrolments').select(['id', 'package_id', 'status', 'current_module_index']).execute();
  const signoffs = await tx
    .selectFrom('goal_signoffs')
    .innerJoin('package_enrolments', (join) => join
      .onRef('package_enrolments.id', '=', 'goal_signoffs.enrolment_id')
      .onRef('package_enrolments.current_module_index', '=', 'goal_signoffs.module_index'))
    .select(['goal_signoffs.enrolment_id', 'goal_signoffs.goal_id'])
    .where('package_enrolments.status', '=', 'active')
    .execute();
  return { needs, packages, enrolments, signoffs };
}
