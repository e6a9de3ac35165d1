// Self-contained HTML report of an evaluation: results table, employment by 4-week period with
// CI bands per method (inline SVG), love plot, warnings. No scripts, no external resources.
import type { EvaluationOutput, ResultRow, SensitivityRow } from './model.ts';
import { methodColour } from '../estimators/registry.ts';
import { lovePlot, periodChart } from './svg.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** An output number that may be null (not computed) as NaN, which the formatters show as '–'. */
const num = (x: number | null | undefined): number => x ?? Number.NaN;
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const pp = (x: number): string => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}` : '–');
const pval = (p: number): string => (!Number.isFinite(p) ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3));

function resultsTable(rows: ResultRow[]): string {
  const head = '<tr><th>outcome</th><th>subgroup</th><th>method</th><th>participants</th><th>controls</th><th>participants’ level</th><th>counterfactual level</th><th>effect (pp)</th><th>95 % CI (pp)</th><th>relative effect</th><th>p</th></tr>';
  const body = rows
    .map((r) => {
      const sig = num(r.ci_low) > 0 || num(r.ci_high) < 0 ? ' class="sig"' : '';
      const rel = r.relative_effect === null || !Number.isFinite(r.relative_effect) ? '–' : `${r.relative_effect >= 0 ? '+' : '−'}${Math.abs(r.relative_effect * 100).toFixed(0)} %`;
      return `<tr${sig}><td>${esc(r.outcome)}</td><td>${esc(r.subgroup)}</td><td><span class="dot" style="background:${methodColour(r.method)}"></span>${esc(r.method)}</td><td>${r.n_treated}</td><td>${r.n_control}</td><td>${pct(num(r.treated_mean))}</td><td>${pct(num(r.control_mean))}</td><td>${pp(num(r.att))}</td><td>${pp(num(r.ci_low))} to ${pp(num(r.ci_high))}</td><td>${rel}</td><td>${pval(num(r.p_value))}</td></tr>`;
    })
    .join('');
  return `<table>${head}${body}</table>`;
}

const times = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));

/** E-values and Rosenbaum's Γ of the adjusted estimates (decision 030). */
function sensitivityTable(rows: readonly SensitivityRow[]): string {
  const head = '<tr><th>outcome</th><th>subgroup</th><th>method</th><th>E-value</th><th>E-value of the CI limit nearest 0</th><th>Rosenbaum Γ</th></tr>';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.outcome)}</td><td>${esc(r.subgroup)}</td><td><span class="dot" style="background:${methodColour(r.method)}"></span>${esc(r.method)}</td><td>${times(r.e_value)}</td><td>${times(r.e_value_ci)}</td><td>${r.rosenbaum_gamma === undefined ? '' : r.rosenbaum_gamma === null ? 'not significant' : times(r.rosenbaum_gamma)}</td></tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

function sensitivitySection(out: EvaluationOutput): string {
  const rows = out.sensitivity ?? [];
  if (rows.length === 0) return '';
  return `<h2>Sensitivity to hidden bias</h2>
<p>How strong an unmeasured confounder would have to be to explain the effect away. E-value (VanderWeele &amp; Ding): the risk ratio a confounder would need with both participation and the outcome, beyond the covariates, to move the estimate to no effect (its CI column: to make the effect no longer significant; 1 when it is not); the effect is put on the ratio scale as the participants' level over their counterfactual level. Rosenbaum Γ (PSM): how many times the odds of participating may differ between a matched participant and control for the matched pairs' signed-rank test to stop being significant at 5 %.</p>
${sensitivityTable(rows.filter((r) => r.outcome === 'employment'))}
<details><summary>All outcomes</summary>
${sensitivityTable(rows)}
</details>`;
}

export function renderHtml(out: EvaluationOutput): string {
  const subgroups = [...new Set(out.by_period.map((r) => r.subgroup))];
  const charts = subgroups
    .map((g) => periodChart(out.by_period.filter((r) => r.subgroup === g && r.outcome === 'employment'), `Employment, effect by 4-week period — ${g}`))
    .join('\n');
  const warnings = out.warnings.length > 0 ? `<ul class="warn">${out.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '<p>None.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>jobvej impact evaluation</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d1d1d}
h1{font-size:1.5rem}h3{font-size:1rem}summary{cursor:pointer;margin:1rem 0;font-weight:600}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:right;white-space:nowrap}th{white-space:normal}th{background:#f4f4f4}
td:nth-child(-n+3),th:nth-child(-n+3){text-align:left}
tr.sig td:nth-child(8){font-weight:600}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.35em}
.warn li{color:#8a4b00;margin:.2rem 0}
svg{font-size:11px;max-width:100%;height:auto;display:block;margin:1rem 0}
svg .title{font-size:13px;font-weight:600}svg .grid{stroke:#e5e5e5}svg .zero{stroke:#999;stroke-dasharray:4 3}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{color:#555}
@media print{body{margin:0}}
</style></head><body>
<h1>Impact evaluation</h1>
<dl>
<dt>persons</dt><dd>${out.input.persons} (${out.input.participants} participants, control pool ${out.input.control_pool})</dd>
<dt>person-weeks read</dt><dd>${out.input.person_weeks}</dd>
<dt>design</dt><dd>stacked ${out.design.cohort}ly cohorts (${esc((out.design.cohorts ?? []).join(', '))}); outcome window ${out.design.window_weeks} weeks from the start; ${out.design.units?.participants} participants and ${out.design.units?.control_rows} control rows</dd>
<dt>covariates</dt><dd>${esc(out.design.covariates.join(', '))}</dd>
<dt>methods</dt><dd>${esc((out.design.methods ?? []).join(', '))} — PSM: 1:1 nearest neighbour on the logit score, caliper ${out.design.caliper_sd} SD, exact on cohort, with replacement; IPW: ATT odds weights; AIPW: doubly robust (odds weights and a linear outcome model fitted on the controls); standard errors clustered on the person (naive, IPW, DiD: a control person is a unit in several cohorts) or on the matched set (PSM), for AIPW from its influence function summed per person</dd>
<dt>jobvej</dt><dd>${esc(out.jobvej_version)}</dd>
</dl>
<h2>Warnings</h2>${warnings}
<h2>Results</h2>
<p>Shares of the ${out.design.window_weeks} weeks from the start. The effect is the average effect on the participants (ATT) in percentage points; the relative effect is the effect divided by the counterfactual level. Bold: the 95 % confidence interval excludes 0.</p>
<h3>Employment (share of weeks in employment incl. IGU)</h3>
${resultsTable(out.results.filter((r) => r.outcome === 'employment'))}
<details><summary>All outcomes</summary>
${resultsTable(out.results)}
</details>
${sensitivitySection(out)}
<h2>Employment since the start</h2>
<p>Effect on the employment rate in each 4-week period after the start, with 95 % confidence bands.</p>
${charts}
<h2>Balance</h2>
${out.balance.length > 0 ? lovePlot(out.balance) : '<p>No balance table (no score model was fitted).</p>'}
${Object.entries(out.balance_by_subgroup ?? {})
  .filter(([, rows]) => rows.length > 0)
  .map(([g, rows]) => lovePlot(rows, g))
  .join('\n')}
</body></html>
`;
}
