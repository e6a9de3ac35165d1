// The demo logins (password "demo" for all).
import type { Role } from '../platform/db/schema.ts';

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: readonly { username: string; displayName: string; role: Role; municipalityCode: string | null }[] = [
  { username: 'caseworker@607', displayName: 'Mette Sørensen (sagsbehandler, Fredericia)', role: 'caseworker', municipalityCode: '607' },
  { username: 'caseworker@727', displayName: 'Lars Kjær (sagsbehandler, Odder)', role: 'caseworker', municipalityCode: '727' },
  { username: 'manager@607', displayName: 'Hanne Juul (leder, Fredericia)', role: 'manager', municipalityCode: '607' },
  { username: 'company@607', displayName: 'Søren Holm (virksomhedskonsulent, Fredericia)', role: 'company_consultant', municipalityCode: '607' },
  { username: 'evaluator@607', displayName: 'Anne Lund (evaluator, Fredericia)', role: 'evaluator', municipalityCode: '607' },
  { username: 'national@siri', displayName: 'SIRI (national administrator)', role: 'national_admin', municipalityCode: null },
  { username: 'admin', displayName: 'Administrator', role: 'admin', municipalityCode: null },
];
