// Generate a synthetic register extract (persons.csv + weeks.csv) for `jobvej evaluate`:
//   node --import tsx bench/evaluate/generate.ts --persons 10000 --weeks 260 --out .bench-data/10k
// Selection on observables and a known effect (src/evaluation/simulation/generate.ts); the
// truth is written to truth.json next to the files.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulate } from '../../src/evaluation/simulation/generate.ts';

export function generate(persons: number, weeks: number, out: string, seed = 1): void {
  mkdirSync(out, { recursive: true });
  const pf = openSync(join(out, 'persons.csv'), 'w');
  const wf = openSync(join(out, 'weeks.csv'), 'w');
  let pbuf: string[] = [];
  try {
    writeSync(wf, 'person_id,week,status\n');
    const truth = simulate(
      { persons, weeks, seed },
      {
        personsLine: (l) => {
          pbuf.push(l);
          if (pbuf.length >= 50_000) {
            writeSync(pf, `${pbuf.join('\n')}\n`);
            pbuf = [];
          }
        },
        weeksChunk: (c) => void writeSync(wf, c),
      },
    );
    if (pbuf.length > 0) writeSync(pf, `${pbuf.join('\n')}\n`);
    writeFileSync(join(out, 'truth.json'), `${JSON.stringify({ persons, weeks, seed, ...truth }, null, 2)}\n`);
  } finally {
    closeSync(pf);
    closeSync(wf);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { persons: { type: 'string', default: '10000' }, weeks: { type: 'string', default: '260' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const out = values.out ?? `.bench-data/${values.persons}`;
  const t0 = performance.now();
  generate(Number(values.persons), Number(values.weeks), out, Number(values.seed));
  process.stdout.write(`wrote ${out}/persons.csv and ${out}/weeks.csv in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
