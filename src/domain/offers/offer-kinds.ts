/**
 * Offer kinds (integrationsloven § 23 tools and what sits alongside them) and their i18n keys.
 *
 * Which kinds count as *company-directed* is NOT decided here: it is policy data
 * (`company_directed_kinds` in `content/policies/*.json`), so a later policy can change it.
 */
import type { IsoDate } from '../deadlines/date-math.ts';

export const OFFER_KINDS = [
  'guidance_upskilling',
  'introduction_course',
  'praktik_private',
  'praktik_public',
  'wage_subsidy_private',
  'wage_subsidy_public',
  'igu',
  'danish_education',
  'mentor',
] as const;

export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export type OfferGroup = 'guidance_upskilling' | 'company_placement' | 'wage_subsidy' | 'igu' | 'danish_education' | 'mentor';

export interface OfferKindInfo {
  readonly kind: OfferKind;
  /** i18n key of the label, e.g. `offers.kind.praktik_private`. */
  readonly labelKey: string;
  readonly group: OfferGroup;
  readonly sector: 'private' | 'public' | null;
  /** Usual length in weeks, when the rules give one (company placement 13, IGU 104). */
  readonly nominalWeeks: number | null;
  /** Weeks it can be extended by (company placement: 13 more). */
  readonly extendableWeeks: number | null;
}

const info = (
  kind: OfferKind, group: OfferGroup, sector: 'private' | 'public' | null,
  nominalWeeks: number | null = null, extendableWeeks: number | null = null,
): OfferKindInfo => ({ kind, labelKey: `offers.kind.${kind}`, group, sector, nominalWeeks, extendableWeeks });

/** Reference facts per kind (booklet / DOMAIN.md §3). The introduction course is a form of guidance and upskilling. */
export const OFFER_KIND_INFO: Readonly<Record<OfferKind, OfferKindInfo>> = {
  guidance_upskilling: info('guidance_upskilling', 'guidance_upskilling', null),
  introduction_course: info('introduction_course', 'guidance_upskilling', null),
  praktik_private: info('praktik_private', 'company_placement', 'private', 13, 13),
  praktik_public: info('praktik_public', 'company_placement', 'public', 13, 13),
  wage_subsidy_private: info('wage_subsidy_private', 'wage_subsidy', 'private'),
  wage_subsidy_public: info('wage_subsidy_public', 'wage_subsidy', 'public'),
  igu: info('igu', 'igu', null, 104),
  danish_education: info('danish_education', 'danish_education', null),
  mentor: info('mentor', 'mentor', null),
};

export function isOfferKind(value: unknown): value is OfferKind {
  return typeof value === 'string' && (OFFER_KINDS as readonly string[]).includes(value);
}

/** One offer to one citizen. Dates are inclusive calendar dates. */
export interface Offer {
  readonly id: string;
  readonly kind: OfferKind;
  readonly start: IsoDate;
  readonly plannedEnd: IsoDate | null;
  readonly actualEnd: IsoDate | null;
  readonly hoursPerWeek: number | null;
  readonly status: OfferStatus;
  /** IGU only: school periods inside the offer (inclusive dates). */
  readonly schoolPeriods?: ReadonlyArray<{ readonly start: IsoDate; readonly end: IsoDate }>;
}
