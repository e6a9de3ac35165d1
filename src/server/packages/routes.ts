// Industry packages of the caller's municipality, citizens' enrolments, goal sign-offs and the
// module gate. Every read and write runs through the route wrapper's tenant transaction (row-level security:
// another municipality's package, enrolment or citizen is 404) and is audited. The rules are in
// src/domain/packages, applied by commands/package-gatekeeper.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesFor } from '../../domain/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import type { Tx } from '../platform/db/tenant.ts';
import type { PackageTemplateStore } from './package-store.ts';
import { advanceEnrolment, createPackage, enrolCitizen, signOff, type LoadedEnrolment } from './package-gatekeeper.ts';
import { presentPackage, presentPackageSummary, readEnrolmentViews, readPackageCounts } from './enrolment-views.ts';
import type { CitizenEnrolmentView, EnrolmentView } from '../../contract/types.ts';
import { advanceBody, citizenEnrolmentList, citizenIdParams, enrolmentIdParams, enrolmentOne, newEnrolmentBody, newPackageBody, packageCreated, packageDetail, packageIdParams, packageList, packageSummarySchema, signOffBody, templateList } from '../../contract/packages.ts';

const noCounts = { active: 0, waitingAtGate: 0, completed: 0 };

/** The enrolment a command just wrote, read back as the API shows it. */
async function viewOf(tx: Tx, loaded: LoadedEnrolment, today: string): Promise<EnrolmentView> {
  const [view] = await readEnrolmentViews(tx, [loaded.row], today);
  if (!view) throw new Error(`Enrolment ${loaded.row.id} vanished`);
  return view;
}

export function packageRoutes(ctx: AppContext, templates: PackageTemplateStore): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/package-templates',
      response: templateList,
      can: 'package.view',
      audit: { action: 'package.templates', entity: 'package', id: () => null, detail: (_, out) => ({ count: out.templates.length }) },
      handler: async () => ({
        templates: templates.templates.map((t) => ({
          id: t.id, version: t.version, title: t.title, industry: t.industry, moduleCount: t.modules.length,
        })),
      }),
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/packages',
      response: packageList,
      can: 'package.view',
      audit: { action: 'package.list', entity: 'package', id: () => null, detail: (_, out) => ({ count: out.packages.length }) },
      handler: async ({ tx, presentEach }) => {
        const found = await tx.selectFrom('packages').selectAll().orderBy('name').orderBy('id').execute();
        const counts = await readPackageCounts(tx, found);
        return { packages: presentEach(found, packageSummarySchema, (row) => presentPackageSummary(row, counts.get(row.id) ?? noCounts), (row) => row.id) };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/packages',
      body: newPackageBody,
      response: packageCreated,
      status: 201,
      can: 'package.create',
      audit: { action: 'package.create', entity: 'package', byCommand: true },
      handler: async ({ tx, trail, actor, body }) => {
        const template = templates.byId(body.templateId);
        if (!template) throw new ApiError('validation_failed', 'Invalid body', [{ field: 'templateId', message: `No package template ${body.templateId}` }]);
        return { package: presentPackage(await createPackage(tx, trail, actor, template, body), noCounts) };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/packages/:id',
      params: packageIdParams,
      response: packageDetail,
      can: 'package.view',
      audit: { action: 'package.view', entity: 'package', detail: (_, out) => ({ enrolments: out.enrolments.length, citizenIds: out.enrolments.map((e) => e.citizenId) }) },
      handler: async ({ tx, actor, params, today }) => {
        const row = await tx.selectFrom('packages').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!row) throw new ApiError('not_found', 'No such package');
        const rows = await tx.selectFrom('package_enrolments').selectAll().where('package_id', '=', row.id).orderBy('started_on').orderBy('id').execute();
        const enrolments = await readEnrolmentViews(tx, rows, today, [row]);
        const counts = await readPackageCounts(tx, [row]);
        return { package: presentPackage(row, counts.get(row.id) ?? noCounts), enrolments, abilities: abilitiesFor(actor, { municipalityCode: row.municipality_code }) };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/enrolments',
      params: citizenIdParams,
      response: citizenEnrolmentList,
      can: 'package.view',
      audit: { action: 'enrolment.list', entity: 'citizen', detail: (_, out) => ({ count: out.enrolments.length }) },
      handler: async ({ tx, params, today }) => {
        const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', params.id).executeTakeFirst();
        if (!citizen) throw new ApiError('not_found', 'No such citizen');
        const rows = await tx.selectFrom('package_enrolments').selectAll().where('citizen_id', '=', citizen.id).orderBy('started_on').orderBy('id').execute();
        const packages = rows.length === 0 ? [] : await tx.selectFrom('packages').selectAll().where('id', 'in', rows.map((r) => r.package_id)).execute();
        const views = await readEnrolmentViews(tx, rows, today, packages);
        const byId = new Map(packages.map((p) => [p.id, p]));
        return {
          enrolments: views.map((v) => {
            const pkg = byId.get(v.packageId);
            return {
              ...v,
              packageName: pkg?.name ?? '',
              packageTitle: (pkg?.title ?? { da: pkg?.name ?? '', en: pkg?.name ?? '' }) as CitizenEnrolmentView['packageTitle'],
              industry: (pkg?.industry ?? { db07: '', name: { da: '', en: '' } }) as CitizenEnrolmentView['industry'],
            };
          }),
        };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/packages/:id/enrolments',
      params: packageIdParams,
      body: newEnrolmentBody,
      response: enrolmentOne,
      status: 201,
      can: 'package.enrol',
      audit: { action: 'enrolment.create', entity: 'enrolment', byCommand: true },
      handler: async ({ tx, trail, actor, params, body, today }) => ({ enrolment: await viewOf(tx, await enrolCitizen(tx, trail, actor, params.id, body.citizenId, today), today) }),
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/enrolments/:id/signoffs',
      params: enrolmentIdParams,
      body: signOffBody,
      response: enrolmentOne,
      status: 201,
      can: 'package.signoff',
      audit: { action: 'enrolment.signoff', entity: 'enrolment', byCommand: true },
      handler: async ({ tx, trail, actor, params, body, today }) => ({ enrolment: await viewOf(tx, await signOff(tx, trail, actor, params.id, body, ctx.now()), today) }),
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/enrolments/:id/advance',
      params: enrolmentIdParams,
      body: advanceBody,
      response: enrolmentOne,
      can: 'package.advance',
      audit: { action: 'enrolment.advance', entity: 'enrolment', byCommand: true },
      handler: async ({ tx, trail, actor, params, body, today }) => ({ enrolment: await viewOf(tx, await advanceEnrolment(tx, trail, actor, params.id, body?.override, ctx.now()), today) }),
    });
  };
}
