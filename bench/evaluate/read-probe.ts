// Probe of the two-thread weeks.csv read (decisions/009): times the whole file, each half alone
// and both halves at once (second half on the helper thread), with per thread its CPU time and
// its time waiting for a CPU (run queue, /proc/self/task/TID/schedstat: "TIDq"). Measurement
// only (it keeps the panels, not a result).
//   node --import tsx bench/evaluate/read-probe.ts DIR [whole|first|second|remote2|both ...]
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readPersonsCsv } from '../../src/evaluation/readers/persons-csv.ts';
import { readWeeksRange } from '../../src/evaluation/readers/weeks-csv.ts';
import { splitPoints } from '../../src/evaluation/readers/weeks-split.ts';
import { startHelper } from '../../src/evaluation/parallel/helper.ts';
import { checkFileSize } from '../../src/evaluation/readers/file-size.ts';

/** Per thread of this process: CPU seconds (user+sys) by tid, run-queue wait seconds by `${tid}q`. */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of readdirSync('/proc/self/task')) {
    const f = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    const ss = readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ');
    out.set(t, (Number(rest[11]) + Number(rest[12])) / 100);
    out.set(`${t}q`, Number(ss[1]) / 1e9);
  }
  return out;
}
/** The threads that used or waited more than 0.2 s between two snapshots. */
function cpuDelta(a: Map<string, number>, b: Map<string, number>): string {
  const d: string[] = [];
  for (const [t, v] of b) { const x = v - (a.get(t) ?? 0); if (x > 0.2) d.push(`${t}:${x.toFixed(1)}`); }
  return d.join(' ');
}

const dir = process.argv[2] ?? '.bench-data/100k-260w';
const modes = process.argv.slice(3);
const file = join(dir, 'weeks.csv');
const t0 = performance.now();
const persons = await readPersonsCsv(join(dir, 'persons.csv'));
console.log(`persons ${((performance.now() - t0) / 1000).toFixed(2)} s, load ${loadavg()[0]?.toFixed(1)}`);
const size = checkFileSize(file);
const split = splitPoints(file, size);
if (!split) throw new Error('no split');
const helper = startHelper();
await helper.run({ kind: 'weeks', file, size, start: size, end: size, ids: [] }, []); // the helper started and warm
async function time(name: string, f: () => unknown): Promise<void> {
  const l = loadavg()[0]?.toFixed(1);
  const c0 = threadCpu();
  const pc = process.cpuUsage();
  const s = performance.now();
  await f();
  const w = (performance.now() - s) / 1000;
  const u = process.cpuUsage(pc);
  console.log(`${name.padEnd(14)} wall ${w.toFixed(2)} s  cpu ${((u.user + u.system) / 1e6).toFixed(2)} s (sys ${(u.system / 1e6).toFixed(2)})  threads ${cpuDelta(c0, threadCpu())}  load ${l}`);
}
const first = { start: split.headerEnd, end: split.mid };
const second = { start: split.mid, end: size };
for (const m of modes) {
  if (m === 'whole') await time('whole', () => readWeeksRange(file, persons, size, {}, { start: split.headerEnd, end: size }));
  if (m === 'first') await time('first', () => readWeeksRange(file, persons, size, {}, first));
  if (m === 'second') await time('second', () => readWeeksRange(file, persons, size, {}, second));
  if (m === 'remote2') await time('remote second', () => helper.run({ kind: 'weeks', file, size, start: second.start, end: second.end, ids: persons.ids }, []));
  if (m === 'both') await time('both', async () => {
    const r = helper.run({ kind: 'weeks', file, size, start: second.start, end: second.end, ids: persons.ids }, []);
    const ts = performance.now();
    readWeeksRange(file, persons, size, {}, first);
    const tl = performance.now() - ts;
    await r;
    console.log(`  (local half done after ${(tl / 1000).toFixed(2)} s)`);
  });
}
await helper.close();
