// Small inline-SVG charts for the HTML report (no scripts, no external files).
import { EVALUATION_METHODS } from '../../domain/evaluation-methods.ts';
import { methodColour } from '../estimators/registry.ts';
import type { BalanceRow, PeriodRow } from './model.ts';

// The love plot's marks: before adjustment in the naive colour, after PSM and after IPW in theirs.
const BEFORE = EVALUATION_METHODS.naive.colour;
const AFTER_PSM = EVALUATION_METHODS.psm.colour;
const AFTER_IPW = EVALUATION_METHODS.ipw.colour;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number): string => x.toFixed(1);
/** An output number that may be null (not computed) or absent (an older result) as NaN, which the charts leave out. */
const num = (x: number | null | undefined): number => x ?? Number.NaN;

/** Line chart of the effect on employment by 4-week period, one line and CI band per method. */
export function periodChart(rows: PeriodRow[], title: string): string {
  const W = 640;
  const H = 300;
  const m = { l: 56, r: 110, t: 28, b: 40 };
  const methods = [...new Set(rows.map((r) => r.method))];
  const periods = Math.max(13, ...rows.map((r) => r.period));
  const lo = Math.min(0, ...rows.map((r) => num(r.ci_low)).filter(Number.isFinite));
  const hi = Math.max(0, ...rows.map((r) => num(r.ci_high)).filter(Number.isFinite));
  const pad = (hi - lo) * 0.05 || 0.01;
  const y0 = lo - pad;
  const y1 = hi + pad;
  const x = (p: number): number => m.l + ((p - 1) / (periods - 1)) * (W - m.l - m.r);
  const y = (v: number): number => m.t + (1 - (v - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(`<text x="${m.l}" y="16" class="title">${esc(title)}</text>`);
  // Axes and grid.
  const ticks = 5;
  for (let k = 0; k <= ticks; k++) {
    const v = y0 + ((y1 - y0) * k) / ticks;
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f(y(v))}" y2="${f(y(v))}" class="grid"/><text x="${m.l - 6}" y="${f(y(v) + 4)}" text-anchor="end">${(v * 100).toFixed(1)}</text>`);
  }
  parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f(y(0))}" y2="${f(y(0))}" class="zero"/>`);
  for (let p = 1; p <= periods; p++) parts.push(`<text x="${f(x(p))}" y="${H - m.b + 16}" text-anchor="middle">${p}</text>`);
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle">4-week period since start</text>`);
  parts.push(`<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">effect (percentage points)</text>`);
  methods.forEach((method, k) => {
    const rs = rows.filter((r) => r.method === method && Number.isFinite(num(r.att))).sort((a, b) => a.period - b.period);
    if (rs.length === 0) return;
    const c = methodColour(method);
    const upper = rs.map((r) => `${f(x(r.period))},${f(y(num(r.ci_high)))}`);
    const lower = rs.map((r) => `${f(x(r.period))},${f(y(num(r.ci_low)))}`).reverse();
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${c}" fill-opacity="0.15" stroke="none"/>`);
    parts.push(`<polyline points="${rs.map((r) => `${f(x(r.period))},${f(y(num(r.att)))}`).join(' ')}" fill="none" stroke="${c}" stroke-width="2"/>`);
    parts.push(`<line x1="${W - m.r + 12}" x2="${W - m.r + 32}" y1="${m.t + 10 + 18 * k}" y2="${m.t + 10 + 18 * k}" stroke="${c}" stroke-width="3"/><text x="${W - m.r + 38}" y="${m.t + 14 + 18 * k}">${esc(method)}</text>`);
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

/** Love plot: absolute standardised mean differences before and after adjustment. */
export function lovePlot(rows: BalanceRow[], subgroup = 'all'): string {
  const W = 640;
  const rowH = 18;
  const m = { l: 190, r: 110, t: 28, b: 36 };
  const H = m.t + m.b + rowH * rows.length;
  const vals = rows.flatMap((r) => [num(r.smd_before), num(r.smd_after), num(r.smd_after_ipw)]).filter(Number.isFinite).map(Math.abs);
  const xmax = Math.max(0.25, ...vals) * 1.05;
  const x = (v: number): number => m.l + (Math.abs(v) / xmax) * (W - m.l - m.r);
  const title = `Covariate balance (|standardised mean difference|)${subgroup === 'all' ? '' : ` — ${esc(subgroup)}`}`;
  const parts: string[] = [`<text x="${m.l}" y="16" class="title">${title}</text>`];
  for (const t of [0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2]) {
    if (t > xmax) break;
    parts.push(`<line x1="${f(x(t))}" x2="${f(x(t))}" y1="${m.t}" y2="${H - m.b}" class="${t === 0.1 ? 'zero' : 'grid'}"/><text x="${f(x(t))}" y="${H - m.b + 14}" text-anchor="middle">${t}</text>`);
  }
  rows.forEach((r, i) => {
    const cy = m.t + rowH * i + rowH / 2;
    parts.push(`<text x="${m.l - 8}" y="${f(cy + 4)}" text-anchor="end">${esc(r.covariate)}</text>`);
    if (Number.isFinite(num(r.smd_before))) parts.push(`<circle cx="${f(x(num(r.smd_before)))}" cy="${f(cy)}" r="4" fill="none" stroke="${BEFORE}" stroke-width="1.5"/>`);
    if (Number.isFinite(num(r.smd_after))) parts.push(`<circle cx="${f(x(num(r.smd_after)))}" cy="${f(cy)}" r="4" fill="${AFTER_PSM}"/>`);
    if (Number.isFinite(num(r.smd_after_ipw))) parts.push(`<rect x="${f(x(num(r.smd_after_ipw)) - 3.5)}" y="${f(cy - 3.5)}" width="7" height="7" fill="${AFTER_IPW}"/>`);
  });
  const legend: [string, string][] = [['before', `<circle cx="0" cy="0" r="4" fill="none" stroke="${BEFORE}" stroke-width="1.5"/>`], ['after PSM', `<circle cx="0" cy="0" r="4" fill="${AFTER_PSM}"/>`], ['after IPW', `<rect x="-3.5" y="-3.5" width="7" height="7" fill="${AFTER_IPW}"/>`]];
  legend.forEach(([label, mark], k) => parts.push(`<g transform="translate(${W - m.r + 16} ${m.t + 10 + 18 * k})">${mark}<text x="10" y="4">${label}</text></g>`));
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle">|SMD| (dashed line: 0.1)</text>`);
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Love plot">${parts.join('')}</svg>`;
}
