import { describe, expect, it } from 'vitest';
import { parseIsoWeek } from '../iso-week.ts';
import { statusAt } from '../panel.ts';
import { S } from '../statuses.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { readDreamWide } from './dream-wide.ts';
import { readPersonsCsv } from './persons-csv.ts';

const persons = `${PERSONS_HEADER}\na,K,1990,SY,2015-03-02,101,participant,2017-02-01\nb,M,1985,ER,2014-11-30,851,control,\n`;

describe('readDreamWide', () => {
  it('maps codes to statuses; empty cells and codes mapped to none are none', async () => {
    const f = tmpFiles({
      'persons.csv': persons,
      'dream.csv': 'person_id,y_1705,y_1706,y_1707\na,130,,890\nb,,521,\n',
      'codes.csv': 'code,status\n130,integration_benefit\n521,employment\n890,none\n',
    });
    const p = await readPersonsCsv(f.path('persons.csv'));
    const r = await readDreamWide(f.path('dream.csv'), f.path('codes.csv'), p);
    expect(r.rows).toBe(2);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W05'))).toBe(S.integration_benefit);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W07'))).toBe(S.none);
    expect(statusAt(r.panel, 1, parseIsoWeek('2017-W06'))).toBe(S.employment);
  });

  it('names unmapped codes and how many person-weeks carry them', async () => {
    const f = tmpFiles({
      'persons.csv': persons,
      'dream.csv': 'person_id,y_1705,y_1706\na,999,999\nb,777,\n',
      'codes.csv': 'code,status\n130,integration_benefit\n',
    });
    const p = await readPersonsCsv(f.path('persons.csv'));
    await expect(readDreamWide(f.path('dream.csv'), f.path('codes.csv'), p)).rejects.toThrow(/code "999" \(in 2 person-weeks of .*dream\.csv\) is not in the mapping\n.*code "777" \(in 1 person-week /);
  });
});
