// The codebook of the pseudonymised exports (decision 033): every dataset's variables with their
// label and type, and the value labels of every coded value, in Danish or English. Pure: the
// labels that come from content (the instrument's items, DB07 sections, municipalities) and the
// country names are passed in by the caller; the fixed vocabularies (offer kinds, statuses,
// outcome kinds, genders, target groups, languages, respondents, the answer scale with its
// "don't know") are defined here from the domain's own lists.
import { OFFER_KINDS, OFFER_STATUSES, type OfferKind, type OfferStatus } from '../offers/offer-kinds.ts';
import { OUTCOME_KINDS, type OutcomeKindName } from '../outcomes.ts';

export const EXPORT_LABEL_LANGS = ['da', 'en'] as const;
export type ExportLang = (typeof EXPORT_LABEL_LANGS)[number];
type Labels = Readonly<Record<ExportLang, string>>;

/** What an export may hold (`--what`); `all` is every one of them. */
export const EXPORT_WHATS = ['answers', 'citizens', 'offers', 'outcomes', 'all'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];

/**
 * The datasets, one file (CSV) or sheet (XLSX) each. `answers` and `outcomes` are FORMATS.md's
 * "FIP analysis files" (answers.csv, outcomes.csv with employed_6m); `outcome_register` is the
 * register of outcomes itself (`--what outcomes`).
 */
export const EXPORT_DATASETS = ['citizens', 'answers', 'outcomes', 'offers', 'outcome_register'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export function datasetsOf(what: ExportWhat): ExportDataset[] {
  switch (what) {
    case 'answers':
      return ['answers', 'outcomes'];
    case 'citizens':
      return ['citizens'];
    case 'offers':
      return ['offers'];
    case 'outcomes':
      return ['outcome_register'];
    case 'all':
      return [...EXPORT_DATASETS];
  }
}

export type VariableType = 'string' | 'integer' | 'number' | 'date';

export interface Variable {
  readonly name: string;
  readonly type: VariableType;
  readonly label: Labels;
  /** The value set whose labels the values carry (every value of the variable is one of its codes). */
  readonly valueSet?: ValueSetId;
}

export const VALUE_SETS = [
  'municipality', 'gender', 'country', 'language', 'target_group', 'respondent', 'item', 'answer_value',
  'yes_no', 'offer_kind', 'offer_status', 'sector', 'outcome_kind', 'db07_section',
] as const;
export type ValueSetId = (typeof VALUE_SETS)[number];

/** A code and its label; `code` null is the empty cell (the answer scale's "don't know"). */
export interface ValueLabel {
  readonly code: string | null;
  readonly label: string;
}

export interface ValueSet {
  readonly id: ValueSetId;
  /** Numeric codes (the answer scale, yes/no) or text codes. */
  readonly numeric: boolean;
  readonly values: readonly ValueLabel[];
}

const v = (name: string, type: VariableType, da: string, en: string, valueSet?: ValueSetId): Variable => ({ name, type, label: { da, en }, ...(valueSet ? { valueSet } : {}) });
const PERSON = v('person_id', 'string', 'Pseudonym for borgeren (stabil pr. kommune og eksportnøgle)', 'Pseudonym of the citizen (stable per municipality and export key)');

/** Every dataset's variables, in column order. */
export const DATASET_VARIABLES: Readonly<Record<ExportDataset, readonly Variable[]>> = {
  citizens: [
    PERSON,
    v('municipality_code', 'string', 'Kommune', 'Municipality', 'municipality'),
    v('gender', 'string', 'Køn', 'Gender', 'gender'),
    v('birth_year', 'integer', 'Fødselsår', 'Year of birth'),
    v('origin_country', 'string', 'Oprindelsesland', 'Country of origin', 'country'),
    v('arrival_date', 'date', 'Ankomst til Danmark', 'Arrival in Denmark'),
    v('takeover_date', 'date', 'Kommunens overtagelse af integrationsansvaret', 'Municipality took over responsibility'),
    v('language', 'string', 'Foretrukket sprog', 'Preferred language', 'language'),
    v('target_group', 'string', 'Målgruppe', 'Target group', 'target_group'),
  ],
  answers: [
    PERSON,
    v('gender', 'string', 'Køn', 'Gender', 'gender'),
    v('round', 'integer', 'Målingsrunde', 'Measurement round'),
    v('respondent', 'string', 'Hvem svarede', 'Respondent', 'respondent'),
    v('item_id', 'string', 'Spørgsmål', 'Item', 'item'),
    v('value', 'integer', 'Svar (1-7; tom = ved ikke)', 'Answer (1-7; empty = don\'t know)', 'answer_value'),
    v('answered_on', 'date', 'Rundens dato', 'Date of the round'),
  ],
  outcomes: [
    PERSON,
    v('employed_6m', 'integer', 'Beskæftigelse eller IGU inden 6 måneder efter runde 1', 'Employment or IGU within 6 months after round 1', 'yes_no'),
  ],
  offers: [
    PERSON,
    v('kind', 'string', 'Tilbud', 'Offer', 'offer_kind'),
    v('status', 'string', 'Status', 'Status', 'offer_status'),
    v('sector', 'string', 'Sektor', 'Sector', 'sector'),
    v('start_date', 'date', 'Startdato', 'Start date'),
    v('planned_end', 'date', 'Planlagt slutdato', 'Planned end'),
    v('actual_end', 'date', 'Faktisk slutdato', 'Actual end'),
    v('hours_per_week', 'number', 'Timer pr. uge', 'Hours per week'),
    v('company_db07_section', 'string', 'Virksomhedens branche (DB07-hovedafsnit)', 'Company\'s industry (DB07 section)', 'db07_section'),
  ],
  outcome_register: [
    PERSON,
    v('kind', 'string', 'Udfald', 'Outcome', 'outcome_kind'),
    v('date', 'date', 'Dato', 'Date'),
    v('sector', 'string', 'Sektor', 'Sector', 'sector'),
    v('db07', 'string', 'Branchekode (DB07)', 'Industry code (DB07)'),
    v('db07_section', 'string', 'Branche (DB07-hovedafsnit)', 'Industry (DB07 section)', 'db07_section'),
    v('hours', 'number', 'Timer pr. uge', 'Hours per week'),
  ],
};

const GENDER: Record<'F' | 'M', Labels> = { F: { da: 'Kvinde', en: 'Woman' }, M: { da: 'Mand', en: 'Man' } };
const TARGET_GROUP: Record<'broad' | 'selected', Labels> = {
  broad: { da: 'Bred (alle nyankomne)', en: 'Broad (all newcomers)' },
  selected: { da: 'Udvalgt', en: 'Selected' },
};
const LANGUAGE: Record<string, Labels> = {
  da: { da: 'Dansk', en: 'Danish' }, en: { da: 'Engelsk', en: 'English' }, ar: { da: 'Arabisk', en: 'Arabic' },
  fa: { da: 'Persisk (farsi)', en: 'Persian (Farsi)' }, so: { da: 'Somali', en: 'Somali' }, ti: { da: 'Tigrinya', en: 'Tigrinya' },
};
const RESPONDENT: Record<'citizen' | 'caseworker', Labels> = { citizen: { da: 'Borgeren', en: 'The citizen' }, caseworker: { da: 'Sagsbehandleren', en: 'The caseworker' } };
const OFFER_KIND: Record<OfferKind, Labels> = {
  guidance_upskilling: { da: 'Vejledning og opkvalificering', en: 'Guidance and upskilling' },
  introduction_course: { da: 'Introduktionsforløb', en: 'Introduction course' },
  praktik_private: { da: 'Virksomhedspraktik, privat', en: 'Company placement, private' },
  praktik_public: { da: 'Virksomhedspraktik, offentlig', en: 'Company placement, public' },
  wage_subsidy_private: { da: 'Løntilskud, privat', en: 'Wage-subsidy job, private' },
  wage_subsidy_public: { da: 'Løntilskud, offentlig', en: 'Wage-subsidy job, public' },
  igu: { da: 'IGU (integrationsgrunduddannelse)', en: 'IGU (basic integration education)' },
  danish_education: { da: 'Danskuddannelse', en: 'Danish education' },
  mentor: { da: 'Mentor', en: 'Mentor' },
};
const OFFER_STATUS: Record<OfferStatus, Labels> = {
  planned: { da: 'Planlagt', en: 'Planned' }, active: { da: 'I gang', en: 'Active' },
  completed: { da: 'Afsluttet', en: 'Completed' }, cancelled: { da: 'Aflyst', en: 'Cancelled' },
};
const SECTOR: Record<'private' | 'public', Labels> = { private: { da: 'Privat', en: 'Private' }, public: { da: 'Offentlig', en: 'Public' } };
const OUTCOME_KIND: Record<OutcomeKindName, Labels> = {
  employment: { da: 'Beskæftigelse', en: 'Employment' },
  igu_start: { da: 'IGU-start', en: 'IGU start' },
  education: { da: 'Uddannelse', en: 'Education' },
  self_sufficiency: { da: 'Selvforsørgelse', en: 'Self-sufficiency' },
  programme_end: { da: 'Programmet afsluttet', en: 'Programme ended' },
};
const YES_NO: Labels[] = [{ da: 'Nej', en: 'No' }, { da: 'Ja', en: 'Yes' }];
const DONT_KNOW: Labels = { da: 'Ved ikke', en: "Don't know" };

/** What only the caller knows: content names and the countries that occur. */
export interface CodebookContent {
  /** The municipalities (code → name). */
  municipalities: readonly { code: string; name: string }[];
  /** The instrument's items in order, with their text in both languages. */
  items: readonly { id: string; text: Labels }[];
  /** The scale (1..7) and its anchors' texts by value (where the instrument has one). */
  scale: { min: number; max: number; anchors: Readonly<Record<string, Labels>> };
  /** DB07 sections A–U with their names. */
  db07Sections: readonly { code: string; name: Labels }[];
  /** The country codes (ISO 3166 alpha-2) to label, with their names. */
  countries: readonly { code: string; name: Labels }[];
}

export interface Codebook {
  readonly lang: ExportLang;
  readonly datasets: readonly { id: ExportDataset; variables: readonly Variable[] }[];
  readonly valueSets: readonly ValueSet[];
}

function fixed<K extends string>(id: ValueSetId, table: Readonly<Record<K, Labels>>, order: readonly K[], lang: ExportLang): ValueSet {
  return { id, numeric: false, values: order.map((code) => ({ code, label: table[code][lang] })) };
}

/** The codebook of the given datasets in one language: their variables and the value sets they use (only those). */
export function buildCodebook(datasets: readonly ExportDataset[], content: CodebookContent, lang: ExportLang): Codebook {
  const all: Record<ValueSetId, () => ValueSet> = {
    municipality: () => ({ id: 'municipality', numeric: false, values: content.municipalities.map((m) => ({ code: m.code, label: m.name })) }),
    gender: () => fixed('gender', GENDER, ['F', 'M'], lang),
    country: () => ({ id: 'country', numeric: false, values: content.countries.map((c) => ({ code: c.code, label: c.name[lang] })) }),
    language: () => fixed('language', LANGUAGE, Object.keys(LANGUAGE), lang),
    target_group: () => fixed('target_group', TARGET_GROUP, ['broad', 'selected'], lang),
    respondent: () => fixed('respondent', RESPONDENT, ['citizen', 'caseworker'], lang),
    item: () => ({ id: 'item', numeric: false, values: content.items.map((i) => ({ code: i.id, label: `${i.id}: ${i.text[lang]}` })) }),
    answer_value: () => {
      const values: ValueLabel[] = [];
      for (let n = content.scale.min; n <= content.scale.max; n++) {
        const anchor = content.scale.anchors[String(n)];
        values.push({ code: String(n), label: anchor ? `${n} (${anchor[lang]})` : String(n) });
      }
      values.push({ code: null, label: DONT_KNOW[lang] });
      return { id: 'answer_value', numeric: true, values };
    },
    yes_no: () => ({ id: 'yes_no', numeric: true, values: YES_NO.map((l, i) => ({ code: String(i), label: l[lang] })) }),
    offer_kind: () => fixed('offer_kind', OFFER_KIND, OFFER_KINDS, lang),
    offer_status: () => fixed('offer_status', OFFER_STATUS, OFFER_STATUSES, lang),
    sector: () => fixed('sector', SECTOR, ['private', 'public'], lang),
    outcome_kind: () => fixed('outcome_kind', OUTCOME_KIND, OUTCOME_KINDS, lang),
    db07_section: () => ({ id: 'db07_section', numeric: false, values: content.db07Sections.map((s) => ({ code: s.code, label: `${s.code}: ${s.name[lang]}` })) }),
  };
  const used = new Set<ValueSetId>();
  const out = datasets.map((id) => {
    for (const variable of DATASET_VARIABLES[id]) if (variable.valueSet) used.add(variable.valueSet);
    return { id, variables: DATASET_VARIABLES[id] };
  });
  return { lang, datasets: out, valueSets: VALUE_SETS.filter((id) => used.has(id)).map((id) => all[id]()) };
}

/** The codebook's own column headings (codebook.csv / value_labels.csv and their sheets). */
export const CODEBOOK_COLUMNS = {
  variables: ['dataset', 'variable', 'label', 'type', 'value_labels'] as const,
  values: ['value_labels', 'value', 'label'] as const,
};
