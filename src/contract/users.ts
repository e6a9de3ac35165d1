// The administration of user accounts (decision 026): list, create, change role, municipality or
// name, deactivate and reactivate, reset the password (a one-time password, shown once). For the
// national administrator (every municipality) and a municipality's manager (its own staff only).
import { z } from 'zod';
import { ROLES } from '../domain/permissions.ts';
import { abilitiesSchema } from './abilities.ts';
import { resourceId, safeString, text } from './fields.ts';
import { closedObject } from './caseload.ts';

const NATIONAL_ROLES = ['national_admin', 'admin'] as const;
export const MUNICIPALITY_MESSAGE = 'A national role (national_admin, admin) has no municipality; every other role needs one';
export const USERNAME_MESSAGE = 'Expected 3–100 characters: lower-case letters a–z, digits and . _ @ -';

const municipalityCode = safeString.regex(/^[0-9]{3}$/, { message: 'Expected a municipality code (three digits)' });
const roleSchema = z.enum(ROLES);
const username = text({ min: 3, max: 100 }).pipe(z.string().regex(/^[a-z0-9._@-]+$/, { message: USERNAME_MESSAGE }));
const displayName = text({ min: 1, max: 200 });

function nationalRole(role: string): boolean {
  return (NATIONAL_ROLES as readonly string[]).includes(role);
}

/** A role and a municipality agree: a national role without, every other role with one. */
export function roleMunicipalityAgree(role: string, municipality: string | null): boolean {
  return nationalRole(role) === (municipality === null);
}

export const userIdParams = z.object({ id: resourceId('a user') });

export const usersQuery = closedObject({
    /** Only this municipality's accounts (the national administrator; a manager always sees their own). */
    municipalityCode: municipalityCode.optional(),
    page: z
      .string()
      .regex(/^[0-9]{1,6}$/, { message: 'Expected a page: a whole number 1..100000' })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 100_000, { message: 'Expected a page: a whole number 1..100000' })
      .optional(),
});

export const newUserBody = closedObject({
  username,
  displayName,
  role: roleSchema,
  municipalityCode: municipalityCode.nullable(),
}).superRefine((v, ctx) => {
    if (!roleMunicipalityAgree(v.role, v.municipalityCode)) ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: MUNICIPALITY_MESSAGE });
  });

/** A change: any of name, role and municipality (role and municipality must agree afterwards). */
export const patchUserBody = closedObject({
  displayName: displayName.optional(),
  role: roleSchema.optional(),
  municipalityCode: municipalityCode.nullable().optional(),
}).refine((v) => v.displayName !== undefined || v.role !== undefined || v.municipalityCode !== undefined, { message: 'Nothing to change', path: ['role'] });

export const userAdminItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
  /** `user.admin` when the caller may change this account (never their own). */
  abilities: abilitiesSchema,
});

export const userAdminList = z.object({
  users: z.array(userAdminItem),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** What the caller may give an account: roles and municipalities. */
  assignableRoles: z.array(roleSchema),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const userAdminOne = z.object({ user: userAdminItem });

/** A new account or a reset password: the one-time password, in this response only (never stored or logged in clear). */
export const oneTimePasswordResponse = z.object({ user: userAdminItem, oneTimePassword: z.string() });
