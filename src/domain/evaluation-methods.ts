// The impact evaluation's methods as a vocabulary shared by the engine (src/evaluation), the CLI
// and the web app: ids, the i18n key of each name, its colour in charts and tables, and what it
// needs from the evaluation's stages before its estimate. Pure data. The estimate functions are
// in src/evaluation/estimators/registry.ts, which has an entry for every id here (the type makes
// sure of it); docs/formats.md's method table is written from that registry.

/** What a method needs before its estimate: a stage's output, or the pre-window outcome shares. */
export type MethodNeed = 'score' | 'match' | 'weight' | 'pre';

export interface MethodVocabulary {
  /** i18n key of the method's name (web: method list of the upload form, results table). */
  labelKey: string;
  /** Colour in charts and tables (HTML report: period chart, results dot, love plot; web: results table). */
  colour: string;
  /** score: a propensity score model; match: PSM's matched sample; weight: IPW weights; pre: the 52 weeks before the start. */
  needs: readonly MethodNeed[];
  /** Also estimated per 4-week period of the employment window (`by_period`). */
  byPeriod: boolean;
  /** Adjusts for the covariates (PSM, IPW, AIPW): its estimates get E-values and are compared with each other (decision 030). */
  adjusted: boolean;
}

export const EVALUATION_METHODS = {
  naive: { labelKey: 'evaluation.method.naive', colour: '#8c8c8c', needs: [], byPeriod: true, adjusted: false },
  psm: { labelKey: 'evaluation.method.psm', colour: '#1f6fb2', needs: ['score', 'match'], byPeriod: true, adjusted: true },
  ipw: { labelKey: 'evaluation.method.ipw', colour: '#d9711c', needs: ['score', 'weight'], byPeriod: true, adjusted: true },
  aipw: { labelKey: 'evaluation.method.aipw', colour: '#8e3fa3', needs: ['score'], byPeriod: false, adjusted: true },
  did: { labelKey: 'evaluation.method.did', colour: '#4a9a4a', needs: ['pre'], byPeriod: false, adjusted: false },
} as const satisfies Record<string, MethodVocabulary>;

export type Method = keyof typeof EVALUATION_METHODS;

/** Every method, in the order the CLI, the web form and the results list them (also the default: all). */
export const METHODS = Object.keys(EVALUATION_METHODS) as readonly Method[] as readonly [Method, ...Method[]];

export const isMethod = (s: string): s is Method => Object.hasOwn(EVALUATION_METHODS, s);

/** The vocabulary entry of a method id, or undefined for an id this version does not know (e.g. in an older result). */
export const methodVocabulary = (s: string): MethodVocabulary | undefined => (isMethod(s) ? EVALUATION_METHODS[s] : undefined);

/** Whether any of the methods needs `need`. */
/** Whether the method adjusts for the covariates (an id this version does not know: no). */
export const isAdjusted = (s: string): boolean => methodVocabulary(s)?.adjusted ?? false;

export const methodsNeed = (methods: readonly Method[], need: MethodNeed): boolean => methods.some((m) => (EVALUATION_METHODS[m].needs as readonly MethodNeed[]).includes(need));
