// Reader for DREAM-style wide files: one row per person (person_id plus `y_YYWW` columns of
// benefit codes, one per week), translated to statuses through a `code,status` mapping CSV.
// An empty cell means no code (none). Codes missing from the mapping are an error naming the
// code and how many person-weeks carry it. Two-digit years: 70–99 → 19YY, 00–69 → 20YY.
import { readFileSync } from 'node:fs';
import { ProblemCollector } from '../errors.ts';
import { isoWeekIndex } from '../iso-week.ts';
import { PanelBuilder } from '../panel.ts';
import { statusCode } from '../statuses.ts';
import { checkFileSize } from './file-size.ts';
import { scanLines, splitQuoted } from './line-scanner.ts';
import type { Persons } from './persons-csv.ts';
import { finishPanel, type WeeksResult, type WeeksReadOptions } from './weeks-csv.ts';

/** Read a `code,status` mapping (status `none` allowed). */
export function readCodeMapping(file: string, problems: ProblemCollector): Map<string, number> {
  checkFileSize(file);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const header = splitQuoted(lines[0] ?? '').map((s) => s.trim());
  const iCode = header.indexOf('code');
  const iStatus = header.indexOf('status');
  const map = new Map<string, number>();
  if (iCode < 0 || iStatus < 0) {
    problems.add(file, 1, `missing column(s): ${['code', 'status'].filter((c) => !header.includes(c)).join(', ')}`);
    return map;
  }
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === '') return;
    const f = splitQuoted(line);
    const code = (f[iCode] ?? '').trim();
    const status = (f[iStatus] ?? '').trim();
    const c = statusCode(status);
    if (code === '') problems.add(file, k + 2, 'empty code');
    else if (c === undefined) problems.add(file, k + 2, `unknown status "${status}" for code "${code}"`);
    else if (map.has(code)) problems.add(file, k + 2, `code "${code}" is mapped twice`);
    else map.set(code, c);
  });
  return map;
}

export async function readDreamWide(file: string, codesFile: string, persons: Persons, opts: WeeksReadOptions = {}): Promise<WeeksResult> {
  const size = checkFileSize(file);
  const problems = new ProblemCollector(opts.maxErrors ?? 20);
  const mapping = readCodeMapping(codesFile, problems);
  problems.throwIfAny();
  const builder = new PanelBuilder(persons.n);
  const seen = new Uint8Array(persons.n);
  const unmapped = new Map<string, number>();
  let header = true;
  let iId = -1;
  let weekCols: [number, number][] = [];
  let rows = 0;
  let nCols = 0;
  scanLines(
    file,
    (buf, s, e, line) => {
      const text = buf.toString('utf8', s, e);
      if (header) {
        header = false;
        const names = splitQuoted(text.replace(/^\uFEFF/, '')).map((x) => x.trim());
        nCols = names.length;
        iId = names.indexOf('person_id');
        if (iId < 0) problems.add(file, line, 'missing column: person_id');
        weekCols = [];
        names.forEach((n, i) => {
          const m = /^y_(\d\d)(\d\d)$/.exec(n);
          if (!m) return;
          const yy = Number(m[1]);
          const w = isoWeekIndex(yy >= 70 ? 1900 + yy : 2000 + yy, Number(m[2]));
          if (w < 0) problems.add(file, line, `column "${n}" is not a valid week`);
          else weekCols.push([i, w]);
        });
        if (weekCols.length === 0) problems.add(file, line, 'no y_YYWW week columns');
        return;
      }
      if (text === '' || iId < 0) return;
      const f = text.includes('"') ? splitQuoted(text) : text.split(',');
      if (f.length !== nCols) {
        problems.add(file, line, `expected ${nCols} fields, found ${f.length}`);
        return;
      }
      const id = f[iId] ?? '';
      const p = persons.index.get(id);
      if (p === undefined) {
        problems.add(file, line, `unknown person_id "${id.slice(0, 70)}" (not in persons.csv)`);
        return;
      }
      if (seen[p]) {
        problems.add(file, line, `duplicate row for person "${id}"`);
        return;
      }
      seen[p] = 1;
      for (const [i, w] of weekCols) {
        const code = (f[i] ?? '').trim();
        if (code === '') continue;
        const c = mapping.get(code);
        if (c === undefined) {
          unmapped.set(code, (unmapped.get(code) ?? 0) + 1);
          continue;
        }
        if (c === 0) continue;
        builder.set(p, w, c);
        rows++;
      }
    },
    (bytes) => opts.onProgress?.(size > 0 ? bytes / size : 1),
  );
  for (const [code, n] of [...unmapped.entries()].sort((a, b) => b[1] - a[1])) {
    problems.add(codesFile, 0, `code "${code}" (in ${n} person-week${n === 1 ? '' : 's'} of ${file}) is not in the mapping`);
  }
  return finishPanel(file, problems, builder, persons, rows, header, opts.onPanel);
}
