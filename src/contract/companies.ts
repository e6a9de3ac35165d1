import { z } from 'zod';
import { parseDb07 } from '../domain/companies/index.ts';
import { abilitiesSchema } from './abilities.ts';
import { resourceId, safeString, text } from './fields.ts';

export const companyIdParams = z.object({ id: resourceId('a company') });

const contact = z.object({
  name: text({ min: 1, max: 200 }),
  role: text({ min: 1, max: 200 }).nullable().optional(),
  email: text({ max: 200 }).nullable().optional(),
  phone: text({ max: 50 }).nullable().optional(),
});

export const newCompanyBody = z.object({
  /** 8 digits with the modulus-11 check (spaces and a `DK` prefix are forgiven); checked by parseCvr in the route. */
  cvr: text({ min: 1, max: 20 }),
  name: text({ min: 1, max: 200 }),
  /** Danish industry code (DB07): a section letter or a code like `47`, `47.11` (or `4711`); stored dotted (parseDb07). */
  db07: safeString.max(20).refine((v) => parseDb07(v).ok, { message: 'Expected a DB07 section letter or a code like 47, 47.11 or 47.11.10' }).nullable().optional(),
  address: text({ min: 1, max: 300 }).nullable().optional(),
  contacts: z.array(contact).max(20).optional(),
});
export type NewCompany = z.infer<typeof newCompanyBody>;

export const companySchema = z.object({
  id: z.string(),
  cvr: z.string(),
  name: z.string(),
  db07: z.string().nullable(),
  address: z.string().nullable(),
  contacts: z.array(
    z.object({ name: z.string(), role: z.string().nullable().optional(), email: z.string().nullable().optional(), phone: z.string().nullable().optional() }),
  ),
  createdAt: z.string(),
  /** Slots of the company's needs open today (not closed, period not over). */
  openSlots: z.number(),
});

/** GET /api/companies/:id: the company and what the caller may do with it (edit its labour needs). */
export const companyDetail = z.object({ company: companySchema, abilities: abilitiesSchema });

// Response envelopes: what each route answers, named so server and web share them.
export const companyList = z.object({ companies: z.array(companySchema) });
export const companyCreated = z.object({ company: companySchema });
