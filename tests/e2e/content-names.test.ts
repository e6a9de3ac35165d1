// Content names in the UI language (issue 15): on the citizen page (timeline list, deadline
// banner) and the package page in Arabic and Tigrinya, the package, module, industry and policy
// names are shown in that language, never a template, module or policy id, and not the Danish
// name either; the Tigrinya timeline axis has Tigrinya months. Zero axe violations.
// CONTENT_SHOTS=dir saves screenshots of both pages there.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { suiteHarness, login, loadingEnded, axeViolations as violations } from './harness.ts';

const suite = suiteHarness();
const shot = async (page: Page, name: string) => {
  if (process.env.CONTENT_SHOTS) await page.screenshot({ path: `${process.env.CONTENT_SHOTS}/${name}.png`, fullPage: true });
};

interface Name { da: string; en: string; ar: string; ti: string }
const contentDir = new URL('../../content/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, contentDir), 'utf8'));
const templates = readdirSync(new URL('packages/', contentDir)).filter((f) => f.startsWith('vejle-')).map((f) => read(`packages/${f}`) as {
  id: string; title: Name; industry: { name: Name }; modules: Array<{ id: string; title: Name }>;
});
const policy = read('policies/2016-agreement.json') as { id: string; name: Name };

/** Ids that must never be read on a page: template ids, module ids, policy ids. */
const RAW_IDS = [...new Set([...templates.map((t) => t.id), ...templates.flatMap((t) => t.modules.map((m) => m.id)), policy.id])];
/** The Danish names, which an Arabic or Tigrinya page shows no longer. */
const DANISH = [...new Set(templates.flatMap((t) => [t.title.da, ...t.modules.map((m) => m.title.da)]).concat(policy.name.da))];

/** The page's visible text plus the chart's SVG text (word-bounded checks on ids). */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.body.innerText}\n${[...document.querySelectorAll('svg text')].map((t) => t.textContent ?? '').join('\n')}`);
}

function rawIdsIn(text: string): string[] {
  return RAW_IDS.filter((id) => new RegExp(`(^|[^\\p{L}\\p{N}-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}-])`, 'u').test(text));
}

describe.each(['ar', 'ti'] as const)('content names in %s', (lang) => {
  it('citizen page and package page show package, module and policy names in the language, no ids', async () => {
    const page = await suite.page({ lang, width: 1280, height: 900 });
    await login(page);
    const { packages } = (await page.evaluate(async () => (await fetch('/api/packages')).json())) as { packages: Array<{ id: string }> };
    // A package with enrolments, and one of its citizens.
    let found: { packageId: string; citizenId: string } | null = null;
    for (const p of packages) {
      const detail = (await page.evaluate(async (u) => (await fetch(u)).json(), `/api/packages/${p.id}`)) as { enrolments: Array<{ citizenId: string; status: string }> };
      const e = detail.enrolments.find((x) => x.status === 'active') ?? detail.enrolments[0];
      if (e) {
        found = { packageId: p.id, citizenId: e.citizenId };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { packageId, citizenId } = found as { packageId: string; citizenId: string };

    // The package page.
    await page.goto(`/#/packages/${packageId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await loadingEnded(page);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(templates.map((t) => t.title[lang])).toContain(heading.trim());
    let text = await pageText(page);
    expect(rawIdsIn(text)).toEqual([]);
    expect(DANISH.filter((d) => text.includes(d))).toEqual([]);
    const template = templates.find((t) => t.title[lang] === heading.trim());
    for (const m of template?.modules ?? []) expect(text).toContain(m.title[lang]);
    expect(text).toContain(template?.industry.name[lang]);
    expect(await violations(page)).toEqual([]);
    await shot(page, `package-${lang}-1280`);

    // The citizen page: the timeline (chart and its list) and the deadline banner's policy line.
    await page.goto(`/#/citizens/${citizenId}`);
    await page.getByTestId('deadline-policy').waitFor();
    await page.getByTestId('timeline-chart').locator('svg').waitFor();
    await loadingEnded(page);
    expect(await page.getByTestId('deadline-policy').textContent()).toContain(policy.name[lang]);
    text = await pageText(page);
    expect(rawIdsIn(text)).toEqual([]);
    expect(DANISH.filter((d) => text.includes(d))).toEqual([]);
    const listText = await page.getByTestId('timeline-list').evaluate((el) => el.textContent ?? '');
    expect(template?.modules.some((m) => listText.includes(m.title[lang]))).toBe(true);
    expect(listText).toContain(template?.title[lang]);
    if (lang === 'ti') {
      // The axis: Tigrinya month names (Ethiopic script) or years, never Danish ones.
      const axis = await page.getByTestId('timeline-chart').evaluate((el) => [...el.querySelectorAll('svg text')].map((t) => t.textContent ?? ''));
      const months = axis.filter((s) => /[\u1200-\u137F]/.test(s));
      expect(months.length).toBeGreaterThan(0);
      expect(axis.filter((s) => /\b(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\b/i.test(s))).toEqual([]);
    }
    expect(await violations(page)).toEqual([]);
    await shot(page, `citizen-${lang}-1280`);
  });
});
