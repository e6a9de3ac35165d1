// Evaluation runs (the evaluator page): start a run from uploaded files or from files in the
// evaluation folder, follow its progress, read and download the result (JSON, CSV, HTML).
// Evaluators and admins only; runs belong to the creator's municipality (or are national).
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { statfs as statfsAsync } from 'node:fs/promises';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderHtml } from '../../evaluation/report/html.ts';
import { createEvaluationRunner, type EvaluationRunner } from './evaluation-runner.ts';
import { removeAbandonedUploads } from './evaluation-resume.ts';
import { OutsideInboxError, resolveInboxPath, storeStream, type StoredInput } from './evaluation-inputs.ts';
import type { TenantContext, Tx } from '../platform/db/tenant.ts';
import type { AppContext } from '../app-context.ts';
import { ApiError } from '../platform/http/errors.ts';
import { EdgeError } from '../platform/http/edge-errors.ts';
import { defineRoute } from '../platform/http/route.ts';
import { canonicalResult, presentRun, resultsCsv } from './evaluation-presenter.ts';
import { evaluationResult } from '../../contract/evaluation-result.ts';
import type { EvaluationResult } from '../../contract/types.ts';
import { listField, runCreated, runIdParams, runList, runParameters, type RunParameters, runSummary, runView, serverPathsBody, uploadFileName } from '../../contract/evaluations.ts';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface EvaluationRouteOptions {
  /** Runs' input copies: `<storeDir>/<run id>/{persons,weeks}.csv`. */
  storeDir: string;
  /** Server-side input files must lie inside this folder (JOBVEJ_EVALUATION_DIR). */
  inboxDir: string;
  /** Largest accepted upload per file, bytes (default 16 GiB). */
  maxFileBytes?: number;
  /** Free space that must stay on the store's file system after the inputs are copied (default 1 GiB). */
  reserveBytes?: number;
  /** fs.promises.statfs, replaceable in tests. */
  statfs?: (path: string) => Promise<{ bavail: number; bsize: number }>;
  /** The queue's claim lease and poll interval (evaluation-runner.ts; JOBVEJ_EVALUATION_LEASE_MS, JOBVEJ_EVALUATION_POLL_MS). */
  leaseMs?: number;
  pollMs?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 ** 3;
export const DEFAULT_RESERVE_BYTES = 1024 ** 3;
/** Multipart framing and the text fields (at most 10 × 1 KiB) on top of the two files. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** One answer for every server-side path that is not a regular file inside the folder, so that
 * the response says nothing about files elsewhere on the server (no existence oracle). */
export const NOT_IN_FOLDER = 'Not a file in the evaluation folder';

function tooLarge(detail: string, field = 'body'): EdgeError {
  return new EdgeError({ status: 413, code: 'payload_too_large', detail, errors: [{ field, message: detail }] });
}

function noSpace(detail: string): EdgeError {
  return new EdgeError({ status: 507, code: 'insufficient_storage', detail });
}

/**
 * An error while a multipart body was read and stored: a full disk is 507, any other file-system
 * error stays a server error, the plugin's own errors keep their status (413 limits), and the rest
 * (busboy: "Unexpected end of form", "Malformed part header" …) is a malformed body, 400.
 */
function multipartFailure(error: unknown): unknown {
  if (error instanceof ApiError || error instanceof EdgeError) return error;
  const e = error as { code?: string; syscall?: string; statusCode?: number };
  if (e.code === 'ENOSPC') return noSpace('The evaluation store ran out of disk space');
  if (e.syscall !== undefined || e.statusCode !== undefined) return error;
  return new EdgeError({ status: 400, code: 'validation_failed', detail: 'Malformed multipart body', errors: [{ field: 'body', message: 'The multipart body is malformed or ended early' }] });
}

function invalid(field: string, message: string): ApiError {
  return new ApiError('validation_failed', `Invalid ${field}`, [{ field, message }]);
}

function parseParameters(raw: { methods?: string[] | undefined; by?: string[] | undefined }): RunParameters {
  const parsed = runParameters.safeParse({ ...(raw.methods ? { methods: raw.methods } : {}), ...(raw.by ? { by: raw.by } : {}) });
  if (!parsed.success) {
    throw new ApiError(
      'validation_failed',
      'Invalid request',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

export function evaluationRoutes(ctx: AppContext, opts: EvaluationRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const reserveBytes = opts.reserveBytes ?? DEFAULT_RESERVE_BYTES;
    const statfs = opts.statfs ?? ((path: string) => statfsAsync(path));
    await app.register(multipart, { limits: { files: 2, fields: 10, fieldSize: 1024, fileSize: maxFileBytes } });

    /** 507 unless `needed` bytes fit on the store's file system with the reserve left over. */
    async function requireSpace(needed: number): Promise<void> {
      mkdirSync(opts.storeDir, { recursive: true });
      const { bavail, bsize } = await statfs(opts.storeDir);
      if (bavail * bsize - needed < reserveBytes) throw noSpace('Not enough free disk space for these files; ask the administrator to free space');
    }

    /** Before any byte of the body is read: a Content-Length over the two files' limit is 413, one that would not fit on disk 507. */
    async function checkUploadSize(request: FastifyRequest): Promise<void> {
      if (!request.headers['content-type']?.startsWith('multipart/')) return;
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > 2 * maxFileBytes + MULTIPART_OVERHEAD) throw tooLarge(`Each file may be at most ${maxFileBytes} bytes`);
      await requireSpace(Number.isFinite(length) ? length : 0);
    }
    // Uploads a crash cut off are removed; runs a crash left unfinished are claimed again once their lease has passed.
    const abandoned = removeAbandonedUploads(opts.storeDir);
    if (abandoned.length > 0) app.log.info({ abandoned }, 'half-received evaluation uploads removed');
    const runner: EvaluationRunner = createEvaluationRunner(ctx.db, {
      storeDir: opts.storeDir,
      version: pkg.version,
      ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}),
      ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
      log: (error) => app.log.error({ err: error }, 'evaluation run'),
      onClaim: (claim) => app.log.info(claim, 'evaluation run claimed'),
    });
    // Closing the app stops a running evaluation and hands it back to the queue (another process, or the next start, runs it).
    app.addHook('onClose', async () => runner.stop());

    /** A run by id in the caller's tenant transaction (row-level security: another municipality's run is 404). */
    async function loadRun(tx: Tx, id: string) {
      const row = await tx.selectFrom('evaluation_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new ApiError('not_found', 'No such evaluation run');
      return row;
    }

    async function doneResult(tx: Tx, id: string): Promise<EvaluationResult> {
      const row = await loadRun(tx, id);
      if (row.status !== 'done' || row.result === null) throw new ApiError('conflict', 'The run has no result (yet)');
      return canonicalResult(row.result);
    }

    type Inputs = Partial<Record<'persons' | 'weeks', StoredInput>>;

    /** A multipart upload: the two files streamed into `partial` (hashed, counted), the text fields parsed. */
    async function receiveUpload(request: FastifyRequest, partial: string): Promise<{ params: RunParameters; inputs: Inputs }> {
      const fields: Record<string, string[]> = {};
      const inputs: Inputs = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'persons' && part.fieldname !== 'weeks') {
              part.file.resume();
              throw invalid(part.fieldname, 'Unexpected file field (expected persons and weeks)');
            }
            if (inputs[part.fieldname]) throw invalid(part.fieldname, 'Give one file');
            const name = uploadFileName.safeParse(part.filename ?? '');
            if (!name.success) {
              part.file.resume();
              throw invalid(part.fieldname, name.error.issues[0]?.message ?? 'Invalid file name');
            }
            const stored = await storeStream(part.file, join(partial, `${part.fieldname}.csv`), name.data || `${part.fieldname}.csv`);
            if (part.file.truncated) throw tooLarge(`The file is larger than ${maxFileBytes} bytes`, part.fieldname);
            inputs[part.fieldname] = stored;
          } else {
            (fields[part.fieldname] ??= []).push(String(part.value));
          }
        }
      } catch (error) {
        throw multipartFailure(error);
      }
      return { params: parseParameters({ methods: listField(fields.methods), by: fields.by === undefined ? undefined : listField(fields.by) }), inputs };
    }

    /** A JSON body naming files in the evaluation folder: checked, then copied into `partial`. */
    async function copyServerFiles(body: unknown, partial: string): Promise<{ params: RunParameters; inputs: Inputs }> {
      const parsed = serverPathsBody.safeParse(body ?? {});
      if (!parsed.success) {
        throw new ApiError('validation_failed', 'Invalid body', parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
      }
      const { personsPath, weeksPath, ...params } = parsed.data;
      const files: [kind: 'persons' | 'weeks', full: string, path: string][] = [];
      for (const [field, path, kind] of [['personsPath', personsPath, 'persons'], ['weeksPath', weeksPath, 'weeks']] as const) {
        try {
          files.push([kind, resolveInboxPath(opts.inboxDir, path), path]);
        } catch (error) {
          // Missing, outside the folder, or not a regular file: one answer (no existence oracle).
          if (error instanceof OutsideInboxError) throw invalid(field, NOT_IN_FOLDER);
          throw error;
        }
      }
      await requireSpace(files.reduce((sum, [, full]) => sum + statSync(full).size, 0));
      const inputs: Inputs = {};
      for (const [kind, full, path] of files) inputs[kind] = await storeStream(createReadStream(full), join(partial, `${kind}.csv`), path);
      return { params, inputs };
    }

    /** An upload's files, streamed to `partial` before the run's transaction opens. */
    interface Received {
      id: string;
      partial: string;
      params: RunParameters;
      inputs: Required<Inputs>;
      /** The caller, whose municipality the run's worker writes the result in. */
      tenant: TenantContext;
    }

    defineRoute<undefined, undefined, undefined, typeof runCreated, Received>(app, ctx, {
      method: 'POST',
      url: '/api/evaluations',
      response: runCreated,
      status: 202,
      can: 'evaluation.run',
      audit: {
        action: 'evaluation.create',
        entity: 'evaluation_run',
        id: ({ prepared }) => prepared.id,
        detail: ({ prepared }) => ({ inputs: { persons: prepared.inputs.persons.sha256, weeks: prepared.inputs.weeks.sha256 }, parameters: prepared.params }),
      },
      early: checkUploadSize,
      // Up to 16 GiB is streamed to disk before the transaction: the embedded database has one
      // connection, which an upload must not hold.
      prepare: {
        run: async ({ request, actor }): Promise<Received> => {
          const id = randomUUID();
          const partial = join(opts.storeDir, `.${id}.partial`);
          mkdirSync(partial, { recursive: true });
          try {
            const { params, inputs } = request.isMultipart() ? await receiveUpload(request, partial) : await copyServerFiles(request.body, partial);
            const { persons, weeks } = inputs;
            if (!persons) throw invalid('persons', 'Required: a CSV file');
            if (!weeks) throw invalid('weeks', 'Required: a CSV file');
            return { id, partial, params, inputs: { persons, weeks }, tenant: actor };
          } catch (error) {
            rmSync(partial, { recursive: true, force: true });
            const code = (error as { code?: string }).code;
            if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw invalid('body', 'Too many files or fields');
            throw error;
          }
        },
        discard: ({ partial }) => rmSync(partial, { recursive: true, force: true }),
      },
      handler: async ({ tx, actor, prepared }) => {
        const row = await tx
          .insertInto('evaluation_runs')
          .values({
            id: prepared.id,
            municipality_code: actor.municipalityCode,
            created_by: actor.userId,
            parameters: JSON.stringify(prepared.params),
            inputs: JSON.stringify(prepared.inputs),
            jobvej_version: pkg.version,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { run: presentRun(row) };
      },
      afterCommit: (_, { id, partial }) => {
        const dir = join(opts.storeDir, id);
        renameSync(partial, dir);
        // Committed as queued: whichever process claims it first runs it; this one looks now.
        runner.wake();
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/evaluations',
      response: runList,
      can: 'evaluation.view',
      audit: { action: 'evaluation.list', entity: 'evaluation_run', id: () => null, detail: (_, out) => ({ count: out.runs.length }) },
      handler: async ({ tx, presentEach }) => {
        const found = await tx
          .selectFrom('evaluation_runs')
          .select(['id', 'municipality_code', 'created_by', 'created_at', 'status', 'stage', 'progress', 'parameters', 'inputs', 'jobvej_version', 'error', 'finished_at'])
          .orderBy('created_at', 'desc')
          .limit(200)
          .execute();
        return { runs: presentEach(found, runSummary, (row) => presentRun({ ...row, result: null }), (row) => row.id) };
      },
    });

    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/evaluations/:id',
      params: runIdParams,
      response: runView,
      can: 'evaluation.view',
      // Polled while running: audited once it is finished (the result is what is read).
      audit: { action: 'evaluation.view', entity: 'evaluation_run', when: (_, out) => out.run.status === 'done' || out.run.status === 'failed' },
      handler: async ({ tx, params }) => {
        const row = await loadRun(tx, params.id);
        return { run: { ...presentRun(row), result: row.result === null ? null : canonicalResult(row.result) } };
      },
    });

    const attachment = (reply: FastifyReply, id: string, ext: string) =>
      reply.header('content-disposition', `attachment; filename="evaluation-${id.slice(0, 8)}.${ext}"`);
    const download = (url: string, send: (reply: FastifyReply, result: EvaluationResult, id: string) => FastifyReply) =>
      defineRoute(app, ctx, {
        method: 'GET',
        url,
        params: runIdParams,
        response: evaluationResult,
        can: 'evaluation.view',
        audit: { action: 'evaluation.view', entity: 'evaluation_run' },
        handler: async ({ tx, params }) => doneResult(tx, params.id),
        send: (reply, result, { params }) => send(reply, result, params.id),
      });

    download('/api/evaluations/:id/result.json', (reply, result, id) =>
      attachment(reply, id, 'json').type('application/json; charset=utf-8').send(`${JSON.stringify(result, null, 2)}\n`));
    download('/api/evaluations/:id/result.csv', (reply, result, id) =>
      attachment(reply, id, 'csv').type('text/csv; charset=utf-8').send(resultsCsv(result)));
    download('/api/evaluations/:id/report.html', (reply, result) =>
      reply
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
        .type('text/html; charset=utf-8')
        .send(renderHtml(result)));
  };
}
