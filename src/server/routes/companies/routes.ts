// Companies of the caller's municipality. Every read and write runs in one withTenant
// transaction (row-level security: another municipality's company is 404) and is audited.
// Labour needs, the DB07 reference and demand per industry are in needs-routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app-context.ts';
import { isoDate } from '../../http/app-context.ts';
import { actorOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError } from '../../http/errors.ts';
import { withTenant, type Tx } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { createCompany, type CompanyRow } from '../../commands/company-registrar.ts';
import { companyIdParams, companySchema, newCompanyBody } from './schema.ts';
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

    app.get('/api/companies', { schema: { response: { 200: z.object({ companies: z.array(companySchema) }) } } }, async (request) => {
      const actor = actorOf(request);
      requireAbility(actor, 'company.view');
      const rows = await withTenant(ctx.db, actor, async (tx) => {
        // Sorted in Danish (the database's collation may be byte order: "DSV" before "Danish").
        const found = (await tx.selectFrom('companies').selectAll().execute())
          .sort((a, b) => a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id));
        const slots = await openSlotsByCompany(tx, isoDate(ctx.now()));
        await writeAudit(tx, actor, 'company.list', 'company', null, { count: found.length });
        return found.map((row) => presentCompany(row, slots.get(row.id) ?? 0));
      });
      return { companies: rows };
    });

    app.post(
      '/api/companies',
      { schema: { body: newCompanyBody, response: { 201: z.object({ company: companySchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'company.create');
        const row = await withTenant(ctx.db, actor, (tx) => createCompany(tx, actor, request.body));
        return reply.code(201).send({ company: presentCompany(row, 0) });
      },
    );

    app.get(
      '/api/companies/:id',
      { schema: { params: companyIdParams, response: { 200: z.object({ company: companySchema }) } } },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'company.view');
        const row = await withTenant(ctx.db, actor, async (tx) => {
          const found = await tx.selectFrom('companies').selectAll().where('id', '=', request.params.id).executeTakeFirst();
          if (!found) return null;
          const slots = await openSlotsByCompany(tx, isoDate(ctx.now()), found.id);
          await writeAudit(tx, actor, 'company.view', 'company', found.id);
          return presentCompany(found, slots.get(found.id) ?? 0);
        });
        if (!row) throw new ApiError('not_found', 'No such company');
        return { company: row };
      },
    );
  };
}
