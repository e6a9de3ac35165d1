// How one may sign in (GET /api/auth/sign-in-options, public): the municipalities' identity
// providers (decision 032) and whether local passwords are taken; and the reasons a sign-in
// through an IdP is refused, which the callback names in its redirect (`#/?signIn=<reason>`).
import { z } from 'zod';

export { SIGN_IN_PROBLEMS, type SignInProblem } from './sign-in-problems.ts';

export const signInOptionsResponse = z.object({
  /** all: every local account; admin: only the break-glass administrator's; off: none. */
  localLogin: z.enum(['all', 'admin', 'off']),
  providers: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type SignInOptions = z.infer<typeof signInOptionsResponse>;

/** POST /api/auth/logout after a sign-in through an IdP: where the browser goes next (RP-initiated logout). */
export const logoutResponse = z.object({ endSessionUrl: z.string() });
