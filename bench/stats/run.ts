// Benchmark of the src/stats kernels on tall data: inputs built outside the timer, each result
// consumed; reports wall and CPU time (CPU matters on a shared, loaded machine) and load.
//   node --import tsx bench/stats/run.ts [--n 1000000]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createRng, logisticRegression, matchNearest, robustCov, wls, xtwx } from '../../src/stats/index.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000000' } } });
const n = Number(values.n);
const rand = createRng(20261125);
const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

function design(p: number): Float64Array {
  const X = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    X[i * p] = 1;
    for (let j = 1; j < p; j++) X[i * p + j] = gauss();
  }
  return X;
}

function time<T>(label: string, f: () => T, consume: (r: T) => number): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const check = consume(r);
  console.log(`${label.padEnd(38)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${((c.user + c.system) / 1000).toFixed(0).padStart(6)} ms  (check ${check.toPrecision(6)})`);
}

console.log(`n = ${n}, load average ${loadavg()[0]?.toFixed(1)}`);
const X10 = design(10);
const y = new Float64Array(n);
for (let i = 0; i < n; i++) {
  let e = -1;
  for (let j = 1; j < 10; j++) e += (j % 2 ? 0.3 : -0.3) * (X10[i * 10 + j] as number);
  y[i] = rand() < 1 / (1 + Math.exp(-e)) ? 1 : 0;
}
time('logisticRegression n × 10', () => logisticRegression(X10, y, n, 10), (r) => (r.coef[1] as number) + r.iterations);
const X30 = design(30);
time("xtwx n × 30", () => xtwx(X30, n, 30), (r) => r[31] as number);
const fit = wls(X10, y, n, 10);
const clusters = Int32Array.from({ length: n }, (_, i) => i % 1000);
time('robustCov CR1 n × 10, 1000 clusters', () => robustCov(X10, fit.residuals, n, 10, fit.bread, { type: 'CR1', clusters }), (r) => r[11] as number);
const ts = Float64Array.from({ length: Math.floor(n / 5) }, () => rand());
const cs = Float64Array.from({ length: n - ts.length }, () => rand());
time('matchNearest k=1 with replacement', () => matchNearest({ treatedScore: ts, controlScore: cs }), (r) => r.matches[0] as number);
time('matchNearest k=1 without replacement', () => matchNearest({ treatedScore: ts, controlScore: cs, replacement: false }), (r) => r.matches[0] as number);
