// What routes and commands need from the app: database, CPR vault, instrument, clock.
import type { Database } from '../db/database.ts';
import type { CprVault } from '../crypto/cpr-vault.ts';
import type { InstrumentStore } from '../instrument/instrument-store.ts';

export interface AppContext {
  db: Database;
  vault: CprVault;
  instrument: InstrumentStore;
  now: () => Date;
  secureCookies: boolean;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
