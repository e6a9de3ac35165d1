// A fingerprint of everything the database holds: per table, the row count and a hash of all
// its rows (order-independent), read as the connection's owner, past row-level security.
//
// Left out, on purpose (they change on requests that are refused, by design):
//   sessions        — login creates a row, logout deletes it, hand-over and take-back (and their
//                     wrong-password throttle, handover_attempts) update it: session state, not records;
//   login_attempts  — every failed login and take-back (401/403/429) is recorded to throttle guessing.
// The audit log is compared without its `access.denied` rows: a refused read or write of an id
// (403/404) is audited on purpose (src/server/platform/http/route.ts); a 4xx may add at most one such
// row, and audit_chain_head may move only when it does (see compareFingerprints).
import { sql } from 'kysely';
import type { Database } from '../../../src/server/platform/db/database.ts';

export const NOT_FINGERPRINTED: Readonly<Record<string, string>> = {
  sessions: 'session state: login creates, logout deletes, hand-over/take-back update it',
  login_attempts: 'failed logins and take-backs are recorded to throttle guessing (401/403/429)',
};

export type Fingerprint = Map<string, { rows: number; hash: string }> & { xid?: string; lastAuditId?: number };

/**
 * The next transaction id the server will assign (xmax of the current snapshot). Every write
 * needs a transaction id, so while it stays the same nothing was written anywhere: the full
 * fingerprint is only needed when it moved (it also moves for rolled-back writes, and on a shared
 * PostgreSQL server for other databases' writes: then the fingerprint decides).
 */
export async function nextXid(db: Database): Promise<string> {
  const row = await sql<{ x: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`.execute(db.kysely);
  return row.rows[0]?.x ?? '';
}

let tablesCache: WeakMap<Database, string[]> = new WeakMap();

async function tablesOf(db: Database): Promise<string[]> {
  const cached = tablesCache.get(db);
  if (cached) return cached;
  const rows = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db.kysely);
  const tables = rows.rows.map((r) => r.name).filter((t) => !(t in NOT_FINGERPRINTED));
  tablesCache.set(db, tables);
  return tables;
}

export function resetFingerprintCache(): void {
  tablesCache = new WeakMap();
}

const rowsHash = (from: string, where = '') =>
  `SELECT count(*)::int AS rows, coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS hash FROM ${from} t ${where}`;

export async function fingerprint(db: Database): Promise<Fingerprint> {
  const xid = await nextXid(db);
  const tables = await tablesOf(db);
  const parts = tables.flatMap((table) => {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    if (table === 'audit_log') {
      return [
        `SELECT 'audit_log' AS name, * FROM (${rowsHash(quoted, `WHERE t.action <> 'access.denied'`)}) x`,
        `SELECT 'audit_log:access.denied' AS name, * FROM (${rowsHash(quoted, `WHERE t.action = 'access.denied'`)}) x`,
      ];
    }
    return [`SELECT '${table}' AS name, * FROM (${rowsHash(quoted)}) x`];
  });
  const result = await sql<{ name: string; rows: number; hash: string }>`${sql.raw(parts.join('\nUNION ALL\n'))}`.execute(db.kysely);
  const fp: Fingerprint = new Map(result.rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
  fp.xid = xid;
  const last = await sql<{ id: number | null }>`SELECT max(id)::int AS id FROM audit_log`.execute(db.kysely);
  fp.lastAuditId = Number(last.rows[0]?.id ?? 0);
  return fp;
}

/** The audit rows written since a fingerprint: `action entity` each (what a refused request wrote). */
export async function auditSince(db: Database, fp: Fingerprint): Promise<string[]> {
  const rows = await sql<{ action: string; entity: string }>`SELECT action, entity FROM audit_log WHERE id > ${fp.lastAuditId ?? 0} ORDER BY id`.execute(db.kysely);
  return rows.rows.map((r) => `${r.action} ${r.entity}`);
}

/**
 * What a refused request changed: [] when nothing. `status` allows the one audited refusal:
 * a 403/404 may add one `access.denied` audit row (and move the chain head with it).
 */
export function compareFingerprints(before: Fingerprint, after: Fingerprint, status: number): string[] {
  const changes: string[] = [];
  const denied = (fp: Fingerprint) => fp.get('audit_log:access.denied')?.rows ?? 0;
  const deniedAdded = denied(after) - denied(before);
  const deniedAllowed = status === 403 || status === 404 ? 1 : 0;
  if (deniedAdded < 0 || deniedAdded > deniedAllowed) changes.push(`audit_log: ${deniedAdded} access.denied row(s) added on a ${status}`);
  for (const [name, b] of before) {
    if (name === 'audit_log:access.denied') continue;
    const a = after.get(name);
    if (!a) { changes.push(`${name}: gone`); continue; }
    if (a.rows === b.rows && a.hash === b.hash) continue;
    if (name === 'audit_chain_head' && deniedAdded > 0 && deniedAdded <= deniedAllowed) continue;
    changes.push(`${name}: ${b.rows} → ${a.rows} rows${a.rows === b.rows ? ' (contents changed)' : ''}`);
  }
  for (const name of after.keys()) if (!before.has(name)) changes.push(`${name}: new table`);
  return changes;
}
