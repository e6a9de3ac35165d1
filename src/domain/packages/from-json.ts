/**
 * Map a package template as stored in `content/packages/*.json` (snake_case, validated against
 * `package.schema.json` by the caller) to the domain type, and check what a schema cannot:
 * unique module and goal ids and min ≤ max durations.
 */
import type { ContentElement, IndustryPackage, LocalText, ModuleKind } from './types.ts';
import type { LocalName } from '../content-names.ts';

export interface PackageJson {
  readonly id: string;
  readonly version: number;
  readonly municipality_code: string;
  readonly industry: { readonly db07: string; readonly name: LocalName };
  readonly title: LocalName;
  readonly modules: ReadonlyArray<{
    readonly id: string;
    readonly kind: ModuleKind;
    readonly title: LocalName;
    readonly duration_weeks: { readonly min: number; readonly max: number };
    readonly elements: readonly ContentElement[];
    readonly goals: ReadonlyArray<{ readonly id: string; readonly text: LocalText; readonly measure: LocalText }>;
  }>;
}

export function packageFromJson(json: PackageJson): IndustryPackage {
  return {
    id: json.id,
    version: json.version,
    municipalityCode: json.municipality_code,
    industry: json.industry,
    title: json.title,
    modules: json.modules.map((m) => ({
      id: m.id, kind: m.kind, title: m.title, durationWeeks: m.duration_weeks, elements: m.elements, goals: m.goals,
    })),
  };
}

/** Problems a JSON schema cannot express; empty when the package is consistent. */
export function packageProblems(pkg: IndustryPackage): string[] {
  const problems: string[] = [];
  const moduleIds = pkg.modules.map((m) => m.id);
  moduleIds.forEach((id, i) => moduleIds.indexOf(id) !== i && problems.push(`duplicate module id ${id}`));
  const goalIds = pkg.modules.flatMap((m) => m.goals.map((g) => g.id));
  goalIds.forEach((id, i) => goalIds.indexOf(id) !== i && problems.push(`duplicate goal id ${id}`));
  for (const m of pkg.modules) {
    if (m.durationWeeks.min > m.durationWeeks.max) problems.push(`module ${m.id}: duration min > max`);
  }
  return problems;
}
