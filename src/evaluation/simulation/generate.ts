// Synthetic register data with selection on observables and a known effect, for the simulation
// test and the benchmarks. Each person gets an untreated weekly trajectory (4-week spells;
// employment depends on an unobserved trait, gender and time since arrival). Each person draws a
// candidate start date in one of the cohort quarters; eligible persons join the programme with a
// probability that depends only on observables measured at that date (pre-window employment
// share, gender, age, origin), so PSM/IPW on those covariates are unbiased while the naive
// difference is not. Participants get a known effect: non-employed spells from week 8 on turn to
// employment with probability `effect`; weeks 0–7 partly company placement.
import { createRng } from '../../stats/index.ts';
import { formatIsoWeek, isoWeekIndex, mondayOfWeek, formatDate, firstDayOfQuarter, quarterOfDay, weekOfDay } from '../iso-week.ts';
import { STATUS_NAMES, S } from '../statuses.ts';

export interface SimulationOptions {
  persons: number;
  weeks: number;
  /** ISO year of the first week (week 1). */
  firstYear?: number;
  seed?: number;
  /** Probability that a non-employed spell of a participant becomes employment (weeks 8+). */
  effect?: number;
  /** Intercept of the participation model (tunes the participant share). */
  participationIntercept?: number;
  /** Selection strength: the participation model's coefficient on the pre-window employment share is −this (default 4). */
  selectionStrength?: number;
  /**
   * When candidates start (default `quarter`): a random day of a random cohort quarter; or
   * `after-arrival`: `startAfterArrivalWeeks` weeks after the arrival day (a programme that starts
   * a fixed time after arrival; the person is a candidate only when that day falls in a cohort quarter).
   */
  startPattern?: 'quarter' | 'after-arrival';
  startAfterArrivalWeeks?: number;
}

export interface SimulationSink {
  personsLine(line: string): void;
  weeksChunk(chunk: string): void;
}

export interface SimulationTruth {
  participants: number;
  /** True ATT on the employment share over weeks 0..51 (mean Y1 − Y0 over participants). */
  attEmployment: number;
  /** Mean Y0 employment share of the participants (the true counterfactual). */
  counterfactualEmployment: number;
}

const ORIGINS: [string, number][] = [
  ['SY', 0.35], ['ER', 0.15], ['AF', 0.12], ['IR', 0.08], ['IQ', 0.07], ['SO', 0.06], ['UA', 0.05],
  ['LB', 0.04], ['ET', 0.03], ['MM', 0.02], ['YE', 0.015], ['CU', 0.005],
];
const ORIGIN_EFFECT: Record<string, number> = { SY: 0, ER: -0.3, AF: 0.1, IR: 0.3, IQ: -0.1, SO: -0.4, UA: 0.5 };

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export function simulate(o: SimulationOptions, sink: SimulationSink): SimulationTruth {
  const rand = createRng(o.seed ?? 1);
  const normal = (): number => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const firstWeek = isoWeekIndex(o.firstYear ?? 2015, 1);
  const nW = o.weeks;
  const labels = Array.from({ length: nW }, (_, c) => formatIsoWeek(firstWeek + c));
  const effect = o.effect ?? 0.3;
  const alpha = o.participationIntercept ?? -1.2;
  const strength = o.selectionStrength ?? 4;
  const afterArrival = o.startPattern === 'after-arrival';
  const afterWeeks = o.startAfterArrivalWeeks ?? 104;
  // Cohort quarters: start weeks at least 52 weeks into the data and 52 weeks before its end.
  const quarters: number[] = [];
  for (let q = quarterOfDay(mondayOfWeek(firstWeek + 53)); ; q++) {
    const w = weekOfDay(firstDayOfQuarter(q));
    if (weekOfDay(firstDayOfQuarter(q + 1)) - 1 + 52 > firstWeek + nW - 1) break;
    if (w >= firstWeek + 52) quarters.push(q);
  }
  if (quarters.length === 0) throw new RangeError('simulate: need at least 117 weeks for one cohort');
  sink.personsLine('person_id,gender,birth_year,origin_country,arrival_date,municipality_code,group,start_date');
  const y0 = new Uint8Array(nW);
  const y1 = new Uint8Array(nW);
  const names = STATUS_NAMES;
  let participants = 0;
  let sumEffect = 0;
  let sumY0 = 0;
  const idWidth = String(o.persons).length;
  let chunk = '';
  for (let i = 0; i < o.persons; i++) {
    const id = `P${String(i + 1).padStart(idWidth, '0')}`;
    const female = rand() < 0.5 ? 1 : 0;
    const birthYear = 1960 + Math.floor(rand() * 40);
    let r = rand();
    let origin = 'SY';
    for (const [c, p] of ORIGINS) {
      if (r < p) {
        origin = c;
        break;
      }
      r -= p;
    }
    const arrivalDay = mondayOfWeek(firstWeek) - 3 * 365 + Math.floor(rand() * 4.5 * 365);
    const arrivalWeek = weekOfDay(arrivalDay);
    const u = normal();
    const base = -1.6 + 0.9 * u - 0.5 * female + (ORIGIN_EFFECT[origin] ?? 0);
    // Untreated trajectory in 4-week spells.
    for (let c = 0; c < nW; c += 4) {
      const w = firstWeek + c;
      const years = (w - arrivalWeek) / 52;
      let s: number;
      if (years < 0) s = S.none;
      else if (rand() < logistic(base + 0.35 * Math.min(years, 5))) s = rand() < 0.1 ? S.igu : S.employment;
      else {
        const v = rand();
        s = v < 0.55 ? (years < 5 ? S.integration_benefit : S.other_benefit)
          : v < 0.67 ? S.guidance_upskilling
          : v < 0.72 ? S.praktik_private
          : v < 0.75 ? S.praktik_public
          : v < 0.77 ? S.wage_subsidy_private
          : v < 0.78 ? S.wage_subsidy_public
          : v < 0.83 ? S.education
          : v < 0.9 ? S.other_benefit
          : S.none;
      }
      for (let k = 0; k < 4 && c + k < nW; k++) y0[c + k] = w + k < arrivalWeek ? S.none : s;
    }
    y1.set(y0);
    // Candidate start and participation (selection on observables only).
    const qDrawn = quarters[Math.floor(rand() * quarters.length)] ?? 0;
    const qStart = firstDayOfQuarter(qDrawn);
    const drawnDay = qStart + Math.floor(rand() * (firstDayOfQuarter(qDrawn + 1) - qStart));
    const startDay = afterArrival ? arrivalDay + 7 * afterWeeks : drawnDay;
    const q = afterArrival ? quarterOfDay(startDay) : qDrawn;
    const candidate = !afterArrival || (q >= (quarters[0] ?? 0) && q <= (quarters.at(-1) ?? -1));
    const sw = weekOfDay(startDay) - firstWeek;
    let pre = 0;
    for (let c = sw - 52; c < sw; c++) if (c >= 0 && (y0[c] === S.employment || y0[c] === S.igu)) pre++;
    const s0 = y0[sw] ?? 0;
    const eligible = candidate && weekOfDay(arrivalDay) < sw + firstWeek && s0 !== S.employment && s0 !== S.igu && s0 !== S.education;
    const age = Math.floor(q / 4) - birthYear;
    const pi = logistic(alpha - strength * (pre / 52) + 0.6 * female - 0.04 * (age - 35) + 0.4 * (ORIGIN_EFFECT[origin] ?? 0));
    const participant = eligible && rand() < pi;
    if (participant) {
      for (let c = sw; c < nW; c += 4) {
        const k = c - sw;
        const d = rand();
        for (let j = 0; j < 4 && c + j < nW; j++) {
          const s = y0[c + j] ?? 0;
          if (s === S.employment || s === S.igu) continue;
          if (k < 8) {
            if (d < 0.4) y1[c + j] = S.praktik_private;
          } else if (d < effect) y1[c + j] = S.employment;
        }
      }
      participants++;
      let e0 = 0;
      let e1 = 0;
      for (let c = sw; c < sw + 52; c++) {
        if (y0[c] === S.employment || y0[c] === S.igu) e0++;
        if (y1[c] === S.employment || y1[c] === S.igu) e1++;
      }
      sumEffect += (e1 - e0) / 52;
      sumY0 += e0 / 52;
    }
    const muni = String(101 + (i % 98) * 7).padStart(3, '0');
    sink.personsLine(`${id},${female ? 'F' : 'M'},${birthYear},${origin},${formatDate(arrivalDay)},${muni},${participant ? 'participant' : 'control'},${participant ? formatDate(startDay) : ''}`);
    const y = participant ? y1 : y0;
    for (let c = 0; c < nW; c++) {
      const s = y[c] ?? 0;
      if (s !== S.none) chunk += `${id},${labels[c]},${names[s]}\n`;
    }
    if (chunk.length > 1 << 20) {
      sink.weeksChunk(chunk);
      chunk = '';
    }
  }
  if (chunk.length > 0) sink.weeksChunk(chunk);
  return {
    participants,
    attEmployment: participants > 0 ? sumEffect / participants : Number.NaN,
    counterfactualEmployment: participants > 0 ? sumY0 / participants : Number.NaN,
  };
}
