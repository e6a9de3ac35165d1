// The FIP instrument is content (content/instruments/fip-v<N>.json), every version read once at
// startup. New rounds are started on the newest version; each round records the version it was
// answered on (fip_rounds.instrument_version) and is checked, presented and scored against that
// version, so publishing a v2 never re-interprets the answers given to v1's wording.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asInstrument, itemsFor, type Instrument, type Respondent } from '../../domain/fip/index.ts';

export const DEFAULT_INSTRUMENT_DIR = fileURLToPath(new URL('../../../content/instruments/', import.meta.url));

/** One version of the instrument. */
export interface InstrumentVersion {
  instrument: Instrument;
  /** The raw JSON text, served as is. */
  json: string;
  /** `<id>-v<version>`, e.g. `fip-v1`: what a round records and GET /api/instruments/fip/:version takes. */
  version: string;
  itemIds(respondent: Respondent): Set<string>;
}

/** Every version; its own fields are the current (newest) version's, used for new rounds. */
export interface InstrumentStore extends InstrumentVersion {
  /** Every version tag, oldest first (the last is the current one). */
  versions: readonly string[];
  /** The version a round was recorded with (undefined when no such version is loaded). */
  byVersion(version: string): InstrumentVersion | undefined;
}

/** One instrument file, checked with the domain's guard (a broken file names itself and every problem). */
export function loadInstrument(path: string): InstrumentVersion {
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

/** Version strings in release order: numerically where they are numbers ("2" < "10"). */
function compareVersions(a: InstrumentVersion, b: InstrumentVersion): number {
  return a.instrument.version.localeCompare(b.instrument.version, 'en', { numeric: true });
}

/**
 * Every FIP instrument in `dir` (each `*.json` but the `*.schema.json`). Each must pass the guard
 * and be named after what it holds (`fip-v2.json` holds id "fip", version "2"), so two files can
 * never claim one version; any problem stops the start naming the file.
 */
export function loadInstruments(dir: string = DEFAULT_INSTRUMENT_DIR): InstrumentStore {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).sort();
  const loaded = files.map((name) => {
    const path = join(dir, name);
    const one = loadInstrument(path);
    if (one.instrument.id !== 'fip') throw new Error(`${path}: not a FIP instrument (id "${one.instrument.id}", expected "fip")`);
    if (name !== `${one.version}.json`) throw new Error(`${path}: holds ${one.version}; name the file ${one.version}.json`);
    return one;
  });
  loaded.sort(compareVersions);
  const current = loaded[loaded.length - 1];
  if (!current) throw new Error(`${dir}: no FIP instrument (expected fip-v1.json, …)`);
  const byTag = new Map(loaded.map((one) => [one.version, one]));
  return { ...current, versions: loaded.map((one) => one.version), byVersion: (version) => byTag.get(version) };
}
