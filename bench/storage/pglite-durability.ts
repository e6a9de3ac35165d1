// What a durable commit costs on the embedded database: N single-row inserts, each its own
// committed transaction, on PGlite in a fresh data folder — durable (the default: fsync on, the
// WAL fsync'ed before each commit is acknowledged, src/server/platform/db/durable-nodefs.ts) and not
// (PGlite's own behaviour: page cache only). Prints per-commit latency; numbers go to
// docs/benchmarks.md by hand.
//
//   node --import tsx bench/storage/pglite-durability.ts [--inserts 1000] [--dir /path/on/the/disk/to/measure]
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/platform/db/database.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const inserts = Number(option('--inserts') ?? 1000);
const base = option('--dir') ?? tmpdir();

interface Result {
  mode: string;
  total: number;
  perCommit: { mean: number; median: number; p95: number; max: number };
}

async function measure(durable: boolean): Promise<Result> {
  const dir = mkdtempSync(join(base, `jobvej-bench-durability-${durable ? 'on' : 'off'}-`));
  try {
    const db = await openDatabase({ dataDir: dir, durable });
    await sql`CREATE TABLE bench (id int PRIMARY KEY, note text NOT NULL)`.execute(db.kysely);
    // Warm up (first WAL segment, catalog caches), not counted.
    for (let i = 0; i < 20; i++) await sql`INSERT INTO bench VALUES (${-1 - i}, 'warm-up')`.execute(db.kysely);
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < inserts; i++) {
      const t = performance.now();
      await sql`INSERT INTO bench VALUES (${i}, ${`row ${i}`})`.execute(db.kysely);
      times.push(performance.now() - t);
    }
    const total = performance.now() - start;
    await db.close();
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    return {
      mode: durable ? 'durable (fsync on, wal_sync_method=fsync)' : 'PGlite default (fsync off)',
      total,
      perCommit: { mean: total / inserts, median: at(0.5), p95: at(0.95), max: times[times.length - 1] ?? 0 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (ms: number) => ms.toFixed(3);
console.log(`# PGlite durability: ${inserts} single-row committed inserts, data folder under ${base}`);
console.log(`# ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · ${(totalmem() / 1024 ** 3).toFixed(1)} GiB · Node ${process.version} · load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| mode | total (s) | mean per commit (ms) | median (ms) | p95 (ms) | max (ms) | commits/s |');
console.log('|---|---|---|---|---|---|---|');
for (const durable of [false, true]) {
  const r = await measure(durable);
  console.log(`| ${r.mode} | ${(r.total / 1000).toFixed(2)} | ${f(r.perCommit.mean)} | ${f(r.perCommit.median)} | ${f(r.perCommit.p95)} | ${f(r.perCommit.max)} | ${Math.round((inserts * 1000) / r.total)} |`);
}
console.log(`# load after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
