// The FIP instrument is content (content/instruments/fip-v1.json), read once at startup.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asInstrument, itemsFor, type Instrument, type Respondent } from '../../domain/fip/index.ts';

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
  // A municipality may replace the file: check it with the domain's guard, so a broken
  // instrument stops the start with every problem named instead of failing later per request.
  let instrument: Instrument;
  try {
    instrument = asInstrument(JSON.parse(json));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const ids = {
    citizen: new Set(itemsFor(instrument, 'citizen').map((item) => item.id)),
    caseworker: new Set(itemsFor(instrument, 'caseworker').map((item) => item.id)),
  };
  return { instrument, json, version: `${instrument.id}-v${instrument.version}`, itemIds: (respondent) => ids[respondent] };
}
