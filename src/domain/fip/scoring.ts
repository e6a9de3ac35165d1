// FIP scoring: item and index means. "Ved ikke" (null) and unanswered items never count as numbers.
import type { Instrument, Item, Respondent, Scale } from './instrument.ts';

/**
 * Answers of one respondent in one round, by item id.
 * A missing key = not answered; `null` = "ved ikke / don't know" (never a number).
 */
export type Answers = Record<string, number | null>;

/** A mean with the count it rests on. `mean` is null when nothing was answered. */
export interface ScoreSummary {
  mean: number | null;
  /** Number of numeric answers the mean rests on. */
  answered: number;
  /** Number of answers that could have counted (items in the index, or answer sets). */
  total: number;
}

/** True when `value` is a whole number on the instrument's scale. */
export function isScaleValue(scale: Pick<Scale, 'min' | 'max'>, value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/**
 * Problems with a set of answers: unknown item ids, items of the other respondent,
 * values off the scale. Empty when the answers are valid.
 */
export function answerProblems(instrument: Instrument, answers: Answers, respondent: Respondent): string[] {
  const problems: string[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    const item = instrument.items.find((i) => i.id === itemId);
    if (!item) problems.push(`${itemId}: not an item of ${instrument.id} v${instrument.version}`);
    else if (item.respondent !== respondent) problems.push(`${itemId}: answered by the ${item.respondent}, not the ${respondent}`);
    else if (value !== null && !isScaleValue(instrument.scale, value)) {
      problems.push(`${itemId}: ${String(value)} is not a whole number from ${instrument.scale.min} to ${instrument.scale.max}`);
    }
  }
  return problems;
}

/** The numeric answer to an item, or undefined when unanswered or "ved ikke". */
export function numericAnswer(answers: Answers, itemId: string): number | undefined {
  const value = answers[itemId];
  return typeof value === 'number' ? value : undefined;
}

function summarize(values: readonly (number | undefined)[]): ScoreSummary {
  let sum = 0;
  let answered = 0;
  for (const v of values) {
    if (v === undefined) continue;
    sum += v;
    answered += 1;
  }
  return { mean: answered === 0 ? null : sum / answered, answered, total: values.length };
}

/**
 * Mean of one item over several answer sets (e.g. all women in round 1).
 * @example itemMean([{ c01: 6 }, { c01: null }, { c01: 4 }], 'c01') // { mean: 5, answered: 2, total: 3 }
 */
export function itemMean(answerSets: readonly Answers[], itemId: string): ScoreSummary {
  return summarize(answerSets.map((answers) => numericAnswer(answers, itemId)));
}

function assertOnScale(instrument: Instrument, items: readonly Item[], answers: Answers): void {
  for (const item of items) {
    const value = answers[item.id];
    if (value !== undefined && value !== null && !isScaleValue(instrument.scale, value)) {
      throw new RangeError(`Answer to ${item.id} is ${String(value)}, not on the scale ${instrument.scale.min}-${instrument.scale.max}`);
    }
  }
}

/**
 * Score per index: the mean over the answered items of the index (null when none answered).
 * Every index of the instrument is a key of the result. With `respondent`, only that
 * respondent's items count (an index without such items gets `{ mean: null, answered: 0, total: 0 }`).
 * Throws RangeError when an answer is a number off the scale.
 * @example indexScores(fip, { c06: 3, c07: 5 }, 'citizen').danish // { mean: 4, answered: 2, total: 2 }
 */
export function indexScores(
  instrument: Instrument,
  answers: Answers,
  respondent?: Respondent,
): Record<string, ScoreSummary> {
  const items = respondent ? instrument.items.filter((i) => i.respondent === respondent) : instrument.items;
  assertOnScale(instrument, items, answers);
  const result: Record<string, ScoreSummary> = {};
  for (const index of instrument.indices) {
    const inIndex = items.filter((item) => item.index === index.id);
    result[index.id] = summarize(inIndex.map((item) => numericAnswer(answers, item.id)));
  }
  return result;
}

/**
 * Group score per index (e.g. all women in round 1): the mean over persons of each person's
 * index mean. `answered` = persons with a score for the index, `total` = persons.
 * Persons with no answered item in an index are left out of its mean, not counted as zero.
 * @example groupIndexScores(fip, [{ c06: 2, c07: 4 }, { c06: 5 }, {}], 'citizen').danish // { mean: 4, answered: 2, total: 3 }
 */
export function groupIndexScores(
  instrument: Instrument,
  answerSets: readonly Answers[],
  respondent: Respondent,
): Record<string, ScoreSummary> {
  const perPerson = answerSets.map((answers) => indexScores(instrument, answers, respondent));
  const result: Record<string, ScoreSummary> = {};
  for (const index of instrument.indices) {
    result[index.id] = summarize(perPerson.map((scores) => scores[index.id]?.mean ?? undefined));
  }
  return result;
}
