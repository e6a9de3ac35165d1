// Pseudonymised exports with codebooks (decision 033) on both databases, on a small hand-made data
// set: the CSV and XLSX exports read back (csv-parse, exceljs) with the codebook's labels; the R
// script run by Rscript on a CSV export (semicolon, decimal comma) gives the labelled factors; the
// Stata do-file defines and applies a value label for every coded variable; `jobvej fip-validity`
// reads the answers export as it is; pseudonyms are stable per municipality and key and no name,
// CPR number or internal id is in any byte; a bad selection is a 400 naming the field and writes
// nothing; only managers and evaluators of the municipality reach it; every export is audited.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { databases } from '../../src/server/platform/db/testing.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';
import { createCprVault } from '../../src/server/platform/crypto/cpr-vault.ts';
import { createPseudonymizer, exportKeyFromCprKey } from '../../src/server/platform/crypto/pseudonym.ts';
import { createFixture, createUser, expectFieldError, login, type Fixture, type Login } from '../support/app-fixture.ts';
import { exportToDir } from '../../src/cli/commands/export.ts';
import { DATASET_VARIABLES } from '../../src/domain/exports/codebook.ts';

const TODAY = '2026-01-15';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const CITIZEN_ITEMS = Array.from({ length: 11 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const WORKER_ITEMS = Array.from({ length: 11 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`);

interface Person { id: string; cpr: string; name: string; municipality: string }

/** 12 citizens in 607 (round 1 in 2025, every item, a few "don't know"; half employed within 6 months, some offers) and 2 in 727. */
async function seed(f: Fixture): Promise<Person[]> {
  const vault = createCprVault(f.cprKey);
  const people: Person[] = [];
  const countries = ['SY', 'ER', 'AF', 'SO'];
  for (let i = 0; i < 14; i++) {
    const municipality = i < 12 ? '607' : '727';
    const cpr = `0101${String(80 + (i % 10)).padStart(2, '0')}-${String(4100 + i)}`;
    const name = `Testborger Æblegård ${i}`;
    await withTenant(f.test.db, { municipalityCode: municipality, userId: null, role: 'test' }, async (tx) => {
      const { id } = await tx.insertInto('citizens').values({
        municipality_code: municipality, name, cpr_encrypted: vault.encrypt(cpr), cpr_hash: vault.hash(cpr), gender: i % 2 === 0 ? 'F' : 'M',
        birth_date: `19${80 + (i % 10)}-01-01`, origin_country: countries[i % 4] as string, arrival_date: '2024-11-01', takeover_date: '2025-01-10',
        language: 'ar', target_group: i % 3 === 0 ? 'selected' : 'broad',
      }).returning('id').executeTakeFirstOrThrow();
      people.push({ id, cpr, name, municipality });
      const r1 = await tx.insertInto('fip_rounds').values({ citizen_id: id, municipality_code: municipality, round_no: 1, started_on: `2025-0${1 + (i % 5)}-15`, instrument_version: 'fip-v1' }).returning('id').executeTakeFirstOrThrow();
      const employed = i % 2 === 0;
      const answers = [...CITIZEN_ITEMS.map((item) => ['citizen', item] as const), ...WORKER_ITEMS.map((item) => ['caseworker', item] as const)].map(([respondent, item], k) => ({
        round_id: r1.id, municipality_code: municipality, respondent, item_id: item,
        value: (i + k) % 9 === 0 ? null : 1 + ((i * 3 + k + (employed ? 2 : 0)) % 7),
      }));
      await tx.insertInto('fip_answers').values(answers).execute();
      if (i === 0) {
        const r2 = await tx.insertInto('fip_rounds').values({ citizen_id: id, municipality_code: municipality, round_no: 2, started_on: '2025-08-01', instrument_version: 'fip-v1' }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('fip_answers').values({ round_id: r2.id, municipality_code: municipality, respondent: 'citizen', item_id: 'c01', value: 6 }).execute();
      }
      if (employed) {
        await tx.insertInto('outcomes').values({ citizen_id: id, municipality_code: municipality, kind: 'employment', date: `2025-0${3 + (i % 5)}-20`, sector: 'private', db07: '47.11', hours: 37.5, company_name: 'Købmand Hansen ApS', source: 'test' }).execute();
      }
      await tx.insertInto('offers').values({ citizen_id: id, municipality_code: municipality, kind: i % 2 === 0 ? 'praktik_private' : 'danish_education', company_name: 'Købmand Hansen ApS', start_date: '2025-02-01', planned_end: '2025-04-30', hours_per_week: 15.5, status: 'completed' }).execute();
    });
  }
  return people;
}

describe.each(databases)('exports on %s', (kind) => {
  let f: Fixture;
  let people: Person[];
  let manager: Login;
  let evaluator: Login;
  let dir: string;
  const get = (l: Login, qs: string) => f.app.inject({ method: 'GET', url: `/api/exports/file?${qs}`, headers: { cookie: l.headers.cookie ?? '' } });
  const text = async (l: Login, qs: string) => {
    const res = await get(l, qs);
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };
  const auditRows = () => f.test.db.kysely.selectFrom('audit_log').select(['action', 'municipality_code', 'detail', 'actor_role']).where('action', '=', 'export.create').orderBy('id').execute();

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    people = await seed(f);
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'evaluator@607', 'evaluator', '607');
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'manager@727', 'manager', '727');
    await createUser(f, 'national', 'national_admin', null);
    manager = await login(f, 'manager@607');
    evaluator = await login(f, 'evaluator@607');
    dir = mkdtempSync(join(tmpdir(), 'jv-export-'));
  }, 120_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await f.close();
  });

  it('a CSV export reads back with csv-parse in FORMATS.md columns, and its codebook labels every coded value', async () => {
    const csv = async (file: string, qs = 'what=all') => parse(await text(manager, `${qs}&file=${file}`), { bom: true, columns: true }) as Record<string, string>[];
    const answers = await csv('answers.csv');
    expect(Object.keys(answers[0] ?? {})).toEqual(['person_id', 'gender', 'round', 'respondent', 'item_id', 'value', 'answered_on']);
    expect(answers.length).toBe(12 * 22 + 1);
    expect(answers.some((a) => a.value === '')).toBe(true);
    const raw = (await text(manager, 'what=all&file=citizens.csv')).toString('utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const variables = await csv('codebook.csv');
    const values = await csv('value_labels.csv');
    const labelOf = (set: string, code: string) => values.find((v) => v.value_labels === set && v.value === code)?.label;
    // Every coded variable's values in the data have a label in its value set.
    for (const file of ['citizens', 'answers', 'offers', 'outcome_register', 'outcomes']) {
      const rows = await csv(`${file}.csv`);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const v of variables.filter((x) => x.dataset === file && x.value_labels !== '')) {
        for (const row of rows) {
          const code = row[v.variable as string] as string;
          if (code === '' && v.value_labels !== 'answer_value') continue;
          expect(labelOf(v.value_labels as string, code), `${file}.${v.variable}=${code}`).toBeTruthy();
        }
      }
    }
    expect(labelOf('gender', 'F')).toBe('Kvinde');
    expect(labelOf('answer_value', '')).toBe('Ved ikke');
    expect(labelOf('offer_kind', 'praktik_private')).toBe('Virksomhedspraktik, privat');
    expect(labelOf('country', 'SY')).toBe('Syrien');
    expect(labelOf('item', 'c01')).toMatch(/^c01: \S/);
    expect(variables.find((v) => v.variable === 'employed_6m')?.label).toMatch(/6 måneder/);
    // English labels on request.
    const en = parse(await text(manager, 'what=citizens&labels=en&file=value_labels.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(en.find((v) => v.value_labels === 'gender' && v.value === 'F')?.label).toBe('Woman');
    expect(en.find((v) => v.value_labels === 'country' && v.value === 'SY')?.label).toBe('Syria');
  });

  it('an XLSX export reads back with exceljs: a sheet per dataset and the codebook sheets, coded values with their labels', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await text(evaluator, 'what=all&format=xlsx&labels=en')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['citizens', 'answers', 'outcomes', 'offers', 'outcome_register', 'codebook', 'value_labels']);
    const sheet = (name: string) => {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(name);
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const labels = new Map(sheet('value_labels').slice(1).map((r) => [`${String(r[0])}=${r[1] === undefined || r[1] === null ? '' : String(r[1])}`, String(r[2])]));
    const offers = sheet('offers');
    expect(offers[0]).toEqual(DATASET_VARIABLES.offers.map((v) => v.name));
    expect(offers.length).toBe(13);
    const kinds = new Set(offers.slice(1).map((r) => labels.get(`offer_kind=${String(r[1])}`)));
    expect(kinds).toEqual(new Set(['Company placement, private', 'Danish education']));
    expect(offers[1]?.[7]).toBe(15.5);
    expect(offers[1]?.[4]).toBeInstanceOf(Date);
    const citizens = sheet('citizens');
    expect(new Set(citizens.slice(1).map((r) => labels.get(`gender=${String(r[2])}`)))).toEqual(new Set(['Woman', 'Man']));
    expect(labels.get('answer_value=')).toBe("Don't know");
    expect(sheet('codebook').slice(1).some((r) => r[1] === 'origin_country' && r[4] === 'country')).toBe(true);
    // Nothing personal in any cell of any sheet.
    const cells = wb.worksheets.flatMap((ws) => { const out: string[] = []; ws.eachRow((r) => (r.values as unknown[]).forEach((v) => out.push(String(v)))); return out; }).join('\n');
    for (const p of people) for (const secret of [p.cpr, p.cpr.replace('-', ''), p.name, p.id]) expect(cells).not.toContain(secret);
    expect(cells).not.toContain('Købmand');
  });

  it('the R script reads a semicolon/decimal-comma CSV export with Rscript and gives the labelled factors', async () => {
    const rdir = join(dir, 'r');
    mkdirSync(rdir);
    for (const file of ['citizens.csv', 'answers.csv', 'outcomes.csv', 'offers.csv', 'outcome_register.csv', 'labels.R']) {
      const body = await text(manager, `what=all&sep=semicolon&file=${file}`);
      if (file === 'citizens.csv') expect(body.toString('utf8').split('\r\n')[0]).toBe('\ufeffperson_id;municipality_code;gender;birth_year;origin_country;arrival_date;takeover_date;language;target_group');
      writeFileSync(join(rdir, file), body);
    }
    const check = [
      'source("labels.R")',
      'stopifnot(is.factor(citizens$gender), identical(levels(citizens$gender), c("Kvinde", "Mand")))',
      'stopifnot(all(as.character(citizens$gender) %in% c("Kvinde", "Mand")), !anyNA(citizens$gender))',
      'stopifnot(identical(attr(citizens$gender, "label"), "K\\u00f8n"))',
      'stopifnot(inherits(citizens$arrival_date, "Date"))',
      'stopifnot(is.numeric(offers$hours_per_week), all(offers$hours_per_week == 15.5))',
      'stopifnot(setequal(unique(as.character(offers$kind)), c("Virksomhedspraktik, privat", "Danskuddannelse")))',
      'stopifnot(is.numeric(answers$value), any(is.na(answers$value)))',
      'stopifnot(all(as.character(answers$value_label[is.na(answers$value)]) == "Ved ikke"))',
      'stopifnot(!anyNA(answers$value_label), !anyNA(answers$item_id), !anyNA(citizens$origin_country))',
      'stopifnot(identical(as.character(citizens$origin_country[citizens$origin_country == "Syrien"][1]), "Syrien"))',
      'stopifnot(is.factor(outcome_register$db07_section), all(as.character(outcome_register$db07_section) == "G: Engroshandel og detailhandel; reparation af motork\\u00f8ret\\u00f8jer og motorcykler"))',
      'stopifnot(is.numeric(outcome_register$hours), all(outcome_register$hours == 37.5), identical(as.character(outcome_register$db07[1]), "47.11"))',
      'stopifnot(identical(levels(outcomes$employed_6m_label), c("Nej", "Ja")), sum(outcomes$employed_6m) == 6)',
      'cat(nrow(citizens), nrow(answers), levels(offers$status), sep = "|")',
    ];
    writeFileSync(join(rdir, 'check.R'), `${check.join('\n')}\n`);
    const { stdout } = await run('Rscript', ['check.R'], { cwd: rdir, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
    expect(stdout).toBe('12|265|Planlagt|I gang|Afsluttet|Aflyst');
    // Run as a script on the folder, it saves the labelled data frames.
    await run('Rscript', [join(rdir, 'labels.R'), rdir], { cwd: dir, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
    const saved = await run('Rscript', ['-e', `load("${join(rdir, 'export.RData')}"); cat(levels(offers$status), attr(answers$value_label, "label"), sep = "|")`], { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
    expect(saved.stdout).toBe('Planlagt|I gang|Afsluttet|Aflyst|Svar (1-7; tom = ved ikke)');
  }, 60_000);

  it('the Stata do-file defines and applies a value label for every coded variable and labels every variable', async () => {
    const doFile = (await text(manager, 'what=all&file=labels.do')).toString('utf8');
    // Each dataset's block (its import up to its save): value labels belong to the data in memory, so each block defines its own.
    const blocks = new Map(doFile.split(/^(?=import delimited)/m).slice(1).map((b) => [/using "([a-z_]+)\.csv"/.exec(b)?.[1], b]));
    for (const [dataset, variables] of Object.entries(DATASET_VARIABLES)) {
      const block = blocks.get(dataset) ?? '';
      expect(block, dataset).toContain(`save "${dataset}.dta", replace`);
      for (const v of variables) {
        expect(block, `${dataset}.${v.name}`).toMatch(new RegExp(`^label variable ${v.name} \`"`, 'm'));
        if (v.valueSet) {
          expect(block, `${dataset}: ${v.valueSet}`).toMatch(new RegExp(`^label define ${v.valueSet} .+, replace$`, 'm'));
          expect(block, `${dataset}.${v.name}`).toMatch(new RegExp(`^label values ${v.name} ${v.valueSet}$`, 'm'));
        }
      }
    }
    expect(doFile).toMatch(/^label define answer_value 1 `"1 \(.+\)"' 2 `"2"' .* \.a `"Ved ikke"', replace$/m);
    expect(doFile).toContain('replace value = .a if missing(value)');
    expect(doFile).toContain('replace _jv = 1 if gender == `"F"\'');
  });

  it('`jobvej export` writes the answers export that `jobvej fip-validity` reads as it is, and audits it', async () => {
    const out = join(dir, 'cli');
    const before = (await auditRows()).length;
    const result = await exportToDir(f.test.db, { what: 'answers', format: 'csv', sep: 'comma', labels: 'da', targetGroup: 'all', municipalityCode: '607', out, exportKey: exportKeyFromCprKey(f.cprKey), today: TODAY });
    expect(result.files).toEqual(['answers.csv', 'outcomes.csv', 'codebook.csv', 'value_labels.csv', 'labels.do', 'labels.R']);
    expect(result.rows).toEqual({ answers: 265, outcomes: 12 });
    const audit = await auditRows();
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)).toMatchObject({ municipality_code: '607', actor_role: 'system', detail: { what: 'answers', to: TODAY, targetGroup: 'all', via: 'cli' } });
    await run(join(ROOT, 'bin/jobvej'), ['fip-validity', '--answers', join(out, 'answers.csv'), '--outcomes', join(out, 'outcomes.csv'), '--out', join(out, 'v.json'), '--quiet'], { cwd: ROOT });
    const v = JSON.parse(readFileSync(join(out, 'v.json'), 'utf8')) as { items: { item_id: string; n: number }[] };
    expect(v.items.length).toBe(22);
    expect(v.items.find((i) => i.item_id === 'c01')?.n).toBeGreaterThan(8);
    // The page's export (same key) gives every citizen the same pseudonym as the command's.
    const page = parse(await text(manager, 'what=answers&file=outcomes.csv'), { bom: true, columns: true }) as Record<string, string>[];
    const cli = parse(readFileSync(join(out, 'outcomes.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(page).toEqual(cli);
  }, 60_000);

  it('pseudonyms are stable per municipality and key, and no name, CPR number or internal id is in any file', async () => {
    const pseudonym = createPseudonymizer(exportKeyFromCprKey(f.cprKey));
    const p0 = people[0] as Person;
    expect(pseudonym('607', p0.id)).toBe(pseudonym('607', p0.id));
    expect(pseudonym('727', p0.id)).not.toBe(pseudonym('607', p0.id));
    expect(createPseudonymizer(randomBytes(32))('607', p0.id)).not.toBe(pseudonym('607', p0.id));
    const citizens = parse(await text(manager, 'what=citizens&file=citizens.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(citizens.map((c) => c.person_id))).toEqual(new Set(people.filter((p) => p.municipality === '607').map((p) => pseudonym('607', p.id))));
    const all: string[] = [];
    for (const file of ['citizens.csv', 'answers.csv', 'outcomes.csv', 'offers.csv', 'outcome_register.csv', 'codebook.csv', 'value_labels.csv', 'labels.do', 'labels.R']) {
      for (const sep of ['comma', 'semicolon']) all.push((await text(manager, `what=all&sep=${sep}&file=${file}`)).toString('utf8'));
    }
    const bytes = all.join('\n');
    for (const p of people) for (const secret of [p.cpr, p.cpr.replace('-', ''), p.name, p.id]) expect(bytes).not.toContain(secret);
    expect(bytes).not.toContain('Købmand');
    // 727's manager exports 727's two citizens, under pseudonyms of 727.
    const other = parse(await text(await login(f, 'manager@727'), 'what=citizens&file=citizens.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(other.map((c) => c.person_id).sort()).toEqual(people.filter((p) => p.municipality === '727').map((p) => pseudonym('727', p.id)).sort());
  }, 60_000);

  it('a bad selection is a 400 naming the field and writes nothing', async () => {
    const before = (await auditRows()).length;
    expectFieldError(await get(manager, 'what=everything'), 'what', 'what');
    expectFieldError(await get(manager, 'what=answers&file=citizens.csv'), 'file', 'file');
    expectFieldError(await get(manager, 'what=all&format=pdf'), 'format', 'format');
    expectFieldError(await get(manager, 'what=all&sep=tab'), 'sep', 'sep');
    expectFieldError(await get(manager, 'what=all&labels=ar'), 'labels', 'labels');
    expectFieldError(await get(manager, 'what=all&from=2025-13-01'), 'from', 'from');
    expectFieldError(await get(manager, 'what=all&from=2025-06-01&to=2025-01-01'), 'to', 'to');
    expectFieldError(await get(manager, 'what=all&targetGroup=x'), 'targetGroup', 'targetGroup');
    expectFieldError(await get(manager, 'what=all&municipality=727'), 'municipality', 'unknown parameter');
    expect((await auditRows()).length).toBe(before);
    // No parameter at all: the whole export's first file.
    const bare = await get(manager, '');
    expect(bare.statusCode).toBe(200);
    expect(bare.headers['content-disposition']).toMatch(/-all-\d{4}-\d{2}-\d{2}-citizens\.csv"$/);
  });

  it('only managers and evaluators of a municipality reach it (not caseworkers, not the national role); each download is audited with its selection', async () => {
    for (const user of ['caseworker@607', 'national']) expect((await get(await login(f, user), 'what=all')).statusCode, user).toBe(403);
    const before = (await auditRows()).length;
    const res = await get(evaluator, 'what=offers&from=2025-01-01&to=2025-12-31&targetGroup=broad&file=offers.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="jobvej-607-offers-2025-12-31-offers.csv"');
    const rows = parse(res.rawPayload, { bom: true, columns: true }) as unknown[];
    expect(rows.length).toBe(8);
    const audit = await auditRows();
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)).toMatchObject({ municipality_code: '607', actor_role: 'evaluator', detail: { what: 'offers', from: '2025-01-01', to: '2025-12-31', targetGroup: 'broad', format: 'csv', file: 'offers.csv', rows: { offers: 8 } } });
  });
});
