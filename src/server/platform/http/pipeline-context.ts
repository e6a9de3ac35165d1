// What the platform (the route pipeline, authentication) needs from the app: the database, the CPR
// vault, the clock and the cookie setting. The app's full context (src/server/app-context.ts) adds
// the content stores the resources use.
import type { Database } from '../db/database.ts';
import type { CprVault } from '../crypto/cpr-vault.ts';

export interface PipelineContext {
  db: Database;
  vault: CprVault;
  now: () => Date;
  secureCookies: boolean;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
