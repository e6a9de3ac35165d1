// Industry packages of the caller's municipality, citizens' enrolments, goal sign-offs and the
// module gate. Every read and write runs in one withTenant transaction (row-level security:
// another municipality's package, enrolment or citizen is 404) and is audited. The rules are in
// src/domain/packages, applied by commands/package-gatekeeper.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app-context.ts';
import { isoDate } from '../../http/app-context.ts';
import { actorOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError } from '../../http/errors.ts';
import { withTenant } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import type { PackageTemplateStore } from '../../packages/package-store.ts';
import {
  advanceEnrolment, createPackage, enrolCitizen, enrolmentOf, packageOf, signOff,
  type LoadedEnrolment, type PackageRow,
} from '../../commands/package-gatekeeper.ts';
import { gate } from '../../../domain/packages/index.ts';
import { toDayNumber } from '../../../domain/deadlines/date-math.ts';
import {
  advanceBody, enrolmentIdParams, enrolmentSchema, newEnrolmentBody, newPackageBody, packageIdParams, packageSchema,
  packageSummarySchema, signOffBody,
} from './schema.ts';

type PackageSummary = z.infer<typeof packageSummarySchema>;
type PackageView = z.infer<typeof packageSchema>;
type EnrolmentView = z.infer<typeof enrolmentSchema>;

function presentSummary(row: PackageRow): PackageSummary {
  const pkg = packageOf(row);
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    name: row.name,
    db07: row.db07,
    industry: pkg.industry,
    moduleCount: pkg.modules.length,
    createdAt: row.created_at.toISOString(),
  };
}

function presentPackage(row: PackageRow): PackageView {
  const pkg = packageOf(row);
  return { ...presentSummary(row), title: pkg.title, modules: pkg.modules as PackageView['modules'] };
}

/** The enrolment as of `today`, with days in the module and days waited at the open gate. */
export function presentEnrolment({ row, pkg, enrolment }: LoadedEnrolment, today: string): EnrolmentView {
  const g = gate(pkg, enrolment);
  const signOffs = enrolment.progress[enrolment.progress.length - 1]?.signOffs ?? [];
  const days = (from: string): number => toDayNumber(today) - toDayNumber(from);
  const module = g.currentModule;
  const gateOpenedOn = signOffs.reduce((latest, s) => (s.signedOn > latest ? s.signedOn : latest), row.module_started_on);
  return {
    id: row.id,
    packageId: row.package_id,
    citizenId: row.citizen_id,
    status: row.status,
    startedOn: row.started_on,
    completedOn: row.completed_on,
    currentModule: module === null ? null : { index: row.current_module_index, id: module.id, title: module.title },
    moduleStartedOn: row.module_started_on,
    signedOffGoalIds: signOffs.map((s) => s.goalId),
    unmetGoalIds: g.unmetGoals.map((x) => x.id),
    daysInModule: module === null ? null : days(row.module_started_on),
    daysWaitedAtGate: module === null || g.blocked ? null : days(gateOpenedOn),
  };
}

export function packageRoutes(ctx: AppContext, templates: PackageTemplateStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/packages', { schema: { response: { 200: z.object({ packages: z.array(packageSummarySchema) }) } } }, async (request) => {
      const actor = actorOf(request);
      requireAbility(actor, 'package.view');
      const rows = await withTenant(ctx.db, actor, async (tx) => {
        const found = await tx.selectFrom('packages').selectAll().orderBy('name').orderBy('id').execute();
        await writeAudit(tx, actor, 'package.list', 'package', null, { count: found.length });
        return found;
      });
      return { packages: rows.map(presentSummary) };
    });

    app.post(
      '/api/packages',
      { schema: { body: newPackageBody, response: { 201: z.object({ package: packageSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.create');
        const template = templates.byId(request.body.templateId);
        if (!template) throw new ApiError('validation_failed', 'Invalid body', [{ field: 'templateId', message: `No package template ${request.body.templateId}` }]);
        const row = await withTenant(ctx.db, actor, (tx) => createPackage(tx, actor, template, request.body));
        return reply.code(201).send({ package: presentPackage(row) });
      },
    );

    app.get(
      '/api/packages/:id',
      { schema: { params: packageIdParams, response: { 200: z.object({ package: packageSchema, enrolments: z.array(enrolmentSchema) }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.view');
        const today = isoDate(ctx.now());
        const result = await withTenant(ctx.db, actor, async (tx) => {
          const row = await tx.selectFrom('packages').selectAll().where('id', '=', request.params.id).executeTakeFirst();
          if (!row) return null;
          const pkg = packageOf(row);
          const enrolments = await tx.selectFrom('package_enrolments').selectAll().where('package_id', '=', row.id).orderBy('started_on').orderBy('id').execute();
          const signoffs = enrolments.length === 0 ? [] : await tx.selectFrom('goal_signoffs').selectAll()
            .where('enrolment_id', 'in', enrolments.map((e) => e.id)).orderBy('signed_at').execute();
          const loaded = enrolments.map((e) => ({
            row: e, pkg,
            enrolment: enrolmentOf(e, pkg, signoffs.filter((s) => s.enrolment_id === e.id && s.module_index === e.current_module_index)),
          }));
          await writeAudit(tx, actor, 'package.view', 'package', row.id, { enrolments: enrolments.length });
          return { row, loaded };
        });
        if (!result) throw new ApiError('not_found', 'No such package');
        return { package: presentPackage(result.row), enrolments: result.loaded.map((l) => presentEnrolment(l, today)) };
      },
    );

    app.post(
      '/api/packages/:id/enrolments',
      { schema: { params: packageIdParams, body: newEnrolmentBody, response: { 201: z.object({ enrolment: enrolmentSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.enrol');
        const today = isoDate(ctx.now());
        const loaded = await withTenant(ctx.db, actor, (tx) => enrolCitizen(tx, actor, request.params.id, request.body.citizenId, today));
        return reply.code(201).send({ enrolment: presentEnrolment(loaded, today) });
      },
    );

    app.post(
      '/api/enrolments/:id/signoffs',
      { schema: { params: enrolmentIdParams, body: signOffBody, response: { 201: z.object({ enrolment: enrolmentSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.signoff');
        const now = ctx.now();
        const loaded = await withTenant(ctx.db, actor, (tx) => signOff(tx, actor, request.params.id, request.body, now));
        return reply.code(201).send({ enrolment: presentEnrolment(loaded, isoDate(now)) });
      },
    );

    app.post(
      '/api/enrolments/:id/advance',
      { schema: { params: enrolmentIdParams, body: advanceBody, response: { 200: z.object({ enrolment: enrolmentSchema }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.advance');
        const now = ctx.now();
        const loaded = await withTenant(ctx.db, actor, (tx) => advanceEnrolment(tx, actor, request.params.id, request.body?.override, now));
        return { enrolment: presentEnrolment(loaded, isoDate(now)) };
      },
    );
  };
}
