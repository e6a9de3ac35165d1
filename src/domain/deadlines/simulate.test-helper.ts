/**
 * Independent reference for the deadline rules, used only by tests: it walks the calendar one
 * day at a time with its own date code and imports nothing from the production modules.
 *
 * Spec it encodes (docs/deadline-rules.md): an offer counts when it is active or completed, or
 * cancelled with an actual end; it covers start..end inclusive (end = actual ?? planned ?? open);
 * only company-directed kinds; only offers started on or before asOf. "Today" (asOf) is in
 * progress, so an obligation is overdue only when asOf is after its due date.
 */

export interface SimOffer {
  readonly id: string;
  readonly kind: string;
  readonly start: string;
  readonly plannedEnd: string | null;
  readonly actualEnd: string | null;
  readonly status: 'planned' | 'active' | 'completed' | 'cancelled';
}

export interface SimInput {
  readonly takeover: string;
  readonly asOf: string;
  readonly offers: readonly SimOffer[];
  readonly fipRounds: readonly string[];
  readonly companyKinds: readonly string[];
  readonly firstOffer: ReadonlyArray<{ readonly days?: number; readonly months?: number }>;
  readonly maxGapDays: number;
  readonly fipEveryMonths: number;
  readonly dueSoonDays: number;
}

export interface SimRule {
  readonly state: 'ok' | 'due' | 'breached';
  readonly dueDate: string | null;
  readonly daysLeft: number | null;
  readonly daysOver: number | null;
  readonly breachCount: number;
  readonly satisfiedOn?: string | null;
}

// ---- own calendar code: one day at a time ------------------------------------------------
export function nextDay(d: string): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
export function prevDay(d: string): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
export function plusDays(d: string, n: number): string {
  let x = d;
  for (let i = 0; i < Math.abs(n); i++) x = n >= 0 ? nextDay(x) : prevDay(x);
  return x;
}
/** Days from a to b by walking (a <= b), negative if b < a. */
export function countDays(a: string, b: string): number {
  if (a === b) return 0;
  if (a > b) return -countDays(b, a);
  let n = 0;
  for (let x = a; x < b; x = nextDay(x)) n++;
  return n;
}
/** Same day-of-month `n` months later, or the target month's last day (found by walking). */
export function plusMonths(d: string, n: number): string {
  let y = Number(d.slice(0, 4));
  let m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  for (let i = 0; i < n; i++) {
    m++;
    if (m === 13) { m = 1; y++; }
  }
  const first = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  let last = first;
  while (nextDay(last).slice(5, 7) === first.slice(5, 7)) last = nextDay(last);
  const lastDay = Number(last.slice(8, 10));
  return `${first.slice(0, 8)}${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

// ---- coverage --------------------------------------------------------------------------------
function counts(o: SimOffer, input: SimInput): boolean {
  if (!input.companyKinds.includes(o.kind)) return false;
  if (o.status === 'planned') return false;
  if (o.status === 'cancelled' && o.actualEnd === null) return false;
  return o.start <= input.asOf;
}
function endOf(o: SimOffer): string | null {
  return o.actualEnd ?? o.plannedEnd;
}
function coveredOn(day: string, input: SimInput): boolean {
  return input.offers.some((o) => {
    if (!counts(o, input)) return false;
    const end = endOf(o);
    return o.start <= day && (end === null || day <= end);
  });
}
function openEndedCovers(day: string, input: SimInput): boolean {
  return input.offers.some((o) => counts(o, input) && endOf(o) === null && o.start <= day);
}

function pending(dueDate: string, input: SimInput, breachCount = 0, daysOver: number | null = null): SimRule {
  const left = countDays(input.asOf, dueDate);
  if (left < 0) return { state: 'breached', dueDate, daysLeft: null, daysOver: Math.max(daysOver ?? 0, -left), breachCount: breachCount + 1 };
  const state = breachCount > 0 ? 'breached' : left <= input.dueSoonDays ? 'due' : 'ok';
  return { state, dueDate, daysLeft: left, daysOver, breachCount };
}

// ---- the rules ---------------------------------------------------------------------------------
export function simFirstCoveredDay(input: SimInput): string | null {
  for (let d = input.takeover; d <= input.asOf; d = nextDay(d)) if (coveredOn(d, input)) return d;
  return null;
}

export function simFirstOffer(input: SimInput, within: { days?: number; months?: number }): SimRule {
  const due = within.months !== undefined ? plusMonths(input.takeover, within.months) : plusDays(input.takeover, within.days ?? 0);
  const first = simFirstCoveredDay(input);
  if (first !== null) {
    const late = first > due;
    const over = countDays(due, first);
    return { state: late ? 'breached' : 'ok', dueDate: due, daysLeft: null, daysOver: late ? over : null, breachCount: late ? 1 : 0, satisfiedOn: first };
  }
  return { ...pending(due, input), satisfiedOn: null };
}

export function simMaxGap(input: SimInput): SimRule {
  const first = simFirstCoveredDay(input);
  if (first === null) return { state: 'ok', dueDate: null, daysLeft: null, daysOver: null, breachCount: 0 };
  let run = 0;
  let lastCovered = first;
  let breaches = 0;
  let worst: number | null = null;
  for (let d = first; d <= input.asOf; d = nextDay(d)) {
    if (coveredOn(d, input)) {
      if (run > input.maxGapDays) {
        breaches++;
        worst = Math.max(worst ?? 0, run - input.maxGapDays);
      }
      run = 0;
      lastCovered = d;
    } else {
      run++;
    }
  }
  let end = lastCovered;
  if (lastCovered === input.asOf) {
    if (openEndedCovers(input.asOf, input)) {
      return { state: breaches > 0 ? 'breached' : 'ok', dueDate: null, daysLeft: null, daysOver: worst, breachCount: breaches };
    }
    while (coveredOn(nextDay(end), { ...input, asOf: input.asOf })) end = nextDay(end);
  }
  return pending(plusDays(end, input.maxGapDays + 1), input, breaches, worst);
}

export function simFipRounds(input: SimInput): SimRule {
  const rounds = new Set(input.fipRounds);
  let last = input.takeover;
  let breaches = 0;
  let worst: number | null = null;
  for (let d = input.takeover; d <= input.asOf; d = nextDay(d)) {
    if (!rounds.has(d)) continue;
    const limit = plusMonths(last, input.fipEveryMonths);
    if (d > limit) {
      breaches++;
      worst = Math.max(worst ?? 0, countDays(limit, d));
    }
    last = d;
  }
  return pending(plusMonths(last, input.fipEveryMonths), input, breaches, worst);
}
