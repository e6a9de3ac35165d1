// The FIP instrument is content (content/instruments/fip-v1.json), read once at startup.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Instrument, Respondent } from '../../domain/fip/index.ts';

export const DEFAULT_INSTRUMENT_PATH = fileURLToPath(new URL('../../../content/instruments/fip-v1.json', import.meta.url));

export interface InstrumentStore {
  instrument: Instrument;
  /** The raw JSON text, served as is. */
  json: string;
  version: string;
  itemIds(respondent: Respondent): Set<string>;
}

export function loadInstrument(path: string = DEFAULT_INSTRUMENT_PATH): InstrumentStore {
  const json = readFileSync(path, 'utf8');
  const instrument = JSON.parse(json) as Instrument;
  const ids = {
    citizen: new Set(instrument.items.filter((item) => item.respondent === 'citizen').map((item) => item.id)),
    caseworker: new Set(instrument.items.filter((item) => item.respondent === 'caseworker').map((item) => item.id)),
  };
  return { instrument, json, version: `${instrument.id}-v${instrument.version}`, itemIds: (respondent) => ids[respondent] };
}
