// `jobvej fip-validity`: FIP item validity (FORMATS.md "FIP analysis files") from answers.csv and
// outcomes.csv — per item and per index a logit of employment within 6 months on the round-1
// value, with odds ratio, 95 % CI, p, AUC and Cronbach's alpha (docs/formats.md). Writes the JSON
// atomically (temp file + rename) and only when both files are clean.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../write-atomic.ts';
import { InputError } from '../../evaluation/errors.ts';
import { readValidityData } from '../../evaluation/fip-validity/parse-files.ts';
import { fipValidity, toValidityJson } from '../../evaluation/fip-validity/validity.ts';
import { warningSentence } from '../../evaluation/fip-validity/warnings.ts';
import { loadInstrument, loadInstruments } from '../../server/instruments/instrument-store.ts';

const HELP = `Usage: jobvej fip-validity --answers FILE --outcomes FILE --out FILE [options]

FIP item validity: for each item and index, a logistic regression of employment within 6 months
on the round-1 value (intercept + value, complete cases): n, log-odds, SE, odds ratio with 95 % CI,
p, AUC; Cronbach's alpha per index. Formats in docs/formats.md.

  --answers FILE      answers.csv (person_id,gender,round,respondent,item_id,value,answered_on)
  --outcomes FILE     outcomes.csv (person_id,employed_6m)
  --out FILE          result JSON (written at the end, atomically; nothing on an input error)
  --instrument FILE   the instrument the answers were given on (default: the newest
                      content/instruments/fip-v<N>.json)
  --quiet             no warnings on stderr
  -h, --help          this help`;

class UsageError extends Error {}

function readText(file: string): string {
  if (!existsSync(file)) throw new InputError([{ file, line: 0, reason: 'no such file' }], 0);
  if (!statSync(file).isFile()) throw new InputError([{ file, line: 0, reason: 'not a regular file' }], 0);
  return readFileSync(file, 'utf8');
}

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        answers: { type: 'string' },
        outcomes: { type: 'string' },
        out: { type: 'string' },
        instrument: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    process.stderr.write(`jobvej fip-validity: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    if (!args.answers) throw new UsageError('--answers is required');
    if (!args.outcomes) throw new UsageError('--outcomes is required');
    if (!args.out) throw new UsageError('--out is required');
    let instrument;
    try {
      instrument = (args.instrument ? loadInstrument(args.instrument) : loadInstruments()).instrument;
    } catch (e) {
      throw new UsageError(`cannot load the instrument: ${(e as Error).message}`);
    }
    const data = readValidityData(
      { file: args.answers, text: readText(args.answers) },
      { file: args.outcomes, text: readText(args.outcomes) },
      instrument,
    );
    const result = fipValidity(data, instrument);
    writeAtomic(args.out, toValidityJson(result));
    if (!args.quiet) {
      for (const w of result.warnings) process.stderr.write(`warning: ${warningSentence(w)}\n`);
      process.stderr.write(`wrote ${args.out}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`jobvej fip-validity: ${e.message}\n\n${HELP}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`jobvej fip-validity: input errors, nothing written:\n${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
