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

/**
 * The gate scenario for a registered citizen (UI in Danish, logged in as a caseworker): create a
 * package from the food-industry template, enrol the citizen, sign off all but one goal of module
 * 1 — the gate blocks and names the unmet goal — sign off the last, advance to module 2 (history:
 * module 1 ended); an override with a blank reason shows the field error, with a reason it
 * advances to module 3 and the history shows the override. `violations` runs axe at the blocked
 * gate and at the override error. Returns the package id.
 */
export async function packageGateScenario(page: Page, citizenName: string, violations: (page: Page) => Promise<string[]>): Promise<string> {
  const packageId = await createPackageFromTemplate(page, 'vejle-food-industry');
  await enrolCitizen(page, citizenName);
  expect(await moduleHistory(page)).toEqual([{ id: 'intro', ended: false, override: false }]);

  // All but one goal of module 1, one with a note.
  await signOffGoal(page, 'intro-attendance', 'Mødt alle dage');
  await signOffGoal(page, 'intro-industries');
  await signOffGoal(page, 'intro-choice');
  await expect.poll(() => page.locator('li[data-goal="intro-attendance"]').textContent()).toMatch(/Kvitteret af .+ — Mødt alle dage/);

  await startNextModule(page);
  const blocked = page.getByTestId('gate-blocked');
  await blocked.waitFor();
  expect(await blocked.textContent()).toContain('Kan præsentere sig selv og sin erhvervserfaring');
  expect(await blocked.locator('li').count()).toBe(1);
  expect(await violations(page)).toEqual([]);
  expect(await moduleHistory(page)).toEqual([{ id: 'intro', ended: false, override: false }]);

  await signOffGoal(page, 'intro-presentation');
  await startNextModule(page);
  await page.getByRole('heading', { level: 2, name: /^Modul 2 af 5/ }).waitFor();
  await expect.poll(() => moduleHistory(page)).toEqual([
    { id: 'intro', ended: true, override: false },
    { id: 'trial', ended: false, override: false },
  ]);

  // Module 2: the override needs a reason, shown at the field; with one it advances and is recorded.
  await signOffGoal(page, 'trial-attendance');
  await overrideGate(page, '   ');
  const reason = page.locator('textarea[name="override.reason"]');
  await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByTestId('override-form').textContent()).toContain('Skriv en begrundelse for at tilsidesætte porten.');
  expect(await page.getByTestId('override-form').textContent()).toContain('revisionsloggen');
  expect(await violations(page)).toEqual([]);
  expect(await moduleHistory(page)).toHaveLength(2);
  await overrideGate(page, 'Virksomheden kan tage borgeren nu');
  await page.getByRole('heading', { level: 2, name: /^Modul 3 af 5/ }).waitFor();
  await expect.poll(() => moduleHistory(page)).toEqual([
    { id: 'intro', ended: true, override: false },
    { id: 'trial', ended: true, override: true },
    { id: 'placement-1', ended: false, override: false },
  ]);
  expect(await page.getByTestId('module-history').textContent()).toContain('Virksomheden kan tage borgeren nu');

  // The package page lists the citizen by name in module 3.
  await openPackage(page, packageId);
  const row = page.locator('[data-testid="enrolment-table"] tr', { hasText: citizenName });
  expect(await row.textContent()).toContain('Modul 3');
  return packageId;
}
