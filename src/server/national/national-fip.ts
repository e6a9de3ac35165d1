// The country's FIP means (issue 11: the booklet's bar figure for the whole country): the moments
// of migration 025's owner-run function (per gender and item: n, Σx, Σx² — never a row), each item's
// women, men and all as one linked table for suppression (all = women + men), and the mean with its
// t interval from the moments where its n is published.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../platform/db/tenant.ts';
import { MIN_PERSONS, suppress } from '../../domain/suppression/index.ts';
import type { Instrument } from '../../domain/fip/instrument.ts';
import { meanCiFromMoments } from '../../stats/mean-ci.ts';
import type { nationalFipMeans } from '../../contract/national-fip.ts';

type Out = z.input<typeof nationalFipMeans>;

export interface MomentRow {
  gender: 'F' | 'M';
  item_id: string;
  n: number;
  total: number;
  squares: number;
}

export async function fipMoments(tx: Tx, year: number, round: number): Promise<MomentRow[]> {
  const res = await sql<{ gender: 'F' | 'M'; item_id: string; n: string | number; total: string | number; squares: string | number }>`
    SELECT gender, item_id, n, total, squares FROM national_fip_item_moments(${year}::integer, ${round}::integer)`.execute(tx);
  return res.rows.map((r) => ({ gender: r.gender, item_id: r.item_id, n: Number(r.n), total: Number(r.total), squares: Number(r.squares) }));
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function presentNationalFip(year: number, round: number, instrument: Instrument, rows: readonly MomentRow[]): Out {
  const zero = { n: 0, total: 0, squares: 0 };
  const of = (itemId: string, gender: 'F' | 'M') => rows.find((r) => r.item_id === itemId && r.gender === gender) ?? zero;
  return {
    year,
    round,
    minPersons: MIN_PERSONS,
    instrumentVersion: instrument.version,
    items: instrument.items.map((item) => {
      const women = of(item.id, 'F');
      const men = of(item.id, 'M');
      const all = { n: women.n + men.n, total: women.total + men.total, squares: women.squares + men.squares };
      const groups = [women, men, all];
      const { values, reasons } = suppress({ counts: groups.map((g) => g.n), sums: [{ total: 2, parts: [0, 1] }] }, MIN_PERSONS);
      return {
        itemId: item.id,
        respondent: item.respondent,
        cells: (['F', 'M', 'all'] as const).map((gender, g) => {
          const value = values[g] ?? null;
          const n = { value, suppressed: reasons[g] ?? null };
          if (value === null) return { gender, n, mean: null, low: null, high: null };
          const m = meanCiFromMoments(groups[g]?.n ?? 0, groups[g]?.total ?? 0, groups[g]?.squares ?? 0);
          return { gender, n, mean: finite(m.mean), low: finite(m.low), high: finite(m.high) };
        }),
      };
    }),
  };
}
