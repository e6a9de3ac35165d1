// The national counts → the contract's suppressed tables: one linked table per indicator
// (municipality × period × gender with the country, the year where it adds up, and all genders as
// totals), suppressed as a whole (src/domain/suppression), then read out row by row. Pure.
import { cubeTable, MIN_PERSONS, suppress } from '../../domain/suppression/index.ts';
import { GENDERS, PERIODS, type INDICATORS } from '../../contract/national.ts';
import type { NationalIndicators } from '../../contract/types.ts';
import type { QuarterCountRow } from './national-queries.ts';

type IndicatorId = (typeof INDICATORS)[number];

/** Whether an indicator's year is the sum of its quarters (a person exits to a first job once; a person is in the programme in several quarters). */
const YEAR_ADDS_UP: Record<IndicatorId, boolean> = { in_programme: false, exits_to_job: true };

export function presentNational(year: number, places: readonly { code: string; name: string }[], rows: readonly QuarterCountRow[], countryName: string): NationalIndicators {
  const index = new Map(places.map((p, i) => [p.code, i]));
  const leaf = (id: IndicatorId) => {
    const grid = new Map<string, number>();
    for (const r of rows) {
      const m = index.get(r.municipality_code);
      if (m === undefined) continue;
      grid.set(`${m}:${r.quarter - 1}:${r.gender === 'F' ? 0 : 1}`, r[id]);
    }
    return grid;
  };
  const indicators = (['in_programme', 'exits_to_job'] as const).map((id) => {
    const grid = leaf(id);
    const cube = cubeTable(
      [
        { size: places.length, additive: true },
        { size: 4, additive: YEAR_ADDS_UP[id] },
        { size: 2, additive: true },
      ],
      ([m, q, g]) => grid.get(`${m}:${q}:${g}`) ?? 0,
    );
    const { values, reasons } = suppress(cube.table, MIN_PERSONS);
    const periods = PERIODS.slice(0, cube.extents[1]);
    const out = [...places.map((p, m) => ({ m, code: p.code as string | null, name: p.name })), { m: places.length, code: null, name: countryName }];
    return {
      id,
      periods: [...periods],
      rows: out.map(({ m, code, name }) => ({
        municipalityCode: code,
        municipalityName: name,
        cells: periods.flatMap((period, q) =>
          GENDERS.map((gender, g) => {
            const i = cube.at([m, q, g]);
            return { period, gender, count: { value: values[i] ?? null, suppressed: reasons[i] ?? null } };
          }),
        ),
      })),
    };
  });
  return { year, minPersons: MIN_PERSONS, indicators };
}

/** The same tables with only one municipality's rows and the country's (a manager's view). */
export function onlyRows(all: NationalIndicators, municipalityCode: string): NationalIndicators {
  return { ...all, indicators: all.indicators.map((i) => ({ ...i, rows: i.rows.filter((r) => r.municipalityCode === municipalityCode || r.municipalityCode === null) })) };
}
