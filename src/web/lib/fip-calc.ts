// Mirrored rows for the side-by-side view, built on mirrorPairs from src/domain/fip.
import type { Instrument, Item } from '../../domain/fip/index.ts';
import { findItem, itemsFor, mirrorPairs } from '../../domain/fip/index.ts';
import type { Round } from './types.ts';

export interface MirrorRow {
  citizenItem: Item | null;
  caseworkerItem: Item | null;
  citizen: number | null | undefined;
  caseworker: number | null | undefined;
}

/** Each citizen item with its caseworker mirror on one row, then the caseworker items without a mirror. */
export function mirroredRows(instrument: Instrument, round: Round | undefined): MirrorRow[] {
  const pairs = new Map(mirrorPairs(instrument));
  const used = new Set(pairs.values());
  const rows: MirrorRow[] = itemsFor(instrument, 'citizen').map((item) => {
    const mirrorId = pairs.get(item.id);
    const mirror = mirrorId ? (findItem(instrument, mirrorId) ?? null) : null;
    return {
      citizenItem: item,
      caseworkerItem: mirror,
      citizen: round?.answers.citizen[item.id],
      caseworker: mirror ? round?.answers.caseworker[mirror.id] : undefined,
    };
  });
  for (const item of itemsFor(instrument, 'caseworker')) {
    if (!used.has(item.id)) {
      rows.push({ citizenItem: null, caseworkerItem: item, citizen: undefined, caseworker: round?.answers.caseworker[item.id] });
    }
  }
  return rows;
}
