// What the caller may do: actions of src/domain/permissions.ts, computed by the server with can()
// and sent with the session and with each resource it shows, so no page calls can() itself.
import { z } from 'zod';
import { ACTIONS } from '../domain/permissions.ts';

export const abilitiesSchema = z.array(z.enum(ACTIONS));
