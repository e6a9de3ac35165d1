import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInstrument, loadInstruments } from './instrument-store.ts';
import { SHIPPED_V1, V2_C01, fipV2, instrumentDir } from '../../../tests/support/instrument-versions.ts';

describe('loadInstruments', () => {
  it('loads the shipped FIP instrument with 11 items per respondent', () => {
    const store = loadInstruments();
    expect(store.itemIds('citizen').size).toBe(11);
    expect(store.itemIds('caseworker').has('w01')).toBe(true);
    expect(store.version).toBe('fip-v1');
    expect(store.versions).toEqual(['fip-v1']);
    expect(store.byVersion('fip-v1')?.json).toBe(store.json);
  });

  it('loads every version; the newest is current, each older one stays by its version', () => {
    const store = loadInstruments(instrumentDir());
    expect(store.versions).toEqual(['fip-v1', 'fip-v2']);
    expect(store.version).toBe('fip-v2');
    expect(store.itemIds('citizen').has('c12')).toBe(true);
    expect(store.byVersion('fip-v1')?.itemIds('citizen').has('c12')).toBe(false);
    expect(store.byVersion('fip-v1')?.json).toBe(readFileSync(SHIPPED_V1, 'utf8'));
    expect(store.byVersion('fip-v2')?.instrument.items.find((i) => i.id === 'c01')?.text.da.text).toBe(V2_C01);
    expect(store.byVersion('fip-v3')).toBeUndefined();
  });

  it('orders versions as numbers (v10 after v9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobvej-instruments-'));
    for (const v of ['9', '10']) writeFileSync(join(dir, `fip-v${v}.json`), JSON.stringify({ ...fipV2(), version: v }));
    expect(loadInstruments(dir).version).toBe('fip-v10');
  });

  it('refuses a replaced instrument that breaks the rules, naming the file and the problem', () => {
    const data = JSON.parse(readFileSync(SHIPPED_V1, 'utf8'));
    data.items[1].id = data.items[0].id; // duplicate item id
    const path = join(mkdtempSync(join(tmpdir(), 'jobvej-instrument-')), 'broken.json');
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadInstrument(path)).toThrow(/broken\.json: Invalid instrument:[\s\S]*c01/);
  });

  it('refuses a broken version among good ones, naming its file', () => {
    const dir = instrumentDir();
    const data = fipV2();
    const items = data.items as { index: string }[];
    items[0] = { ...items[0], index: 'nowhere' };
    writeFileSync(join(dir, 'fip-v2.json'), JSON.stringify(data));
    expect(() => loadInstruments(dir)).toThrow(/fip-v2\.json: Invalid instrument:[\s\S]*unknown index nowhere/);
  });

  it('refuses a file not named after the version it holds, and an empty folder', () => {
    const dir = instrumentDir({ v1Only: true });
    copyFileSync(SHIPPED_V1, join(dir, 'fip-v2.json'));
    expect(() => loadInstruments(dir)).toThrow(/fip-v2\.json: holds fip-v1; name the file fip-v1\.json/);
    expect(() => loadInstruments(mkdtempSync(join(tmpdir(), 'jobvej-empty-')))).toThrow(/no FIP instrument/);
  });
});
