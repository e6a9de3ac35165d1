// The estimator registry: per method (src/domain/evaluation-methods.ts: ids, label keys,
// colours, needs) how it estimates and how docs/formats.md describes it. Everything that lists
// methods reads it: the CLI's --methods, the report's colours, the web form (through the domain
// vocabulary), the estimate stage (stages/estimate.ts) and the docs' method table
// (report/methods-table.ts, checked against docs/formats.md by its test).
//
// A new method: an entry in the vocabulary and one here (the Record type asks for it), its
// name in the UI locale files, then the docs table rewritten (see report/methods-table.test.ts).
import { EVALUATION_METHODS, METHODS, methodVocabulary, type Method, type MethodVocabulary } from '../../domain/evaluation-methods.ts';
import type { SparseRows } from '../../stats/index.ts';
import { aipwDesign, aipwEffect } from './aipw.ts';
import { didEffect } from './did.ts';
import type { Effect, TwoGroupDesign } from './effect.ts';
import { ipwDesign, ipwEffect, type IpwWeights } from './ipw.ts';
import { naiveDesign, naiveEffect } from './naive.ts';
import { psmDesign, psmEffect, type MatchedSample } from './psm.ts';
import { matchedGamma } from './sensitivity.ts';

export { METHODS, type Method };

/** What the stages before the estimate hold for one subgroup. */
export interface EstimatorInput {
  treated: Uint8Array;
  /** The person (persons.csv index) of each row: SEs that cluster on the person use it. Omitted: HC1. */
  person?: Int32Array;
  /** PSM's matched sample (when the subgroup was matched). */
  sample?: MatchedSample;
  /** IPW weights (when the subgroup was weighted). */
  ipw?: Pick<IpwWeights, 'weights'>;
  /** The propensity score of each row (when a score model was fitted and some method needs it here). */
  score?: Float64Array;
  /** The score model's design on the subgroup's rows (CSR, intercept first; AIPW's outcome model uses the same terms). */
  design?: { S: SparseRows; n: number; k: number };
  /** A value several methods of the subgroup share, made once (e.g. the unweighted [1, treated] design of naive and DiD). */
  shared<T>(key: string, make: () => T): T;
}

export interface Estimator<D = unknown> {
  /** Once per subgroup: what every outcome's estimate reuses; undefined when the method has nothing to estimate on (e.g. no matched sample). */
  prepare(g: EstimatorInput): D | undefined;
  /**
   * The effect on one outcome: `y` holds the share of each subgroup row (a buffer reused for the
   * next outcome: read it, do not keep it); `pre` the same over the 52 weeks before (methods
   * that need 'pre'; undefined for the 4-week periods). Undefined: no estimate.
   */
  estimate(prepared: D, y: Float64Array, pre: Float64Array | undefined): Effect | undefined;
  /** Rosenbaum's Γ of the estimate `e` of outcome `y` (methods with matched pairs; estimators/sensitivity.ts): null when not significant at Γ = 1. */
  rosenbaum?(prepared: D, y: Float64Array, e: Effect): number | null;
  /** docs/formats.md's method table: sample and weights, standard error. */
  doc: { sample: string; se: string };
}

export type RegistryEntry = MethodVocabulary & Estimator & { id: Method };

/** Type the entry's prepared value by its own prepare function, then forget it for the registry's Record. */
const estimator = <D>(e: Estimator<D>): Estimator => e as Estimator;

/** The unweighted [1, treated] design (naive and DiD): CR1 on the person when given, else HC1. */
const unweighted = (g: EstimatorInput): TwoGroupDesign => g.shared('unweighted', () => naiveDesign(g.treated, g.person));

const PERSON_CR1 = 'CR1 clustered on the person';

const ESTIMATORS: Record<Method, Estimator> = {
  naive: estimator({
    prepare: unweighted,
    estimate: (d, y) => naiveEffect(d, y),
    doc: { sample: 'all units, unweighted', se: `${PERSON_CR1} (a control person is a unit in every cohort that takes them, with overlapping windows)` },
  }),
  psm: estimator({
    prepare: (g) => (g.sample ? { design: psmDesign(g.sample), sample: g.sample } : undefined),
    estimate: ({ design, sample }, y) => psmEffect(design, sample, y),
    rosenbaum: ({ sample }, y, e) => matchedGamma(sample, y, e.att),
    doc: {
      sample: '1:1 nearest neighbour on the logit of the propensity score, caliper 0.2 SD of the logit, exact on cohort, with replacement. The score model (logit on the covariates) is fitted separately in each subgroup (or once, `--score-model pooled`).',
      se: 'CR1 clustered on the matched set: one row per matched participant and one per (participant, control) pair, so a control used by several participants is duplicated, once per set',
    },
  }),
  ipw: estimator({
    prepare: (g) => (g.ipw ? ipwDesign(g.treated, g.ipw as IpwWeights, g.person) : undefined),
    estimate: (d, y) => ipwEffect(d, y),
    doc: { sample: 'all units; participants weight 1, controls p/(1−p), normalised to mean 1 in each group', se: PERSON_CR1 },
  }),
  aipw: estimator({
    prepare: (g) => (g.score && g.design ? aipwDesign(g.design.S, g.design.n, g.design.k, g.treated, g.score, g.person) : undefined),
    estimate: (d, y) => aipwEffect(d, y),
    doc: {
      sample: "all units: doubly robust (Sant'Anna & Zhao) — the participants' mean of y − m₀(X) minus the controls' mean of it weighted p/(1−p), m₀ a linear model of the outcome fitted by OLS on the controls with the score model's terms",
      se: 'influence function (with the outcome and score models\' estimation) summed per person, V = G/(G−1) Σ_g ψ_g² / n²',
    },
  }),
  did: estimator({
    prepare: (g) => ({ design: unweighted(g), treated: g.treated }),
    estimate: ({ design, treated }, y, pre) => (pre ? didEffect(design, y, pre, treated) : undefined),
    doc: { sample: 'all units, unweighted; outcome = share in weeks 0..51 minus share in weeks −52..−1', se: PERSON_CR1 },
  }),
};

/** Every method's vocabulary and estimator, by id. */
export const REGISTRY: Readonly<Record<Method, RegistryEntry>> = ((): Record<Method, RegistryEntry> => {
  const out: Partial<Record<Method, RegistryEntry>> = {};
  for (const m of METHODS) out[m] = { id: m, ...EVALUATION_METHODS[m], ...ESTIMATORS[m] };
  return out as Record<Method, RegistryEntry>;
})();

/** A method's colour in charts and tables (the HTML report); grey for an id this version does not know. */
export const methodColour = (method: string): string => methodVocabulary(method)?.colour ?? '#555';
