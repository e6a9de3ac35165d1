// Weekly register statuses (FORMATS.md) as one-byte codes. Code 0 = `none` (no row that week).

export const STATUS_NAMES = [
  'none',
  'employment',
  'igu',
  'praktik_private',
  'praktik_public',
  'wage_subsidy_private',
  'wage_subsidy_public',
  'guidance_upskilling',
  'education',
  'integration_benefit',
  'other_benefit',
] as const;

export type StatusName = (typeof STATUS_NAMES)[number];

export const S = {
  none: 0,
  employment: 1,
  igu: 2,
  praktik_private: 3,
  praktik_public: 4,
  wage_subsidy_private: 5,
  wage_subsidy_public: 6,
  guidance_upskilling: 7,
  education: 8,
  integration_benefit: 9,
  other_benefit: 10,
} as const satisfies Record<StatusName, number>;

/** Status name → code, or undefined when unknown. `none` is accepted only where allowed by the caller. */
export function statusCode(name: string): number | undefined {
  const i = (STATUS_NAMES as readonly string[]).indexOf(name);
  return i < 0 ? undefined : i;
}
