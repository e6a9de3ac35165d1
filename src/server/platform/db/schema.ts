// Kysely table types. Dates (SQL `date`) arrive as 'YYYY-MM-DD' strings, int8 as strings
// (parsers set in database.ts), timestamps as Date.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

import type { Role } from '../../../domain/permissions.ts';

// The one role vocabulary is src/domain/permissions.ts.
export type { Role };

export interface MunicipalitiesTable {
  code: string;
  name: string;
  region: string;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  municipality_code: string | null;
  created_at: Generated<Date>;
  /** Set when the user was deactivated (migration 018): no sign-in, no session. */
  deactivated_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  handover_round_id: string | null;
  handover_citizen_id: string | null;
  handover_language: string | null;
  /** Take-back attempts of the current hand-over (migration 010). */
  handover_attempts: Generated<number>;
  /** Set by the fifth wrong take-back password: the hand-over can no longer be taken back. */
  handover_locked_at: NullableTimestamp;
}

export interface CitizensTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
  cpr_encrypted: string;
  cpr_hash: string;
  gender: 'F' | 'M';
  birth_date: string;
  origin_country: string;
  arrival_date: string;
  takeover_date: string;
  language: string;
  target_group: 'broad' | 'selected';
  created_at: Generated<Date>;
  /** The responsible caseworker and the company consultant, users of the same municipality (migration 018). */
  caseworker_id: string | null;
  consultant_id: string | null;
  /** HMAC of the CPR number's last four digits (CprVault.tailHash), for the caseload search. */
  cpr_tail_hash: string | null;
  /** Bumped by triggers on every write the deadline rules look at (migration 024). */
  deadline_epoch: Generated<number>;
}

/** A citizen's stored next deadline (migration 024, src/domain/deadlines/stored-next.ts). */
export interface CitizenDeadlineStateTable {
  citizen_id: string;
  municipality_code: string;
  epoch: number;
  policy_key: string;
  computed_for: string;
  valid_until: string | null;
  stored: ColumnType<unknown, string, string>;
}

export interface FipRoundsTable {
  id: Generated<string>;
  citizen_id: string;
  municipality_code: string;
  round_no: number;
  started_on: string;
  citizen_completed_at: NullableTimestamp;
  caseworker_completed_at: NullableTimestamp;
  instrument_version: string;
  /** The round's answers as `item=value` pairs sorted by item id ('' = don't know), kept by triggers on fip_answers (migration 023). */
  answer_codes: Generated<string | null>;
}

/** A submission of answers by its client id (decision 020): a second one with the same id is a replay. */
export interface AnswerSubmissionsTable {
  round_id: string;
  client_id: string;
  municipality_code: string;
  received_at: Generated<Date>;
}

/** A municipality's recorded clip of one instrument text in one language (migration 016, decision 023). */
export interface InstrumentAudioTable {
  municipality_code: string;
  /** The instrument version whose wording the clip speaks, e.g. 'fip-v1'. */
  instrument_version: string;
  language: string;
  /** 'item:<id>', 'anchor:<value>' or 'dontKnow' (src/domain/fip/audio.ts). */
  target: string;
  /** Hex SHA-256 of `bytes`: the clip's immutable URL /audio/<sha256>.<webm|ogg>. */
  sha256: string;
  mime_type: 'audio/webm' | 'audio/ogg';
  byte_size: number;
  duration_ms: number | null;
  /** Buffer on node-postgres, Uint8Array on PGlite. */
  bytes: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  recorded_by: string;
  recorded_at: Timestamp;
  reviewed: ColumnType<boolean, boolean | undefined, boolean>;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
}

export interface FipAnswersTable {
  round_id: string;
  municipality_code: string;
  respondent: 'citizen' | 'caseworker';
  item_id: string;
  value: number | null;
  answered_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: string | null;
  municipality_code: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: ColumnType<unknown, string, never>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

/** The one-row chain head kept by the audit trigger (migrations 001, 003, 011). */
export interface AuditChainHeadTable {
  id: boolean;
  hash: string;
  /** The head row's id; null while the chain is empty. */
  last_id: string | null;
  /** Rows from this id on are linked in id order; older ones in the order of their links. */
  id_order_from: string;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: Generated<Date>;
  succeeded: boolean;
}

export type EvaluationRunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface EvaluationRunsTable {
  id: Generated<string>;
  municipality_code: string | null;
  created_by: string;
  created_at: Generated<Date>;
  status: ColumnType<EvaluationRunStatus, EvaluationRunStatus | undefined, EvaluationRunStatus>;
  stage: string | null;
  progress: ColumnType<number, number | undefined, number>;
  /** JSON in: pass JSON.stringify(...) on insert/update. */
  parameters: ColumnType<unknown, string, string>;
  inputs: ColumnType<unknown, string, string>;
  jobvej_version: string;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  finished_at: NullableTimestamp;
  /** The process running it (migration 020) and until when it holds it; a passed lease is a dead process's. */
  claimed_by: string | null;
  lease_expires_at: NullableTimestamp;
  attempts: ColumnType<number, number | undefined, number>;
}

export type OfferKindColumn =
  | 'guidance_upskilling' | 'introduction_course' | 'praktik_private' | 'praktik_public'
  | 'wage_subsidy_private' | 'wage_subsidy_public' | 'igu' | 'danish_education' | 'mentor';
export type OfferStatusColumn = 'planned' | 'active' | 'completed' | 'cancelled';
export type OutcomeKind = 'employment' | 'igu_start' | 'education' | 'self_sufficiency' | 'programme_end';

/** numeric arrives as a string on node-postgres (maybe a number elsewhere): read it with Number(). */
type Numeric = ColumnType<number | string | null, number | string | null | undefined, number | string | null>;

export interface OffersTable {
  id: Generated<string>;
  citizen_id: string;
  municipality_code: string;
  kind: OfferKindColumn;
  company_id: string | null;
  company_name: string | null;
  start_date: string;
  planned_end: string | null;
  actual_end: string | null;
  hours_per_week: Numeric;
  status: OfferStatusColumn;
  created_by: string | null;
  created_at: Generated<Date>;
  /** IGU school periods, [{start, end}] inclusive ISO dates (009); '[]' for other kinds. Written as JSON.stringify(...). */
  school_periods: ColumnType<unknown, string | undefined, string>;
}

export interface OutcomesTable {
  id: Generated<string>;
  citizen_id: string;
  municipality_code: string;
  kind: OutcomeKind;
  date: string;
  sector: 'public' | 'private' | null;
  db07: string | null;
  hours: Numeric;
  company_name: string | null;
  source: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface CompaniesTable {
  id: Generated<string>;
  municipality_code: string;
  cvr: string;
  name: string;
  db07: string | null;
  address: string | null;
  /** JSON in: pass JSON.stringify(...) on insert. */
  contacts: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type LabourNeedKind = 'placement' | 'job' | 'igu';

export interface LabourNeedsTable {
  id: Generated<string>;
  municipality_code: string;
  company_id: string;
  db07: string;
  kind: LabourNeedKind;
  slots: number;
  period_from: string;
  period_to: string;
  note: string | null;
  closed_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** JSON column: read as parsed JSON, written as JSON.stringify(...). */
type Json = ColumnType<unknown, string, string>;

export interface PackagesTable {
  id: Generated<string>;
  municipality_code: string;
  db07: string;
  template_id: string;
  template_version: number;
  name: string;
  title: Json;
  industry: Json;
  /** The IndustryPackage's modules (src/domain/packages), as in the template. */
  modules: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PackageEnrolmentsTable {
  id: Generated<string>;
  package_id: string;
  citizen_id: string;
  municipality_code: string;
  current_module_index: number;
  started_on: string;
  module_started_on: string;
  completed_on: string | null;
  status: 'active' | 'completed';
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface GoalSignoffsTable {
  enrolment_id: string;
  municipality_code: string;
  module_index: number;
  goal_id: string;
  signed_by: string;
  signed_at: Timestamp;
  note: string;
}

export interface GateOverridesTable {
  enrolment_id: string;
  municipality_code: string;
  module_index: number;
  reason: string;
  decided_by: string;
  decided_at: Timestamp;
  unmet_goal_ids: Json;
}

/** One started module of an enrolment (migration 008); `ended_on` is null while current. */
export interface EnrolmentModulesTable {
  enrolment_id: string;
  municipality_code: string;
  module_index: number;
  module_id: string;
  started_on: string;
  ended_on: string | null;
  /** The user who ended the module (advanced or completed); null while current or backfilled. */
  advanced_by: string | null;
  via_override: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DB {
  municipalities: MunicipalitiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  citizens: CitizensTable;
  fip_rounds: FipRoundsTable;
  citizen_deadline_state: CitizenDeadlineStateTable;
  fip_answers: FipAnswersTable;
  answer_submissions: AnswerSubmissionsTable;
  instrument_audio: InstrumentAudioTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  login_attempts: LoginAttemptsTable;
  evaluation_runs: EvaluationRunsTable;
  offers: OffersTable;
  outcomes: OutcomesTable;
  companies: CompaniesTable;
  labour_needs: LabourNeedsTable;
  packages: PackagesTable;
  package_enrolments: PackageEnrolmentsTable;
  goal_signoffs: GoalSignoffsTable;
  gate_overrides: GateOverridesTable;
  enrolment_modules: EnrolmentModulesTable;
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> };
}
