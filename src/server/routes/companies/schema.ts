import { z } from 'zod';

export const companyIdParams = z.object({ id: z.guid({ message: 'Expected a company id' }) });

const contact = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200).nullable().optional(),
  email: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
});

export const newCompanyBody = z.object({
  /** 8 digits with the modulus-11 check (spaces and a `DK` prefix are forgiven); checked by parseCvr in the route. */
  cvr: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(200),
  /** Danish industry code (DB07): a section letter or 2–6 digits. */
  db07: z.string().regex(/^([A-U]|[0-9]{2,6})$/, { message: 'Expected a DB07 section letter or code of 2–6 digits' }).nullable().optional(),
  address: z.string().trim().min(1).max(300).nullable().optional(),
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
});
