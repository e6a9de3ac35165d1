/**
 * Industry packages (branchepakker): a municipality's ordered modules for one industry, each
 * with measurable goals that gate the next module. Templates live in `content/packages/`.
 */
import type { IsoDate } from '../deadlines/date-math.ts';
import type { LocalName } from '../content-names.ts';

/** Text in Danish with an English translation. */
export interface LocalText {
  readonly da: string;
  readonly en: string;
}

export const MODULE_KINDS = [
  'introduction_course',
  'trial_placement',
  'company_placement_1',
  'company_placement_2',
  'company_placement_3',
] as const;
export type ModuleKind = (typeof MODULE_KINDS)[number];

export const CONTENT_ELEMENTS = ['danish_lessons', 'placement', 'amu_course', 'mentor'] as const;
export type ContentElement = (typeof CONTENT_ELEMENTS)[number];

export interface ModuleGoal {
  readonly id: string;
  /** What the citizen can do, phrased so that a caseworker can check it. */
  readonly text: LocalText;
  /** How it is measured (who observes what). */
  readonly measure: LocalText;
}

export interface PackageModule {
  readonly id: string;
  readonly kind: ModuleKind;
  /** In the six UI languages (content/packages); a package stored before the translations has da/en only. */
  readonly title: LocalName;
  /** Nominal duration in weeks; `min` = `max` when fixed. */
  readonly durationWeeks: { readonly min: number; readonly max: number };
  readonly elements: readonly ContentElement[];
  readonly goals: readonly ModuleGoal[];
}

export interface IndustryPackage {
  readonly id: string;
  readonly version: number;
  /** Three-digit municipality code (Vejle: 630). */
  readonly municipalityCode: string;
  /** Industry as a DB07 code from `content/reference/db07.json` (section letter or 2–6 digit code). */
  readonly industry: { readonly db07: string; readonly name: LocalName };
  readonly title: LocalName;
  readonly modules: readonly PackageModule[];
}

export interface GoalSignOff {
  readonly goalId: string;
  readonly signedBy: string;
  readonly signedOn: IsoDate;
  readonly note: string;
}

/** A decision to start the next module although goals are unmet. */
export interface OverrideDecision {
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedOn: IsoDate;
  readonly unmetGoalIds: readonly string[];
}

export interface ModuleProgress {
  readonly moduleId: string;
  readonly startedOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly signOffs: readonly GoalSignOff[];
  /** Set when the citizen moved on from this module by override. */
  readonly override: OverrideDecision | null;
}

export interface Enrolment {
  readonly packageId: string;
  readonly citizenId: string;
  readonly enrolledOn: IsoDate;
  /** One entry per started module, in order; the last is the current one. */
  readonly progress: readonly ModuleProgress[];
  readonly completedOn: IsoDate | null;
}

export type PackageResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: PackageErrorCode; readonly message: string } };

export type PackageErrorCode =
  | 'empty_package'
  | 'wrong_package'
  | 'already_completed'
  | 'unknown_goal'
  | 'already_signed_off'
  | 'missing_signer'
  | 'invalid_date'
  | 'date_before_module_start'
  | 'blocked'
  | 'override_not_needed'
  | 'empty_reason';
