// Citizens: the caseload (filtered, searched, paged, with each one's next deadline, sorted by days to the next breach — caseload.ts), assignment, the managers' overview, register, view (with rounds and the caller's abilities), start a round.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesFor } from '../../domain/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { findCitizen, roundsOf } from './citizen-queries.ts';
import { presentDetail } from './citizen-presenter.ts';
import type { PolicyStore } from '../deadlines/index.ts';
import { caseload, overview, searchKind } from './caseload.ts';
import { assignCitizen } from './assignment.ts';
import { colleagues } from './caseload-queries.ts';
import { assigneesResponse, assignmentBody, assignmentResponse, caseloadItem, caseloadOverview, caseloadPage, caseloadQuery, caseloadSearchBody, caseloadSearchQuery } from '../../contract/caseload.ts';
import { answersOf, presentRounds } from '../rounds/index.ts';
import { registerCitizen } from './citizen-registrar.ts';
import { startRound } from '../rounds/index.ts';
import { citizenExportRoutes } from './export-routes.ts';
import { citizenCreated, citizenIdParams, citizenView, newCitizenBody, roundStarted } from '../../contract/citizens.ts';

export function citizenRoutes(ctx: AppContext, policies: PolicyStore): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(citizenExportRoutes(ctx));

    // The caseload (decision 026): GET with the filters as query parameters; POST …/search with
    // the same and a search text in the body (a name or the CPR's last four digits: personal data,
    // never in a URL). One audit row naming who was shown — never the search text.
    const listAudit = {
      action: 'citizen.list' as const,
      entity: 'citizen' as const,
      id: () => null,
      detail: ({ today, query, body }: { today: string; query: unknown; body: unknown }, out: { citizens: { id: string }[]; total: number; page: number; pageSize: number }) => {
        const input = { ...((query ?? {}) as Record<string, unknown>), ...((body ?? {}) as Record<string, unknown>) };
        const { text: _text, ...filters } = input;
        const search = searchKind(typeof _text === 'string' ? _text : undefined);
        return { count: out.citizens.length, total: out.total, page: out.page, citizenIds: out.citizens.map((c) => c.id), deadlinesAsOf: today, filters, ...(search ? { search } : {}) };
      },
    };

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens',
      query: caseloadQuery,
      response: caseloadPage,
      can: 'citizen.list',
      audit: listAudit,
      handler: async ({ tx, actor, today, query, presentEach }) =>
        caseload(tx, { policies, vault: ctx.vault, today, userId: actor.userId, presentEach: (rows, present, idOf) => presentEach(rows, caseloadItem, present, idOf) }, query),
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/citizens/search',
      query: caseloadSearchQuery,
      body: caseloadSearchBody,
      response: caseloadPage,
      can: 'citizen.list',
      audit: listAudit,
      handler: async ({ tx, actor, today, body, presentEach }) =>
        caseload(tx, { policies, vault: ctx.vault, today, userId: actor.userId, presentEach: (rows, present, idOf) => presentEach(rows, caseloadItem, present, idOf) }, body),
    });

    defineRoute(app, ctx, {
      method: 'PUT',
      url: '/api/citizens/:id/assignment',
      params: citizenIdParams,
      body: assignmentBody,
      response: assignmentResponse,
      can: 'citizen.assign',
      audit: { action: 'citizen.assign', entity: 'citizen', byCommand: true },
      handler: async ({ tx, trail, params, body }) => {
        const assigned = await assignCitizen(tx, trail, params.id, body);
        return { assignment: { citizenId: params.id, ...assigned } };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/caseload/assignees',
      response: assigneesResponse,
      can: 'citizen.assign',
      audit: { action: 'user.list', entity: 'user', id: () => null, detail: (_, out) => ({ purpose: 'assignees', caseworkers: out.caseworkers.length, consultants: out.consultants.length }) },
      handler: async ({ tx, actor }) => ({
        caseworkers: await colleagues(tx, actor.municipalityCode, 'caseworker'),
        consultants: await colleagues(tx, actor.municipalityCode, 'company_consultant'),
      }),
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/caseload/overview',
      response: caseloadOverview,
      can: 'caseload.overview',
      audit: { action: 'caseload.overview', entity: 'municipality', id: ({ actor }) => actor.municipalityCode, detail: ({ today }, out) => ({ deadlinesAsOf: today, caseworkers: out.rows.length }) },
      handler: async ({ tx, actor, today }) => ({
        asOf: today,
        rows: await overview(tx, policies, today, await colleagues(tx, actor.municipalityCode, 'caseworker')),
      }),
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
