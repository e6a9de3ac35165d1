// `jobvej evaluate`: impact evaluation on register files (FORMATS.md). Reads persons.csv and
// weeks.csv (or a DREAM wide file with a code mapping), writes the result JSON (and optionally
// a self-contained HTML report) atomically: temp file + rename, only after everything succeeded.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../write-atomic.ts';
import type { Stage } from '../../evaluation/analyse.ts';
import { OUTCOMES, type OutcomeName } from '../../evaluation/design/outcomes.ts';
import { DEFAULT_SCORE_TERMS } from '../../evaluation/design/score-terms.ts';
import { InputError } from '../../evaluation/errors.ts';
import { METHODS, type Method } from '../../evaluation/estimators/registry.ts';
import { evaluateFiles } from '../../evaluation/evaluate.ts';
import { renderHtml } from '../../evaluation/report/html.ts';
import { toJson } from '../../evaluation/report/json.ts';

const HELP = `Usage: jobvej evaluate --persons FILE (--weeks FILE | --dream FILE --codes FILE) --out FILE [options]

Impact evaluation (ATT) of a programme on weekly register data; formats in docs/formats.md.

  --persons FILE      persons.csv (one row per person, participants and control pool)
  --weeks FILE        weeks.csv (person_id,week,status; long format)
  --dream FILE        DREAM-style wide file (person_id, y_YYWW columns) instead of --weeks
  --codes FILE        code,status mapping for --dream
  --methods LIST      comma-separated: ${METHODS.join(',')} (default: all)
  --by LIST           subgroup columns (default: gender; "" for none)
  --outcomes LIST     comma-separated: ${OUTCOMES.join(',')} (default: all)
  --covariates LIST   extra persons.csv columns to add to the score model
  --score-model MODE  separate (default: one propensity model per subgroup) or pooled
                      (one model on all units; faster on very large data)
  --score-terms MODE  linear (default: each covariate as it is) or flexible (also a
                      natural cubic spline of each continuous covariate; decision 017)
  --cohort PERIOD     quarter (default, FORMATS.md) or month: monthly cohorts, so controls
                      are measured at most 4 weeks from their participants' start instead of
                      13 (about 3× the control rows); decision 017
  --controls POOL     never (default: the control pool only, FORMATS.md), clean (also
                      participants whose start is 52+ weeks after the cohort's reference
                      week), or not-yet (also every participant starting in a later quarter,
                      outcomes as observed: "starting now vs. not now"); decision 017;
                      or censored (the pool and every later participant, followed until its
                      own start and weighted by the inverse probability of not having started
                      yet, from a hazard model of starting); decision 024
  --threads N         1 = one thread; 2 = a helper thread for part of the work (default:
                      2 on a multi-core machine for inputs of 256 MB or more, or JOBVEJ_THREADS;
                      the results are the same)
  --out FILE          result JSON (written at the end, atomically)
  --html FILE         also write a self-contained HTML report
  --quiet             no progress on stderr
  -h, --help          this help`;

function jobvejVersion(): string {
  const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

function list<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0) throw new UsageError(`unknown ${what}: ${bad.join(', ')} (choose from ${allowed.join(', ')})`);
  return items as T[];
}

class UsageError extends Error {}

/** Progress bar per stage on stderr (redrawn in place on a terminal, one line per stage otherwise). */
function progressBar(enabled: boolean): (stage: Stage, fraction: number) => void {
  const tty = process.stderr.isTTY === true;
  const t0 = performance.now();
  let current: Stage | undefined;
  let stageStart = t0;
  let lastDraw = 0;
  let lastFraction = 0;
  const done = new Set<Stage>();
  const draw = (stage: Stage, f: number, done: boolean): void => {
    const width = 24;
    const filled = Math.round(Math.min(1, Math.max(0, f)) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const secs = ((performance.now() - stageStart) / 1000).toFixed(2);
    const text = `  ${stage.padEnd(12)} ${bar} ${String(Math.round(f * 100)).padStart(3)} %  ${secs} s`;
    if (tty) process.stderr.write(`\r${text}${done ? '\n' : ''}`);
    else if (done) process.stderr.write(`${text}\n`);
  };
  return (stage, fraction) => {
    if (!enabled || done.has(stage)) return;
    if (stage !== current) {
      if (current !== undefined) draw(current, 1, true);
      current = stage;
      stageStart = performance.now();
      lastFraction = 0;
    }
    const now = performance.now();
    if (fraction >= 1) {
      draw(stage, 1, true);
      done.add(stage);
      current = undefined;
      return;
    }
    if (now - lastDraw > 100 || fraction - lastFraction > 0.1) {
      draw(stage, fraction, false);
      lastDraw = now;
      lastFraction = fraction;
    }
  };
}

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        persons: { type: 'string' },
        weeks: { type: 'string' },
        dream: { type: 'string' },
        codes: { type: 'string' },
        methods: { type: 'string' },
        by: { type: 'string' },
        outcomes: { type: 'string' },
        covariates: { type: 'string' },
        'score-model': { type: 'string' },
        'score-terms': { type: 'string' },
        controls: { type: 'string' },
        cohort: { type: 'string' },
        threads: { type: 'string' },
        out: { type: 'string' },
        html: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    process.stderr.write(`jobvej evaluate: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    if (!args.persons) throw new UsageError('--persons is required');
    if (!args.out) throw new UsageError('--out is required');
    if (!args.weeks && !args.dream) throw new UsageError('give --weeks, or --dream with --codes');
    if (args.weeks && args.dream) throw new UsageError('give --weeks or --dream, not both');
    if (args.dream && !args.codes) throw new UsageError('--dream needs --codes (the code,status mapping)');
    const methods = list<Method>(args.methods, METHODS, 'method');
    const outcomes = list<OutcomeName>(args.outcomes, OUTCOMES, 'outcome');
    const by = args.by === undefined ? ['gender'] : args.by.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const covariates = args.covariates?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const scoreModel = args['score-model'] ?? 'separate';
    if (scoreModel !== 'separate' && scoreModel !== 'pooled') throw new UsageError(`--score-model must be separate or pooled, got "${scoreModel}"`);
    const scoreTerms = args['score-terms'] ?? DEFAULT_SCORE_TERMS;
    if (scoreTerms !== 'linear' && scoreTerms !== 'flexible') throw new UsageError(`--score-terms must be linear or flexible, got "${scoreTerms}"`);
    const controlPool = args.controls ?? 'never';
    if (controlPool !== 'never' && controlPool !== 'clean' && controlPool !== 'not-yet' && controlPool !== 'censored') throw new UsageError(`--controls must be never, clean, not-yet or censored, got "${controlPool}"`);
    const cohort = args.cohort ?? 'quarter';
    if (cohort !== 'quarter' && cohort !== 'month') throw new UsageError(`--cohort must be quarter or month, got "${cohort}"`);
    const threads = args.threads === undefined ? undefined : Number(args.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads must be a positive integer, got "${args.threads}"`);
    const onProgress = progressBar(!args.quiet);
    const out = await evaluateFiles(
      { persons: args.persons, weeks: args.weeks, dream: args.dream, codes: args.codes },
      { version: jobvejVersion(), methods, outcomes, by, covariates, scoreModel, scoreTerms, controlPool, cohort, threads, onProgress },
    );
    onProgress('report', 0);
    const json = toJson(out);
    const html = args.html ? renderHtml(out) : undefined;
    writeAtomic(args.out, json);
    if (args.html && html !== undefined) writeAtomic(args.html, html);
    onProgress('report', 1);
    if (!args.quiet) {
      for (const w of out.warnings) process.stderr.write(`warning: ${w}\n`);
      process.stderr.write(`wrote ${args.out}${args.html ? ` and ${args.html}` : ''}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`jobvej evaluate: ${e.message}\n\n${HELP}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`\njobvej evaluate: input errors, nothing written:\n${e.message}\n`);
      return 1;
    }
    if (e instanceof RangeError) {
      process.stderr.write(`\njobvej evaluate: ${e.message}; nothing written\n`);
      return 1;
    }
    throw e;
  }
}
