// The data-subject export (GDPR art. 15, "indsigt"): everything jobvej holds about one citizen —
// the record, every FIP round with both sides' answers, offers, outcomes, package enrolments —
// and who has looked at it (the access log, every page). For the municipality's managers; the
// export itself is audited, so it shows in the next export's access log. The CPR number stays
// masked: the citizen knows it, and the file travels by mail or on paper.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { findCitizen, roundsOf } from './citizen-queries.ts';
import { presentDetail } from './citizen-presenter.ts';
import { answersOf, presentRounds } from '../rounds/index.ts';
import { presentOffer, presentOutcome } from '../offers/index.ts';
import { readEnrolmentViews } from '../packages/index.ts';
import { citizenAccessLog } from '../audit-log/index.ts';
import { accessLogEntry } from '../../contract/audit.ts';
import { offerSchema, outcomeSchema } from '../../contract/offers.ts';
import { enrolmentSchema } from '../../contract/packages.ts';
import { citizenDetail, citizenIdParams, roundSchema } from '../../contract/citizens.ts';

/** Access-log pages read at most (100 rows each): 50,000 reads of one citizen. */
const MAX_LOG_PAGES = 500;

export const citizenExport = z.object({
  exportedAt: z.string(),
  citizen: citizenDetail,
  rounds: z.array(roundSchema),
  offers: z.array(offerSchema),
  outcomes: z.array(outcomeSchema),
  enrolments: z.array(enrolmentSchema),
  accessLog: z.array(accessLogEntry),
});

export function citizenExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/export',
      params: citizenIdParams,
      response: citizenExport,
      can: 'citizen.export',
      audit: { action: 'citizen.export', entity: 'citizen', detail: (_, out) => ({ accessLogEntries: out.accessLog.length }) },
      handler: async ({ tx, params, today }) => {
        const row = await findCitizen(tx, params.id);
        if (!row) throw new ApiError('not_found', 'No such citizen');
        const offers = await tx.selectFrom('offers').selectAll().where('citizen_id', '=', row.id).orderBy('start_date').orderBy('created_at').execute();
        const outcomes = await tx.selectFrom('outcomes').selectAll().where('citizen_id', '=', row.id).orderBy('date').orderBy('created_at').execute();
        const enrolmentRows = await tx.selectFrom('package_enrolments').selectAll().where('citizen_id', '=', row.id).orderBy('started_on').orderBy('id').execute();
        const roundRows = await roundsOf(tx, row.id);
        const accessLog = [];
        let before: string | undefined;
        for (let page = 0; page < MAX_LOG_PAGES; page++) {
          const { entries, nextBefore } = await citizenAccessLog(tx, row.id, before);
          accessLog.push(...entries);
          if (nextBefore === null) break;
          before = nextBefore;
        }
        return {
          exportedAt: ctx.now().toISOString(),
          citizen: presentDetail(row, today, ctx.vault.decrypt),
          rounds: presentRounds(roundRows, await answersOf(tx, roundRows)),
          offers: offers.map(presentOffer),
          outcomes: outcomes.map(presentOutcome),
          enrolments: await readEnrolmentViews(tx, enrolmentRows, today),
          accessLog,
        };
      },
      send: (reply, result, { params }) =>
        reply
          .header('content-disposition', `attachment; filename="citizen-${params.id.slice(0, 8)}-export.json"`)
          .type('application/json; charset=utf-8')
          .send(`${JSON.stringify(result, null, 2)}\n`),
    });
  };
}
