// Citizens: list (with each one's next deadline, sorted by days to the next breach), register, view (with rounds and the caller's abilities), start a round.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { abilitiesFor } from '../../../domain/permissions.ts';
import type { AppContext } from '../../http/app-context.ts';
import { isoDate } from '../../http/app-context.ts';
import { actorOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError } from '../../http/errors.ts';
import { withTenant } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { findCitizen, listCitizens, roundsOf } from '../../queries/citizen-queries.ts';
import { presentDetail, presentSummary } from '../../presenters/citizen-presenter.ts';
import { byNextDeadline } from '../../../domain/deadlines/next-deadline.ts';
import { nextDeadlines } from '../../queries/caseload-deadlines.ts';
import type { PolicyStore } from '../../deadlines/policy-store.ts';
import { presentRounds } from '../../presenters/round-presenter.ts';
import { registerCitizen } from '../../commands/citizen-registrar.ts';
import { startRound } from '../../commands/round-recorder.ts';
import { citizenDetail, citizenIdParams, citizenSummary, newCitizenBody, roundSchema } from './schema.ts';

export function citizenRoutes(ctx: AppContext, policies: PolicyStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/citizens', { schema: { response: { 200: z.object({ citizens: z.array(citizenSummary) }) } } }, async (request) => {
      const actor = actorOf(request);
      requireAbility(actor, 'citizen.list');
      const today = isoDate(ctx.now());
      const { rows, next } = await withTenant(ctx.db, actor, async (tx) => {
        const found = await listCitizens(tx);
        // The deadline rules over the whole caseload in a fixed number of queries (no per-citizen reads).
        const deadlines = await nextDeadlines(tx, policies, today);
        // The offers and rounds read for the deadlines are part of this list read (one audit row).
        await writeAudit(tx, actor, 'citizen.list', 'citizen', null, { count: found.length, deadlinesAsOf: today });
        return { rows: found, next: deadlines };
      });
      return { citizens: rows.map((row) => presentSummary(row, today, next.get(row.id) ?? null)).sort(byNextDeadline) };
    });

    app.post(
      '/api/citizens',
      { schema: { body: newCitizenBody, response: { 201: z.object({ citizen: citizenDetail }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'citizen.create');
        const row = await withTenant(ctx.db, actor, async (tx) => {
          const id = await registerCitizen(tx, ctx.vault, actor, request.body);
          return findCitizen(tx, id);
        });
        if (!row) throw new ApiError('internal', 'Citizen vanished after registration');
        return reply.code(201).send({ citizen: presentDetail(row, isoDate(ctx.now()), ctx.vault.decrypt) });
      },
    );

    app.get(
      '/api/citizens/:id',
      {
        schema: {
          params: citizenIdParams,
          response: { 200: z.object({ citizen: citizenDetail, rounds: z.array(roundSchema), abilities: z.array(z.string()) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requireAbility(actor, 'citizen.view');
        const result = await withTenant(ctx.db, actor, async (tx) => {
          const row = await findCitizen(tx, request.params.id);
          if (!row) return null;
          const rounds = await presentRounds(tx, await roundsOf(tx, row.id));
          await writeAudit(tx, actor, 'citizen.view', 'citizen', row.id);
          return { row, rounds };
        });
        if (!result) throw new ApiError('not_found', 'No such citizen');
        return {
          citizen: presentDetail(result.row, isoDate(ctx.now()), ctx.vault.decrypt),
          rounds: result.rounds,
          abilities: abilitiesFor(actor, { municipalityCode: result.row.municipality_code }),
        };
      },
    );

    app.post(
      '/api/citizens/:id/rounds',
      { schema: { params: citizenIdParams, response: { 201: z.object({ round: roundSchema }) } } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireAbility(actor, 'round.start');
        const round = await withTenant(ctx.db, actor, async (tx) => {
          const id = await startRound(tx, actor, request.params.id, isoDate(ctx.now()), ctx.instrument.version);
          const rows = await roundsOf(tx, request.params.id);
          return (await presentRounds(tx, rows.filter((row) => row.id === id)))[0];
        });
        if (!round) throw new ApiError('internal', 'Round vanished after start');
        return reply.code(201).send({ round });
      },
    );
  };
}
