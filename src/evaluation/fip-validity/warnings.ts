// FIP item validity warnings, all in this file: each is a code with its parameters
// (`warning_details` of the fip-validity JSON, from which a reader can write it in another
// language) and the English sentence written here from them (`warnings`, FORMATS.md's key).
// The same pattern as the evaluation's run warnings (src/evaluation/warnings.ts, decision 013).

/** An item (`c01`…) or an index (`job_prospects`…): what a model was fitted for. */
export interface Subject {
  kind: 'item' | 'index';
  subject: string;
}

/** Each code's parameters, in the order `warning_details` lists them. */
export interface FipWarningParams {
  /** Persons with answers but none in round 1: in no model. */
  no_round_one: { count: number };
  /** No complete case at all (the item or index was never answered with a number in round 1). */
  no_data: Subject;
  /** Every complete case employed, or none: nothing to predict. */
  outcome_constant: Subject & { n: number; employed: number };
  /** Every complete case gave the same value: the slope is not defined. */
  no_variation: Subject & { n: number; value: number };
  /** Few complete cases or few of the rarer outcome: the estimates are uncertain. */
  small_sample: Subject & { n: number; employed: number; min_n: number; min_events: number };
  /** The value separates employed from not employed (the logit's estimate does not exist). */
  separation: Subject & { n: number };
  /** The logit did not converge. */
  not_converged: Subject & { n: number; iterations: number };
}

export type FipWarningCode = keyof FipWarningParams;

export interface FipWarning<C extends FipWarningCode = FipWarningCode> {
  code: C;
  params: FipWarningParams[C];
}

const what = (p: Subject): string => (p.kind === 'item' ? `Item ${p.subject}` : `Index ${p.subject}`);

/** The English sentence of each code. */
const SENTENCES: { [C in FipWarningCode]: (p: FipWarningParams[C]) => string } = {
  no_round_one: (p) => `${p.count} person(s) have answers but none in round 1; they are in no model (the models use round-1 answers).`,
  no_data: (p) => `${what(p)}: no person has a numeric round-1 answer${p.kind === 'index' ? ' to every item of the index' : ''}; no model.`,
  outcome_constant: (p) =>
    `${what(p)}: ${p.employed === 0 ? 'none' : 'all'} of the ${p.n} person(s) with a round-1 answer ${p.employed === 0 ? 'was' : 'were'} employed within 6 months; nothing to predict, no model.`,
  no_variation: (p) => `${what(p)}: all ${p.n} complete case(s) have the value ${p.value}; the log-odds is not defined, no model.`,
  small_sample: (p) =>
    `${what(p)}: ${p.n} complete case(s), ${p.employed} of them employed (fewer than ${p.min_n} cases or fewer than ${p.min_events} of the rarer outcome); the estimates are uncertain.`,
  separation: (p) => `${what(p)}: the value separates the employed from the others completely or almost (${p.n} cases); the logistic model's estimate does not exist, no log-odds.`,
  not_converged: (p) => `${what(p)}: the logistic model did not converge in ${p.iterations} iterations (${p.n} cases); no log-odds.`,
};

/** A warning of `code` with its parameters. */
export function fipWarning<C extends FipWarningCode>(code: C, params: FipWarningParams[C]): FipWarning<C> {
  return { code, params };
}

/** The warning's English sentence. */
export function warningSentence(w: FipWarning): string {
  return (SENTENCES[w.code] as (p: FipWarningParams[FipWarningCode]) => string)(w.params);
}
