// Browser steps for industry packages (the UI in Danish), shared by the package-gate test and
// the combined placement → package test: create a package from a template, enrol a citizen from
// the package page, sign off goals, start the next module, override the gate.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** From #/packages, create a package from a template; returns on the new package's page with its id. */
export async function createPackageFromTemplate(page: Page, templateId: string): Promise<string> {
  await page.goto('/#/packages');
  await page.locator('select[name="templateId"]').selectOption(templateId);
  await page.getByRole('button', { name: 'Opret branchepakke' }).click();
  await page.waitForURL(/#\/packages\/[0-9a-f-]{36}$/);
  await page.locator('#pk-citizens-title').waitFor();
  return decodeURIComponent(page.url().split('#/packages/')[1] ?? '');
}

/** Open a package page by its id. */
export async function openPackage(page: Page, packageId: string): Promise<void> {
  await page.goto(`/#/packages/${packageId}`);
  await page.locator('#pk-citizens-title').waitFor();
}

/** On a package page, enrol a citizen picked by name from the caseload, then open the enrolment. */
export async function enrolCitizen(page: Page, citizenName: string): Promise<void> {
  const select = page.locator('select[name="citizenId"]');
  await expect.poll(() => select.locator('option', { hasText: citizenName }).count()).toBeGreaterThan(0);
  await select.selectOption({ label: citizenName });
  await page.getByRole('button', { name: 'Tilmeld', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `${citizenName} er tilmeldt` }).waitFor();
  await page.locator('a[href*="/enrolments/"]:visible', { hasText: citizenName }).click();
  await page.locator('#history-title').waitFor();
}

const goalItem = (page: Page, goalId: string) => page.locator(`li[data-goal="${goalId}"]`);

/** On an enrolment page, sign off one goal of the current module (optionally with a note). */
export async function signOffGoal(page: Page, goalId: string, note?: string): Promise<void> {
  const item = goalItem(page, goalId);
  if (note) await item.locator(`input[name="note-${goalId}"]`).fill(note);
  await item.getByRole('button', { name: /^Kvittér for målet/ }).click();
  await page.locator(`li[data-goal="${goalId}"][data-signed="yes"]`).waitFor();
}

/** Click "Start next module" (or "Complete the package" in the last module). */
export async function startNextModule(page: Page): Promise<void> {
  await page.getByTestId('advance').click();
}

/** The module ids of the history with their end dates ('' while current) and override flags. */
export async function moduleHistory(page: Page): Promise<{ id: string; ended: boolean; override: boolean }[]> {
  return page.locator('[data-testid="module-history"] > li').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-module') ?? '',
      ended: (li.getAttribute('data-ended') ?? '') !== '',
      override: /Tilsidesat port/.test(li.textContent ?? ''),
    })),
  );
}

/** Open the override form, submit `reason` (may be blank). */
export async function overrideGate(page: Page, reason: string): Promise<void> {
  if (!(await page.getByTestId('override-form').isVisible())) await page.getByRole('button', { name: /^Tilsidesæt porten/ }).click();
  await page.locator('textarea[name="override.reason"]').fill(reason);
  await page.getByRole('button', { name: /^Start næste modul \(tilsidesæt\)/ }).click();
}
