// Diagnostic for decision 024: does the `censored` design's sandwich SE (score model, matching
// and hazard model taken as fixed) match the spread of a person bootstrap that refits all of
// them? Per seed a bias-study register (scenario `default` unless --scenario), the estimate and
// its reported SE, then B bootstrap replicates that draw persons with replacement (a person drawn
// twice is two persons) and rerun the whole analysis in process; prints per method the reported
// SE, the bootstrap SD and their ratio.
//   node --import tsx bench/evaluate/censored-bootstrap.ts [--seeds 3] [--replicates 40] [--persons 10000] [--scenario default] [--controls censored]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyse } from '../../src/evaluation/analyse.ts';
import type { ControlPool } from '../../src/evaluation/design/cohorts.ts';
import type { Panel } from '../../src/evaluation/panel.ts';
import { readPersonsCsv, type Persons } from '../../src/evaluation/readers/persons-csv.ts';
import { readWeeksCsv } from '../../src/evaluation/readers/weeks-csv.ts';
import { simulate } from '../../src/evaluation/simulation/generate.ts';
import { createRng } from '../../src/stats/index.ts';
import { SCENARIOS } from './bias-study.ts';

const METHODS = ['psm', 'ipw'] as const;

/** Persons and panel rows drawn with replacement (row k of the replicate is person draw[k]). */
function resample(persons: Persons, panel: Panel, draw: Int32Array): { persons: Persons; panel: Panel } {
  const n = draw.length;
  const pick = <T>(a: ArrayLike<T>): T[] => Array.from(draw, (p) => a[p] as T);
  const ids = Array.from(draw, (_, k) => `B${k}`);
  const status = new Uint8Array(n * panel.nWeeks);
  for (let k = 0; k < n; k++) status.set(panel.status.subarray((draw[k] as number) * panel.nWeeks, ((draw[k] as number) + 1) * panel.nWeeks), k * panel.nWeeks);
  return {
    persons: {
      file: 'bootstrap',
      n,
      ids,
      index: new Map(ids.map((id, k) => [id, k])),
      female: Uint8Array.from(pick(persons.female)),
      birthYear: Int16Array.from(pick(persons.birthYear)),
      origin: pick(persons.origin),
      arrivalDay: Int32Array.from(pick(persons.arrivalDay)),
      municipality: pick(persons.municipality),
      participant: Uint8Array.from(pick(persons.participant)),
      startDay: Int32Array.from(pick(persons.startDay)),
      extra: new Map(),
    },
    panel: { nPersons: n, weekStart: panel.weekStart, nWeeks: panel.nWeeks, status },
  };
}

async function estimates(persons: Persons, panel: Panel, controls: ControlPool): Promise<Map<string, { att: number; se: number }>> {
  const out = await analyse(persons, panel, { version: 'bootstrap', methods: ['naive', ...METHODS], outcomes: ['employment'], by: [], threads: 1, controlPool: controls, personWeeks: 0 });
  const m = new Map<string, { att: number; se: number }>();
  for (const r of out.results) if (r.subgroup === 'all' && r.att !== null && r.se !== null) m.set(r.method, { att: r.att, se: r.se });
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '3' },
      replicates: { type: 'string', default: '40' },
      persons: { type: 'string', default: '10000' },
      scenario: { type: 'string', default: 'default' },
      controls: { type: 'string', default: 'censored' },
    },
  });
  const s = SCENARIOS.find((x) => x.name === values.scenario);
  if (!s) throw new RangeError(`unknown scenario ${values.scenario}`);
  const B = Number(values.replicates);
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-boot-'));
  try {
    for (let seed = 1; seed <= Number(values.seeds); seed++) {
      const lines: string[] = [];
      const chunks: string[] = ['person_id,week,status\n'];
      simulate({ persons: Number(values.persons), weeks: 260, seed: 1000 + seed, ...s.sim }, { personsLine: (l) => lines.push(l), weeksChunk: (c) => chunks.push(c) });
      writeFileSync(join(dir, 'p.csv'), `${lines.join('\n')}\n`);
      writeFileSync(join(dir, 'w.csv'), chunks.join(''));
      const persons = await readPersonsCsv(join(dir, 'p.csv'));
      const { panel } = readWeeksCsv(join(dir, 'w.csv'), persons);
      const controls = values.controls as ControlPool;
      const full = await estimates(persons, panel, controls);
      const rng = createRng(7000 + seed);
      const reps = new Map<string, number[]>();
      for (let b = 0; b < B; b++) {
        const draw = Int32Array.from({ length: persons.n }, () => Math.floor(rng() * persons.n));
        const r = resample(persons, panel, draw);
        for (const [m, e] of await estimates(r.persons, r.panel, controls)) {
          const list = reps.get(m) ?? [];
          list.push(e.att);
          reps.set(m, list);
        }
      }
      for (const m of ['naive', ...METHODS]) {
        const x = reps.get(m) ?? [];
        const mean = x.reduce((a, v) => a + v, 0) / x.length;
        const sd = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (x.length - 1));
        const se = full.get(m)?.se ?? Number.NaN;
        process.stdout.write(`${s.name} seed ${1000 + seed} ${controls} ${m}: reported SE ${(se * 100).toFixed(3)} pp, bootstrap SD ${(sd * 100).toFixed(3)} pp (${x.length} replicates), ratio ${(se / sd).toFixed(2)}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
