// Rounds: save answers (also from a handed-over session, citizen answers only), hand the
// session over to the citizen, and the handed-over round for the citizen form. What a
// handed-over session gets back is the citizen's view of its one round (presentCitizenRound):
// never the caseworker's answers or completion, nor anything of another round or citizen.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app-context.ts';
import { actorOf, sessionOf } from '../../http/authenticate.ts';
import { requireAbility } from '../../http/authorize.ts';
import { ApiError, type FieldError } from '../../http/errors.ts';
import { withTenant } from '../../db/tenant.ts';
import { writeAudit } from '../../audit/audit-writer.ts';
import { setHandover } from '../../auth/session-store.ts';
import { findRound } from '../../queries/citizen-queries.ts';
import { presentCitizenRound, presentRounds } from '../../presenters/round-presenter.ts';
import { saveAnswers } from '../../commands/round-recorder.ts';
import { roundSchema } from '../citizens/schema.ts';
import { answersBody, roundIdParams, type AnswersBody } from './schema.ts';

function checkItems(ctx: AppContext, body: AnswersBody): void {
  const known = ctx.instrument.itemIds(body.respondent);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  body.answers.forEach((answer, i) => {
    if (!known.has(answer.itemId)) errors.push({ field: `answers.${i}.itemId`, message: `Not a ${body.respondent} item of the instrument` });
    else if (seen.has(answer.itemId)) errors.push({ field: `answers.${i}.itemId`, message: 'Item answered twice' });
    seen.add(answer.itemId);
  });
  if (errors.length) throw new ApiError('validation_failed', 'Invalid answers', errors);
}

const citizenRoundSchema = z.object({
  id: z.string(),
  citizenId: z.string(),
  roundNo: z.number(),
  startedOn: z.string(),
  citizenCompletedAt: z.string().nullable(),
  answers: z.object({ citizen: z.record(z.string(), z.number().nullable()) }),
});

export function roundRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/rounds/:id/answers',
      { config: { duringHandover: true }, schema: { params: roundIdParams, body: answersBody, response: { 200: z.object({ round: z.union([roundSchema, citizenRoundSchema]) }) } } },
      async (request) => {
        const session = sessionOf(request);
        const actor = actorOf(request);
        if (session.handover) {
          if (session.handover.roundId !== request.params.id || request.body.respondent !== 'citizen') {
            throw new ApiError('locked_for_citizen', 'This session is handed over to the citizen');
          }
        } else {
          requireAbility(actor, 'round.answer');
        }
        checkItems(ctx, request.body);
        const round = await withTenant(ctx.db, actor, async (tx) => {
          const row = await findRound(tx, request.params.id);
          if (!row) return null;
          await saveAnswers(tx, actor, row, request.body.respondent, request.body.answers, request.body.complete, ctx.now());
          const fresh = await findRound(tx, row.id);
          if (!fresh) return null;
          return session.handover ? presentCitizenRound(tx, fresh) : (await presentRounds(tx, [fresh]))[0];
        });
        if (!round) throw new ApiError('not_found', 'No such round');
        return { round };
      },
    );

    app.post(
      '/api/rounds/:id/handover',
      { schema: { params: roundIdParams, response: { 200: z.object({ handover: z.object({ roundId: z.string(), citizenId: z.string(), language: z.string() }) }) } } },
      async (request) => {
        const session = sessionOf(request);
        const actor = actorOf(request);
        requireAbility(actor, 'round.handover');
        const handover = await withTenant(ctx.db, actor, async (tx) => {
          const row = await findRound(tx, request.params.id);
          if (!row) return null;
          const citizen = await tx.selectFrom('citizens').select('language').where('id', '=', row.citizen_id).executeTakeFirst();
          if (!citizen) return null;
          const value = { roundId: row.id, citizenId: row.citizen_id, language: citizen.language };
          await setHandover(tx, session.sessionId, value);
          await writeAudit(tx, actor, 'round.handover', 'round', row.id, { citizenId: row.citizen_id });
          return value;
        });
        if (!handover) throw new ApiError('not_found', 'No such round');
        return { handover };
      },
    );

    app.get(
      '/api/handover/round',
      { config: { duringHandover: true }, schema: { response: { 200: z.object({ round: citizenRoundSchema, language: z.string() }) } } },
      async (request) => {
        const session = sessionOf(request);
        const actor = actorOf(request);
        const handover = session.handover;
        if (!handover) throw new ApiError('not_found', 'This session is not handed over');
        const round = await withTenant(ctx.db, actor, async (tx) => {
          const row = await findRound(tx, handover.roundId);
          if (!row) return null;
          await writeAudit(tx, actor, 'round.view', 'round', row.id, { citizenId: row.citizen_id, viaHandover: true });
          return presentCitizenRound(tx, row);
        });
        if (!round) throw new ApiError('not_found', 'No such round');
        return { round, language: handover.language };
      },
    );
  };
}
