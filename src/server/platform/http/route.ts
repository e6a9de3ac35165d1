// One route definition: every API route declares its permission action, whether it runs as a
// tenant, and its audit action; this wrapper then runs the one pipeline for it —
// authenticated actor → permission → tenant transaction → handler (load → domain → command →
// present, *inside* the transaction) → response checked against its schema → audit row →
// commit — and maps errors at the edge (errors.ts). If presenting or the response check fails,
// the transaction rolls back: nothing is written without a 2xx. A refused read of an id (403/404)
// is audited in a transaction of its own, since the request's one rolled back.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { Action } from '../../../domain/permissions.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { writeAudit, type AuditAction, type AuditEntity } from '../audit/audit-writer.ts';
import { createAuditTrail, writeTrail, type AuditTrail } from '../audit/audit-trail.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { isoDate } from './pipeline-context.ts';
import { actorOf } from './authenticate.ts';
import { requireAbility } from './authorize.ts';
import { ApiError } from './errors.ts';
import { DomainError } from '../../../domain/errors.ts';

export type RouteActor = ReturnType<typeof actorOf> & { municipalityCode: string };

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** What the audit row of a route says: its action, the entity and id, and detail from the result. */
export interface AuditSpec<I, R> {
  action: AuditAction;
  entity: AuditEntity;
  /** The entity id: by default the `id` path parameter. */
  id?: (input: I, result: R) => string | null;
  detail?: (input: I, result: R) => Record<string, unknown>;
  /**
   * The command the handler calls records this row on the trail (with what only it knows); the
   * wrapper writes the trail and fails the request (500, rolled back) if the row is missing.
   */
  byCommand?: true;
  /**
   * Write the row before the handler runs (a read that should show itself, like the access log);
   * `id` and `detail` then see the input only. A handler that throws rolls it back.
   */
  first?: true;
  /** Write the row only when this holds (e.g. a run polled while it runs is audited once it has finished). */
  when?: (input: I, result: R) => boolean;
}

export interface HandlerInput<P, Q, B, X = undefined> {
  /** What the route's `prepare` step produced before the transaction opened (undefined without one). */
  prepared: X;
  params: P;
  query: Q;
  body: B;
  tx: Tx;
  actor: RouteActor;
  /** Today in the app's clock (ISO date). */
  today: string;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Where the commands the handler calls record their audit events (written by the wrapper). */
  trail: AuditTrail;
  /**
   * Present each row of a list on its own: a row that cannot be presented (or does not match the
   * item schema) is left out and named in the log, so one stored bad row never takes a list down.
   */
  presentEach<Row, Item extends Schema>(rows: readonly Row[], item: Item, present: (row: Row) => z.input<Item>, idOf: (row: Row) => string): z.infer<Item>[];
}

/** The input of a route's steps outside the transaction: everything but `tx`, `trail` and `prepared`. */
export type OutsideInput<P, Q, B> = Omit<HandlerInput<P, Q, B>, 'tx' | 'trail' | 'prepared'>;

export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema, X = undefined> {
  method: HTTPMethods;
  url: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Success status (200 unless stated). */
  status?: 200 | 201 | 202;
  /** The permission action the caller's role must hold in its municipality. */
  can: Action;
  /** The audit row written in the same transaction; `null` only for routes that touch no personal or tenant data. */
  audit: AuditSpec<HandlerInput<Infer<P>, Infer<Q>, Infer<B>, X>, z.infer<R>> | null;
  /** Allowed while the session is handed over to the citizen. */
  duringHandover?: boolean;
  /** The largest body this route reads, in bytes (default: the app's 256 KiB); a larger one is 413. */
  bodyLimit?: number;
  /**
   * Checks before the body is read (Fastify's onRequest), after the permission check: e.g. a
   * Content-Length over the limit or one that would not fit on disk. A refusal is audited like any.
   */
  early?: (request: FastifyRequest) => Promise<void>;
  /**
   * Work after the permission check and before the transaction opens — streaming an upload to
   * disk, which must not hold the embedded database's one connection. `run`'s result is the
   * handler's `prepared`; `discard` undoes it when anything after it fails (nothing was committed).
   */
  prepare?: { run: (input: OutsideInput<Infer<P>, Infer<Q>, Infer<B>>) => Promise<X>; discard: (prepared: X) => void };
  /** After the commit, before the answer (e.g. hand the committed run to its worker). */
  afterCommit?: (result: z.infer<R>, prepared: X) => void;
  handler: (input: HandlerInput<Infer<P>, Infer<Q>, Infer<B>, X>) => Promise<z.input<R>>;
  /**
   * Send the checked result in another form than JSON (a download: CSV, HTML, a JSON file). The
   * result is still built and checked inside the transaction; only the bytes go out after it.
   */
  send?: (reply: FastifyReply, result: z.infer<R>, input: { params: Infer<P> }) => FastifyReply;
}

/** What a route declared to the wrapper, kept in its Fastify config (the route-pipeline test reads it). */
export interface DeclaredPipeline {
  can: Action;
  audit: AuditAction | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    pipeline?: DeclaredPipeline;
  }
}

function presentEachWith(log: FastifyBaseLogger) {
  return <Row, Item extends Schema>(rows: readonly Row[], item: Item, present: (row: Row) => z.input<Item>, idOf: (row: Row) => string): z.infer<Item>[] => {
    const out: z.infer<Item>[] = [];
    for (const row of rows) {
      try {
        const parsed = item.safeParse(present(row));
        if (parsed.success) out.push(parsed.data);
        else log.error({ rowId: idOf(row), issues: parsed.error.issues }, 'a stored row does not fit its response schema; left out of the list');
      } catch (err) {
        log.error({ rowId: idOf(row), err }, 'a stored row could not be presented; left out of the list');
      }
    }
    return out;
  };
}

/** The response checked inside the transaction: a mismatch is our fault (500) and rolls back. */
function checked<R extends Schema>(response: R, value: unknown, log: FastifyBaseLogger): z.infer<R> {
  const parsed = response.safeParse(value);
  if (parsed.success) return parsed.data;
  log.error({ issues: parsed.error.issues }, 'response does not match its schema');
  throw new ApiError('internal', 'Something went wrong on our side');
}

export function defineRoute<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema, X = undefined>(
  app: FastifyInstance,
  ctx: PipelineContext,
  spec: RouteSpec<P, Q, B, R, X>,
): void {
  const status = spec.status ?? 200;
  const schema: FastifySchema = {
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    // No response schema for Fastify: the handler's result is checked against spec.response inside
    // the transaction (checked(), below) and sent as that parsed value, so a second parse by the
    // serializer would only repeat the work on every response.
  };
  app.route({
    method: spec.method,
    url: spec.url,
    config: { duringHandover: spec.duringHandover ?? false, pipeline: { can: spec.can, audit: spec.audit?.action ?? null } },
    schema,
    ...(spec.bodyLimit !== undefined ? { bodyLimit: spec.bodyLimit } : {}),
    // The permission first, before the body is read or validated: a role that may not do this
    // learns nothing about the route's fields or limits (403, audited), whatever it sends. Then the
    // route's own early checks (e.g. a Content-Length over the limit).
    onRequest: async (request: FastifyRequest): Promise<void> => {
      const actor = actorOf(request);
      try {
        requireAbility(actor, spec.can);
        await spec.early?.(request);
      } catch (err) {
        await refused(err, actor, request);
        throw err;
      }
    },
    handler: async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      // The permission was checked in onRequest (requireAbility asserts the municipality there).
      const actor = actorOf(request) as RouteActor;
      let prepared: { value: X } | null = null;
      try {
        const input = {
          params: request.params as Infer<P>,
          query: request.query as Infer<Q>,
          body: request.body as Infer<B>,
          actor,
          today: isoDate(ctx.now()),
          request,
          reply,
          presentEach: presentEachWith(request.log),
        };
        prepared = spec.prepare ? { value: await spec.prepare.run(input) } : null;
        const result = await withTenant(ctx.db, actor, async (tx) => {
          const full = { ...input, tx, trail: createAuditTrail(), prepared: prepared?.value as X };
          const audit = spec.audit;
          const own = async (out: unknown) => {
            if (!audit) return;
            const id = audit.id ? audit.id(full, out as never) : idParam(request);
            await writeAudit(tx, actor, audit.action, audit.entity, id, audit.detail?.(full, out as never) ?? {});
          };
          if (audit?.first) await own(undefined);
          const out = checked(spec.response, await spec.handler(full), request.log);
          if (audit?.byCommand && !full.trail.events.some((e) => e.action === audit.action)) {
            request.log.error({ action: audit.action }, 'the declared audit row was not recorded by the command');
            throw new ApiError('internal', 'Something went wrong on our side');
          }
          await writeTrail(tx, actor, full.trail);
          if (audit && !audit.byCommand && !audit.first && (audit.when?.(full, out) ?? true)) await own(out);
          return out;
        });
        const done = prepared;
        prepared = null;
        spec.afterCommit?.(result, done?.value as X);
        reply.code(status);
        return spec.send ? spec.send(reply, result, input) : reply.send(result);
      } catch (err) {
        if (prepared && spec.prepare) spec.prepare.discard(prepared.value);
        await refused(err, actor, request);
        throw err;
      }
    },
  });

  /** A refused id (404) or permission (403) is audited `access.denied` in its own transaction. */
  async function refused(err: unknown, actor: ReturnType<typeof actorOf>, request: FastifyRequest): Promise<void> {
    const status = err instanceof ApiError ? err.status : err instanceof DomainError && err.code === 'not_found' ? 404 : null;
    if ((status === 404 || status === 403) && spec.audit) {
      await auditDenied(ctx, actor, spec.audit, request, status).catch((auditErr: unknown) => request.log.error({ err: auditErr }, 'denied-read audit failed'));
    }
  }
}

function idParam(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const id = params?.id;
  return typeof id === 'string' ? id : null;
}

/** A refused read or write of an id: who tried, what, and the answer (the id is what they asked for). */
async function auditDenied(ctx: PipelineContext, actor: ReturnType<typeof actorOf>, audit: { action: AuditAction; entity: AuditEntity }, request: FastifyRequest, status: number): Promise<void> {
  await withTenant(ctx.db, actor, (tx) =>
    writeAudit(tx, actor, 'access.denied', audit.entity, idParam(request), { action: audit.action, status, route: request.routeOptions.url ?? '' }),
  );
}

