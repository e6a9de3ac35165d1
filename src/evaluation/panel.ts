// The compact register panel: one byte per person-week (status code, 0 = none), persons as rows,
// consecutive ISO weeks as columns. Built incrementally; the week range grows as rows arrive.

export interface Panel {
  nPersons: number;
  /** Week index (see iso-week.ts) of column 0. */
  weekStart: number;
  nWeeks: number;
  /** nPersons × nWeeks status codes, row-major by person. */
  status: Uint8Array;
}

/** Status of a person in a week index, 0 (none) outside the panel's range. */
export function statusAt(panel: Panel, person: number, week: number): number {
  const c = week - panel.weekStart;
  if (c < 0 || c >= panel.nWeeks) return 0;
  return panel.status[person * panel.nWeeks + c] ?? 0;
}

export class PanelBuilder {
  weekStart = 0;
  nWeeks = 0;
  status: Uint8Array = new Uint8Array(0);

  /** Persons (rows) the builder holds; grows when a higher person index is set (ids numbered as they come). */
  constructor(public nPersons: number) {}

  /** Set a cell; returns false when it already holds a status (a duplicate person-week). */
  set(person: number, week: number, code: number): boolean {
    if (person >= this.nPersons) this.growPersons(person + 1);
    let c = week - this.weekStart;
    if (c < 0 || c >= this.nWeeks) {
      this.grow(week);
      c = week - this.weekStart;
    }
    const i = person * this.nWeeks + c;
    if (this.status[i] !== 0) return false;
    this.status[i] = code;
    return true;
  }

  /** Room for at least `n` persons (doubling; rows are person-major, so the old cells are a prefix). */
  private growPersons(n: number): void {
    const cap = Math.max(n, 2 * this.nPersons, 1024);
    if (this.nWeeks > 0) {
      const next = new Uint8Array(cap * this.nWeeks);
      next.set(this.status);
      this.status = next;
    }
    this.nPersons = cap;
  }

  private grow(week: number): void {
    if (this.nWeeks === 0) {
      // Start with a year either side; most files cover a few years around the first row.
      this.weekStart = week - 52;
      this.nWeeks = 105;
      this.status = new Uint8Array(this.nPersons * this.nWeeks);
      return;
    }
    const end = this.weekStart + this.nWeeks;
    const slack = Math.max(26, this.nWeeks >> 1);
    const newStart = week < this.weekStart ? week - slack : this.weekStart;
    const newEnd = week >= end ? week + 1 + slack : end;
    const n = newEnd - newStart;
    const next = new Uint8Array(this.nPersons * n);
    const off = this.weekStart - newStart;
    for (let p = 0; p < this.nPersons; p++) {
      next.set(this.status.subarray(p * this.nWeeks, (p + 1) * this.nWeeks), p * n + off);
    }
    this.weekStart = newStart;
    this.nWeeks = n;
    this.status = next;
  }

  /** Trim to the weeks that hold data and return the panel. */
  finish(): Panel {
    let lo = this.nWeeks;
    let hi = -1;
    const nw = this.nWeeks;
    const st = this.status;
    // First and last used column: per row only the margins outside the [lo, hi] found so far.
    for (let p = 0; p < this.nPersons; p++) {
      const row = p * nw;
      for (let c = 0; c < lo; c++) {
        if (st[row + c] !== 0) {
          lo = c;
          break;
        }
      }
      for (let c = nw - 1; c > hi; c--) {
        if (st[row + c] !== 0) {
          hi = c;
          break;
        }
      }
    }
    if (hi < 0) return { nPersons: this.nPersons, weekStart: this.weekStart, nWeeks: 0, status: new Uint8Array(0) };
    const n = hi - lo + 1;
    if (n === nw) return { nPersons: this.nPersons, weekStart: this.weekStart, nWeeks: nw, status: this.status };
    const out = new Uint8Array(this.nPersons * n);
    for (let p = 0; p < this.nPersons; p++) out.set(this.status.subarray(p * nw + lo, p * nw + hi + 1), p * n);
    return { nPersons: this.nPersons, weekStart: this.weekStart + lo, nWeeks: n, status: out };
  }
}

/** Set every week before each person's arrival week to none (FORMATS.md: such weeks are ignored). */
export function clearBeforeArrival(panel: Panel, arrivalWeek: (person: number) => number): number {
  let cleared = 0;
  for (let p = 0; p < panel.nPersons; p++) {
    const end = Math.min(panel.nWeeks, arrivalWeek(p) - panel.weekStart);
    const row = p * panel.nWeeks;
    for (let c = 0; c < end; c++) {
      if (panel.status[row + c] !== 0) {
        panel.status[row + c] = 0;
        cleared++;
      }
    }
  }
  return cleared;
}
