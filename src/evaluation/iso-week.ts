// ISO-8601 weeks and dates as integers: a "week index" counts Monday-based weeks since the
// week of 1970-01-01 (Monday 1969-12-29 = week 0), so consecutive ISO weeks differ by 1.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid YYYY-MM-DD string, or undefined. */
export function parseDate(s: string): number | undefined {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return undefined;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

/** Week index of a day number (days since 1970-01-01). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** Day number of the Monday of a week index. */
export function mondayOfWeek(week: number): number {
  return week * 7 - 3;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2101;
// Week index of ISO week 1 of each year FIRST_YEAR..LAST_YEAR.
const week1 = new Int32Array(LAST_YEAR - FIRST_YEAR + 1);
for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
  const jan4 = Date.UTC(y, 0, 4) / DAY_MS;
  week1[y - FIRST_YEAR] = weekOfDay(jan4);
}

/** Week index of ISO year/week, or -1 when out of range (week 53 only in long years). */
export function isoWeekIndex(year: number, week: number): number {
  if (year < FIRST_YEAR || year >= LAST_YEAR || week < 1) return -1;
  const start = week1[year - FIRST_YEAR] ?? 0;
  const next = week1[year - FIRST_YEAR + 1] ?? 0;
  if (week > next - start) return -1;
  return start + week - 1;
}

/** Parse `YYYY-Www` to a week index, or -1. */
export function parseIsoWeek(s: string): number {
  if (s.length !== 8 || s[4] !== '-' || s[5] !== 'W') return -1;
  const y = Number(s.slice(0, 4));
  const w = Number(s.slice(6, 8));
  if (!Number.isInteger(y) || !Number.isInteger(w)) return -1;
  return isoWeekIndex(y, w);
}

/** Format a week index as `YYYY-Www`. */
export function formatIsoWeek(week: number): string {
  // The Thursday of the week decides the ISO year.
  const thursday = new Date((mondayOfWeek(week) + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const w = week - (week1[year - FIRST_YEAR] ?? 0) + 1;
  return `${year}-W${String(w).padStart(2, '0')}`;
}

/** Format a day number as YYYY-MM-DD. */
export function formatDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar quarter index (year*4 + q, q = 0..3) of a day number. */
export function quarterOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
}

/** Day number of the first day of a quarter index. */
export function firstDayOfQuarter(q: number): number {
  return Date.UTC(Math.floor(q / 4), (q % 4) * 3, 1) / DAY_MS;
}

/** Label `2017Q1` of a quarter index. */
export function quarterLabel(q: number): string {
  return `${Math.floor(q / 4)}Q${(q % 4) + 1}`;
}

/** Calendar month index (year*12 + m, m = 0..11) of a day number. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Day number of the first day of a month index. */
export function firstDayOfMonth(m: number): number {
  return Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;
}

/** Label `2017M01` of a month index. */
export function monthLabel(m: number): string {
  return `${Math.floor(m / 12)}M${String((m % 12) + 1).padStart(2, '0')}`;
}
