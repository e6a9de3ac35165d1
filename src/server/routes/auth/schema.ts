import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

export const takebackBody = z.object({
  password: z.string().min(1).max(1000),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['caseworker', 'company_consultant', 'manager', 'evaluator', 'national_admin', 'admin']),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
});

export const handoverSchema = z.object({ roundId: z.string(), citizenId: z.string(), language: z.string() });

export const sessionResponse = z.object({
  user: userSchema,
  csrfToken: z.string(),
  handover: handoverSchema.nullable(),
});
