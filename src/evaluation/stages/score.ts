// Stage "score model": per subgroup the logit of participation on its covariates (the design
// built straight into CSR from the table's columns, which are best in shared memory so the
// helper thread reads them without a copy), then the fit read as a model or a warning. With
// `--score-model pooled` one model on all units, whose scores the subgroups take.
import type { LogisticResult } from '../../stats/index.ts';
import { logisticRegressionSparseWarm } from '../../stats/index.ts';
import { designMatrix, designSparse, type CovariateTable } from '../design/covariates.ts';
import { emptyCategories } from '../estimators/empty-categories.ts';
import { fitScoreModel, type ScoreModel } from '../estimators/score-model.ts';
import { warn, type RunWarning } from '../warnings.ts';

export interface ScoreInput {
  table: CovariateTable;
  rows: Int32Array;
  treated: Uint8Array;
}

export interface ScoreFit {
  /** Names of the design's covariate columns. */
  names: string[];
  /** The fit, or the message of the error it threw (e.g. collinear design). */
  fit: LogisticResult | { error: string };
}

/** A subgroup's design (intercept plus the covariates not constant on its rows) and the logit fit on it: the same on either thread. */
export function scoreFit({ table, rows, treated }: ScoreInput): ScoreFit {
  const y = new Float64Array(rows.length);
  for (let i = 0; i < y.length; i++) y[i] = treated[i] ?? 0;
  const sd = designSparse(table, rows);
  if (sd !== undefined) {
    try {
      // Warm start from a subsample on large subgroups; the model's covariance is not used here.
      return { names: sd.names, fit: logisticRegressionSparseWarm(sd.S, y, sd.n, sd.p, { covariance: false }) };
    } catch (e) {
      return { names: sd.names, fit: { error: (e as Error).message } };
    }
  }
  // Too dense for the CSR form: the dense design, as logisticRegression would keep it.
  const dm = designMatrix(table, rows);
  try {
    return { names: dm.names, fit: fitScoreModel(dm.X, treated, dm.n, dm.p).fit };
  } catch (e) {
    return { names: dm.names, fit: { error: (e as Error).message } };
  }
}

/** The fit as the subgroup's score model (none when it failed), with a warning on separation, non-convergence or failure. */
export function scoreModel(label: string, f: ScoreFit, input: ScoreInput): { model?: ScoreModel; warnings: RunWarning[] } {
  const { fit } = f;
  if ('error' in fit) return { warnings: [warn('model_failed', { subgroup: label, error: fit.error })] };
  const model: ScoreModel = { score: fit.fitted, logit: fit.eta, fit };
  if (fit.separation) return { model, warnings: [separationWarning(label, input, fit.message)] };
  if (!fit.converged) return { model, warnings: [warn('not_converged', { subgroup: label, iterations: fit.iterations })] };
  return { model, warnings: [] };
}

/** Explain separation in the evaluator's terms: name the categories that only one group has. */
function separationWarning(label: string, { table, rows, treated }: ScoreInput, message: string | undefined): RunWarning {
  const dm = designMatrix(table, rows);
  const empty = emptyCategories(dm.X, dm.n, dm.p, ['(intercept)', ...dm.names], treated);
  if (empty.length === 0) return warn('separation', { subgroup: label }, { message });
  return warn('separation_categories', { subgroup: label, categories: empty.map((e) => e.name).join(', ') }, { empty });
}

/** Pooled: a subgroup's rows' scores from the model fitted on all units (whose rows are the unit indices). */
export function pooledScores(all: ScoreModel, rows: Int32Array): ScoreModel {
  const score = new Float64Array(rows.length);
  const logit = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    score[i] = all.score[r] ?? 0;
    logit[i] = all.logit[r] ?? 0;
  });
  return { score, logit, fit: all.fit };
}
