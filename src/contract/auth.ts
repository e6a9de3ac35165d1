import { z } from 'zod';
import { ROLES } from '../domain/permissions.ts';
import { abilitiesSchema } from './abilities.ts';
import { text } from './fields.ts';

// A NUL in the user name reached the users query (a 500 from PostgreSQL): both fields are text.
const password = text({ min: 1, max: 1000, trim: false });

export const loginBody = z.object({
  username: text({ min: 1, max: 200 }),
  password,
});

export const takebackBody = z.object({ password });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
});

export const handoverSchema = z.object({ roundId: z.string(), citizenId: z.string(), language: z.string() });

export const sessionResponse = z.object({
  user: userSchema,
  csrfToken: z.string(),
  handover: handoverSchema.nullable(),
  /** What the caller's role may do in its municipality (navigation, create buttons). */
  abilities: abilitiesSchema,
});
