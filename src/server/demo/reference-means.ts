// FIP round-1 citizen means (1–7) by gender, per citizen item in instrument order (c01–c11):
// the booklet's figures (509 women, 498 men), copied from the project's reference
// seed-figures.json (`fip_round1_citizen_means_by_gender`). The demo data reproduces them.
export const ROUND1_CITIZEN_MEANS = {
  F: [5.2, 3.4, 4.1, 5.6, 5.4, 3.2, 3.8, 6.3, 4.1, 4.8, 4.3],
  M: [6.3, 4.7, 4.9, 5.9, 5.7, 3.6, 4.2, 6.4, 5.0, 5.3, 5.0],
} as const;
