// The chain head as the audit trigger records it: the last row's id and hash (migration 011).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ChainHead {
  /** Null while the chain is empty. */
  id: string | null;
  hash: string;
  /** Rows from this id on are linked in id order (older ones in the order of their links). */
  idOrderFrom: string;
}

/** Readable by the table owner and by jobvej_app (in any tenant transaction). */
export async function readChainHead(db: Kysely<DB>): Promise<ChainHead> {
  const row = await db.selectFrom('audit_chain_head').select(['last_id', 'hash', 'id_order_from']).where('id', '=', true).executeTakeFirstOrThrow();
  return { id: row.last_id, hash: row.hash, idOrderFrom: row.id_order_from };
}
