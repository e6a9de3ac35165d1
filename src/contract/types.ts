// The HTTP API's shapes as TypeScript types, each inferred from its zod schema in this folder —
// the schemas are the only definition. Responses are what the server sends (z.infer); request
// bodies are what a client may send (z.input). Server presenters and the web app use these.
import type { z } from 'zod';
import type { Role } from '../domain/permissions.ts';
import type { handoverSchema, sessionResponse, userSchema } from './auth.ts';
import type { citizenCreated, citizenDetail, citizenList, citizenRoundSchema, citizenView, citizenSummary, newCitizenBody, nextDeadlineSchema, roundSchema, roundStarted } from './citizens.ts';
import type { companyCreated, companyDetail, companyList, companySchema, newCompanyBody } from './companies.ts';
import type { evaluationResult, evaluationResultRow, evaluationWarningDetail } from './evaluation-result.ts';
import type { runCreated, runDetail, runList, runSummary, runView } from './evaluations.ts';
import type { demandSchema, industriesSchema, needList, needOne, needSchema, newNeedBody, patchNeedBody } from './needs.ts';
import type { deadlineReportSchema, newOfferBody, newOutcomeBody, offerList, offerOne, offerSchema, outcomeList, outcomeOne, outcomeSchema, patchOfferBody } from './offers.ts';
import type { citizenEnrolmentList, citizenEnrolmentSchema, enrolmentOne, enrolmentSchema, packageCreated, packageDetail, packageList, packageSchema, packageSummarySchema, packageTemplateSchema, templateList } from './packages.ts';
import type { answersBody, answersSaved, handoverRound, handoverStarted } from './rounds.ts';
import type { accessLogEntry, accessLogResponse } from './audit.ts';
import type { nationalIndicators } from './national.ts';
import type { nationalFipMeans } from './national-fip.ts';
import type { timelinessView } from './timeliness.ts';
import type { assigneesResponse, assignmentBody, assignmentResponse, caseloadItem, caseloadOverview, caseloadPage, caseloadSearchBody, colleagueSchema } from './caseload.ts';
import type { newUserBody, oneTimePasswordResponse, patchUserBody, userAdminItem, userAdminList, userAdminOne } from './users.ts';
import type { audioClipSchema, audioSet, clipRemoved, clipSaved, saveClipBody } from './instrument-audio.ts';

export type { Role };

// Sessions (docs/api.md).
export type User = z.infer<typeof userSchema>;
export type Handover = z.infer<typeof handoverSchema>;
export type Me = z.infer<typeof sessionResponse>;

// Citizens and FIP rounds.
export type NewCitizen = z.input<typeof newCitizenBody>;
export type Gender = NewCitizen['gender'];
export type TargetGroup = NewCitizen['targetGroup'];
export type CitizenSummary = z.infer<typeof citizenSummary>;
export type CitizenDetail = z.infer<typeof citizenDetail>;
/** The citizen page's data: the citizen, rounds and the caller's abilities (typed actions). */
export type CitizenView = z.infer<typeof citizenView>;
export type Ability = CitizenView['abilities'][number];
export type CitizenBase = Omit<CitizenSummary, 'nextDeadline'>;
export type NextDeadlineSummary = z.infer<typeof nextDeadlineSchema>;
export type Round = z.infer<typeof roundSchema>;
/** A round as a handed-over session gets it (the citizen's own answers only). */
export type CitizenRound = z.infer<typeof citizenRoundSchema>;
export type AnswerMap = Round['answers']['citizen'];
export type AnswerInput = z.input<typeof answersBody>['answers'][number];

// The caseload: paging, search, assignment, the managers' overview (decision 026).
export type Colleague = z.infer<typeof colleagueSchema>;
export type CaseloadItem = z.infer<typeof caseloadItem>;
export type CaseloadPage = z.infer<typeof caseloadPage>;
export type CaseloadSearchInput = z.input<typeof caseloadSearchBody>;
export type AssignmentInput = z.input<typeof assignmentBody>;
export type AssignmentResult = z.infer<typeof assignmentResponse>;
export type Assignees = z.infer<typeof assigneesResponse>;
export type CaseloadOverview = z.infer<typeof caseloadOverview>;

// User administration (decision 026).
export type UserAdminItem = z.infer<typeof userAdminItem>;
export type UserAdminList = z.infer<typeof userAdminList>;
export type UserAdminOne = z.infer<typeof userAdminOne>;
export type NewUserInput = z.input<typeof newUserBody>;
export type UserPatchInput = z.input<typeof patchUserBody>;
export type OneTimePassword = z.infer<typeof oneTimePasswordResponse>;

// Offers, outcomes and deadlines.
export type OfferView = z.infer<typeof offerSchema>;
export type SchoolPeriodView = OfferView['schoolPeriods'][number];
export type NewOfferInput = z.input<typeof newOfferBody>;
export type OfferPatchInput = z.input<typeof patchOfferBody>;
export type OutcomeView = z.infer<typeof outcomeSchema>;
export type OutcomeKind = OutcomeView['kind'];
export type NewOutcomeInput = z.input<typeof newOutcomeBody>;
export type DeadlineReportView = z.infer<typeof deadlineReportSchema>;
export type DeadlineRuleView = DeadlineReportView['rules'][number];

// Industry packages.
export type PackageSummaryView = z.infer<typeof packageSummarySchema>;
export type PackageCounts = PackageSummaryView['counts'];
export type LocalTextView = PackageSummaryView['industry']['name'];
export type PackageView = z.infer<typeof packageSchema>;
export type PackageDetail = z.infer<typeof packageDetail>;
export type PackageModuleView = PackageView['modules'][number];
export type PackageGoalView = PackageModuleView['goals'][number];
export type EnrolmentView = z.infer<typeof enrolmentSchema>;
export type EnrolmentModuleView = EnrolmentView['moduleHistory'][number];
export type GoalSignoffView = EnrolmentView['signoffs'][number];
export type CitizenEnrolmentView = z.infer<typeof citizenEnrolmentSchema>;
export type PackageTemplateView = z.infer<typeof packageTemplateSchema>;

// Companies, labour needs and demand per industry.
export type CompanyView = z.infer<typeof companySchema>;
export type CompanyDetail = z.infer<typeof companyDetail>;
export type CompanyContactView = CompanyView['contacts'][number];
export type NewCompanyInput = z.input<typeof newCompanyBody>;
export type LabourNeedView = z.infer<typeof needSchema>;
export type LabourNeedKindView = LabourNeedView['kind'];
export type NewLabourNeedInput = z.input<typeof newNeedBody>;
export type LabourNeedPatchInput = z.input<typeof patchNeedBody>;
export type IndustriesView = z.infer<typeof industriesSchema>;
export type Db07EntryView = IndustriesView['industries'][number];
export type DemandReportView = z.infer<typeof demandSchema>;
export type IndustryDemandView = DemandReportView['industries'][number];

// Evaluation runs and their result (the evaluate output JSON: evaluation-result.ts).
export type EvaluationRun = z.infer<typeof runSummary>;
export type EvaluationRunStatus = EvaluationRun['status'];
export type EvaluationRunDetail = z.infer<typeof runDetail>;
export type EvaluationResult = z.infer<typeof evaluationResult>;
export type EvaluationResultRow = z.infer<typeof evaluationResultRow>;
export type EvaluationWarningDetail = z.infer<typeof evaluationWarningDetail>;

// Response envelopes (one per route answer; see each resource's contract file).
export type CitizenList = z.infer<typeof citizenList>;
export type CitizenCreated = z.infer<typeof citizenCreated>;
export type RoundStarted = z.infer<typeof roundStarted>;
export type CompanyList = z.infer<typeof companyList>;
export type CompanyCreated = z.infer<typeof companyCreated>;
export type NeedList = z.infer<typeof needList>;
export type NeedOne = z.infer<typeof needOne>;
export type TemplateList = z.infer<typeof templateList>;
export type PackageList = z.infer<typeof packageList>;
export type PackageCreated = z.infer<typeof packageCreated>;
export type CitizenEnrolmentList = z.infer<typeof citizenEnrolmentList>;
export type EnrolmentOne = z.infer<typeof enrolmentOne>;
export type OfferList = z.infer<typeof offerList>;
export type OfferOne = z.infer<typeof offerOne>;
export type OutcomeList = z.infer<typeof outcomeList>;
export type OutcomeOne = z.infer<typeof outcomeOne>;
export type AnswersSaved = z.infer<typeof answersSaved>;
export type HandoverStarted = z.infer<typeof handoverStarted>;
export type HandoverRound = z.infer<typeof handoverRound>;
export type RunCreated = z.infer<typeof runCreated>;
export type RunList = z.infer<typeof runList>;
export type RunView = z.infer<typeof runView>;
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
export type AccessLogPage = z.infer<typeof accessLogResponse>;
export type NationalIndicators = z.infer<typeof nationalIndicators>;
export type NationalFipMeans = z.infer<typeof nationalFipMeans>;
export type TimelinessView = z.infer<typeof timelinessView>;

// The spoken questions (decision 023).
export type AudioClip = z.infer<typeof audioClipSchema>;
export type AudioSet = z.infer<typeof audioSet>;
export type SaveClipInput = z.input<typeof saveClipBody>;
export type ClipSaved = z.infer<typeof clipSaved>;
export type ClipRemoved = z.infer<typeof clipRemoved>;
