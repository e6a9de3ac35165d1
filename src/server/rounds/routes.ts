// Rounds: save answers (also from a handed-over session, citizen answers only), hand the
// session over to the citizen, and the handed-over round for the citizen form. What a
// handed-over session gets back is the citizen's view of its one round (presentCitizenRound):
// never the caseworker's answers or completion, nor anything of another round or citizen.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { sessionOf } from '../platform/http/authenticate.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError, type FieldError } from '../platform/http/errors.ts';
import { setHandover } from '../platform/auth/session-store.ts';
import { findRound } from '../citizens/index.ts';
import { presentCitizenRound, presentRounds } from './round-presenter.ts';
import { answersOf, citizenAnswersOf, lockRound } from './round-queries.ts';
import { roundClosed } from '../../domain/fip/index.ts';
import { firstSubmission, saveAnswers } from './round-recorder.ts';
import { answersBody, type AnswersBody, answersSaved, handoverRound, handoverStarted, roundIdParams } from '../../contract/rounds.ts';

/** The answers must be items of the version the round was started on, not of the current one. */
function checkItems(ctx: AppContext, instrumentVersion: string, body: AnswersBody): void {
  const version = ctx.instrument.byVersion(instrumentVersion);
  // The round was answered on a version this server no longer has (its content file was removed):
  // a clash with the installation, not a fault of the request or the code — nothing is saved.
  if (!version) throw new ApiError('conflict', `This round was answered on questionnaire version ${instrumentVersion}, which this server does not have; ask the administrator to restore it`);
  const known = version.itemIds(body.respondent);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  body.answers.forEach((answer, i) => {
    if (!known.has(answer.itemId)) errors.push({ field: `answers.${i}.itemId`, message: `Not a ${body.respondent} item of the instrument` });
    else if (seen.has(answer.itemId)) errors.push({ field: `answers.${i}.itemId`, message: 'Item answered twice' });
    seen.add(answer.itemId);
  });
  if (errors.length) throw new ApiError('validation_failed', 'Invalid answers', errors);
}

export function roundRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'PUT',
      url: '/api/rounds/:id/answers',
      params: roundIdParams,
      body: answersBody,
      response: answersSaved,
      // A handed-over session is the caseworker's: the role check holds, and the hand-over lock narrows it.
      can: 'round.answer',
      duringHandover: true,
      audit: { action: 'round.answers', entity: 'round', byCommand: true },
      handler: async ({ tx, trail, actor, params, body, request }) => {
        const { handover } = sessionOf(request);
        if (handover && (handover.roundId !== params.id || body.respondent !== 'citizen')) {
          throw new ApiError('locked_for_citizen', 'This session is handed over to the citizen');
        }
        const row = await lockRound(tx, params.id);
        if (!row) throw new ApiError('not_found', 'No such round');
        checkItems(ctx, row.instrument_version, body);
        const replay = body.clientId !== undefined && !(await firstSubmission(tx, row, body.clientId));
        // A finished round takes no more answers (decision 023). A resend of a submission received
        // before it closed is still its replay (it was applied), not a refusal.
        if (!replay && roundClosed({ citizenCompletedAt: row.citizen_completed_at, caseworkerCompletedAt: row.caseworker_completed_at })) {
          throw new ApiError('round_closed', 'This round is finished (both parts are complete): it takes no more answers');
        }
        if (replay) trail.record('round.answers', 'round', row.id, { citizenId: row.citizen_id, respondent: body.respondent, clientId: body.clientId, replay: true });
        else await saveAnswers(tx, trail, actor, row, body.respondent, body.answers, body.complete, ctx.now());
        const fresh = await findRound(tx, row.id);
        const round = !fresh ? undefined : handover ? presentCitizenRound(fresh, await citizenAnswersOf(tx, fresh)) : presentRounds([fresh], await answersOf(tx, [fresh]))[0];
        if (!round) throw new ApiError('internal', 'Round vanished after saving its answers');
        return replay ? { round, replay } : { round };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/rounds/:id/handover',
      params: roundIdParams,
      response: handoverStarted,
      can: 'round.handover',
      audit: { action: 'round.handover', entity: 'round', detail: (_, out) => ({ citizenId: out.handover.citizenId }) },
      handler: async ({ tx, params, request }) => {
        const session = sessionOf(request);
        const row = await findRound(tx, params.id);
        const citizen = row && (await tx.selectFrom('citizens').select('language').where('id', '=', row.citizen_id).executeTakeFirst());
        if (!row || !citizen) throw new ApiError('not_found', 'No such round');
        const handover = { roundId: row.id, citizenId: row.citizen_id, language: citizen.language };
        await setHandover(tx, session.sessionId, handover);
        return { handover };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/handover/round',
      response: handoverRound,
      can: 'round.answer',
      duringHandover: true,
      audit: { action: 'round.view', entity: 'round', id: (_, out) => out.round.id, detail: (_, out) => ({ citizenId: out.round.citizenId, viaHandover: true }) },
      handler: async ({ tx, request }) => {
        const { handover } = sessionOf(request);
        if (!handover) throw new ApiError('not_found', 'This session is not handed over');
        const row = await findRound(tx, handover.roundId);
        if (!row) throw new ApiError('not_found', 'No such round');
        return { round: presentCitizenRound(row, await citizenAnswersOf(tx, row)), language: handover.language };
      },
    });
  };
}
