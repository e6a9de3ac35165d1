// Compare two `jobvej evaluate` result files (A = before, B = after): every number (max relative
// difference, and the path where it is largest) and every other value (listed when different),
// then which numbers changed and why: the design settings that differ (design.*, input.*, the
// jobvej version), what each of them affects, and per section and method how many rows changed
// and by how much — so a change of the score model shows up as PSM/IPW rows moving while naive
// and DiD stay put, and a change that moves a method no design difference explains is flagged.
// Keys only in one file (new optional additions) and added or removed warnings are listed too.
// Used to check that a performance change leaves the results as they were, and to explain a
// change that does not (docs/benchmarks.md).
//   node --import tsx bench/evaluate/compare-results.ts A.json B.json [--ignore KEY]… [--rows N]
// Exit code 0 when nothing differs (ignored keys aside), 1 otherwise, 2 on a usage error.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const files: string[] = [];
const ignore = new Set<string>();
let showRows = 10;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--ignore' && args[i + 1] !== undefined) ignore.add(args[++i] as string);
  else if (args[i] === '--rows' && args[i + 1] !== undefined) showRows = Number(args[++i]);
  else files.push(args[i] as string);
}
const [a, b] = files;
if (a === undefined || b === undefined || files.length > 2) {
  process.stderr.write('usage: compare-results.ts A.json B.json [--ignore KEY]… [--rows N]\n');
  process.exit(2);
}

type Json = Record<string, unknown>;
const A = JSON.parse(readFileSync(a, 'utf8')) as Json;
const B = JSON.parse(readFileSync(b, 'utf8')) as Json;

let numbers = 0;
let maxRel = 0;
let maxPath = '';
const other: string[] = [];
const onlyA: string[] = [];
const onlyB: string[] = [];
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
    for (const k of keys) {
      if (ignore.has(k)) continue;
      if (!(k in x)) onlyB.push(`${path}.${k}`);
      else if (!(k in y)) onlyA.push(`${path}.${k}`);
      else walk((x as Json)[k], (y as Json)[k], `${path}.${k}`);
    }
    return;
  }
  if (JSON.stringify(x) !== JSON.stringify(y)) other.push(`${path}: ${JSON.stringify(x)?.slice(0, 120)} ≠ ${JSON.stringify(y)?.slice(0, 120)}`);
}
walk(A, B, '$');

const out: string[] = [];
const say = (s = ''): void => void out.push(s);
const differs = maxRel > 0 || other.length > 0 || onlyA.length > 0 || onlyB.length > 0;
say(`${numbers} numbers, max relative difference ${maxRel.toExponential(2)}${maxPath ? ` at ${maxPath}` : ''}; ${other.length} other difference(s); keys only in A: ${onlyA.length}, only in B: ${onlyB.length}`);
for (const o of other.slice(0, 20)) say(`  ${o}`);
if (onlyB.length > 0) say(`  only in B (e.g. new optional additions): ${onlyB.slice(0, 20).join(', ')}${onlyB.length > 20 ? ', …' : ''}`);
if (onlyA.length > 0) say(`  only in A: ${onlyA.slice(0, 20).join(', ')}${onlyA.length > 20 ? ', …' : ''}`);

// What each design setting affects (the rest of the result follows from the methods it moves).
const ALL = ['naive', 'psm', 'ipw', 'did'];
const SCORE = ['psm', 'ipw'];
const AFFECTS: Record<string, { methods: string[]; why: string }> = {
  score_terms: { methods: SCORE, why: 'the propensity score model’s terms (decision 017): scores, matches and weights, so PSM and IPW estimates and balance after adjustment' },
  spline_knots: { methods: SCORE, why: 'the spline knots of the score model (decision 017): PSM and IPW' },
  score_model: { methods: SCORE, why: 'separate or pooled score models: PSM and IPW' },
  covariates: { methods: SCORE, why: 'the score model’s covariates: PSM and IPW' },
  caliper_sd: { methods: ['psm'], why: 'the matching caliper: PSM' },
  cohort: { methods: ALL, why: 'the cohort rule: every unit, every method' },
  cohorts: { methods: ALL, why: 'the cohorts kept: every unit, every method' },
  units: { methods: ALL, why: 'the stacked units: every method' },
  window_weeks: { methods: ALL, why: 'the outcome window: every method' },
  methods: { methods: [], why: 'the methods run (rows appear or disappear)' },
  controls: { methods: ALL, why: 'who the control units are (decisions 017 and 024; `censored`: later participants too, followed until their own start and weighted by the inverse probability of not having started): every unit set, every method' },
  censoring: { methods: ALL, why: 'the censored design’s hazard model of starting (decision 024): every control’s censoring weights, so every method' },
};
// A key a file lacks means the design it was made with: a result of an older jobvej (before the
// key existed) used these.
const DEFAULTS: Record<string, unknown> = { score_terms: 'linear', controls: 'never', score_model: 'separate' };
const designA = (A.design ?? {}) as Json;
const designB = (B.design ?? {}) as Json;
const explained = new Set<string>();
const reasons: string[] = [];
for (const k of new Set([...Object.keys(designA), ...Object.keys(designB)])) {
  if (ignore.has(k) || JSON.stringify(designA[k]) === JSON.stringify(designB[k])) continue;
  if (k in DEFAULTS && JSON.stringify(designA[k] ?? DEFAULTS[k]) === JSON.stringify(designB[k] ?? DEFAULTS[k])) {
    const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
    reasons.push(`design.${k}: ${show(designA[k])} → ${show(designB[k])} — the same design (absent means ${JSON.stringify(DEFAULTS[k])}): no effect`);
    continue;
  }
  const eff = AFFECTS[k] ?? { methods: ALL, why: 'a design setting this script does not know: assume every method' };
  eff.methods.forEach((m) => explained.add(m));
  const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 80));
  reasons.push(`design.${k}: ${show(designA[k])} → ${show(designB[k])} — affects ${eff.why}`);
}
if (JSON.stringify(A.input) !== JSON.stringify(B.input) && !ignore.has('input')) {
  ALL.forEach((m) => explained.add(m));
  reasons.push('input: different data (persons, person-weeks, participants or control pool) — affects every method');
}
if (A.jobvej_version !== B.jobvej_version && !ignore.has('jobvej_version')) reasons.push(`jobvej_version: ${String(A.jobvej_version)} → ${String(B.jobvej_version)} (the code: see docs/decisions for what changed)`);

interface Row {
  outcome?: string;
  subgroup?: string;
  method?: string;
  period?: number;
  att?: number | null;
  se?: number | null;
}
const pp = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(3)}`;
/** Per method: rows compared, rows whose numbers changed, the largest change in att (pp) and its row. */
function byMethod(section: string, rowsA: Row[], rowsB: Row[]): Set<string> {
  const key = (r: Row): string => `${r.outcome}|${r.subgroup}|${r.method}|${r.period ?? ''}`;
  const mapB = new Map(rowsB.map((r) => [key(r), r]));
  const stats = new Map<string, { n: number; changed: number; maxAtt: number; maxSeRel: number; worst?: string; lines: string[] }>();
  const moved = new Set<string>();
  for (const ra of rowsA) {
    const rb = mapB.get(key(ra));
    const m = ra.method ?? '?';
    let s = stats.get(m);
    if (!s) stats.set(m, (s = { n: 0, changed: 0, maxAtt: 0, maxSeRel: 0, lines: [] }));
    if (!rb) continue;
    s.n++;
    if (JSON.stringify(ra) === JSON.stringify(rb)) continue;
    s.changed++;
    moved.add(m);
    const dAtt = (rb.att ?? Number.NaN) - (ra.att ?? Number.NaN);
    const dSe = Math.abs((rb.se ?? Number.NaN) - (ra.se ?? Number.NaN)) / Math.max(Math.abs(ra.se ?? 0), 1e-300);
    const label = `${ra.outcome}, ${ra.subgroup}${ra.period !== undefined ? `, period ${ra.period}` : ''}`;
    if (Math.abs(dAtt) >= Math.abs(s.maxAtt) || s.worst === undefined) [s.maxAtt, s.worst] = [dAtt, label];
    if (dSe > s.maxSeRel) s.maxSeRel = dSe;
    s.lines.push(`${label}: att ${pp(ra.att ?? Number.NaN)} → ${pp(rb.att ?? Number.NaN)} pp (se ${pp(ra.se ?? Number.NaN)} → ${pp(rb.se ?? Number.NaN)})`);
  }
  const missing = rowsA.length - [...stats.values()].reduce((t, s) => t + s.n, 0);
  say(`${section}: ${rowsA.length} rows in A, ${rowsB.length} in B${missing > 0 || rowsA.length !== rowsB.length ? ` (${missing} of A not in B)` : ''}`);
  for (const [m, s] of stats) {
    if (s.changed === 0) {
      say(`  ${m}: ${s.n} rows, unchanged`);
      continue;
    }
    const why = explained.has(m) ? 'explained by the design difference(s) above' : 'NOT explained by any design difference (the code changed it)';
    say(`  ${m}: ${s.changed} of ${s.n} rows changed; largest att change ${pp(s.maxAtt)} pp (${s.worst}); largest relative se change ${s.maxSeRel.toExponential(1)} — ${why}`);
    for (const l of s.lines.slice(0, showRows)) say(`      ${l}`);
    if (s.lines.length > showRows) say(`      … and ${s.lines.length - showRows} more (--rows N)`);
  }
  return moved;
}

if (differs) {
  say();
  say('Why: settings that differ');
  if (reasons.length === 0) say('  none (same data, same design settings): any number that changed, changed through the code');
  for (const r of reasons) say(`  ${r}`);
  say();
  byMethod('results', (A.results ?? []) as Row[], (B.results ?? []) as Row[]);
  byMethod('by_period', (A.by_period ?? []) as Row[], (B.by_period ?? []) as Row[]);
  const balA = (A.balance ?? []) as { covariate: string }[];
  const balB = new Map(((B.balance ?? []) as { covariate: string }[]).map((r) => [r.covariate, r]));
  const balChanged = balA.filter((r) => JSON.stringify(r) !== JSON.stringify(balB.get(r.covariate))).map((r) => r.covariate);
  say(`balance (subgroup all): ${balChanged.length} of ${balA.length} covariates changed${balChanged.length > 0 ? `: ${balChanged.join(', ')} (smd_before moves only with the units or data; smd_after/smd_after_ipw with the score model)` : ''}`);
  const wA = (A.warnings ?? []) as string[];
  const wB = (B.warnings ?? []) as string[];
  const removed = wA.filter((w) => !wB.includes(w));
  const added = wB.filter((w) => !wA.includes(w));
  say(`warnings: ${removed.length} only in A, ${added.length} only in B`);
  for (const w of removed.slice(0, showRows)) say(`  − ${w}`);
  for (const w of added.slice(0, showRows)) say(`  + ${w}`);
}
process.stdout.write(`${out.join('\n')}\n`);
process.exit(differs ? 1 : 0);
