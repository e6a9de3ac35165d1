// Audit rows written during a test step: a refused read or write of another municipality's id
// writes exactly one `access.denied` row (in the caller's municipality, naming the id asked for),
// and nothing else.
import { expect } from 'vitest';
import type { Fixture } from './app-fixture.ts';

export interface AuditRow {
  id: string;
  action: string;
  municipality_code: string | null;
  entity_id: string | null;
  detail: unknown;
}

/** The id of the newest audit row now (rows after it are the step's). */
export async function auditMark(f: Fixture): Promise<number> {
  const row = await f.test.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function auditAfter(f: Fixture, mark: number): Promise<AuditRow[]> {
  const rows = await f.test.db.kysely.selectFrom('audit_log').select(['id', 'action', 'municipality_code', 'entity_id', 'detail']).where('id', '>', String(mark)).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** Every one of `refusals` attempts left one access.denied row in `municipality` naming one of `ids`; no other row was written. */
export async function expectOnlyDenials(f: Fixture, mark: number, refusals: number, municipality: string, ids: readonly string[]): Promise<void> {
  const rows = await auditAfter(f, mark);
  expect(rows.map((r) => r.action)).toEqual(Array.from({ length: refusals }, () => 'access.denied'));
  for (const row of rows) {
    expect(row.municipality_code).toBe(municipality);
    expect(ids).toContain(row.entity_id);
  }
}
