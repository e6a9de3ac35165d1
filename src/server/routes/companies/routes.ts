// Companies of the caller's municipality. Every read and write runs in one withTenant
// transaction (row-level security: another municipality's company is 404) and is audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app-context.ts';
import { actorOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError } from '../../http/errors.ts';
import { withTenant } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { createCompany, type CompanyRow } from '../../commands/company-registrar.ts';
import { companyIdParams, companySchema, newCompanyBody } from './schema.ts';

type Company = z.infer<typeof companySchema>;

function presentCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    cvr: row.cvr,
    name: row.name,
    db07: row.db07,
    address: row.address,
    contacts: row.contacts as Company['contacts'],
    createdAt: row.created_at.toISOString(),
  };
}

export function companyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/companies', { schema: { response: { 200: z.object({ companies: z.array(companySchema) }) } } }, async (request) => {
      const actor = actorOf(request);
      requireAbility(actor, 'company.view');
      const rows = await withTenant(ctx.db, actor, async (tx) => {
        const found = await tx.selectFrom('companies').selectAll().orderBy('name').orderBy('id').execute();
        await writeAudit(tx, actor, 'company.list', 'company', null, { count: found.length });
        return found;
      });
      return { companies: rows.map(presentCompany) };
    });

    app.post(
      '/api/companies',
      { schema: { body: newCompanyBody, response: { 201: z.object({ company: companySchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'company.create');
        const row = await withTenant(ctx.db, actor, (tx) => createCompany(tx, actor, request.body));
        return reply.code(201).send({ company: presentCompany(row) });
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
          if (found) await writeAudit(tx, actor, 'company.view', 'company', found.id);
          return found;
        });
        if (!row) throw new ApiError('not_found', 'No such company');
        return { company: presentCompany(row) };
      },
    );
  };
}
