import { describe, expect, it } from 'vitest';
import { emptyCategories } from './empty-categories.ts';

describe('emptyCategories', () => {
  it('names one-hot categories that only one group has, and ignores numeric columns', () => {
    // columns: const, age, origin=SO, origin=ER
    const X = new Float64Array([
      1, 30, 0, 1, // treated, ER
      1, 40, 0, 0, // treated, base
      1, 35, 1, 0, // control, SO
      1, 28, 1, 0, // control, SO
      1, 50, 0, 1, // control, ER
    ]);
    const treated = new Uint8Array([1, 1, 0, 0, 0]);
    expect(emptyCategories(X, 5, 4, ['const', 'age', 'origin=SO', 'origin=ER'], treated)).toEqual([{ name: 'origin=SO', treatedRows: 0, controlRows: 2 }]);
  });

  it('finds nothing when every category has both groups', () => {
    const X = new Float64Array([1, 1, 1, 0, 1, 1, 1, 0]);
    expect(emptyCategories(X, 4, 2, ['const', 'female=1'], new Uint8Array([1, 1, 0, 0]))).toEqual([]);
  });
});
