// The evaluate pipeline: read persons.csv and weeks.csv (or a DREAM wide file with its code
// mapping) into the panel, then analyse. Progress is reported per stage through a callback.
// On large inputs a helper thread (parallel/helper.ts) takes part of the work, as
// parallel/schedule.ts places it; it is stopped when the evaluation ends, however it ends.
import { analyse, type AnalyseOptions, type ProgressFn } from './analyse.ts';
import { startHelper, type Helper } from './parallel/helper.ts';
import { threadCount } from './parallel/schedule.ts';
import { readDreamWide } from './readers/dream-wide.ts';
import { fileSizeOrZero } from './readers/file-size.ts';
import { readPersonsCsv } from './readers/persons-csv.ts';
import type { WeeksResult } from './readers/weeks-csv.ts';
import { readWeeksParallel, startRemotePart } from './parallel/read-weeks.ts';
import type { EvaluationOutput } from './report/model.ts';
import { warn, type RunWarning } from './warnings.ts';

export interface EvaluateFiles {
  persons: string;
  weeks?: string;
  dream?: string;
  codes?: string;
}

export type EvaluateOptions = Omit<AnalyseOptions, 'personWeeks' | 'warnings'> & { onProgress?: ProgressFn };

export async function evaluateFiles(files: EvaluateFiles, opts: EvaluateOptions): Promise<EvaluationOutput> {
  const hasWeeks = files.weeks !== undefined;
  const hasDream = files.dream !== undefined;
  if (hasWeeks === hasDream) throw new RangeError('give either a weeks file or a DREAM file (with its code mapping), not both or neither');
  if (hasDream && files.codes === undefined) throw new RangeError('a DREAM file needs a code mapping file (--codes)');
  const bigFile = files.weeks ?? files.dream;
  const helper = threadCount(opts.threads, bigFile !== undefined ? fileSizeOrZero(bigFile) : 0) >= 2 ? startHelper() : undefined;
  try {
    return await evaluateWith(files, opts, helper);
  } finally {
    await helper?.close();
  }
}

async function evaluateWith(files: EvaluateFiles, opts: EvaluateOptions, helper: Helper | undefined): Promise<EvaluationOutput> {
  const progress = opts.onProgress;
  progress?.('read', 0);
  // With a helper it starts on its part of weeks.csv now, while this thread reads persons.csv.
  const remote = helper && files.weeks !== undefined ? startRemotePart(files.weeks, helper, fileSizeOrZero(files.persons)) : undefined;
  const persons = await readPersonsCsv(files.persons, { onProgress: (f) => progress?.('read', 0.1 * f) });
  progress?.('read', 0.1);
  let weeks: WeeksResult;
  const readOpts = {
    onProgress: (f: number) => progress?.('read', Math.min(0.1 + 0.9 * f, 0.999)),
    onPanel: (f: number) => {
      if (f === 0) progress?.('read', 1);
      progress?.('panel', f);
    },
  };
  if (files.weeks !== undefined) weeks = await readWeeksParallel(files.weeks, persons, readOpts, helper, remote);
  else weeks = await readDreamWide(files.dream as string, files.codes as string, persons, readOpts);
  const warnings: RunWarning[] = [];
  if (weeks.beforeArrival > 0) warnings.push(warn('before_arrival', { count: weeks.beforeArrival }));
  return analyse(persons, weeks.panel, { ...opts, personWeeks: weeks.rows, warnings }, helper);
}
