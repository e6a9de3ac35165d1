import { z } from 'zod';
import { LABOUR_NEED_KINDS, parseDb07 } from '../domain/companies/index.ts';
import { isoDate, resourceId, safeString, text, wholeNumber } from './fields.ts';
import { localName } from './content-names.ts';

export const needIdParams = z.object({ id: resourceId('a labour need') });

export const newNeedBody = z
  .object({
    /** placement = company placement (virksomhedspraktik) slot; job = ordinary or wage-subsidy job; igu = IGU position. */
    kind: z.enum(LABOUR_NEED_KINDS),
    slots: wholeNumber(1, 1000),
    periodFrom: isoDate,
    periodTo: isoDate,
    /** Default: the company's DB07 code. */
    db07: safeString.max(20).refine((v) => parseDb07(v).ok, { message: 'Expected a DB07 section letter or a code like 47, 47.11 or 47.11.10' }).nullable().optional(),
    note: text({ max: 1000, multiline: true }).nullable().optional(),
  })
  .refine((b) => b.periodTo >= b.periodFrom, { message: 'The period ends before it starts', path: ['periodTo'] });
export type NewNeed = z.infer<typeof newNeedBody>;

export const patchNeedBody = z
  .object({
    slots: wholeNumber(1, 1000).optional(),
    /** The need is closed from this day on (filled or withdrawn); null reopens it. */
    closedOn: isoDate.nullable().optional(),
  })
  .refine((b) => b.slots !== undefined || b.closedOn !== undefined, { message: 'Nothing to change', path: ['slots'] });
export type NeedPatch = z.infer<typeof patchNeedBody>;

export const needSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  db07: z.string(),
  kind: z.enum(LABOUR_NEED_KINDS),
  slots: z.number(),
  periodFrom: z.string(),
  periodTo: z.string(),
  note: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdAt: z.string(),
});

export const demandQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, { message: 'The period ends before it starts', path: ['to'] });

const entry = z.object({ code: z.string(), section: z.string(), name: localName });
export const industriesSchema = z.object({ sections: z.array(entry), industries: z.array(entry) });

export const demandSchema = z.object({
  from: z.string(),
  to: z.string(),
  industries: z.array(
    z.object({
      db07: z.string(),
      section: z.string().nullable(),
      name: localName.nullable(),
      openSlots: z.object({ placement: z.number(), job: z.number(), igu: z.number(), total: z.number() }),
      companies: z.array(z.object({ id: z.string(), name: z.string(), slots: z.number() })),
      packages: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          title: localName,
          db07: z.string(),
          modules: z.array(z.object({ index: z.number(), title: localName, active: z.number(), waitingAtGate: z.number() })),
          active: z.number(),
          waitingAtGate: z.number(),
          completed: z.number(),
        }),
      ),
      citizens: z.object({ active: z.number(), waitingAtGate: z.number(), completed: z.number() }),
    }),
  ),
});

// Response envelopes: what each route answers, named so server and web share them.
export const needList = z.object({ needs: z.array(needSchema) });
export const needOne = z.object({ need: needSchema });
