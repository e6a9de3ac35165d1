// FIP instrument definition types (content, not code: see content/instruments/fip-v1.json).

/** Languages the FIP questionnaires are offered in (DOMAIN.md §1). */
export type Lang = 'da' | 'en' | 'ar' | 'fa' | 'so' | 'ti';
export const LANGS: readonly Lang[] = ['da', 'en', 'ar', 'fa', 'so', 'ti'];
/** Right-to-left languages: set `dir="rtl"` when rendering these. */
export const RTL_LANGS: readonly Lang[] = ['ar', 'fa'];

export type Respondent = 'citizen' | 'caseworker';

/** One text in one language; `reviewed` is false until a qualified translator has checked it. */
export interface TranslatedText {
  text: string;
  reviewed: boolean;
}
/** A text per language; Danish is the source and always present. */
export type LocalizedText = { da: TranslatedText } & Partial<Record<Lang, TranslatedText>>;

export interface Item {
  id: string;
  respondent: Respondent;
  /** The id of the index (IndexDef.id) the item belongs to. */
  index: string;
  /** Id of the item on the other questionnaire that asks about the same thing. */
  mirror?: string;
  text: LocalizedText;
}

export interface IndexDef {
  id: string;
  label: LocalizedText;
  /** Why these items are grouped together (English, for staff and evaluators). */
  description: string;
}

export interface Scale {
  min: number;
  max: number;
  anchors: Record<string, LocalizedText>;
  dontKnow: LocalizedText;
}

export interface Instrument {
  id: string;
  version: string;
  title: LocalizedText;
  scale: Scale;
  indices: IndexDef[];
  items: Item[];
}

export function isRtl(lang: Lang): boolean {
  return RTL_LANGS.includes(lang);
}

/** The items one respondent answers, in instrument order. */
export function itemsFor(instrument: Instrument, respondent: Respondent): Item[] {
  return instrument.items.filter((item) => item.respondent === respondent);
}

/** The text in `lang`, falling back to the Danish source text. */
export function textOf(localized: LocalizedText, lang: Lang): string {
  return localized[lang]?.text ?? localized.da.text;
}

/** Look up an item by id (undefined when absent). */
export function findItem(instrument: Instrument, itemId: string): Item | undefined {
  return instrument.items.find((item) => item.id === itemId);
}

/**
 * The items of several instrument versions as one list (rows of a table, axes of a chart across
 * rounds answered on different versions): every item of the first, then the items of the others
 * that it lacks, each once by id, in instrument order. The text is the first version's that has the item.
 */
export function itemsAcross(instruments: readonly Instrument[], respondent?: Respondent): Item[] {
  const seen = new Map<string, Item>();
  for (const instrument of instruments) {
    for (const item of instrument.items) {
      if ((respondent === undefined || item.respondent === respondent) && !seen.has(item.id)) seen.set(item.id, item);
    }
  }
  return [...seen.values()];
}

/** The indices of several instrument versions, the first version's first, each once by id. */
export function indicesAcross(instruments: readonly Instrument[]): IndexDef[] {
  const seen = new Map<string, IndexDef>();
  for (const instrument of instruments) for (const index of instrument.indices) if (!seen.has(index.id)) seen.set(index.id, index);
  return [...seen.values()];
}

/** The answer to `item` in answers given on `instrument`: only when that version has the item for that respondent. */
export function asksItem(instrument: Instrument, item: Pick<Item, 'id' | 'respondent'>): boolean {
  return instrument.items.some((i) => i.id === item.id && i.respondent === item.respondent);
}
