// Route-level authorization through the pure rules of src/domain/permissions.ts.
import { can, type Action } from '../../../domain/permissions.ts';
import type { actorOf } from './authenticate.ts';
import { ApiError } from './errors.ts';

type Actor = ReturnType<typeof actorOf>;

/** Throw 403 `forbidden` unless the actor's role may perform the action in its municipality. */
export function requireAbility(actor: Actor, action: Action): asserts actor is Actor & { municipalityCode: string } {
  if (!can(actor, action)) throw new ApiError('forbidden', 'Your role may not do this');
}
