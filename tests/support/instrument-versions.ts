// A second instrument version for tests: a temp folder with the shipped fip-v1.json and a fip-v2
// that rewords c01 and adds a citizen item c12 (readiness), so answers to v1 and v2 tell apart.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_INSTRUMENT_DIR } from '../../src/server/instruments/instrument-store.ts';

export const SHIPPED_V1 = join(DEFAULT_INSTRUMENT_DIR, 'fip-v1.json');
export const V2_C01 = 'Hvor vigtigt er det for dig at have et arbejde om et halvt år? (v2)';
export const V2_C12 = 'Har du en plan for de næste tre måneder? (v2)';

/** The shipped v1 turned into a v2: c01 reworded, c12 added. */
export function fipV2(): Record<string, unknown> {
  const data = JSON.parse(readFileSync(SHIPPED_V1, 'utf8'));
  data.version = '2';
  const c01 = data.items.find((i: { id: string }) => i.id === 'c01');
  c01.text = { da: { text: V2_C01, reviewed: false } };
  const at = data.items.findIndex((i: { id: string }) => i.id === 'c11');
  data.items.splice(at + 1, 0, { id: 'c12', respondent: 'citizen', index: 'readiness', text: { da: { text: V2_C12, reviewed: false } } });
  return data;
}

/** A temp folder holding fip-v1.json (shipped) and, unless `v1Only`, fip-v2.json. */
export function instrumentDir(opts: { v1Only?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-instruments-'));
  copyFileSync(SHIPPED_V1, join(dir, 'fip-v1.json'));
  if (!opts.v1Only) writeFileSync(join(dir, 'fip-v2.json'), JSON.stringify(fipV2()));
  return dir;
}
