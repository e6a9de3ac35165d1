// Shapes of the HTTP API (docs/api.md), shared by the server's presenters and the web app so
// that a change on one side is a type error on the other.
import type { Lang } from './fip/index.ts';
import type { Role } from './permissions.ts';

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
export interface CitizenSummary {
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
export interface CitizenDetail extends CitizenSummary {
  arrivalDate: string;
  targetGroup: TargetGroup;
  cprMasked: string;
  municipalityCode: string;
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
