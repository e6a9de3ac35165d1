// Public API of src/stats: pure numerics on Float64Array (row-major matrices, see README.md).
export { cholesky, choleskySolve, spdInverse } from './cholesky.ts';
export { xtwx, xtwy, matVec, sparseRows, type SparseRows } from './crossprod.ts';
export { qrLeastSquares, type QrLeastSquaresResult } from './qr-least-squares.ts';
export { wls, ols, type WlsResult } from './wls.ts';
export { twoGroupDesign as twoGroupLsDesign, twoGroupFit, type TwoGroupLsDesign, type TwoGroupLsOptions, type TwoGroupLsResult } from './two-group-ls.ts';
export { robustCov, seFromCov, type RobustCovOptions } from './robust-cov.ts';
export { logisticRegression, logisticRegressionSparse, type LogisticOptions, type LogisticResult } from './logistic-regression.ts';
export { logisticRegressionSparseWarm, type WarmStartOptions } from './logistic-start.ts';
export { normalCdf, normalQuantile, tCdf, tQuantile, twoSidedP, confidenceInterval } from './distributions.ts';
export { matchNearest, type MatchNearestOptions, type MatchNearestResult } from './match-nearest.ts';
export { attWeights } from './att-weights.ts';
export { smd, smdMany } from './smd.ts';
export { weightedMoments, type WeightedMoments } from './weighted-moments.ts';
export { createRng, randomInt } from './rng.ts';
export { quantileSorted } from './quantile.ts';
export { naturalSplineColumns, splineKnots, KNOT_QUANTILES } from './natural-spline.ts';
export { bootstrap, type BootstrapOptions, type BootstrapResult } from './bootstrap.ts';
