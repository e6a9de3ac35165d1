// Citizens: list (with each one's next deadline, sorted by days to the next breach), register, view (with rounds and the caller's abilities), start a round.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesFor } from '../../domain/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { findCitizen, listCitizens, roundsOf } from './citizen-queries.ts';
import { presentDetail, presentSummary } from './citizen-presenter.ts';
import { byNextDeadline } from '../../domain/deadlines/next-deadline.ts';
import { nextDeadlines } from '../deadlines/index.ts';
import type { PolicyStore } from '../deadlines/index.ts';
import { answersOf, presentRounds } from '../rounds/index.ts';
import { registerCitizen } from './citizen-registrar.ts';
import { startRound } from '../rounds/index.ts';
import { citizenExportRoutes } from './export-routes.ts';
import { citizenCreated, citizenIdParams, citizenList, citizenSummary, citizenView, newCitizenBody, roundStarted } from '../../contract/citizens.ts';

export function citizenRoutes(ctx: AppContext, policies: PolicyStore): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(citizenExportRoutes(ctx));

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens',
      response: citizenList,
      can: 'citizen.list',
      // The offers and rounds read for the deadlines are part of this list read (one audit row naming who was shown).
      audit: { action: 'citizen.list', entity: 'citizen', id: () => null, detail: ({ today }, out) => ({ count: out.citizens.length, citizenIds: out.citizens.map((c) => c.id), deadlinesAsOf: today }) },
      handler: async ({ tx, today, presentEach }) => {
        const found = await listCitizens(tx);
        // The deadline rules over the whole caseload in a fixed number of queries (no per-citizen reads).
        const next = await nextDeadlines(tx, policies, today);
        const citizens = presentEach(found, citizenSummary, (row) => presentSummary(row, today, next.get(row.id) ?? null), (row) => row.id);
        return { citizens: citizens.sort(byNextDeadline) };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/citizens',
      body: newCitizenBody,
      response: citizenCreated,
      status: 201,
      can: 'citizen.create',
      audit: { action: 'citizen.create', entity: 'citizen', byCommand: true },
      handler: async ({ tx, trail, actor, body, today }) => {
        const id = await registerCitizen(tx, trail, ctx.vault, actor, body);
        const row = await findCitizen(tx, id);
        if (!row) throw new ApiError('internal', 'Citizen vanished after registration');
        return { citizen: presentDetail(row, today, ctx.vault.decrypt) };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id',
      params: citizenIdParams,
      response: citizenView,
      can: 'citizen.view',
      audit: { action: 'citizen.view', entity: 'citizen' },
      handler: async ({ tx, actor, params, today }) => {
        const row = await findCitizen(tx, params.id);
        if (!row) throw new ApiError('not_found', 'No such citizen');
        const roundRows = await roundsOf(tx, row.id);
        const rounds = presentRounds(roundRows, await answersOf(tx, roundRows));
        return {
          citizen: presentDetail(row, today, ctx.vault.decrypt),
          rounds,
          abilities: abilitiesFor(actor, { municipalityCode: row.municipality_code }),
        };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/citizens/:id/rounds',
      params: citizenIdParams,
      response: roundStarted,
      status: 201,
      can: 'round.start',
      audit: { action: 'round.start', entity: 'round', byCommand: true },
      handler: async ({ tx, trail, actor, params, today }) => {
        const id = await startRound(tx, trail, actor, params.id, today, ctx.instrument.version);
        const rows = await roundsOf(tx, params.id);
        const mine = rows.filter((row) => row.id === id);
        const round = presentRounds(mine, await answersOf(tx, mine))[0];
        if (!round) throw new ApiError('internal', 'Round vanished after start');
        return { round };
      },
    });
  };
}
