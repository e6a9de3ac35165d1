// Benchmark of `jobvej fip-validity` as a whole command (process start to exit) on generated
// answers.csv + outcomes.csv (generate.ts; default 5 000 citizens, ~100 000 answers), against two
// floors in the same run, alternating A B C per round: the same models in pandas/statsmodels/
// scikit-learn (peer_statsmodels.py) and pandas reading the two files only. Each run is timed by
// /usr/bin/time (wall, user, sys, max RSS); medians and ranges are printed, and the two result
// files are compared number by number. Target (issue 11): ≤ 1 s for 100 000 answers.
//   node --import tsx bench/fip-validity/run.ts [--citizens 5000] [--answers 100000] [--runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateFipFiles } from './generate.ts';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '5000' },
    answers: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20261204' },
  },
});
const citizens = Number(values.citizens);
const target = Number(values.answers);
const runs = Number(values.runs);
const dir = join('.bench-data', `fip-validity-${citizens}-${target}-${values.seed}`);
const answers = join(dir, 'answers.csv');
const outcomes = join(dir, 'outcomes.csv');
if (!existsSync(answers) || !existsSync(outcomes)) generateFipFiles(dir, citizens, target, Number(values.seed));
const rows = readFileSync(answers, 'utf8').split('\n').length - 2;

const commands: Record<string, string[]> = {
  'jobvej fip-validity': [process.execPath, 'bin/jobvej', 'fip-validity', '--answers', answers, '--outcomes', outcomes, '--out', join(dir, 'jobvej.json'), '--quiet'],
  'python statsmodels (same models)': ['/usr/bin/python3', 'bench/fip-validity/peer_statsmodels.py', answers, outcomes, join(dir, 'peer.json')],
  'python pandas read_csv only': ['/usr/bin/python3', '-c', 'import sys, pandas as pd; pd.read_csv(sys.argv[1]); pd.read_csv(sys.argv[2])', answers, outcomes],
};

interface Run {
  wall: number;
  user: number;
  sys: number;
  rssMb: number;
}

function timeOnce(cmd: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, user, sys, rss] = last.split(' ').map(Number) as [number, number, number, number];
  return { wall, user, sys, rssMb: rss / 1024 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const cpu = cpus();
console.log(`${new Date().toISOString()}  ${cpu[0]?.model ?? '?'} × ${cpu.length}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`input: ${dir}: ${rows} answers, ${citizens} citizens; ${runs} runs each after one warm-up, alternating`);
const names = Object.keys(commands);
for (const name of names) timeOnce(commands[name] as string[]);
const results = new Map<string, Run[]>(names.map((n) => [n, []]));
for (let k = 0; k < runs; k++) for (const name of names) results.get(name)?.push(timeOnce(commands[name] as string[]));

const fmt = (xs: number[], d = 2): string => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
console.log(`\n${'command'.padEnd(34)} ${'wall s'.padEnd(18)} ${'user s'.padEnd(18)} ${'sys s'.padEnd(18)} max RSS MB`);
for (const name of names) {
  const r = results.get(name) as Run[];
  console.log(`${name.padEnd(34)} ${fmt(r.map((x) => x.wall)).padEnd(18)} ${fmt(r.map((x) => x.user)).padEnd(18)} ${fmt(r.map((x) => x.sys)).padEnd(18)} ${fmt(r.map((x) => x.rssMb), 0)}`);
}
const a = results.get(names[0] as string) as Run[];
const b = results.get(names[1] as string) as Run[];
const ratios = a.map((x, i) => x.wall / (b[i] as Run).wall);
console.log(`\nwall ratio jobvej / statsmodels, pair by pair: median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
console.log(`target ≤ 1 s (median wall): ${median(a.map((x) => x.wall)) <= 1 ? 'met' : 'NOT met'}`);

// Same numbers? Every model number of jobvej against the peer's.
type Entry = Record<string, number | string | null | string[]>;
const mine = JSON.parse(readFileSync(join(dir, 'jobvej.json'), 'utf8')) as { items: Entry[]; indices: Entry[] };
const peer = JSON.parse(readFileSync(join(dir, 'peer.json'), 'utf8')) as { items: Entry[]; indices: Entry[] };
let maxRel = 0;
let count = 0;
let nMismatch = 0;
const pairs: [Entry, Entry][] = [...mine.items.map((e, i) => [e, peer.items[i] as Entry] as [Entry, Entry]), ...mine.indices.map((e, i) => [e, peer.indices[i] as Entry] as [Entry, Entry])];
for (const [x, y] of pairs) {
  if (x.n !== y.n) nMismatch++;
  for (const key of ['log_odds', 'se', 'odds_ratio', 'ci_low', 'ci_high', 'p_value', 'auc', 'alpha']) {
    const u = x[key];
    const v = y[key];
    if (typeof u !== 'number' || typeof v !== 'number') continue;
    maxRel = Math.max(maxRel, Math.abs(u - v) / Math.abs(v));
    count++;
  }
}
console.log(`results: ${count} numbers compared with statsmodels/scikit-learn, max relative difference ${maxRel.toExponential(2)}; n differs in ${nMismatch} model(s)`);
