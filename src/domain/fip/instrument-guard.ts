// Runtime check that data loaded from content/instruments/*.json is a consistent Instrument.
import type { Instrument } from './instrument.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLocalized(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.da)) return false;
  return Object.values(v).every((t) => isObject(t) && typeof t.text === 'string' && t.text.length > 0 && typeof t.reviewed === 'boolean');
}

/** Shape problems of unknown data (empty when it has the Instrument shape). */
function shapeProblems(data: unknown): string[] {
  if (!isObject(data)) return ['instrument: not an object'];
  const p: string[] = [];
  if (typeof data.id !== 'string') p.push('id: not a string');
  if (typeof data.version !== 'string') p.push('version: not a string');
  if (!isLocalized(data.title)) p.push('title: not a localized text');
  const scale = data.scale;
  if (!isObject(scale) || typeof scale.min !== 'number' || typeof scale.max !== 'number' || !isObject(scale.anchors)
    || !Object.values(scale.anchors).every(isLocalized) || !isLocalized(scale.dontKnow)) p.push('scale: malformed');
  if (!Array.isArray(data.indices) || !data.indices.every((x) => isObject(x) && typeof x.id === 'string' && isLocalized(x.label) && typeof x.description === 'string')) {
    p.push('indices: malformed');
  }
  if (!Array.isArray(data.items) || !data.items.every((x) => isObject(x) && typeof x.id === 'string'
    && (x.respondent === 'citizen' || x.respondent === 'caseworker') && typeof x.index === 'string'
    && (x.mirror === undefined || typeof x.mirror === 'string') && isLocalized(x.text))) {
    p.push('items: malformed');
  }
  return p;
}

/**
 * Consistency problems of an instrument: duplicate ids, unknown indices, empty indices,
 * mirrors that are missing, one-sided or within one respondent, anchors off the scale.
 */
export function instrumentProblems(instrument: Instrument): string[] {
  const p: string[] = [];
  const { scale, indices, items } = instrument;
  if (!(Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.min < scale.max)) p.push('scale: min must be a whole number below max');
  for (const key of Object.keys(scale.anchors)) {
    const v = Number(key);
    if (!Number.isInteger(v) || v < scale.min || v > scale.max) p.push(`scale.anchors.${key}: not on the scale`);
  }
  const indexIds = new Set<string>();
  for (const index of indices) {
    if (indexIds.has(index.id)) p.push(`indices: ${index.id} appears twice`);
    indexIds.add(index.id);
  }
  const byId = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    if (byId.has(item.id)) p.push(`items: ${item.id} appears twice`);
    else byId.set(item.id, item);
    if (!indexIds.has(item.index)) p.push(`${item.id}: unknown index ${item.index}`);
  }
  for (const index of indices) {
    if (!items.some((i) => i.index === index.id)) p.push(`indices: ${index.id} has no items`);
  }
  for (const item of items) {
    if (item.mirror === undefined) continue;
    const other = byId.get(item.mirror);
    if (!other) p.push(`${item.id}: mirror ${item.mirror} does not exist`);
    else if (other.respondent === item.respondent) p.push(`${item.id}: mirror ${other.id} has the same respondent`);
    else if (other.mirror !== item.id) p.push(`${item.id}: mirror ${other.id} does not point back`);
  }
  return p;
}

/**
 * Narrow data loaded from JSON to an Instrument; throws TypeError listing every problem.
 * @example const fip = asInstrument(fipJson) // import fipJson from '<root>/content/instruments/fip-v1.json'
 */
export function asInstrument(data: unknown): Instrument {
  const shape = shapeProblems(data);
  const problems = shape.length > 0 ? shape : instrumentProblems(data as Instrument);
  if (problems.length > 0) throw new TypeError(`Invalid instrument:\n${problems.join('\n')}`);
  return data as Instrument;
}
