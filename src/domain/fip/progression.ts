// FIP progression: values per round for each item and index, with change from the first and previous round.
import { asksItem, indicesAcross, itemsAcross, type Instrument, type Respondent } from './instrument.ts';
import { indexScores, numericAnswer, type Answers } from './scoring.ts';

export interface FipRound {
  roundNo: number;
  citizen: Answers;
  caseworker: Answers;
  /**
   * The instrument version the round was answered on, when it is not the one given to
   * progression(): its values are read and scored with it (an item it lacks is null).
   */
  instrument?: Instrument;
}

export interface ProgressionRow {
  kind: 'item' | 'index';
  /** Item id or index id. */
  id: string;
  respondent: Respondent;
  /** One value per round, in round order; null = not answered / "ved ikke" / no answered item. */
  values: (number | null)[];
  /** value − value in the first round; null when either is null. */
  changeFromFirst: (number | null)[];
  /** value − value in the previous round; null for the first round or when either is null. */
  changeFromPrevious: (number | null)[];
}

export interface Progression {
  /** Round numbers in ascending order; the columns of every row. */
  rounds: number[];
  /** One row per item, in instrument order. */
  items: ProgressionRow[];
  /** One row per index and respondent that has items in it (instrument order, citizen first). */
  indices: ProgressionRow[];
}

function diff(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

function row(kind: ProgressionRow['kind'], id: string, respondent: Respondent, values: (number | null)[]): ProgressionRow {
  return {
    kind,
    id,
    respondent,
    values,
    changeFromFirst: values.map((v) => diff(v, values[0])),
    changeFromPrevious: values.map((v, i) => (i === 0 ? null : diff(v, values[i - 1]))),
  };
}

/**
 * Progression of one citizen over FIP rounds. Each round is scored against its own version
 * (FipRound.instrument, default `instrument`); the rows are `instrument`'s items and indices,
 * then those only older rounds' versions have. Rounds may come in any order; they are sorted by
 * roundNo. Throws RangeError on a repeated roundNo or an answer off the scale.
 * @example progression(fip, [{ roundNo: 1, citizen: { c06: 2 }, caseworker: {} },
 *   { roundNo: 2, citizen: { c06: 4 }, caseworker: {} }]).items[5] // c06: values [2, 4], changeFromFirst [0, 2]
 */
export function progression(instrument: Instrument, rounds: readonly FipRound[]): Progression {
  const sorted = [...rounds].sort((a, b) => a.roundNo - b.roundNo);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.roundNo === sorted[i - 1]?.roundNo) {
      throw new RangeError(`Round ${String(sorted[i]?.roundNo)} appears more than once`);
    }
  }
  const answersOf = (round: FipRound, respondent: Respondent): Answers =>
    respondent === 'citizen' ? round.citizen : round.caseworker;

  const versionOf = (round: FipRound): Instrument => round.instrument ?? instrument;
  const versions = [instrument, ...sorted.map(versionOf)];
  const allItems = itemsAcross(versions);

  const items = allItems.map((item) =>
    row('item', item.id, item.respondent, sorted.map((r) => (asksItem(versionOf(r), item) ? (numericAnswer(answersOf(r, item.respondent), item.id) ?? null) : null))),
  );

  const respondents: Respondent[] = ['citizen', 'caseworker'];
  const scores = respondents.map((respondent) =>
    sorted.map((r) => indexScores(versionOf(r), answersOf(r, respondent), respondent)),
  );
  const indices: ProgressionRow[] = [];
  respondents.forEach((respondent, k) => {
    for (const index of indicesAcross(versions)) {
      const hasItems = allItems.some((i) => i.index === index.id && i.respondent === respondent);
      if (!hasItems) continue;
      indices.push(row('index', index.id, respondent, (scores[k] ?? []).map((s) => s[index.id]?.mean ?? null)));
    }
  });

  return { rounds: sorted.map((r) => r.roundNo), items, indices };
}
