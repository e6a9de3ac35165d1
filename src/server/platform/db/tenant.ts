// Every request's database work runs in one transaction as the non-owner role jobvej_app,
// with the acting user's municipality, id and role as transaction-local settings that the
// row-level security policies read.
import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

export interface TenantContext {
  municipalityCode: string | null;
  userId: string | null;
  role: string | null;
}

export const ANONYMOUS: TenantContext = { municipalityCode: null, userId: null, role: null };

export async function withTenant<T>(db: Database, ctx: TenantContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE jobvej_app`.execute(tx);
    await sql`SELECT set_config('jobvej.municipality', ${ctx.municipalityCode ?? ''}, true),
                     set_config('jobvej.user_id', ${ctx.userId ?? ''}, true),
                     set_config('jobvej.role', ${ctx.role ?? ''}, true)`.execute(tx);
    return work(tx);
  });
}
