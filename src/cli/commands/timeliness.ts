// `jobvej timeliness --as-of YYYY-MM-DD [--municipality CODE] [--json]`: the deadline rules
// (docs/deadline-rules.md) for every active citizen, per municipality, as of a date.
// Row-level security stays in force: the command reads each municipality in its own withTenant
// transaction as role `system` with jobvej.municipality set to that municipality (never as the
// table owner), and writes one `timeliness.read` audit row per municipality it read citizens in.
// Output carries ids only, never names or CPR numbers (docs/timeliness.md).
import { parseArgs } from 'node:util';
import type { Database } from '../../server/platform/db/database.ts';
import { ANONYMOUS, withTenant } from '../../server/platform/db/tenant.ts';
import { writeSystemAudit } from '../../server/platform/audit/audit-writer.ts';
import { activeCases, evaluateTimeliness, loadPolicies, type PolicyStore } from '../../server/deadlines/index.ts';
import { isIsoDate, summarizeDeadlines, type CitizenDeadlineReport, type RuleState } from '../../domain/deadlines/index.ts';
import { configOrReport, openConfiguredDatabase } from '../open-configured-database.ts';
import { isTimelinessLang, ruleName, TIMELINESS_LANGS, timelinessWords, type TimelinessLang } from '../timeliness-text.ts';
import { formatNumber, formatShare } from '../../web/lib/numbers.ts';
import { formatDate } from '../../web/lib/dates.ts';

export const SYSTEM_ROLE = 'system';

/** Outcomes after which a citizen has left the programme (no longer evaluated from their date on). */

export interface TimelinessRule {
  rule_id: string;
  state: RuleState;
  due_date: string | null;
  days_left: number | null;
  days_over: number | null;
}

export interface TimelinessReport {
  as_of: string;
  policy: { id: string; effective_from: string };
  citizens: { citizen_id: string; municipality_code: string; policy_id: string; rules: TimelinessRule[] }[];
  summary: {
    municipality_code: string;
    /** The municipality's name (an addition to the first version of this document). */
    municipality_name: string;
    citizens: number;
    /** `breached`: at any time up to as_of (sticky); `overdue_now`: of those, still overdue on as_of (an addition). */
    rules: { rule_id: string; ok: number; due: number; breached: number; overdue_now: number; share_on_time: number | null }[];
    share_all_on_time: number | null;
  }[];
}

export class UsageError extends Error {}

/**
 * Evaluate every active citizen (taken over on or before `asOf`, no programme end or
 * self-sufficiency outcome on or before it) of every municipality, or of one.
 * @throws UsageError on a malformed date or an unknown municipality code.
 */
export async function timelinessReport(db: Database, asOf: string, municipality?: string, policies: PolicyStore = loadPolicies()): Promise<TimelinessReport> {
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a calendar date YYYY-MM-DD, got "${asOf}"`);
  const known = await withTenant(db, ANONYMOUS, (tx) => tx.selectFrom('municipalities').select(['code', 'name']).orderBy('code').execute());
  const nameOf = new Map(known.map((m) => [m.code, m.name]));
  let codes = known.map((m) => m.code);
  if (municipality !== undefined) {
    if (!codes.includes(municipality)) throw new UsageError(`--municipality: no municipality with code "${municipality}"`);
    codes = [municipality];
  }
  const reports: CitizenDeadlineReport[] = [];
  const read: string[] = [];
  for (const code of codes) {
    const cases = await withTenant(db, { municipalityCode: code, userId: null, role: SYSTEM_ROLE }, async (tx) => {
      const active = await activeCases(tx, asOf);
      if (active !== null) await writeSystemAudit(tx, code, 'timeliness.read', 'municipality', code, { asOf, citizens: active.length });
      return active;
    });
    if (cases === null) continue;
    read.push(code);
    reports.push(...evaluateTimeliness(cases, policies, asOf).reports);
  }
  const current = policies.forDate(asOf);
  const summaries = new Map(summarizeDeadlines(reports).map((s) => [s.municipalityCode, s]));
  // Every municipality read (or the one asked for) appears in the summary, with zeros if need be.
  const listed = municipality !== undefined ? [municipality] : read;
  return {
    as_of: asOf,
    policy: { id: current.id, effective_from: current.effectiveFrom },
    citizens: reports.map((r) => ({
      citizen_id: r.citizenId,
      municipality_code: r.municipalityCode,
      policy_id: r.policyId,
      rules: r.rules.map((rule) => ({ rule_id: rule.ruleId, state: rule.state, due_date: rule.dueDate, days_left: rule.daysLeft, days_over: rule.daysOver })),
    })),
    summary: listed.map((code) => {
      const s = summaries.get(code);
      return {
        municipality_code: code,
        municipality_name: nameOf.get(code) ?? code,
        citizens: s?.citizens ?? 0,
        rules: (s?.rules ?? []).map((r) => ({ rule_id: r.ruleId, ok: r.ok, due: r.due, breached: r.breached, overdue_now: r.overdueNow, share_on_time: r.shareOnTime })),
        share_all_on_time: s?.shareAllOnTime ?? null,
      };
    }),
  };
}

/** Pad to a width in characters as seen (combining marks and zero-width joiners take no column). */
const width = (text: string): number => [...text.normalize('NFC')].filter((ch) => !/\p{M}|\u200c|\u200d/u.test(ch)).length;
const padEnd = (text: string, n: number): string => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number): string => ' '.repeat(Math.max(0, n - width(text))) + text;

/** The human table in the chosen language (Danish by default): one block per municipality, one line per rule, with rule names. */
export function formatTable(report: TimelinessReport, lang: TimelinessLang = 'da', policyName?: string): string {
  const w = timelinessWords(lang);
  const n = (x: number) => formatNumber(x, lang);
  const lines = [w.title(formatDate(report.as_of, lang), policyName ?? null, formatDate(report.policy.effective_from, lang))];
  for (const m of report.summary) {
    lines.push('', w.municipality(`${m.municipality_name} (${m.municipality_code})`, m.citizens, formatShare(m.share_all_on_time, lang)));
    const names = m.rules.map((r) => ruleName(lang, r.rule_id));
    const first = Math.max(width(w.rule), ...names.map(width));
    const cols = [w.ok, w.due, w.breached, w.overdueNow, w.onTime];
    const cw = cols.map((c) => Math.max(8, width(c)));
    lines.push(`  ${padEnd(w.rule, first)}  ${cols.map((c, i) => padStart(c, cw[i]!)).join('  ')}`);
    m.rules.forEach((r, i) => {
      const cells = [n(r.ok), n(r.due), n(r.breached), n(r.overdue_now), formatShare(r.share_on_time, lang)];
      lines.push(`  ${padEnd(names[i]!, first)}  ${cells.map((c, j) => padStart(c, cw[j]!)).join('  ')}`);
    });
  }
  lines.push('', w.legend);
  return lines.join('\n');
}

const USAGE = `Usage: jobvej timeliness --as-of YYYY-MM-DD [--municipality CODE] [--lang ${TIMELINESS_LANGS.join('|')}] [--json]

The deadline rules (content/policies) for every active citizen as of the date, per municipality.
The table is in Danish unless --lang says otherwise; --json prints the document described in
docs/timeliness.md (ids only, no names or CPR).`;

export async function run(argv: string[]): Promise<number> {
  let values: { 'as-of'?: string; municipality?: string; lang?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'as-of': { type: 'string' }, municipality: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const asOf = values['as-of'];
  if (asOf === undefined || !isIsoDate(asOf)) {
    console.error(`--as-of must be a calendar date YYYY-MM-DD${asOf === undefined ? '' : `, got "${asOf}"`}\n\n${USAGE}`);
    return 2;
  }
  const lang = values.lang ?? 'da';
  if (!isTimelinessLang(lang)) {
    console.error(`--lang must be one of ${TIMELINESS_LANGS.join(', ')}, got "${lang}"\n\n${USAGE}`);
    return 2;
  }
  const config = configOrReport();
  if (!config) return 2;
  const db = await openConfiguredDatabase(config);
  try {
    const report = await timelinessReport(db, asOf, values.municipality);
    const name = loadPolicies().forDate(asOf).name;
    console.log(values.json ? JSON.stringify(report, null, 2) : formatTable(report, lang, name ? (name[lang] ?? name.da) : undefined));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await db.close();
  }
}
