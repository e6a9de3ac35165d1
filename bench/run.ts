// `npm run bench [-- SIZES] [--docs] [--peer LIST]`: the evaluate benchmark (bench/evaluate/run.ts)
// at 10 000 persons × 260 weeks by default, or at the comma-separated person counts given
// (e.g. `npm run bench -- 10000,100000`). Prints the numbers; `--docs` also rewrites the
// evaluate table in docs/benchmarks.md. Data is generated once into .bench-data/ (gitignored).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const sizes = args.find((a) => /^\d[\d,]*$/.test(a)) ?? '10000';
const docs = args.includes('--docs');
const peerAt = args.indexOf('--peer');
const peer = peerAt >= 0 ? ['--peer', args[peerAt + 1] ?? ''] : [];
const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/evaluate/run.ts', '--sizes', sizes, '--weeks', '260', ...peer, ...(docs ? [] : ['--no-docs'])], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
