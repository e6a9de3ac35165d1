// The FIP instrument content: schema, ids, the booklet's Danish wording, six languages in the right script.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import fipJson from '../../content/instruments/fip-v1.json';
import schema from '../../content/instruments/instrument.schema.json';
import {
  LANGS, asInstrument, conversationFocus, indexScores, instrumentProblems, itemsFor, mirrorPairs,
  type Answers, type LocalizedText,
} from '../../src/domain/fip/index.ts';
import { checkScript } from './script-check.ts';

/** DOMAIN.md §1, the booklet's citizen items, in order. */
const BOOKLET_CITIZEN_ITEMS = [
  'Hvor vigtigt er det for dig at få et arbejde inden for de næste 6 måneder?',
  'Tror du, at du er i arbejde inden for 6 måneder?',
  'Ved du, hvilket arbejde, det er realistisk for dig at få?',
  'Hvor god er du til at løse opgaver sammen med andre?',
  'Hvor god er du til at forstå en besked fra en leder?',
  'Hvor godt taler du dansk?',
  'Hvor godt forstår du dansk?',
  'Hvor god er du til at møde til tiden?',
  'Hvor let er det for dig at have fokus på at få et arbejde?',
  'Hvor godt er dit helbred i forhold til at kunne varetage et arbejde?',
  'Ved du, hvad du skal gøre for at forbedre dine muligheder for at få et job?',
];
/** Caseworker items quoted in the booklet. */
const BOOKLET_CASEWORKER_ITEMS: Record<string, string> = {
  w02: 'Tror du, at borgeren kommer i job inden for de næste 6 måneder?',
  w03: 'Har borgeren en idé om, hvilket arbejde, det er realistisk for ham/hende at få?',
};

const fip = asInstrument(fipJson);
const pad = (n: number) => String(n).padStart(2, '0');

/** Every localized text of the instrument with a label saying where it is. */
function allTexts(): [string, LocalizedText][] {
  return [
    ['title', fip.title],
    ...Object.entries(fip.scale.anchors).map(([k, v]): [string, LocalizedText] => [`anchor ${k}`, v]),
    ['dontKnow', fip.scale.dontKnow],
    ...fip.indices.map((i): [string, LocalizedText] => [`index ${i.id}`, i.label]),
    ...fip.items.map((i): [string, LocalizedText] => [`item ${i.id}`, i.text]),
  ];
}

describe('FIP instrument v1', () => {
  it('validates against the JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    const valid = validate(fipJson);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is internally consistent (ids, indices, mirrors, anchors)', () => {
    expect(instrumentProblems(fip)).toEqual([]);
    expect(fip.id).toBe('fip');
    expect(fip.version).toBe('1');
  });

  it('has citizen items c01-c11 then caseworker items w01-w11, 22 in all', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `c${pad(i + 1)}`).concat(Array.from({ length: 11 }, (_, i) => `w${pad(i + 1)}`));
    expect(fip.items.map((i) => i.id)).toEqual(ids);
    expect(itemsFor(fip, 'citizen').map((i) => i.id)).toEqual(ids.slice(0, 11));
    expect(itemsFor(fip, 'caseworker').map((i) => i.id)).toEqual(ids.slice(11));
  });

  it('uses the booklet\'s Danish citizen wording verbatim, marked reviewed', () => {
    const citizen = itemsFor(fip, 'citizen');
    expect(citizen.map((i) => i.text.da.text)).toEqual(BOOKLET_CITIZEN_ITEMS);
    expect(citizen.every((i) => i.text.da.reviewed)).toBe(true);
    for (const [id, text] of Object.entries(BOOKLET_CASEWORKER_ITEMS)) {
      expect(fip.items.find((i) => i.id === id)?.text.da).toEqual({ text, reviewed: true });
    }
  });

  it('marks every translation unreviewed, and only booklet Danish as reviewed', () => {
    const booklet = new Set([...BOOKLET_CITIZEN_ITEMS, ...Object.values(BOOKLET_CASEWORKER_ITEMS), 'i meget ringe grad', 'i meget høj grad']);
    for (const [where, text] of allTexts()) {
      for (const lang of LANGS.filter((l) => l !== 'da')) expect(text[lang]?.reviewed, `${where} ${lang}`).toBe(false);
      expect(text.da.reviewed, `${where} da`).toBe(booklet.has(text.da.text));
    }
  });

  it('has the 1-7 scale with the booklet\'s end anchors and a middle anchor', () => {
    expect(fip.scale.min).toBe(1);
    expect(fip.scale.max).toBe(7);
    expect(Object.keys(fip.scale.anchors).sort()).toEqual(['1', '4', '7']);
    expect(fip.scale.anchors['1']?.da.text).toBe('i meget ringe grad');
    expect(fip.scale.anchors['7']?.da.text).toBe('i meget høj grad');
    expect(fip.scale.dontKnow.da.text).toBe('Ved ikke');
  });

  it('has every text in all six languages, each in its own script', () => {
    const failures: string[] = [];
    for (const [where, text] of allTexts()) {
      for (const lang of LANGS) {
        const t = text[lang]?.text;
        if (t === undefined || t.trim() === '') {
          failures.push(`${where} ${lang}: missing`);
          continue;
        }
        const report = checkScript(t, lang);
        if (!report.ok || report.letters === 0) failures.push(`${where} ${lang}: ${report.reason || 'no letters'} — ${t}`);
      }
      // Latin-script translations must not be a copy of the Danish.
      for (const lang of ['en', 'so'] as const) {
        if (text[lang]?.text === text.da.text) failures.push(`${where} ${lang}: same as Danish`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives every item exactly one known index, and every index a description', () => {
    const indexIds = fip.indices.map((i) => i.id);
    expect(indexIds).toEqual(['job_prospects', 'danish', 'work_skills', 'readiness', 'self_confidence', 'goal_orientation', 'qualifications']);
    for (const item of fip.items) expect(indexIds).toContain(item.index);
    for (const index of fip.indices) expect(index.description.length).toBeGreaterThan(40);
  });

  it('mirrors most citizen items with a caseworker item', () => {
    const pairs = mirrorPairs(fip);
    expect(pairs).toEqual([['c01', 'w01'], ['c02', 'w02'], ['c03', 'w03'], ['c04', 'w04'], ['c06', 'w05'], ['c08', 'w06'], ['c10', 'w07']]);
    for (const [c, w] of pairs) {
      expect(fip.items.find((i) => i.id === c)?.index).toBe(fip.items.find((i) => i.id === w)?.index);
    }
  });

  it('scores a full set of answers with the domain functions', () => {
    const citizen: Answers = { c01: 7, c02: 6, c03: 2, c04: 5, c05: 4, c06: 2, c07: 3, c08: 6, c09: null, c10: 5, c11: 1 };
    const caseworker: Answers = { w01: 6, w02: 3, w03: 2, w04: 5, w05: 2, w06: 6, w07: 5, w08: 4, w09: 4, w10: null, w11: 2 };
    const citizenScores = indexScores(fip, citizen, 'citizen');
    expect(citizenScores.job_prospects).toEqual({ mean: 5, answered: 3, total: 3 });
    expect(citizenScores.danish).toEqual({ mean: 2.5, answered: 2, total: 2 });
    expect(citizenScores.readiness).toEqual({ mean: 3, answered: 2, total: 3 });
    expect(citizenScores.self_confidence).toEqual({ mean: null, answered: 0, total: 0 });
    expect(indexScores(fip, caseworker, 'caseworker').goal_orientation).toEqual({ mean: 4, answered: 1, total: 2 });
    const focus = conversationFocus(fip, citizen, caseworker);
    expect(focus.gaps).toEqual([{ citizenItem: 'c02', caseworkerItem: 'w02', citizen: 6, caseworker: 3, gap: 3 }]);
    expect(focus.lowest).toEqual([{ itemId: 'c11', value: 1 }, { itemId: 'c03', value: 2 }, { itemId: 'c06', value: 2 }]);
  });
});
