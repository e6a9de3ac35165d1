// Generated FIP analysis files for the fip-validity benchmark (FORMATS.md "FIP analysis files"):
// `citizens` persons, rounds 1-5 with the booklet's shares (round 2 for ~54 % of those with round
// 1, round 3 for ~22 %, 4 for ~9 %, 5 for ~3 %), 22 items per complete form, "don't know" 3 %;
// every citizen answers the citizen's form of round 1; every other form (the caseworker's in
// round 1, both in later rounds) is present with the probability that gives a little more than
// `answers` rows, and the file is cut at exactly `answers` rows (the last citizen loses forms). Employment within 6 months from a latent job
// readiness that every item loads on. Seeded: the same files for the same arguments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../src/stats/rng.ts';

/** Share of persons with at least r rounds (booklet: 1150, 617, 250, 100, 30 citizen answers). */
const AT_LEAST = [1, 617 / 1150, 250 / 1150, 100 / 1150, 30 / 1150];
const CITIZEN = Array.from({ length: 11 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const CASEWORKER = Array.from({ length: 11 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`);

export interface Generated {
  answersFile: string;
  outcomesFile: string;
  rows: number;
  persons: number;
}

export function generateFipFiles(dir: string, citizens: number, answers: number, seed: number): Generated {
  mkdirSync(dir, { recursive: true });
  const rand = createRng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const meanRounds = AT_LEAST.reduce((a, b) => a + b, 0);
  const formP = Math.max(0, Math.min(1, (1.003 * answers - 11 * citizens) / (citizens * (meanRounds * 22 - 11))));
  const loading = new Map([...CITIZEN, ...CASEWORKER].map((id) => [id, 0.3 + 0.5 * rand()]));
  loading.set('c02', 1.2);
  loading.set('w02', 1.1);
  const lines: string[] = ['person_id,gender,round,respondent,item_id,value,answered_on'];
  const outcomes: string[] = ['person_id,employed_6m'];
  for (let p = 0; p < citizens; p++) {
    const id = `P${String(p).padStart(6, '0')}`;
    const gender = rand() < 0.5 ? 'K' : 'M';
    const z = gauss();
    const u = rand();
    let rounds = 1;
    while (rounds < 5 && u < (AT_LEAST[rounds] as number)) rounds++;
    for (let r = 1; r <= rounds; r++) {
      const day = new Date(Date.UTC(2024, 0, 8 + 91 * (r - 1) + Math.floor(rand() * 10))).toISOString().slice(0, 10);
      for (const [respondent, items] of [['citizen', CITIZEN], ['caseworker', CASEWORKER]] as const) {
        if (!(r === 1 && respondent === 'citizen') && rand() >= formP) continue;
        for (const item of items) {
          const v = rand() < 0.03 ? '' : String(Math.min(7, Math.max(1, Math.round(4 + 0.3 * (r - 1) + (loading.get(item) as number) * z + gauss()))));
          lines.push(`${id},${gender},${r},${respondent},${item},${v},${day}`);
        }
      }
    }
    outcomes.push(`${id},${rand() < 1 / (1 + Math.exp(-(-1 + z))) ? 1 : 0}`);
  }
  const answersFile = join(dir, 'answers.csv');
  const outcomesFile = join(dir, 'outcomes.csv');
  if (lines.length > answers + 1) lines.length = answers + 1;
  writeFileSync(answersFile, `${lines.join('\n')}\n`);
  writeFileSync(outcomesFile, `${outcomes.join('\n')}\n`);
  return { answersFile, outcomesFile, rows: lines.length - 1, persons: citizens };
}
