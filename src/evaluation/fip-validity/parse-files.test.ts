import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asInstrument, type Instrument } from '../../domain/fip/index.ts';
import { InputError } from '../errors.ts';
import { readValidityData } from './parse-files.ts';

const instrument: Instrument = asInstrument(JSON.parse(readFileSync(new URL('../../../content/instruments/fip-v1.json', import.meta.url), 'utf8')));
const HEADER = 'person_id,gender,round,respondent,item_id,value,answered_on';
const OUT = { file: 'outcomes.csv', text: 'person_id,employed_6m\nA,1\nB,0\n' };

function problems(answers: string, outcomes = OUT.text): string[] {
  try {
    readValidityData({ file: 'answers.csv', text: answers }, { file: 'outcomes.csv', text: outcomes }, instrument);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.file}:${p.line}: ${p.reason}`);
    throw e;
  }
  return [];
}

describe('readValidityData', () => {
  it('reads round-1 values by item, don\'t know as NaN, later rounds only for the checks', () => {
    const d = readValidityData(
      { file: 'answers.csv', text: `${HEADER}\nA,K,1,citizen,c02,6,2025-01-06\nA,K,1,citizen,c01,,2025-01-06\nA,K,2,citizen,c02,7,2025-04-06\nB,M,1,caseworker,w01,3,2025-01-07\n` },
      OUT,
      instrument,
    );
    expect(d.persons).toEqual(['A', 'B']);
    expect(Array.from(d.employed)).toEqual([1, 0]);
    const p = d.itemIds.length;
    const at = (person: number, item: string) => d.round1[person * p + d.itemIds.indexOf(item)];
    expect(at(0, 'c02')).toBe(6);
    expect(at(0, 'c01')).toBeNaN();
    expect(at(1, 'w01')).toBe(3);
    expect(at(1, 'c02')).toBeNaN();
  });

  it('accepts any column order, extra columns, CRLF, a BOM and quoted fields', () => {
    const text = `\ufeffanswered_on,item_id,value,extra,round,respondent,gender,person_id\r\n2025-01-06,c02,5,"x, y",1,citizen,F,"A"\r\n2025-01-06,c03,4,,1,citizen,F,A\r\n`;
    const d = readValidityData({ file: 'answers.csv', text }, OUT, instrument);
    expect(d.persons).toEqual(['A']);
    expect(d.round1[d.itemIds.indexOf('c02')]).toBe(5);
    expect(d.round1[d.itemIds.indexOf('c03')]).toBe(4);
  });

  it('numbers lines from the file, also after a quoted field spanning lines and blank lines', () => {
    const text = `${HEADER},note\nA,K,1,citizen,c02,5,2025-01-06,"two\nlines"\n\nA,K,1,citizen,c02,9,2025-01-06,x\n`;
    expect(problems(text)).toEqual(['answers.csv:5: value "9" is not a whole number from 1 to 7 (or empty: don\'t know)']);
  });

  it('reports a person with two genders, a respondent who does not answer the item, a bad date and a bad field count', () => {
    const text = `${HEADER}\nA,K,1,citizen,c02,5,2025-01-06\nA,M,1,citizen,c03,5,2025-01-06\nA,K,1,caseworker,c04,5,2025-01-06\nA,K,1,citizen,c05,5,2025-02-30\nA,K,1,citizen\n`;
    expect(problems(text)).toEqual([
      'answers.csv:3: person A has gender M here but K on line 2',
      'answers.csv:4: item c04 is answered by the citizen, not the caseworker',
      'answers.csv:5: answered_on "2025-02-30" is not a YYYY-MM-DD date',
      'answers.csv:6: 4 field(s), the header has 7',
    ]);
  });

  it('reports problems of both files together, and stops at 20 with a count', () => {
    const bad = Array.from({ length: 25 }, (_, i) => `A,K,1,citizen,c02,8,2025-01-0${(i % 9) + 1}`).join('\n');
    try {
      readValidityData({ file: 'answers.csv', text: `${HEADER}\n${bad}\n` }, { file: 'outcomes.csv', text: 'person_id,employed_6m\nA,2\n' }, instrument);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.problems).toHaveLength(20);
      expect(err.more).toBe(6);
      expect(err.message).toMatch(/… and 6 more errors$/);
    }
  });

  it('reports an unclosed quote as an invalid CSV file with its line', () => {
    expect(problems(`${HEADER}\nA,K,1,citizen,c02,5,2025-01-06\n"A,K,1,citizen,c03,5,2025-01-06\n`)).toEqual([
      expect.stringMatching(/^answers\.csv:3: not a valid CSV file: Quote Not Closed/),
    ]);
  });

  it('reads quoted text (csv-parse) and quote-free text (line scanner) to the same data and line numbers', () => {
    const plain = readFileSync(new URL('./fixtures/answers.csv', import.meta.url), 'utf8');
    const outcomes = { file: 'outcomes.csv', text: readFileSync(new URL('./fixtures/outcomes.csv', import.meta.url), 'utf8') };
    const quoted = plain.replace(/^(P\d+),/gm, '"$1",');
    expect(quoted).not.toBe(plain);
    const a = readValidityData({ file: 'answers.csv', text: plain }, outcomes, instrument);
    const b = readValidityData({ file: 'answers.csv', text: quoted }, outcomes, instrument);
    expect(b).toEqual(a);
    const crlf = readValidityData({ file: 'answers.csv', text: plain.replace(/\n/g, '\r\n') }, outcomes, instrument);
    expect(crlf).toEqual(a);
    const broken = (t: string) => t.replace(/\n([^\n]*),c05,\d,/, '\n$1,c05,9,');
    const line = broken(plain).split('\n').findIndex((l) => /,c05,9,/.test(l)) + 1;
    expect(problems(broken(plain), outcomes.text)).toEqual([expect.stringMatching(new RegExp(`^answers\\.csv:${line}: value "9"`))]);
    expect(problems(broken(quoted), outcomes.text)).toEqual(problems(broken(plain), outcomes.text));
  });
});
