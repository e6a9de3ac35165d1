// Verify the audit chain as the table owner: walk the rows in the order they were linked (id
// order from audit_chain_head.id_order_from on, link order before it), recompute every hash,
// follow every link, compare the rows with the checkpoints kept outside the database and the last
// row with the head the trigger recorded. Stops at the first problem and names the row.
// Runs in one read-only REPEATABLE READ transaction, so writers appending meanwhile are not seen
// (read the checkpoint file before calling: its checkpoints then name committed rows only).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { GENESIS_HASH, idsWhere, nextId, readRows, rowHash, type ChainRow } from './chain-rows.ts';
import { readChainHead, type ChainHead } from './chain-head.ts';
import type { Checkpoint } from './checkpoint-file.ts';

export type ProblemKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'checkpoint' | 'head';

export interface ChainProblem {
  kind: ProblemKind;
  /** The row the problem is at: the edited, first inserted or first missing row, or the checkpointed one. */
  id: string;
  message: string;
}

export interface ChainVerdict {
  problem: ChainProblem | null;
  /** Rows walked and found sound before the problem (all of them when intact). */
  rows: number;
  /** The head the database records (id null: an empty chain). */
  head: { id: string | null; hash: string };
  checkpointsMatched: number;
  /** Checkpoints of rows before --from, not checked. */
  checkpointsSkipped: number;
}

export interface VerifyOptions {
  /** Start at this row (trusting its link to the row before). */
  from?: string;
  checkpoints?: readonly Checkpoint[];
  batchSize?: number;
}

export class VerifyUsageError extends Error {}

/** A place in the chain: [0, index] in the link-ordered rows before id_order_from, [1, id] after. */
type Position = readonly [0 | 1, bigint];
const compare = (a: Position, b: Position): number => (a[0] !== b[0] ? a[0] - b[0] : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** The rows before id_order_from in the order of their links from the genesis hash; unreachable ones after, in id order. */
function linkOrder(rows: ChainRow[]): ChainRow[] {
  const byPrev = new Map<string, ChainRow[]>();
  for (const row of rows) byPrev.set(row.prevHash, [...(byPrev.get(row.prevHash) ?? []), row]);
  const used = new Set<string>();
  const out: ChainRow[] = [];
  let hash = GENESIS_HASH;
  for (;;) {
    const next = byPrev.get(hash)?.find((row) => !used.has(row.id));
    if (!next) break;
    used.add(next.id);
    out.push(next);
    hash = next.hash;
  }
  return [...out, ...rows.filter((row) => !used.has(row.id))];
}

class ChainOrder {
  private readonly index = new Map<string, number>();
  constructor(
    private readonly db: Kysely<DB>,
    readonly legacy: ChainRow[],
    readonly orderFrom: bigint,
  ) {
    legacy.forEach((row, i) => this.index.set(row.id, i));
  }

  isLegacy(id: bigint): boolean {
    return id < this.orderFrom;
  }

  /** A missing row below id_order_from sorts at the end of the link-ordered part. */
  position(id: bigint): Position {
    if (!this.isLegacy(id)) return [1, id];
    return [0, BigInt(this.index.get(id.toString()) ?? this.legacy.length)];
  }

  async after(id: bigint): Promise<bigint | null> {
    if (!this.isLegacy(id)) return nextId(this.db, id);
    const i = this.index.get(id.toString());
    const next = i === undefined ? undefined : this.legacy[i + 1];
    return next ? BigInt(next.id) : nextId(this.db, this.orderFrom - 1n);
  }
}

async function readLegacy(db: Kysely<DB>, orderFrom: bigint, batchSize: number): Promise<ChainRow[]> {
  const rows: ChainRow[] = [];
  let next = 0n;
  for (;;) {
    const batch = await readRows(db, next, orderFrom, batchSize);
    rows.push(...batch);
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return linkOrder(rows);
    next = BigInt(last.id) + 1n;
  }
}

async function* walk(db: Kysely<DB>, order: ChainOrder, start: Position, batchSize: number): AsyncGenerator<ChainRow> {
  if (start[0] === 0) yield* order.legacy.slice(Number(start[1]));
  let next = start[0] === 1 ? start[1] : order.orderFrom;
  for (;;) {
    const batch = await readRows(db, next, null, batchSize);
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    next = BigInt(last.id) + 1n;
  }
}

const problem = (kind: ProblemKind, id: bigint | string, message: string): ChainProblem => ({ kind, id: id.toString(), message });

/** Why row `row` does not link to the row before it (`prev`, or the start of the chain). */
async function brokenLink(db: Kysely<DB>, order: ChainOrder, row: ChainRow, prev: ChainRow | null, expected: string): Promise<ChainProblem> {
  const id = BigInt(row.id);
  const here = order.position(id);
  // The chain goes on from the row before further down: this row was slipped in.
  for (const q of await idsWhere(db, 'prev_hash', expected)) {
    if (q !== id && compare(order.position(q), here) > 0) {
      return problem('inserted', id, `row ${id} was inserted: it does not link to the row before it, row ${q} does`);
    }
  }
  const [target] = await idsWhere(db, 'hash', row.prevHash);
  if (target !== undefined && prev && compare(order.position(target), order.position(BigInt(prev.id))) < 0) {
    const first = (await order.after(target)) ?? id;
    return problem('inserted', first, `row ${first} was inserted: row ${id} links to row ${target}, skipping the rows between`);
  }
  if (target !== undefined && compare(order.position(target), here) > 0) {
    return problem('reordered', id, `row ${id} is out of order: it links to row ${target}, which comes after it`);
  }
  // It links to a hash no row has: the row it linked to is gone, or was rewritten.
  const lowest = prev ? BigInt(prev.id) + 1n : order.legacy.length > 0 ? 1n : order.orderFrom;
  if (!order.isLegacy(id) && id > lowest && (!prev || !order.isLegacy(BigInt(prev.id)))) {
    const span = id - 1n > lowest ? `rows ${lowest}–${id - 1n} are` : `row ${lowest} is`;
    return problem('deleted', lowest, `${span} missing: row ${id} links to a row that is not in the table`);
  }
  if (prev && !order.isLegacy(id)) {
    return problem('edited', prev.id, `row ${prev.id} was rewritten and re-hashed: row ${id} links to its old hash`);
  }
  if (!prev) return problem('edited', id, `row ${id} does not link to the start of the chain: the rows before it are missing, or its link was rewritten`);
  return problem('deleted', id, `a row before row ${id} is missing: row ${id} links to a row that is not in the table (after row ${prev.id})`);
}

async function verifyIn(db: Kysely<DB>, head: ChainHead, options: VerifyOptions): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 1000;
  const orderFrom = BigInt(head.idOrderFrom);
  const order = new ChainOrder(db, await readLegacy(db, orderFrom, batchSize), orderFrom);
  let start: Position = order.legacy.length > 0 ? [0, 0n] : [1, orderFrom];
  if (options.from !== undefined) {
    if (!/^[1-9][0-9]*$/.test(options.from)) throw new VerifyUsageError(`--from must be an audit row id, got "${options.from}"`);
    const from = BigInt(options.from);
    const exists = order.isLegacy(from) ? order.legacy.some((row) => row.id === options.from) : (await readRows(db, from, from + 1n, 1)).length === 1;
    if (!exists) throw new VerifyUsageError(`--from: no audit row with id ${from}`);
    start = order.position(from);
  }
  const pending = (options.checkpoints ?? [])
    .map((checkpoint) => ({ checkpoint, at: order.position(BigInt(checkpoint.id)) }))
    .sort((a, b) => compare(a.at, b.at));
  const skipped = pending.filter((p) => compare(p.at, start) < 0).length;
  pending.splice(0, skipped);

  const verdict = (found: ChainProblem | null, rows: number, matched: number): ChainVerdict => ({
    problem: found, rows, head: { id: head.id, hash: head.hash }, checkpointsMatched: matched, checkpointsSkipped: skipped,
  });
  let rows = 0;
  let matched = 0;
  let lastMatched: string | null = null;
  let prev: ChainRow | null = null;
  let expected: string | null = options.from === undefined ? GENESIS_HASH : null;
  for await (const row of walk(db, order, start, batchSize)) {
    const id = BigInt(row.id);
    const here = order.position(id);
    const missed = pending[0];
    if (missed && compare(missed.at, here) < 0) {
      return verdict(problem('deleted', missed.checkpoint.id, `row ${missed.checkpoint.id} is missing: it was checkpointed at ${missed.checkpoint.at}`), rows, matched);
    }
    if (rowHash(row.prevHash, row.fields) !== row.hash) {
      return verdict(problem('edited', id, `row ${id} was edited: its content does not give its hash`), rows, matched);
    }
    if (expected !== null && row.prevHash !== expected) return verdict(await brokenLink(db, order, row, prev, expected), rows, matched);
    while (pending[0] && compare(pending[0].at, here) === 0) {
      const entry = pending.shift();
      if (!entry) break;
      const { checkpoint } = entry;
      if (checkpoint.hash !== row.hash) {
        const since = lastMatched === null ? '' : ` after row ${lastMatched}, whose checkpoint still matches`;
        return verdict(problem('checkpoint', id, `row ${id} does not have the hash checkpointed at ${checkpoint.at}: the chain up to row ${id} was rewritten${since}`), rows, matched);
      }
      matched += 1;
      lastMatched = row.id;
    }
    rows += 1;
    prev = row;
    expected = row.hash;
  }
  const missed = pending[0];
  if (missed) return verdict(problem('deleted', missed.checkpoint.id, `row ${missed.checkpoint.id} is missing: it was checkpointed at ${missed.checkpoint.at}`), rows, matched);
  return verdict(headProblem(head, prev), rows, matched);
}

/** The last row walked against the head the trigger recorded (rows cut off the end, or appended without the trigger). */
function headProblem(head: ChainHead, last: ChainRow | null): ChainProblem | null {
  const lastHash = last?.hash ?? GENESIS_HASH;
  if (head.hash === lastHash && head.id === (last?.id ?? null)) return null;
  const lastId = last ? BigInt(last.id) : 0n;
  if (head.id !== null && BigInt(head.id) > lastId) {
    return problem('deleted', lastId + 1n, `the rows after ${last ? `row ${lastId}` : 'the start'} are missing: the database's chain head is row ${head.id}`);
  }
  if (last && (head.id === null || BigInt(head.id) < lastId)) {
    const first = head.id === null ? 'the first row' : `the rows after row ${head.id}`;
    return problem('inserted', head.id === null ? last.id : (BigInt(head.id) + 1n).toString(), `${first} were added without the chain trigger: the database's chain head is ${head.id === null ? 'empty' : `row ${head.id}`}`);
  }
  return problem('head', last?.id ?? '0', `the chain head table was altered: it records hash ${head.hash.slice(0, 12)}…, the last row has ${lastHash.slice(0, 12)}…`);
}

export async function verifyChain(db: Kysely<DB>, options: VerifyOptions = {}): Promise<ChainVerdict> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(tx);
    return verifyIn(tx, await readChainHead(tx), options);
  });
}
