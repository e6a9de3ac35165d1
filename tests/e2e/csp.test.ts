// The web app under its real Content-Security-Policy (src/server/platform/http/security-headers.ts, served
// by the harness's buildApp): login, the caseload, and a citizen page with the star chart and the
// timeline chart (ECharts, SVG renderer) run without one CSP violation or console error, and the
// fonts of /fonts/fonts.css load.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadingEnded, login, suiteHarness } from './harness.ts';

const suite = suiteHarness();

interface Watched {
  page: Page;
  consoleErrors: string[];
  violations(): Promise<string[]>;
}

async function watchedPage(lang: string): Promise<Watched> {
  const page = await suite.page({ lang, width: 1280, height: 900 });
  // Before any of the app's scripts: every violation of the page's policy, as the browser reports it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber}) ${e.sample}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // Before login the app asks /api/auth/me and gets the expected 401, which Chromium logs as a failed resource.
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 401/.test(m.text())) consoleErrors.push(m.text());
    // Chromium reports a header it cannot use (e.g. an unknown Permissions-Policy feature) as a warning.
    if (m.type() === 'warning' && /Permissions-Policy|Content-Security-Policy|Content Security Policy/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  return { page, consoleErrors, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

describe('content security policy in the browser', () => {
  for (const lang of ['da', 'ar']) {
    it(`login, caseload and a citizen with star and timeline charts: no CSP violation, no console error, fonts loaded (${lang})`, async () => {
      const { page, consoleErrors, violations } = await watchedPage(lang);
      const response = await page.goto('/');
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);

      await login(page);
      await loadingEnded(page);
      await page.locator('table a').first().click();
      await page.getByTestId('star-chart').locator('svg').waitFor();
      await page.getByTestId('timeline-chart').locator('svg').waitFor();
      await loadingEnded(page);
      // Hovering the charts draws ECharts' tooltips and emphasis styles.
      await page.getByTestId('star-chart').hover();
      await page.getByTestId('timeline-chart').hover();
      await page.waitForTimeout(300);

      // Mantine's theme variables (an inline <style>) applied; the bundle's stylesheet too.
      expect(await page.evaluate(() => document.querySelector('style[data-mantine-styles]') !== null)).toBe(true);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Noto Sans Arabic/);

      // fonts.css: its faces load (from an installed copy or /fonts), and a file from /fonts is allowed by font-src.
      const fonts = await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Sans Arabic"', 'عربي');
        await document.fonts.load('16px "Noto Sans Ethiopic"', 'ትግርኛ');
        const probe = new FontFace('jobvej-csp-probe', 'url(/fonts/NotoSansEthiopic-Regular.ttf)');
        await probe.load();
        const faces = [...document.fonts].filter((f) => f.family.includes('Noto Sans')).map((f) => `${f.family.replaceAll('"', '')} ${f.weight} ${f.status}`);
        return { faces, probe: probe.status };
      });
      expect(fonts.probe).toBe('loaded');
      expect(fonts.faces).toEqual(expect.arrayContaining(['Noto Sans Arabic 400 loaded', 'Noto Sans Ethiopic 400 loaded']));

      expect(await violations()).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }
});
