// Shapes of the HTTP API (docs/api.md), shared by the server's presenters and the web app so
// that a change on one side is a type error on the other.
import type { Lang } from './fip/index.ts';
import type { Role } from './permissions.ts';
import type { NextDeadline } from './deadlines/next-deadline.ts';
import type { OfferKind, OfferStatus } from './offers/offer-kinds.ts';
import type { OutcomeKindName } from './outcomes.ts';

export type { Role };

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityCode: string | null;
  municipalityName: string | null;
}
export interface Handover {
  roundId: string;
  citizenId: string;
  language: Lang;
}
export interface Me {
  user: User;
  csrfToken: string;
  handover: Handover | null;
}
export type Gender = 'F' | 'M';
export type TargetGroup = 'broad' | 'selected';
export interface NewCitizen {
  name: string;
  cpr: string;
  gender: Gender;
  birthDate: string;
  originCountry: string;
  arrivalDate: string;
  takeoverDate: string;
  language: Lang;
  targetGroup: TargetGroup;
}
/** The fields every citizen response has (list rows and the detail). */
export interface CitizenBase {
  id: string;
  name: string;
  gender: Gender;
  birthDate: string;
  originCountry: string;
  language: Lang;
  takeoverDate: string;
  roundCount: number;
  lastRoundDate: string | null;
  nextRoundDue: string;
  daysToNextRound: number;
}
/** The deadline to look at next (src/domain/deadlines/next-deadline.ts): the caseload's sort key. */
export type NextDeadlineSummary = NextDeadline;
/** A caseload row: GET /api/citizens, sorted by days to the next breach (overdue first). */
export interface CitizenSummary extends CitizenBase {
  nextDeadline: NextDeadlineSummary | null;
}
export interface CitizenDetail extends CitizenBase {
  arrivalDate: string;
  targetGroup: TargetGroup;
  cprMasked: string;
  municipalityCode: string;
}
/** Offers, outcomes and the deadline report (docs/api.md "Offers, outcomes and deadlines"). */
export interface OfferView {
  id: string;
  citizenId: string;
  kind: OfferKind;
  companyId: string | null;
  companyName: string | null;
  startDate: string;
  plannedEnd: string | null;
  actualEnd: string | null;
  hoursPerWeek: number | null;
  status: OfferStatus;
  /** IGU school periods in date order (inclusive dates); empty for other kinds. */
  schoolPeriods: SchoolPeriodView[];
  createdAt: string;
}
export interface SchoolPeriodView {
  start: string;
  end: string;
}
export interface NewOfferInput {
  kind: OfferKind;
  startDate: string;
  companyId?: string | null;
  companyName?: string | null;
  plannedEnd?: string | null;
  hoursPerWeek?: number | null;
  status?: 'planned' | 'active';
  schoolPeriods?: SchoolPeriodView[];
}
export interface OfferPatchInput {
  actualEnd?: string | null;
  plannedEnd?: string | null;
  status?: OfferStatus;
  hoursPerWeek?: number | null;
  schoolPeriods?: SchoolPeriodView[];
}
export type OutcomeKind = OutcomeKindName;
export interface OutcomeView {
  id: string;
  citizenId: string;
  kind: OutcomeKind;
  date: string;
  sector: 'public' | 'private' | null;
  db07: string | null;
  hours: number | null;
  companyName: string | null;
  source: string;
  createdAt: string;
}
export interface NewOutcomeInput {
  kind: OutcomeKind;
  date: string;
  sector?: 'public' | 'private' | null;
  db07?: string | null;
  hours?: number | null;
  companyName?: string | null;
  source?: string;
}
export interface DeadlineRuleView {
  ruleId: string;
  kind: 'first_offer' | 'max_gap' | 'recurring_event';
  severity: 'target' | 'deadline';
  state: 'ok' | 'due' | 'breached';
  dueDate: string | null;
  daysLeft: number | null;
  daysOver: number | null;
  satisfiedOn: string | null;
  toSatisfy:
    | { action: 'start_company_directed_offer'; latestDate: string | null; offerKinds: string[]; plannedOfferIds: string[] }
    | { action: 'hold_fip_round'; latestDate: string | null }
    | null;
  breaches: { from: string; to: string | null; daysOver: number }[];
}
export interface DeadlineReportView {
  citizenId: string;
  asOf: string;
  /** `dueSoonDays`: a pending obligation is `due` when at most this many days away. */
  policy: { id: string; effectiveFrom: string; dueSoonDays: number };
  rules: DeadlineRuleView[];
  ignoredOffers: { offerId: string; reason: string }[];
}
export type AnswerMap = Record<string, number | null>;
export interface Round {
  id: string;
  citizenId: string;
  roundNo: number;
  startedOn: string;
  citizenCompletedAt: string | null;
  caseworkerCompletedAt: string | null;
  answers: { citizen: AnswerMap; caseworker: AnswerMap };
}
export interface AnswerInput {
  itemId: string;
  value: number | null;
}

// Industry packages (docs/api.md "Companies and industry packages").
export interface LocalTextView {
  da: string;
  en: string;
}
export interface PackageGoalView {
  id: string;
  text: LocalTextView;
  measure: LocalTextView;
}
export interface PackageModuleView {
  id: string;
  kind: string;
  title: LocalTextView;
  durationWeeks: { min: number; max: number };
  elements: string[];
  goals: PackageGoalView[];
}
/** Citizens of a package by where they are: active (incl. waiting at a gate) and completed. */
export interface PackageCounts {
  active: number;
  waitingAtGate: number;
  completed: number;
}
export interface PackageSummaryView {
  id: string;
  templateId: string;
  templateVersion: number;
  name: string;
  db07: string;
  industry: { db07: string; name: LocalTextView };
  moduleCount: number;
  createdAt: string;
  counts: PackageCounts;
}
export interface PackageView extends PackageSummaryView {
  title: LocalTextView;
  modules: PackageModuleView[];
}
/** A started module of an enrolment, in order; `endedOn` is null while it is the current one. */
export interface EnrolmentModuleView {
  index: number;
  id: string;
  title: LocalTextView;
  startedOn: string;
  endedOn: string | null;
  viaOverride: boolean;
  /** The override's reason when the module ended through an override. */
  overrideReason: string | null;
}
/** A goal sign-off of the current module: who (display name), when, note. */
export interface GoalSignoffView {
  goalId: string;
  signedBy: string;
  signedOn: string;
  note: string;
}
export interface EnrolmentView {
  id: string;
  packageId: string;
  citizenId: string;
  citizenName: string;
  status: 'active' | 'completed';
  startedOn: string;
  completedOn: string | null;
  /** Null when the package is completed. */
  currentModule: { index: number; id: string; title: LocalTextView } | null;
  moduleStartedOn: string;
  signedOffGoalIds: string[];
  unmetGoalIds: string[];
  signoffs: GoalSignoffView[];
  daysInModule: number | null;
  daysWaitedAtGate: number | null;
  moduleHistory: EnrolmentModuleView[];
}
export interface CitizenEnrolmentView extends EnrolmentView {
  packageName: string;
  industry: { db07: string; name: LocalTextView };
}
export interface PackageTemplateView {
  id: string;
  version: number;
  title: LocalTextView;
  industry: { db07: string; name: LocalTextView };
  moduleCount: number;
}

// Companies, labour needs and demand per industry (docs/api.md "Companies and industry packages").
export interface CompanyContactView {
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
}
export interface CompanyView {
  id: string;
  cvr: string;
  name: string;
  db07: string | null;
  address: string | null;
  contacts: CompanyContactView[];
  createdAt: string;
  /** Slots of the company's needs open today (not closed, period not over). */
  openSlots: number;
}
export interface NewCompanyInput {
  cvr: string;
  name: string;
  db07?: string | null;
  address?: string | null;
  contacts?: CompanyContactView[];
}
export type LabourNeedKindView = 'placement' | 'job' | 'igu';
export interface LabourNeedView {
  id: string;
  companyId: string;
  db07: string;
  kind: LabourNeedKindView;
  slots: number;
  periodFrom: string;
  periodTo: string;
  note: string | null;
  closedOn: string | null;
  createdAt: string;
}
export interface NewLabourNeedInput {
  kind: LabourNeedKindView;
  slots: number;
  periodFrom: string;
  periodTo: string;
  /** Default: the company's DB07 code. */
  db07?: string | null;
  note?: string | null;
}
export interface LabourNeedPatchInput {
  slots?: number;
  closedOn?: string | null;
}
export interface Db07EntryView {
  code: string;
  section: string;
  name: LocalTextView;
}
export interface IndustriesView {
  sections: Db07EntryView[];
  industries: Db07EntryView[];
}
export interface IndustryDemandView {
  db07: string;
  section: string | null;
  name: LocalTextView | null;
  openSlots: { placement: number; job: number; igu: number; total: number };
  companies: { id: string; name: string; slots: number }[];
  packages: {
    id: string;
    name: string;
    db07: string;
    modules: { index: number; title: LocalTextView; active: number; waitingAtGate: number }[];
    active: number;
    waitingAtGate: number;
    completed: number;
  }[];
  citizens: { active: number; waitingAtGate: number; completed: number };
}
export interface DemandReportView {
  from: string;
  to: string;
  industries: IndustryDemandView[];
}
