// What the caller may do, as the server sent it: the session's abilities (GET /api/auth/me: the
// role's, for navigation and create buttons) or a resource's own (the company, the package). The
// web app never evaluates src/domain/permissions itself, so the rules live in one place.
import type { Ability } from './types.ts';

export function mayDo(abilities: readonly Ability[] | undefined, action: Ability): boolean {
  return abilities?.includes(action) ?? false;
}
