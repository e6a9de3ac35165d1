// Labour needs of companies and demand per industry, in the caller's municipality. Every read and
// write runs in one withTenant transaction (row-level security: another municipality's company
// or need is 404) and is audited, except GET /api/industries (reference data, no tenant rows).
// Permissions: reading needs and demand company.view; recording and changing needs company.needs
// (company consultants).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app-context.ts';
import { isoDate } from '../../http/app-context.ts';
import { actorOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError } from '../../http/errors.ts';
import { withTenant } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { createNeed, updateNeed, type LabourNeedRow } from '../../commands/labour-need-recorder.ts';
import { loadDb07 } from '../../companies/db07-store.ts';
import { defaultDemandPeriod, demandByIndustry, type DemandPackage } from '../../../domain/companies/index.ts';
import { companyIdParams } from './schema.ts';
import { demandQuery, demandSchema, industriesSchema, needIdParams, needSchema, newNeedBody, patchNeedBody } from './needs-schema.ts';

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
  title: { da: string; en: string };
  goals: { id: string }[];
}

export function needRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const reference = loadDb07();
  const industries: z.infer<typeof industriesSchema> = {
    sections: reference.sections.map((s) => ({ code: s.code, section: s.code, name: { da: s.da, en: s.en } })),
    industries: reference.industries.map((i) => ({ code: i.code, section: i.section, name: { da: i.da, en: i.en } })),
  };
  return async (app) => {
    app.get('/api/industries', { schema: { response: { 200: industriesSchema } } }, async (request) => {
      requireAbility(actorOf(request), 'company.view');
      return industries;
    });

    app.get(
      '/api/companies/:id/needs',
      { schema: { params: companyIdParams, response: { 200: z.object({ needs: z.array(needSchema) }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'company.view');
        const rows = await withTenant(ctx.db, actor, async (tx) => {
          const company = await tx.selectFrom('companies').select('id').where('id', '=', request.params.id).executeTakeFirst();
          if (!company) return null;
          const found = await tx.selectFrom('labour_needs').selectAll().where('company_id', '=', company.id)
            .orderBy('period_from', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
          await writeAudit(tx, actor, 'need.list', 'company', company.id, { count: found.length });
          return found;
        });
        if (!rows) throw new ApiError('not_found', 'No such company');
        return { needs: rows.map(presentNeed) };
      },
    );

    app.post(
      '/api/companies/:id/needs',
      { schema: { params: companyIdParams, body: newNeedBody, response: { 201: z.object({ need: needSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'company.needs');
        const row = await withTenant(ctx.db, actor, (tx) => createNeed(tx, actor, request.params.id, request.body));
        return reply.code(201).send({ need: presentNeed(row) });
      },
    );

    app.patch(
      '/api/needs/:id',
      { schema: { params: needIdParams, body: patchNeedBody, response: { 200: z.object({ need: needSchema }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'company.needs');
        const row = await withTenant(ctx.db, actor, (tx) => updateNeed(tx, actor, request.params.id, request.body));
        return { need: presentNeed(row) };
      },
    );

    app.get('/api/industries/demand', { schema: { querystring: demandQuery, response: { 200: demandSchema } } }, async (request) => {
      const actor = actorOf(request);
      requireAbility(actor, 'company.view');
      const from = request.query.from ?? isoDate(ctx.now());
      const to = request.query.to ?? defaultDemandPeriod(from).to;
      if (to < from) throw new ApiError('validation_failed', 'Invalid query', [{ field: 'to', message: 'The period ends before it starts' }]);
      const loaded = await withTenant(ctx.db, actor, async (tx) => {
        const needs = await tx
          .selectFrom('labour_needs')
          .innerJoin('companies', 'companies.id', 'labour_needs.company_id')
          .select(['labour_needs.id', 'labour_needs.company_id', 'companies.name as company_name', 'labour_needs.db07', 'labour_needs.kind',
            'labour_needs.slots', 'labour_needs.period_from', 'labour_needs.period_to', 'labour_needs.closed_on'])
          .where('labour_needs.period_from', '<=', to)
          .where('labour_needs.period_to', '>=', from)
          .where((eb) => eb.or([eb('labour_needs.closed_on', 'is', null), eb('labour_needs.closed_on', '>', from)]))
          .execute();
        const packages = await tx.selectFrom('packages').select(['id', 'name', 'db07', 'modules']).execute();
        const enrolments = await tx.selectFrom('package_enrolments').select(['id', 'package_id', 'status', 'current_module_index']).execute();
        const signoffs = await tx
          .selectFrom('goal_signoffs')
          .innerJoin('package_enrolments', (join) => join
            .onRef('package_enrolments.id', '=', 'goal_signoffs.enrolment_id')
            .onRef('package_enrolments.current_module_index', '=', 'goal_signoffs.module_index'))
          .select(['goal_signoffs.enrolment_id', 'goal_signoffs.goal_id'])
          .where('package_enrolments.status', '=', 'active')
          .execute();
        await writeAudit(tx, actor, 'demand.view', 'municipality', actor.municipalityCode, { from, to, needs: needs.length, enrolments: enrolments.length });
        return { needs, packages, enrolments, signoffs };
      });
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
          db07: p.db07,
          modules: (p.modules as StoredModule[]).map((m) => ({ title: m.title, goalIds: m.goals.map((g) => g.id) })),
        })),
        enrolments: loaded.enrolments.map((e) => ({
          packageId: e.package_id, status: e.status, moduleIndex: e.current_module_index, signedGoalIds: signed.get(e.id) ?? [],
        })),
      });
      return { from, to, industries: report };
    });
  };
}
