import { z } from 'zod';
import { abilitiesSchema } from './abilities.ts';
import { resourceId, text } from './fields.ts';
import { localName } from './content-names.ts';

export const packageIdParams = z.object({ id: resourceId('a package') });
export const enrolmentIdParams = z.object({ id: resourceId('an enrolment') });

export const newPackageBody = z.object({
  /** A template in content/packages (the file name without .json), e.g. `vejle-care`. */
  templateId: text({ min: 1, max: 100 }),
  /** Default: the template's Danish title. */
  name: text({ min: 1, max: 200 }).optional(),
});
export type NewPackage = z.infer<typeof newPackageBody>;

export const newEnrolmentBody = z.object({ citizenId: resourceId('a citizen') });
export const signOffBody = z.object({ goalId: text({ min: 1, max: 100 }), note: text({ max: 2000, multiline: true }).optional() });
export type SignOffInput = z.infer<typeof signOffBody>;
export const advanceBody = z.object({ override: z.object({ reason: text({ max: 2000, multiline: true, trim: false }) }).optional() }).optional();
export type AdvanceInput = z.infer<typeof advanceBody>;

const localText = z.object({ da: z.string(), en: z.string() });
const goal = z.object({ id: z.string(), text: localText, measure: localText });
const moduleSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: localName,
  durationWeeks: z.object({ min: z.number(), max: z.number() }),
  elements: z.array(z.string()),
  goals: z.array(goal),
});

export const packageSummarySchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateVersion: z.number(),
  name: z.string(),
  db07: z.string(),
  /** The template's title: the package's name in each UI language while `name` is the default (the Danish title). */
  title: localName,
  industry: z.object({ db07: z.string(), name: localName }),
  moduleCount: z.number(),
  createdAt: z.string(),
  /** Citizens active (incl. those waiting at a gate), waiting at a gate, completed. */
  counts: z.object({ active: z.number(), waitingAtGate: z.number(), completed: z.number() }),
});

export const enrolmentSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  citizenId: z.string(),
  /** The citizen's name (never the CPR). */
  citizenName: z.string(),
  status: z.enum(['active', 'completed']),
  startedOn: z.string(),
  completedOn: z.string().nullable(),
  /** Null when the package is completed. */
  currentModule: z.object({ index: z.number(), id: z.string(), title: localName }).nullable(),
  moduleStartedOn: z.string(),
  signedOffGoalIds: z.array(z.string()),
  unmetGoalIds: z.array(z.string()),
  /** Days since the current module started (null when completed). */
  daysInModule: z.number().nullable(),
  /**
   * Days waited at the gate: days since the gate opened (the last goal of the current module was
   * signed off, or the module started when it has no goals) while the citizen has not yet
   * advanced; null while goals are unmet or when completed.
   */
  daysWaitedAtGate: z.number().nullable(),
  /** Sign-offs of the current module: goal, who (display name), when, note. */
  signoffs: z.array(z.object({ goalId: z.string(), signedBy: z.string(), signedOn: z.string(), note: z.string() })),
  /** Every started module in order; the current one has `endedOn` null. */
  moduleHistory: z.array(z.object({
    index: z.number(),
    id: z.string(),
    title: localName,
    startedOn: z.string(),
    endedOn: z.string().nullable(),
    viaOverride: z.boolean(),
    overrideReason: z.string().nullable(),
  })),
});

export const citizenEnrolmentSchema = enrolmentSchema.extend({
  packageName: z.string(),
  packageTitle: localName,
  industry: z.object({ db07: z.string(), name: localName }),
});
export const citizenIdParams = z.object({ id: resourceId('a citizen') });

export const packageTemplateSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: localName,
  industry: z.object({ db07: z.string(), name: localName }),
  moduleCount: z.number(),
});

export const packageSchema = packageSummarySchema.extend({ modules: z.array(moduleSchema) });

/** GET /api/packages/:id: the package, its enrolments and what the caller may do with them. */
export const packageDetail = z.object({ package: packageSchema, enrolments: z.array(enrolmentSchema), abilities: abilitiesSchema });

// Response envelopes: what each route answers, named so server and web share them.
export const templateList = z.object({ templates: z.array(packageTemplateSchema) });
export const packageList = z.object({ packages: z.array(packageSummarySchema) });
export const packageCreated = z.object({ package: packageSchema });
export const citizenEnrolmentList = z.object({ enrolments: z.array(citizenEnrolmentSchema) });
export const enrolmentOne = z.object({ enrolment: enrolmentSchema });
