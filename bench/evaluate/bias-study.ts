// Simulation study of the adjusted estimators' bias (issue 17, decision 017): for each scenario
// (selection strength, start-time pattern) and seed, a register with a known employment effect
// (src/evaluation/simulation/generate.ts), evaluated by `evaluateFiles` under each variant of the
// design; per scenario × variant × method the mean error against the truth, its SD over seeds,
// the standard error of the mean error (SD/√seeds), the mean reported SE and the 95 % CI coverage.
//   node --import tsx bench/evaluate/bias-study.ts [--seeds 20] [--persons 10000] [--weeks 260]
//        [--scenarios LIST] [--variants LIST] [--json FILE] [--markdown]
// Scenarios (below): default, strong, none, after-arrival, after-arrival-strong, and the
// diagnostics without an effect (truth 0): null, null-none, null-after-arrival, and null-copies,
// where every participant is also in the file a second time as a control person, so the control
// pool is not thinned by who participates at another time. Without an effect a participant's
// observed weeks are its untreated ones, so variant `linear-other-quarters` (every participant a
// control in every cohort but its own) shows the design's bias without that thinning.
// Variants: the score model's terms (`linear`: the covariates as they are, the default;
// `flexible`: also natural cubic splines of the continuous covariates) and the control pool
// (`-clean`, `-not-yet`, `-other-quarters`: design/cohorts.ts ControlPool; default `never`), and
// `-month`: monthly instead of quarterly cohorts (the controls' reference week at most 4 weeks
// from their participants' start instead of 13; with other-quarters: every other month);
// `censored`, `censored-month`, `flexible-censored` (decision 024): `--controls censored`, the
// control pool and every later participant followed until its own start, weighted by the inverse
// probability of not having started yet.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateFiles } from '../../src/evaluation/evaluate.ts';
import { simulate, type SimulationOptions } from '../../src/evaluation/simulation/generate.ts';
import type { AnalyseOptions } from '../../src/evaluation/analyse.ts';

interface Scenario {
  name: string;
  what: string;
  sim: Omit<SimulationOptions, 'persons' | 'weeks' | 'seed'>;
  /** Diagnostic: every participant also appears as a control person (only meaningful without an effect). */
  copies?: boolean;
}

export const SCENARIOS: Scenario[] = [
  { name: 'default', what: 'the benchmark generator: selection −4 × pre-employment share, start a random day of a random quarter', sim: {} },
  { name: 'strong', what: 'selection −8 × pre-employment share', sim: { selectionStrength: 8, participationIntercept: -0.6 } },
  { name: 'none', what: 'no selection on the pre-period (other covariates only)', sim: { selectionStrength: 0, participationIntercept: -1.9 } },
  { name: 'after-arrival', what: 'start 104 weeks after arrival (a fixed time), selection −4', sim: { startPattern: 'after-arrival', startAfterArrivalWeeks: 104, participationIntercept: -0.2 } },
  { name: 'after-arrival-strong', what: 'start 104 weeks after arrival, selection −8', sim: { startPattern: 'after-arrival', startAfterArrivalWeeks: 104, selectionStrength: 8, participationIntercept: 0.4 } },
  { name: 'null', what: 'no effect (truth 0), selection −4', sim: { effect: 0 } },
  { name: 'null-copies', what: 'no effect, selection −4, each participant also a control person', sim: { effect: 0 }, copies: true },
  { name: 'null-none', what: 'no effect, no selection on the pre-period', sim: { effect: 0, selectionStrength: 0, participationIntercept: -1.9 } },
  { name: 'null-after-arrival', what: 'no effect, start 104 weeks after arrival, selection −4', sim: { effect: 0, startPattern: 'after-arrival', startAfterArrivalWeeks: 104, participationIntercept: -0.2 } },
];

type Variant = Pick<AnalyseOptions, 'scoreTerms' | 'controlPool' | 'cohort'>;
export const VARIANTS: Record<string, Variant> = {
  linear: { scoreTerms: 'linear' },
  flexible: { scoreTerms: 'flexible' },
  'linear-not-yet': { scoreTerms: 'linear', controlPool: 'not-yet' },
  'linear-clean': { scoreTerms: 'linear', controlPool: 'clean' },
  'linear-other-quarters': { scoreTerms: 'linear', controlPool: 'other-quarters' },
  'flexible-not-yet': { scoreTerms: 'flexible', controlPool: 'not-yet' },
  'flexible-clean': { scoreTerms: 'flexible', controlPool: 'clean' },
  'flexible-other-quarters': { scoreTerms: 'flexible', controlPool: 'other-quarters' },
  'linear-month': { scoreTerms: 'linear', cohort: 'month' },
  'linear-month-other-quarters': { scoreTerms: 'linear', cohort: 'month', controlPool: 'other-quarters' },
  // Decision 024: controls censored at their own start, weighted by the inverse probability of not having started yet.
  censored: { scoreTerms: 'linear', controlPool: 'censored' },
  'censored-month': { scoreTerms: 'linear', controlPool: 'censored', cohort: 'month' },
  'flexible-censored': { scoreTerms: 'flexible', controlPool: 'censored' },
};

const METHODS = ['naive', 'psm', 'ipw'] as const;

interface Cell {
  errors: number[];
  ses: number[];
  covered: number;
  /** Per seed the estimate and the seed's truth (the sample ATT of its participants). */
  estimates: number[];
  truths: number[];
}

function writeRegister(dir: string, persons: number, weeks: number, seed: number, s: Scenario): number {
  const lines: string[] = [];
  const chunks: string[] = ['person_id,week,status\n'];
  const truth = simulate({ persons, weeks, seed, ...s.sim }, { personsLine: (l) => lines.push(l), weeksChunk: (c) => chunks.push(c) });
  if (s.copies) {
    const participants = new Map<string, string>();
    for (const l of lines.slice(1)) {
      const f = l.split(',');
      if (f[6] === 'participant') participants.set(f[0] ?? '', `C${(f[0] ?? '').slice(1)}`);
    }
    for (const l of lines.slice(1)) {
      const f = l.split(',');
      const copy = participants.get(f[0] ?? '');
      if (copy !== undefined) lines.push([copy, ...f.slice(1, 6), 'control', ''].join(','));
    }
    const extra: string[] = [];
    for (const c of chunks.slice(1)) {
      for (const row of c.split('\n')) {
        const id = row.slice(0, row.indexOf(','));
        const copy = participants.get(id);
        if (copy !== undefined) extra.push(`${copy}${row.slice(id.length)}\n`);
      }
    }
    chunks.push(extra.join(''));
  }
  writeFileSync(join(dir, 'persons.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'weeks.csv'), chunks.join(''));
  return truth.attEmployment;
}

const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x: number[]): number => {
  const m = mean(x);
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, x.length - 1));
};

export interface StudyRow {
  scenario: string;
  variant: string;
  method: string;
  seeds: number;
  meanError: number;
  sdError: number;
  seMean: number;
  meanSe: number;
  coverage: number;
  /**
   * Coverage of the scenario's population ATT, estimated by the mean of the seeds' truths: a
   * seed's truth is its own participants' mean effect, which varies from seed to seed (SD about
   * 0.3 pp at 10 k), while a reported SE is that of the estimate around the population's ATT.
   */
  coverageMeanTruth: number;
}

export async function runStudy(o: { seeds: number; persons: number; weeks: number; scenarios: Scenario[]; variants: string[]; log?: (s: string) => void }): Promise<StudyRow[]> {
  const cells = new Map<string, Cell>();
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-bias-'));
  try {
    for (const s of o.scenarios) {
      for (let seed = 1; seed <= o.seeds; seed++) {
        const truth = writeRegister(dir, o.persons, o.weeks, 1000 + seed, s);
        for (const v of o.variants) {
          const out = await evaluateFiles(
            { persons: join(dir, 'persons.csv'), weeks: join(dir, 'weeks.csv') },
            { version: 'study', methods: [...METHODS], outcomes: ['employment'], by: [], threads: 1, ...VARIANTS[v] },
          );
          for (const m of METHODS) {
            const r = out.results.find((x) => x.method === m && x.subgroup === 'all' && x.outcome === 'employment');
            if (!r || r.att === null || r.se === null || r.ci_low === null || r.ci_high === null) continue;
            const key = `${s.name}\u0000${v}\u0000${m}`;
            let c = cells.get(key);
            if (!c) cells.set(key, (c = { errors: [], ses: [], covered: 0, estimates: [], truths: [] }));
            c.errors.push(r.att - truth);
            c.estimates.push(r.att);
            c.truths.push(truth);
            c.ses.push(r.se);
            if (r.ci_low <= truth && truth <= r.ci_high) c.covered++;
          }
        }
        o.log?.(`${s.name} seed ${seed}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: StudyRow[] = [];
  for (const s of o.scenarios) {
    for (const v of o.variants) {
      for (const m of METHODS) {
        const c = cells.get(`${s.name}\u0000${v}\u0000${m}`);
        if (!c) continue;
        const n = c.errors.length;
        const pop = mean(c.truths);
        const covPop = c.estimates.filter((e, k) => Math.abs(e - pop) <= 1.959964 * (c.ses[k] as number)).length / n;
        rows.push({ scenario: s.name, variant: v, method: m, seeds: n, meanError: mean(c.errors), sdError: sd(c.errors), seMean: sd(c.errors) / Math.sqrt(n), meanSe: mean(c.ses), coverage: c.covered / n, coverageMeanTruth: covPop });
      }
    }
  }
  return rows;
}

const pp = (x: number, d = 2): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(d)}`;

export function markdown(rows: StudyRow[]): string {
  const head = '| scenario | score model | method | seeds | mean error (pp) | SD of error (pp) | SE of mean error (pp) | mean error / SE | mean reported SE (pp) | 95 % CI coverage | coverage of the mean truth |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map((r) => `| ${r.scenario} | ${r.variant} | ${r.method} | ${r.seeds} | ${pp(r.meanError)} | ${(r.sdError * 100).toFixed(2)} | ${(r.seMean * 100).toFixed(2)} | ${(r.meanError / r.seMean).toFixed(1)} | ${(r.meanSe * 100).toFixed(2)} | ${(r.coverage * 100).toFixed(0)} % | ${(r.coverageMeanTruth * 100).toFixed(0)} % |`);
  return [head, sep, ...body].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '20' },
      persons: { type: 'string', default: '10000' },
      weeks: { type: 'string', default: '260' },
      scenarios: { type: 'string', default: SCENARIOS.map((s) => s.name).join(',') },
      variants: { type: 'string', default: Object.keys(VARIANTS).join(',') },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const names = (values.scenarios ?? '').split(',');
  const scenarios = names.map((n) => {
    const s = SCENARIOS.find((x) => x.name === n);
    if (!s) throw new RangeError(`unknown scenario ${n} (${SCENARIOS.map((x) => x.name).join(', ')})`);
    return s;
  });
  const variants = (values.variants ?? '').split(',');
  for (const v of variants) if (!(v in VARIANTS)) throw new RangeError(`unknown variant ${v} (${Object.keys(VARIANTS).join(', ')})`);
  const t0 = performance.now();
  const rows = await runStudy({ seeds: Number(values.seeds), persons: Number(values.persons), weeks: Number(values.weeks), scenarios, variants, ...(values.quiet ? {} : { log: (s: string) => process.stderr.write(s) }) });
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ seeds: Number(values.seeds), persons: Number(values.persons), weeks: Number(values.weeks), rows }, null, 2)}\n`);
  process.stdout.write(`${markdown(rows)}\n\n${scenarios.map((s) => `- ${s.name}: ${s.what}`).join('\n')}\n\n${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
