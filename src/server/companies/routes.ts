// Companies of the caller's municipality. Every read and write runs through the route wrapper's
// tenant transaction (row-level security: another municipality's company is 404) and is audited.
// Labour needs, the DB07 reference and demand per industry are in needs-routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesFor } from '../../domain/permissions.ts';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import type { Tx } from '../platform/db/tenant.ts';
import { createCompany, type CompanyRow } from './company-registrar.ts';
import { companyCreated, companyDetail, companyIdParams, companyList, companySchema, newCompanyBody } from '../../contract/companies.ts';
import { needRoutes } from './needs-routes.ts';

type Company = z.infer<typeof companySchema>;

function presentCompany(row: CompanyRow, openSlots: number): Company {
  return {
    id: row.id,
    cvr: row.cvr,
    name: row.name,
    db07: row.db07,
    address: row.address,
    contacts: row.contacts as Company['contacts'],
    createdAt: row.created_at.toISOString(),
    openSlots,
  };
}

/** Slots of needs open today per company: not closed on or before today, period not over. */
async function openSlotsByCompany(tx: Tx, today: string, companyId?: string): Promise<Map<string, number>> {
  let query = tx
    .selectFrom('labour_needs')
    .select((eb) => ['company_id', eb.fn.sum<string | number>('slots').as('slots')])
    .where('period_to', '>=', today)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', today)]))
    .groupBy('company_id');
  if (companyId) query = query.where('company_id', '=', companyId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.company_id, Number(r.slots)]));
}

export function companyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(needRoutes(ctx));

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/companies',
      response: companyList,
      can: 'company.view',
      audit: { action: 'company.list', entity: 'company', id: () => null, detail: (_, out) => ({ count: out.companies.length }) },
      handler: async ({ tx, today, presentEach }) => {
        // Sorted in Danish (the database's collation may be byte order: "DSV" before "Danish").
        const found = (await tx.selectFrom('companies').selectAll().execute())
          .sort((a, b) => a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id));
        const slots = await openSlotsByCompany(tx, today);
        return { companies: presentEach(found, companySchema, (row) => presentCompany(row, slots.get(row.id) ?? 0), (row) => row.id) };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/companies',
      body: newCompanyBody,
      response: companyCreated,
      status: 201,
      can: 'company.create',
      audit: { action: 'company.create', entity: 'company', byCommand: true },
      handler: async ({ tx, trail, actor, body }) => ({ company: presentCompany(await createCompany(tx, trail, actor, body), 0) }),
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/companies/:id',
      params: companyIdParams,
      response: companyDetail,
      can: 'company.view',
      audit: { action: 'company.view', entity: 'company' },
      handler: async ({ tx, actor, params, today }) => {
        const found = await tx.selectFrom('companies').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!found) throw new ApiError('not_found', 'No such company');
        const slots = await openSlotsByCompany(tx, today, found.id);
        return { company: presentCompany(found, slots.get(found.id) ?? 0), abilities: abilitiesFor(actor, { municipalityCode: found.municipality_code }) };
      },
    });
  };
}
