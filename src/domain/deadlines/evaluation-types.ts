/** Result types of the deadline evaluation (see docs/deadline-rules.md). */
import type { Offer, OfferKind } from '../offers/offer-kinds.ts';
import type { IsoDate } from './date-math.ts';
import type { RuleSeverity } from './rule-fields.ts';
import type { RuleKind } from './rule-kinds.ts';

export type RuleState = 'ok' | 'due' | 'breached';

/** What a citizen's case holds that the rules look at. */
export interface CitizenCase {
  readonly citizenId: string;
  readonly municipalityCode: string;
  /** The date the municipality took over responsibility (move-in). */
  readonly takeoverDate: IsoDate;
  readonly offers: readonly Offer[];
  /** Dates of FIP rounds held. */
  readonly fipRounds: readonly IsoDate[];
}

/** One period in which a rule was (or is being) broken. `to` is null while still open. */
export interface Breach {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly daysOver: number;
}

/** What would satisfy a pending obligation. `latestDate` null: overdue, act now. */
export type Requirement =
  | {
      readonly action: 'start_company_directed_offer';
      readonly latestDate: IsoDate | null;
      readonly offerKinds: readonly OfferKind[];
      /** Planned (not yet started) company-directed offers that would satisfy it in time. */
      readonly plannedOfferIds: readonly string[];
    }
  | { readonly action: 'hold_fip_round'; readonly latestDate: IsoDate | null };

export interface RuleEvaluation {
  readonly ruleId: string;
  readonly kind: RuleKind;
  readonly severity: RuleSeverity;
  /** `breached` is sticky: once broken, the rule stays breached for this citizen. */
  readonly state: RuleState;
  /** The last day the pending obligation can be met (or, once met, the first-offer due date). */
  readonly dueDate: IsoDate | null;
  /** `dueDate - asOf` while an obligation is pending and not overdue; else null. */
  readonly daysLeft: number | null;
  /** The largest number of days any breach ran (or runs) past its due date; null if none. */
  readonly daysOver: number | null;
  /** First-offer rule: the first day covered by a company-directed offer. */
  readonly satisfiedOn: IsoDate | null;
  readonly toSatisfy: Requirement | null;
  readonly breaches: readonly Breach[];
}

export interface IgnoredOffer {
  readonly offerId: string;
  readonly reason: 'not_started' | 'cancelled_without_end' | 'invalid_dates' | 'not_company_directed';
}

export interface CitizenDeadlineReport {
  readonly citizenId: string;
  readonly municipalityCode: string;
  readonly asOf: IsoDate;
  readonly policyId: string;
  readonly rules: readonly RuleEvaluation[];
  readonly ignoredOffers: readonly IgnoredOffer[];
}
