// Compare two `jobvej evaluate` result files: every number (max relative difference, and the
// path where it is largest) and every other value (listed when different). Used to check that a
// performance change leaves the results as they were (docs/benchmarks.md).
//   node --import tsx bench/evaluate/compare-results.ts A.json B.json [--ignore jobvej_version]
import { readFileSync } from 'node:fs';

const [a, b, ...rest] = process.argv.slice(2);
if (a === undefined || b === undefined) {
  process.stderr.write('usage: compare-results.ts A.json B.json [--ignore KEY]…\n');
  process.exit(2);
}
const ignore = new Set<string>();
for (let i = 0; i < rest.length; i++) if (rest[i] === '--ignore' && rest[i + 1] !== undefined) ignore.add(rest[++i] as string);

let numbers = 0;
let maxRel = 0;
let maxPath = '';
const other: string[] = [];
function walk(x: unknown, y: unknown, path: string): void {
  if (typeof x === 'number' && typeof y === 'number') {
    numbers++;
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return;
    const rel = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
    if (rel > maxRel) [maxRel, maxPath] = [rel, path];
    return;
  }
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    x.forEach((v, i) => walk(v, y[i], `${path}[${i}]`));
    return;
  }
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const k of keys) if (!ignore.has(k)) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  if (JSON.stringify(x) !== JSON.stringify(y)) other.push(`${path}: ${JSON.stringify(x)?.slice(0, 120)} ≠ ${JSON.stringify(y)?.slice(0, 120)}`);
}
walk(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8')), '$');
process.stdout.write(`${numbers} numbers, max relative difference ${maxRel.toExponential(2)}${maxPath ? ` at ${maxPath}` : ''}; ${other.length} other difference(s)\n`);
for (const o of other.slice(0, 20)) process.stdout.write(`  ${o}\n`);
process.exit(other.length > 0 ? 1 : 0);
