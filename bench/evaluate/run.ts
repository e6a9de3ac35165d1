// Benchmark of `jobvej evaluate` end to end: for each size, generate the data once (outside the
// timer, into .bench-data/), run the real command in a child process under /usr/bin/time, and
// record the whole-command wall time, peak memory (max RSS) and each stage's time (from the
// command's progress lines). Writes the results into docs/benchmarks.md (its evaluate section).
//   node --import tsx bench/evaluate/run.ts --sizes 10000,100000 [--weeks 260] [--no-docs]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.ts';

const STAGES = ['read', 'panel', 'design', 'score model', 'matching', 'weighting', 'estimates', 'report'];

interface Run {
  persons: number;
  personWeeks: number;
  weeksFileMb: number;
  wall: number;
  cpu: number;
  maxRssMb: number;
  stages: Record<string, number>;
  load: number;
  /** The pandas peer (bench/evaluate/peer_pandas.py) on the same files, when run. */
  peer?: { wall: number; cpu: number; maxRssMb: number; load: number };
}

const label = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function benchOne(persons: number, weeks: number): Run {
  const dir = join('.bench-data', `${label(persons)}-${weeks}w`);
  if (!existsSync(join(dir, 'truth.json'))) {
    process.stderr.write(`generating ${dir} …\n`);
    generate(persons, weeks, dir);
  }
  const args = ['-f', '%e %U %S %M', process.execPath, 'bin/jobvej', 'evaluate', '--persons', join(dir, 'persons.csv'), '--weeks', join(dir, 'weeks.csv'), '--methods', 'naive,psm,ipw', '--out', join(dir, 'result.json'), '--html', join(dir, 'report.html')];
  const load = loadavg()[0] ?? 0;
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`evaluate failed:\n${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  const [wall, user, sys, rss] = (lines.at(-1) ?? '').split(' ').map(Number);
  const stages: Record<string, number> = {};
  for (const l of lines) {
    const m = /^\s+(.+?)\s+\[#+\]\s+100 %\s+([\d.]+) s$/.exec(l);
    if (m?.[1] && m[2]) stages[m[1]] = Number(m[2]);
  }
  const out = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { input: { person_weeks: number } };
  const size = Number(execFileSync('stat', ['-c', '%s', join(dir, 'weeks.csv')], { encoding: 'utf8' }));
  return { persons, personWeeks: out.input.person_weeks, weeksFileMb: size / 2 ** 20, wall: wall ?? NaN, cpu: (user ?? NaN) + (sys ?? NaN), maxRssMb: (rss ?? NaN) / 1024, stages, load };
}

/** The peer: the same design's core in pandas/statsmodels (Debian's python3), as a whole process. */
function peerOne(persons: number, weeks: number): Run['peer'] {
  const dir = join('.bench-data', `${label(persons)}-${weeks}w`);
  const load = loadavg()[0] ?? 0;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', PYTHON, 'bench/evaluate/peer_pandas.py', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    process.stderr.write(`peer failed (${label(persons)}):\n${r.stderr.slice(-2000)}\n`);
    return undefined;
  }
  const [wall, user, sys, rss] = (r.stderr.trimEnd().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { wall: wall ?? NaN, cpu: (user ?? NaN) + (sys ?? NaN), maxRssMb: (rss ?? NaN) / 1024, load };
}

const PYTHON = '/usr/bin/python3';

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  return `${nproc} cores (nproc), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

function table(runs: Run[], weeks: number): string {
  const head = `| persons × weeks | person-week rows (file) | whole command (wall) | CPU time (user+sys) | peak RSS | ${STAGES.join(' | ')} | load avg | peer pandas: wall / CPU / peak RSS (load) |`;
  const sep = `|${'---|'.repeat(STAGES.length + 7)}`;
  const peer = (r: Run): string => (r.peer ? `${r.peer.wall.toFixed(2)} s / ${r.peer.cpu.toFixed(2)} s / ${r.peer.maxRssMb.toFixed(0)} MB (${r.peer.load.toFixed(1)})` : '–');
  const rows = runs.map((r) => `| ${label(r.persons)} × ${weeks} | ${(r.personWeeks / 1e6).toFixed(2)} M (${r.weeksFileMb.toFixed(0)} MB) | **${r.wall.toFixed(2)} s** | ${r.cpu.toFixed(2)} s | **${r.maxRssMb.toFixed(0)} MB** | ${STAGES.map((s) => (r.stages[s] === undefined ? '–' : r.stages[s]?.toFixed(2))).join(' | ')} | ${r.load.toFixed(1)} | ${peer(r)} |`);
  return [head, sep, ...rows].join('\n');
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, weeks: { type: 'string', default: '260' }, 'no-docs': { type: 'boolean', default: false }, peer: { type: 'string', default: '' } } });
// --peer LIST: sizes at which to also run the pandas peer (default: every size up to 100k, if /usr/bin/python3 exists).
const peerSizes = values.peer ? values.peer.split(',').map(Number) : undefined;
const weeks = Number(values.weeks);
// Time the command as users run it: bin/jobvej with a fresh CLI bundle (decision 008).
execFileSync(process.execPath, ['scripts/ensure-cli-build.mjs'], { stdio: 'inherit' });
const runs: Run[] = [];
for (const n of (values.sizes ?? '').split(',').map(Number)) {
  const r = benchOne(n, weeks);
  runs.push(r);
  process.stdout.write(`${label(n)}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.maxRssMb.toFixed(0)} MB, ${JSON.stringify(r.stages)}\n`);
  if ((peerSizes ? peerSizes.includes(n) : n <= 100_000) && existsSync(PYTHON)) {
    const p = peerOne(n, weeks);
    if (p) {
      r.peer = p;
      process.stdout.write(`${label(n)} peer (pandas): ${p.wall.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU, ${p.maxRssMb.toFixed(0)} MB\n`);
    }
  }
}
const section = `<!-- bench:evaluate:start -->
## jobvej evaluate

- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- Machine: ${machine()}
- Command: \`node --import tsx bench/evaluate/run.ts --sizes ${values.sizes} --weeks ${weeks}${values.peer ? ` --peer ${values.peer}` : ''}\` (\`npm run bench [-- SIZES]\` runs it) — per size it runs
  \`bin/jobvej evaluate --persons P --weeks W --methods naive,psm,ipw --out result.json --html report.html\`
  (all 8 outcomes, subgroups all / gender=F / gender=M, SEs, 13 periods, balance) under \`/usr/bin/time\`.
- Data: \`bench/evaluate/generate.ts\` (synthetic, ~10 % participants, stacked over the start quarters
  that fit; absent weeks = none, so the file holds fewer rows than persons × weeks).
- "whole command" is wall time from process start to the files written (bin/jobvej with the fresh
  CLI bundle of decisions/008; through tsx instead, add ~0.3–0.5 s of start-up); CPU is user + sys; stage
  times come from the command's own progress lines (wall time, so they include waiting when the
  machine is shared: see the load average at the start of each run).
- "peer pandas" is \`/usr/bin/python3 bench/evaluate/peer_pandas.py DIR\` (pandas, numpy, statsmodels
  Logit) on the same files, under \`/usr/bin/time\`: read, panel, cohorts, covariates, outcomes, score
  model, PSM and IPW point estimates for the same subgroups — no SEs, periods, balance or report.

${table(runs, weeks)}
<!-- bench:evaluate:end -->`;
if (!values['no-docs']) {
  const file = 'docs/benchmarks.md';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = /<!-- bench:evaluate:start -->[\s\S]*<!-- bench:evaluate:end -->/;
  writeFileSync(file, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
