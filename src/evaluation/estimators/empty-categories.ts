// Categories of a one-hot covariate that only one group has: the usual cause of separation in
// a propensity score model (e.g. no participant from some origin country).

export interface EmptyCategory {
  /** Column name, e.g. `origin=other`. */
  name: string;
  treatedRows: number;
  controlRows: number;
}

/**
 * Dummy columns (names containing `=`, values 0/1) whose category holds rows of only one group.
 * X is row-major n × p.
 * @example emptyCategories(X, n, p, ['const', 'origin=SO'], treated) // [{ name: 'origin=SO', treatedRows: 0, controlRows: 41 }]
 */
export function emptyCategories(X: Float64Array, n: number, p: number, names: readonly string[], treated: Uint8Array): EmptyCategory[] {
  const dummyCols: number[] = [];
  names.forEach((name, j) => {
    if (j < p && name.includes('=')) dummyCols.push(j);
  });
  const t = new Float64Array(p);
  const c = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const isTreated = treated[i] === 1;
    const row = i * p;
    for (const j of dummyCols) {
      const v = X[row + j] as number;
      if (v === 0) continue;
      if (isTreated) t[j] = (t[j] as number) + v;
      else c[j] = (c[j] as number) + v;
    }
  }
  const out: EmptyCategory[] = [];
  for (const j of dummyCols) {
    const tr = t[j] as number;
    const co = c[j] as number;
    if ((tr === 0) !== (co === 0)) out.push({ name: names[j] as string, treatedRows: tr, controlRows: co });
  }
  return out;
}
