// Why an identity provider's sign-in was refused (decision 032), without zod: the login page imports
// these, and a page that imports zod's runtime trips the CSP (zod probes for eval).
export const SIGN_IN_PROBLEMS = ['denied', 'state', 'failed', 'unavailable', 'municipality', 'role', 'claims', 'deactivated'] as const;
export type SignInProblem = (typeof SIGN_IN_PROBLEMS)[number];
