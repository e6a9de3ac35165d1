// When a citizen's next FIP round is due: the first at the first follow-up conversation one
// month after the municipality took over, then every three months (four a year). Pure: dates
// are 'YYYY-MM-DD' strings and "today" is an argument.

export const FIRST_ROUND_AFTER_MONTHS = 1;
export const ROUND_INTERVAL_MONTHS = 3;

/** Add calendar months, clamping to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function nextRoundDue(takeoverDate: string, lastRoundDate: string | null): string {
  return lastRoundDate ? addMonths(lastRoundDate, ROUND_INTERVAL_MONTHS) : addMonths(takeoverDate, FIRST_ROUND_AFTER_MONTHS);
}
