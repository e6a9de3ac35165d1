import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT_PATH, loadInstrument } from './instrument-store.ts';

describe('loadInstrument', () => {
  it('loads the shipped FIP instrument with 11 items per respondent', () => {
    const store = loadInstrument();
    expect(store.itemIds('citizen').size).toBe(11);
    expect(store.itemIds('caseworker').has('w01')).toBe(true);
    expect(store.version).toBe('fip-v1');
  });

  it('refuses a replaced instrument that breaks the rules, naming the file and the problem', () => {
    const data = JSON.parse(readFileSync(DEFAULT_INSTRUMENT_PATH, 'utf8'));
    data.items[1].id = data.items[0].id; // duplicate item id
    const path = join(mkdtempSync(join(tmpdir(), 'jobvej-instrument-')), 'broken.json');
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadInstrument(path)).toThrow(/broken\.json: Invalid instrument:[\s\S]*c01/);
  });
});
