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
import { withTenant, type Tx } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import type { PackageTemplateStore } from '../../packages/package-store.ts';
import { advanceEnrolment, createPackage, enrolCitizen, signOff, type LoadedEnrolment } from '../../commands/package-gatekeeper.ts';
import { presentPackage, presentPackageSummary, readEnrolmentViews, readPackageCounts } from '../../packages/enrolment-views.ts';
import type { CitizenEnrolmentView, EnrolmentView, PackageSummaryView, PackageTemplateView, PackageView } from '../../../domain/api-types.ts';
import {
  advanceBody, citizenEnrolmentSchema, citizenIdParams, enrolmentIdParams, enrolmentSchema, newEnrolmentBody, newPackageBody,
  packageIdParams, packageSchema, packageSummarySchema, packageTemplateSchema, signOffBody,
} from './schema.ts';

// The zod response schemas and the shared api-types must describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof packageSummarySchema>, PackageSummaryView>,
  Same<z.infer<typeof packageSchema>, PackageView>,
  Same<z.infer<typeof enrolmentSchema>, EnrolmentView>,
  Same<z.infer<typeof citizenEnrolmentSchema>, CitizenEnrolmentView>,
  Same<z.infer<typeof packageTemplateSchema>, PackageTemplateView>,
] = [true, true, true, true, true];
void sameShapes;

const noCounts = { active: 0, waitingAtGate: 0, completed: 0 };

/** The enrolment a command just wrote, read back as the API shows it. */
async function viewOf(tx: Tx, loaded: LoadedEnrolment, today: string): Promise<EnrolmentView> {
  const [view] = await readEnrolmentViews(tx, [loaded.row], today);
  if (!view) throw new Error(`Enrolment ${loaded.row.id} vanished`);
  return view;
}

export function packageRoutes(ctx: AppContext, templates: PackageTemplateStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/package-templates',
      { schema: { response: { 200: z.object({ templates: z.array(packageTemplateSchema) }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.view');
        await withTenant(ctx.db, actor, (tx) => writeAudit(tx, actor, 'package.templates', 'package', null, { count: templates.templates.length }));
        return {
          templates: templates.templates.map((t) => ({
            id: t.id, version: t.version, title: t.title, industry: t.industry, moduleCount: t.modules.length,
          })),
        };
      },
    );

    app.get('/api/packages', { schema: { response: { 200: z.object({ packages: z.array(packageSummarySchema) }) } } }, async (request) => {
      const actor = actorOf(request);
      requireAbility(actor, 'package.view');
      const packages = await withTenant(ctx.db, actor, async (tx) => {
        const found = await tx.selectFrom('packages').selectAll().orderBy('name').orderBy('id').execute();
        const counts = await readPackageCounts(tx, found);
        await writeAudit(tx, actor, 'package.list', 'package', null, { count: found.length });
        return found.map((row) => presentPackageSummary(row, counts.get(row.id) ?? noCounts));
      });
      return { packages };
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
        return reply.code(201).send({ package: presentPackage(row, noCounts) });
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
          const rows = await tx.selectFrom('package_enrolments').selectAll().where('package_id', '=', row.id).orderBy('started_on').orderBy('id').execute();
          const enrolments = await readEnrolmentViews(tx, rows, today, [row]);
          const counts = await readPackageCounts(tx, [row]);
          await writeAudit(tx, actor, 'package.view', 'package', row.id, { enrolments: rows.length });
          return { package: presentPackage(row, counts.get(row.id) ?? noCounts), enrolments };
        });
        if (!result) throw new ApiError('not_found', 'No such package');
        return result;
      },
    );

    app.get(
      '/api/citizens/:id/enrolments',
      { schema: { params: citizenIdParams, response: { 200: z.object({ enrolments: z.array(citizenEnrolmentSchema) }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.view');
        const today = isoDate(ctx.now());
        const enrolments = await withTenant(ctx.db, actor, async (tx) => {
          const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', request.params.id).executeTakeFirst();
          if (!citizen) return null;
          const rows = await tx.selectFrom('package_enrolments').selectAll().where('citizen_id', '=', citizen.id).orderBy('started_on').orderBy('id').execute();
          const packages = rows.length === 0 ? [] : await tx.selectFrom('packages').selectAll().where('id', 'in', rows.map((r) => r.package_id)).execute();
          const views = await readEnrolmentViews(tx, rows, today, packages);
          await writeAudit(tx, actor, 'enrolment.list', 'citizen', citizen.id, { count: rows.length });
          const byId = new Map(packages.map((p) => [p.id, p]));
          return views.map((v) => {
            const pkg = byId.get(v.packageId);
            return { ...v, packageName: pkg?.name ?? '', industry: (pkg?.industry ?? { db07: '', name: { da: '', en: '' } }) as CitizenEnrolmentView['industry'] };
          });
        });
        if (!enrolments) throw new ApiError('not_found', 'No such citizen');
        return { enrolments };
      },
    );

    app.post(
      '/api/packages/:id/enrolments',
      { schema: { params: packageIdParams, body: newEnrolmentBody, response: { 201: z.object({ enrolment: enrolmentSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.enrol');
        const today = isoDate(ctx.now());
        const enrolment = await withTenant(ctx.db, actor, async (tx) => viewOf(tx, await enrolCitizen(tx, actor, request.params.id, request.body.citizenId, today), today));
        return reply.code(201).send({ enrolment });
      },
    );

    app.post(
      '/api/enrolments/:id/signoffs',
      { schema: { params: enrolmentIdParams, body: signOffBody, response: { 201: z.object({ enrolment: enrolmentSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.signoff');
        const now = ctx.now();
        const enrolment = await withTenant(ctx.db, actor, async (tx) => viewOf(tx, await signOff(tx, actor, request.params.id, request.body, now), isoDate(now)));
        return reply.code(201).send({ enrolment });
      },
    );

    app.post(
      '/api/enrolments/:id/advance',
      { schema: { params: enrolmentIdParams, body: advanceBody, response: { 200: z.object({ enrolment: enrolmentSchema }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'package.advance');
        const now = ctx.now();
        const enrolment = await withTenant(ctx.db, actor, async (tx) => viewOf(tx, await advanceEnrolment(tx, actor, request.params.id, request.body?.override, now), isoDate(now)));
        return { enrolment };
      },
    );
  };
}
