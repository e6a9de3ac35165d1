// Audit routes: GET /api/audit/head (the national admin: the chain head and the last checkpoint)
// and GET /api/citizens/:id/access-log (a municipality's managers: who looked at a citizen).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { ApiError } from '../platform/http/errors.ts';
import { defineRoute } from '../platform/http/route.ts';
import { readChainHead } from '../platform/audit/chain-head.ts';
import { CheckpointFileError, lastCheckpoint, type Checkpoint } from '../platform/audit/checkpoint-file.ts';
import { citizenAccessLog } from './access-log.ts';
import { accessLogParams, accessLogQuery, accessLogResponse, auditHeadResponse } from '../../contract/audit.ts';

function readLastCheckpoint(file: string | undefined): { lastCheckpoint: Checkpoint | null; checkpointProblem: string | null } {
  if (file === undefined) return { lastCheckpoint: null, checkpointProblem: null };
  try {
    return { lastCheckpoint: lastCheckpoint(file), checkpointProblem: null };
  } catch (error) {
    if (!(error instanceof CheckpointFileError)) throw error;
    return { lastCheckpoint: null, checkpointProblem: 'The last line of the checkpoint file is not an audit checkpoint' };
  }
}

/** `checkpointFile`: the file `jobvej serve` appends checkpoints to (none in tests unless given). */
export function auditRoutes(ctx: AppContext, checkpointFile?: string): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/audit/head',
      response: auditHeadResponse,
      can: 'audit.head',
      // Hashes and ids only, no personal or tenant data.
      audit: null,
      handler: async ({ tx }) => {
        const head = await readChainHead(tx);
        return { head: head.id === null ? null : { id: head.id, hash: head.hash }, ...readLastCheckpoint(checkpointFile) };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/citizens/:id/access-log',
      params: accessLogParams,
      query: accessLogQuery,
      response: accessLogResponse,
      can: 'citizen.access_log',
      // Written before the handler reads, so the log shows this read too (rolled back with a 404).
      audit: { action: 'citizen.access_log', entity: 'citizen', first: true, detail: ({ query }) => (query.before === undefined ? {} : { before: query.before }) },
      handler: async ({ tx, params, query }) => {
        // Row-level security: another municipality's citizen is not found.
        const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', params.id).executeTakeFirst();
        if (!citizen) throw new ApiError('not_found', 'No such citizen');
        return { citizenId: params.id, ...(await citizenAccessLog(tx, params.id, query.before)) };
      },
    });
  };
}
