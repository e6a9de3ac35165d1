// The employment probability (decision 029): the managers' page, the switch and the refit, and a
// citizen's probability for the caseworkers and managers of the citizen's municipality. Every
// read and write is audited; row-level security keeps each to the caller's municipality.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { citizenIdParams } from '../../contract/citizens.ts';
import { employmentModelView, employmentProbability } from '../../contract/employment-model.ts';
import { loadNewestModel, loadRoundOne, loadSettings } from './employment-model-queries.ts';
import { refitModel, setEnabled } from './employment-model-commands.ts';
import { presentProbability, presentView } from './employment-model-presenter.ts';

export function employmentModelRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const view = async (tx: Parameters<typeof loadSettings>[0], municipalityCode: string) =>
      presentView(municipalityCode, await loadSettings(tx), await loadNewestModel(tx));

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/employment-model',
      response: employmentModelView,
      can: 'employment_model.manage',
      audit: { action: 'employment_model.view', entity: 'municipality', id: (_, out) => out.municipalityCode, detail: (_, out) => ({ enabled: out.enabled, version: out.model?.version ?? null }) },
      handler: async ({ tx, actor }) => view(tx, actor.municipalityCode),
    });

    for (const enabled of [true, false]) {
      defineRoute(app, ctx, {
        method: 'POST',
        url: `/api/employment-model/${enabled ? 'enable' : 'disable'}`,
        response: employmentModelView,
        can: 'employment_model.manage',
        audit: { action: enabled ? 'employment_model.enable' : 'employment_model.disable', entity: 'municipality', byCommand: true },
        handler: async ({ tx, trail, actor }) => {
          await setEnabled(tx, trail, actor, enabled);
          return view(tx, actor.municipalityCode);
        },
      });
    }

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/employment-model/refit',
      response: employmentModelView,
      can: 'employment_model.manage',
      audit: { action: 'employment_model.refit', entity: 'municipality', byCommand: true },
      handler: async ({ tx, trail, actor, today }) => {
        await refitModel(tx, trail, actor, ctx.instrument.instrument, today);
        return view(tx, actor.municipalityCode);
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/employment-probability',
      params: citizenIdParams,
      response: employmentProbability,
      can: 'employment_model.view',
      audit: {
        action: 'employment_probability.view',
        entity: 'citizen',
        detail: (_, out) => ({ status: out.status, ...(out.status === 'unavailable' ? { reason: out.reason } : {}), version: out.status === 'off' ? null : (out.model?.version ?? null) }),
      },
      handler: async ({ tx, params }) => {
        const found = await loadRoundOne(tx, params.id);
        if (!found) throw new ApiError('not_found', 'No such citizen');
        const settings = await loadSettings(tx);
        const enabled = settings?.enabled ?? false;
        return presentProbability(enabled, enabled ? await loadNewestModel(tx) : null, found.round, ctx.instrument.instrument);
      },
    });
  };
}
