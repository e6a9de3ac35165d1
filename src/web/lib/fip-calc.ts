// Derived FIP views for the citizen page, computed from the instrument and the rounds.
import type { Instrument, Item } from '../../domain/fip/index.ts';
import { itemsFor } from '../../domain/fip/index.ts';
import type { AnswerMap, Round } from './types.ts';

export interface MirrorRow {
  citizenItem: Item | null;
  caseworkerItem: Item | null;
  citizen: number | null | undefined;
  caseworker: number | null | undefined;
}

/** Citizen items with their caseworker mirror on one row, then unmirrored caseworker items. */
export function mirroredRows(instrument: Instrument, round: Round | undefined): MirrorRow[] {
  const ci = itemsFor(instrument, 'citizen');
  const cw = itemsFor(instrument, 'caseworker');
  const used = new Set<string>();
  const rows: MirrorRow[] = ci.map((item) => {
    const mirror =
      cw.find((c) => c.mirror === item.id) ?? (item.mirror ? cw.find((c) => c.id === item.mirror) : undefined);
    if (mirror) used.add(mirror.id);
    return {
      citizenItem: item,
      caseworkerItem: mirror ?? null,
      citizen: round?.answers.citizen[item.id],
      caseworker: mirror ? round?.answers.caseworker[mirror.id] : undefined,
    };
  });
  for (const item of cw) {
    if (!used.has(item.id)) {
      rows.push({ citizenItem: null, caseworkerItem: item, citizen: undefined, caseworker: round?.answers.caseworker[item.id] });
    }
  }
  return rows;
}

export interface FocusPoint {
  kind: 'gap' | 'low';
  row: MirrorRow;
  gap?: number;
}

/** Largest citizen–caseworker gaps (≥ 2 points) and lowest citizen scores (≤ 3), at most three of each. */
export function focusPoints(rows: MirrorRow[]): FocusPoint[] {
  const gaps = rows
    .filter((r) => typeof r.citizen === 'number' && typeof r.caseworker === 'number')
    .map((r) => ({ row: r, gap: (r.citizen as number) - (r.caseworker as number) }))
    .filter((g) => Math.abs(g.gap) >= 2)
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))
    .slice(0, 3)
    .map((g): FocusPoint => ({ kind: 'gap', row: g.row, gap: g.gap }));
  const lows = rows
    .filter((r) => r.citizenItem && typeof r.citizen === 'number' && r.citizen <= 3)
    .sort((a, b) => (a.citizen as number) - (b.citizen as number))
    .slice(0, 3)
    .map((r): FocusPoint => ({ kind: 'low', row: r }));
  return [...gaps, ...lows];
}

/** Mean of the answered (non-null) values of the given items; null when none answered. */
export function meanOf(answers: AnswerMap, itemIds: string[]): number | null {
  const vals = itemIds.map((id) => answers[id]).filter((v): v is number => typeof v === 'number');
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
}

export function indexScore(instrument: Instrument, round: Round, indexId: string): number | null {
  const citizenIds = instrument.items.filter((i) => i.index === indexId && i.respondent === 'citizen').map((i) => i.id);
  const cwIds = instrument.items.filter((i) => i.index === indexId && i.respondent === 'caseworker').map((i) => i.id);
  return meanOf({ ...round.answers.citizen, ...round.answers.caseworker }, [...citizenIds, ...cwIds]);
}
