// Experiment for decision 018 (proposed): IPW whose controls are the control pool plus every
// participant of a later quarter, each followed week by week until its own start and weighted by
// the inverse probability of not having started yet (a discrete-time hazard logit of starting on
// person-weeks), against the generator's truth. Employment ATT of subgroup all, no SEs (the
// seeds' spread is the uncertainty). Not part of `jobvej evaluate`.
//   node --import tsx bench/evaluate/ipcw-experiment.ts [--seeds 20] [--persons 10000] [--scenarios LIST] [--cohort quarter|month]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCohorts, WINDOW_WEEKS, type CohortPeriod } from '../../src/evaluation/design/cohorts.ts';
import { buildCovariates, designMatrix } from '../../src/evaluation/design/covariates.ts';
import { computeOutcomes } from '../../src/evaluation/design/outcomes.ts';
import { firstDayOfMonth, firstDayOfQuarter, mondayOfWeek, monthOfDay, quarterOfDay, weekOfDay } from '../../src/evaluation/iso-week.ts';
import type { Panel } from '../../src/evaluation/panel.ts';
import { readPersonsCsv, type Persons } from '../../src/evaluation/readers/persons-csv.ts';
import { readWeeksCsv } from '../../src/evaluation/readers/weeks-csv.ts';
import { simulate } from '../../src/evaluation/simulation/generate.ts';
import { S } from '../../src/evaluation/statuses.ts';
import { logisticRegression } from '../../src/stats/index.ts';
import { SCENARIOS } from './bias-study.ts';

const employed = (s: number): boolean => s === S.employment || s === S.igu;

/** Per person the cumulative employment weeks over the panel (prefix sums), for pre-window shares at any week. */
function prefixEmployment(panel: Panel): Int32Array {
  const nw = panel.nWeeks;
  const out = new Int32Array(panel.nPersons * (nw + 1));
  for (let p = 0; p < panel.nPersons; p++) {
    let acc = 0;
    for (let c = 0; c < nw; c++) {
      out[p * (nw + 1) + c] = acc;
      if (employed(panel.status[p * nw + c] ?? 0)) acc++;
    }
    out[p * (nw + 1) + nw] = acc;
  }
  return out;
}

interface Hazard {
  /** Hazard of starting in week t for person p (0 when not at risk: arrived after t, employed, IGU or in education). */
  at(p: number, t: number): number;
}

/**
 * A logit of starting in week t on person-weeks at risk (all starts, every `stride`-th non-start,
 * weighted back), on the covariates at t: gender, age, the pre-window employment share, years since
 * arrival (linear), origin dummies.
 */
function fitHazard(persons: Persons, panel: Panel, from: number, to: number, stride = 20): Hazard {
  const nw = panel.nWeeks;
  const pre = prefixEmployment(panel);
  const origins = [...new Set(persons.origin)].slice(1, 12); // the first is the reference
  const arrival = Int32Array.from({ length: persons.n }, (_, p) => weekOfDay(persons.arrivalDay[p] ?? 0));
  const start = Int32Array.from({ length: persons.n }, (_, p) => (persons.participant[p] ? weekOfDay(persons.startDay[p] ?? 0) : 1 << 30));
  const k = 5 + origins.length;
  const row = (p: number, t: number, out: Float64Array, off: number): boolean => {
    if ((arrival[p] as number) >= t || t > (start[p] as number)) return false;
    const c = t - panel.weekStart;
    const s = c >= 0 && c < nw ? (panel.status[p * nw + c] ?? 0) : 0;
    if (employed(s) || s === S.education) return false;
    const lo = Math.max(0, c - WINDOW_WEEKS);
    const hi = Math.max(0, Math.min(nw, c));
    const share = ((pre[p * (nw + 1) + hi] as number) - (pre[p * (nw + 1) + lo] as number)) / WINDOW_WEEKS;
    out[off] = 1;
    out[off + 1] = persons.female[p] ?? 0;
    out[off + 2] = new Date(mondayOfWeek(t) * 86_400_000).getUTCFullYear() - (persons.birthYear[p] ?? 0);
    out[off + 3] = share;
    out[off + 4] = (mondayOfWeek(t) - (persons.arrivalDay[p] ?? 0)) / 365.25;
    origins.forEach((o, j) => (out[off + 5 + j] = persons.origin[p] === o ? 1 : 0));
    return true;
  };
  const X: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  const buf = new Float64Array(k);
  let n = 0;
  for (let p = 0; p < persons.n; p++) {
    for (let t = from; t < to; t++) {
      const event = t === start[p];
      if (!event && (p * 31 + t) % stride !== 0) continue;
      if (!row(p, t, buf, 0)) continue;
      for (let j = 0; j < k; j++) X.push(buf[j] as number);
      y.push(event ? 1 : 0);
      w.push(event ? 1 : stride);
      n++;
    }
  }
  const fit = logisticRegression(Float64Array.from(X), Float64Array.from(y), n, k, { weights: Float64Array.from(w), covariance: false });
  const coef = fit.coef;
  const x = new Float64Array(k);
  return {
    at(p, t) {
      if (!row(p, t, x, 0)) return 0;
      let eta = 0;
      for (let j = 0; j < k; j++) eta += (coef[j] as number) * (x[j] as number);
      return 1 / (1 + Math.exp(-eta));
    },
  };
}

/** The IPW-IPCW employment ATT (subgroup all) of one register. */
export async function ipcwAtt(personsFile: string, weeksFile: string, period: CohortPeriod = 'quarter'): Promise<{ ipcw: number; ipwNotYet: number }> {
  const persons = await readPersonsCsv(personsFile);
  const { panel } = readWeeksCsv(weeksFile, persons);
  const { units } = buildCohorts(persons, panel, 'not-yet', period);
  const counts = computeOutcomes(units, panel);
  const table = buildCovariates(persons, units, counts);
  const all = Int32Array.from({ length: units.n }, (_, i) => i);
  const dm = designMatrix(table, all);
  const d = Float64Array.from(units.treated);
  const ps = logisticRegression(dm.X, d, dm.n, dm.p, { covariance: false }).fitted;
  let minRef = Infinity;
  let maxRef = -Infinity;
  for (const r of units.refWeek) [minRef, maxRef] = [Math.min(minRef, r), Math.max(maxRef, r)];
  const hazard = fitHazard(persons, panel, minRef, maxRef + WINDOW_WEEKS);
  const W = WINDOW_WEEKS;
  const tSum = new Float64Array(W);
  let nT = 0;
  const cNum = new Float64Array(W);
  const cDen = new Float64Array(W);
  const cNumObs = new Float64Array(W);
  const cDenObs = new Float64Array(W);
  for (let i = 0; i < units.n; i++) {
    const p = units.person[i] as number;
    const r = units.refWeek[i] as number;
    if (units.treated[i]) {
      nT++;
      for (let w = 0; w < W; w++) if (employed(statusAt(panel, p, r + w))) tSum[w]!++;
      continue;
    }
    const odds = (ps[i] as number) / (1 - (ps[i] as number));
    const startWeek = persons.participant[p] ? weekOfDay(persons.startDay[p] ?? 0) : Infinity;
    // At risk of starting (censoring) only from the next cohort period's first week: a start
    // within this one would make the person one of this cohort's participants.
    const day = mondayOfWeek(r) + 3;
    const nextQuarter = period === 'month' ? weekOfDay(firstDayOfMonth(monthOfDay(day) + 1) + 3) : weekOfDay(firstDayOfQuarter(quarterOfDay(day) + 1) + 3);
    let surv = 1;
    for (let w = 0; w < W; w++) {
      const t = r + w;
      if (t >= startWeek) break; // censored at its own start
      if (w > 0 && t >= nextQuarter) surv *= 1 - hazard.at(p, t);
      const y = employed(statusAt(panel, p, t)) ? 1 : 0;
      cNum[w] = (cNum[w] as number) + (odds * y) / surv;
      cDen[w] = (cDen[w] as number) + odds / surv;
      cNumObs[w] = (cNumObs[w] as number) + odds * y;
      cDenObs[w] = (cDenObs[w] as number) + odds;
    }
  }
  let ipcw = 0;
  let uncorrected = 0;
  for (let w = 0; w < W; w++) {
    ipcw += (tSum[w] as number) / nT - (cNum[w] as number) / (cDen[w] as number);
    uncorrected += (tSum[w] as number) / nT - (cNumObs[w] as number) / (cDenObs[w] as number);
  }
  return { ipcw: ipcw / W, ipwNotYet: uncorrected / W };
}

function statusAt(panel: Panel, p: number, week: number): number {
  const c = week - panel.weekStart;
  return c < 0 || c >= panel.nWeeks ? 0 : (panel.status[p * panel.nWeeks + c] ?? 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { seeds: { type: 'string', default: '20' }, persons: { type: 'string', default: '10000' }, scenarios: { type: 'string', default: 'null,default,strong,none' }, cohort: { type: 'string', default: 'quarter' } },
  });
  const period = values.cohort === 'month' ? 'month' : 'quarter';
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-ipcw-'));
  try {
    for (const name of (values.scenarios ?? '').split(',')) {
      const s = SCENARIOS.find((x) => x.name === name);
      if (!s) throw new RangeError(`unknown scenario ${name}`);
      const err: number[] = [];
      const errNy: number[] = [];
      for (let seed = 1; seed <= Number(values.seeds); seed++) {
        const persons: string[] = [];
        const weeks: string[] = ['person_id,week,status\n'];
        const truth = simulate({ persons: Number(values.persons), weeks: 260, seed: 1000 + seed, ...s.sim }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
        writeFileSync(join(dir, 'p.csv'), `${persons.join('\n')}\n`);
        writeFileSync(join(dir, 'w.csv'), weeks.join(''));
        const r = await ipcwAtt(join(dir, 'p.csv'), join(dir, 'w.csv'), period);
        err.push(r.ipcw - truth.attEmployment);
        errNy.push(r.ipwNotYet - truth.attEmployment);
      }
      const stat = (e: number[]): string => {
        const m = e.reduce((a, b) => a + b, 0) / e.length;
        const sd = Math.sqrt(e.reduce((a, b) => a + (b - m) ** 2, 0) / (e.length - 1));
        return `${(m * 100).toFixed(2)} ± ${((sd / Math.sqrt(e.length)) * 100).toFixed(2)} pp (SD ${(sd * 100).toFixed(2)})`;
      };
      process.stdout.write(`${name} (${period}ly cohorts): IPW-IPCW ${stat(err)}; the same without the censoring weights ${stat(errNy)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
