// Rows registered before migration 018 have no lookup hash of the CPR's last four digits (SQL
// cannot compute it: the key is the app's). `jobvej serve` fills them at start, one transaction per
// municipality under its row-level security; nothing is read out, and a second run finds nothing.
import type { Database } from '../platform/db/database.ts';
import { withTenant } from '../platform/db/tenant.ts';
import type { CprVault } from '../platform/crypto/cpr-vault.ts';

export async function backfillCprTails(db: Database, vault: CprVault): Promise<number> {
  const municipalities = await db.kysely.selectFrom('municipalities').select('code').orderBy('code').execute();
  let filled = 0;
  for (const { code } of municipalities) {
    filled += await withTenant(db, { municipalityCode: code, userId: null, role: 'system' }, async (tx) => {
      const rows = await tx.selectFrom('citizens').select(['id', 'cpr_encrypted']).where('cpr_tail_hash', 'is', null).execute();
      for (const row of rows) {
        const cpr = vault.decrypt(row.cpr_encrypted);
        await tx.updateTable('citizens').set({ cpr_tail_hash: vault.tailHash(cpr.slice(-4)) }).where('id', '=', row.id).execute();
      }
      return rows.length;
    });
  }
  return filled;
}
