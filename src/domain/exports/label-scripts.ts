// The ready scripts that read a CSV export and apply its codebook (decision 033): a Stata do-file
// (labels.do) and an R script (labels.R). Both are generated from the codebook itself, so every
// coded variable gets its value labels and every variable its label; both read the files with
// the export's separator and decimal mark. Pure text.
import type { Codebook, ValueSet, Variable } from './codebook.ts';

export interface CsvDialect {
  /** The field separator: ',' (FORMATS.md) or ';' (Danish Excel, with decimal comma). */
  separator: ',' | ';';
  decimalComma: boolean;
}

export const fileOf = (dataset: string): string => `${dataset}.csv`;

/** An R string literal: ASCII only (non-ASCII as \u escapes, so the script reads the same in any locale). */
export function rString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (cp < 0x20) out += ' ';
    else if (cp < 0x7f) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const rVector = (items: readonly string[]): string => `c(${items.join(', ')})`;
const R_CLASS: Record<Variable['type'], string> = { string: 'character', integer: 'integer', number: 'numeric', date: 'character' };

export function rScript(codebook: Codebook, dialect: CsvDialect): string {
  const sets = new Map(codebook.valueSets.map((s) => [s.id, s]));
  const lines = [
    '# jobvej export: reads the CSV files of this export and applies the codebook\'s labels (codebook.csv,',
    '# value_labels.csv). Coded text variables become factors with their labels; a numeric coded',
    '# variable keeps its numbers and gets a factor beside it (<name>_label; the answer scale\'s empty',
    '# value is its "don\'t know" level); every column gets its label as attr(, "label").',
    '# Usage: source("labels.R") in the folder of the files (the data frames are then in the session),',
    '# or Rscript labels.R [FOLDER], which saves them, labelled, as FOLDER/export.RData.',
    `# Labels: ${codebook.lang === 'da' ? 'Danish' : 'English'}.`,
    'jv_args <- commandArgs(trailingOnly = TRUE)',
    'jv_dir <- if (length(jv_args) >= 1) jv_args[[1]] else "."',
    `jv_read <- function(file, classes) utils::read.csv(file.path(jv_dir, file), sep = ${rString(dialect.separator)}, dec = ${rString(dialect.decimalComma ? ',' : '.')}, fileEncoding = "UTF-8-BOM", encoding = "UTF-8", na.strings = "", colClasses = classes, check.names = FALSE)`,
    '',
  ];
  for (const ds of codebook.datasets) {
    const df = ds.id;
    lines.push(`${df} <- jv_read(${rString(fileOf(df))}, ${rVector(ds.variables.map((x) => rString(R_CLASS[x.type])))})`);
    for (const x of ds.variables) {
      const col = `${df}[[${rString(x.name)}]]`;
      if (x.type === 'date') lines.push(`${col} <- as.Date(${col})`);
      const set = x.valueSet ? sets.get(x.valueSet) : undefined;
      if (set) lines.push(...rFactor(df, x, set));
      lines.push(`attr(${col}, "label") <- ${rString(x.label[codebook.lang])}`);
      if (set?.numeric) lines.push(`attr(${df}[[${rString(`${x.name}_label`)}]], "label") <- ${rString(x.label[codebook.lang])}`);
    }
    lines.push('');
  }
  lines.push(
    '# Run as a script (not sourced): keep the labelled data frames.',
    `if (sys.nframe() == 0L) save(list = ${rVector(codebook.datasets.map((d) => rString(d.id)))}, file = file.path(jv_dir, "export.RData"))`,
    '',
  );
  return lines.join('\n');
}

function rFactor(df: string, x: Variable, set: ValueSet): string[] {
  const col = `${df}[[${rString(x.name)}]]`;
  const coded = set.values.filter((v) => v.code !== null);
  const empty = set.values.find((v) => v.code === null);
  const levels = rVector(coded.map((v) => rString(v.code as string)));
  const labels = coded.map((v) => rString(v.label));
  if (!set.numeric) return [`${col} <- factor(${col}, levels = ${levels}, labels = ${rVector(labels)})`];
  const target = `${df}[[${rString(`${x.name}_label`)}]]`;
  if (!empty) return [`${target} <- factor(as.character(${col}), levels = ${levels}, labels = ${rVector(labels)})`];
  return [
    `${target} <- factor(ifelse(is.na(${col}), ".empty", as.character(${col})), levels = c(${[...coded.map((v) => rString(v.code as string)), '".empty"'].join(', ')}), labels = ${rVector([...labels, rString(empty.label)])})`,
  ];
}

/** A Stata string in compound double quotes (any character but the closing `"'` sequence). */
export function stataString(text: string, max?: number): string {
  let t = text.replace(/[\r\n]+/g, ' ').replace(/"'/g, '" \'');
  if (max !== undefined && [...t].length > max) t = [...t].slice(0, max).join('');
  return `\`"${t}"'`;
}

/** `label define` of a value set: text codes numbered 1, 2, … in the set's order, the empty value `.a`; null for a set without values. */
function labelDefine(set: ValueSet): string | null {
  // A set without values (no country in the data) defines nothing; `label values` on it is allowed.
  if (set.values.length === 0) return null;
  const coded = set.values.filter((v) => v.code !== null);
  const pairs = set.numeric ? coded.map((v) => `${v.code} ${stataString(v.label)}`) : coded.map((v, i) => `${i + 1} ${stataString(v.label)}`);
  const empty = set.values.find((v) => v.code === null);
  if (empty) pairs.push(`.a ${stataString(empty.label)}`);
  return `label define ${set.id} ${pairs.join(' ')}, replace`;
}

export function stataDo(codebook: Codebook, dialect: CsvDialect): string {
  const sets = new Map(codebook.valueSets.map((s) => [s.id, s]));
  const lines = [
    '* jobvej export: reads the CSV files of this export, applies the codebook\'s labels (codebook.csv,',
    '* value_labels.csv) and saves each as <name>.dta. Text codes become numbered values with value',
    '* labels; the answer scale\'s empty value ("don\'t know") becomes .a with its label.',
    '* Usage: in the folder of the files, `do labels.do` (Stata 16 or later: import delimited with decimalseparator).',
    `* Labels: ${codebook.lang === 'da' ? 'Danish' : 'English'}.`,
    'version 16',
    'clear all',
    '',
  ];
  for (const ds of codebook.datasets) {
    const stringCols = ds.variables.flatMap((x, i) => (x.type === 'string' || x.type === 'date' ? [String(i + 1)] : []));
    lines.push(
      `import delimited using "${fileOf(ds.id)}", clear delimiters("${dialect.separator}") decimalseparator(${dialect.decimalComma ? ',' : '.'}) encoding("utf-8") varnames(1) stringcols(${stringCols.join(' ')})`,
    );
    // Value labels belong to the dataset in memory (`clear` drops them): defined after each import.
    const used = new Set(ds.variables.flatMap((x) => (x.valueSet ? [x.valueSet] : [])));
    for (const set of codebook.valueSets.filter((v) => used.has(v.id))) {
      const define = labelDefine(set);
      if (define !== null) lines.push(define);
    }
    for (const x of ds.variables) {
      const set = x.valueSet ? sets.get(x.valueSet) : undefined;
      if (x.type === 'date') {
        lines.push(`generate double _jv = date(${x.name}, "YMD")`, `drop ${x.name}`, `rename _jv ${x.name}`, `format ${x.name} %td`);
      } else if (set && !set.numeric) {
        lines.push('generate long _jv = .');
        set.values.forEach((v, i) => {
          if (v.code !== null) lines.push(`replace _jv = ${i + 1} if ${x.name} == ${stataString(v.code)}`);
        });
        lines.push(`drop ${x.name}`, `rename _jv ${x.name}`, `label values ${x.name} ${set.id}`);
      } else if (set) {
        if (set.values.some((v) => v.code === null)) lines.push(`replace ${x.name} = .a if missing(${x.name})`);
        lines.push(`label values ${x.name} ${set.id}`);
      }
      lines.push(`label variable ${x.name} ${stataString(x.label[codebook.lang], 80)}`);
    }
    lines.push(`order ${ds.variables.map((x) => x.name).join(' ')}`, `save "${ds.id}.dta", replace`, '');
  }
  return lines.join('\n');
}
