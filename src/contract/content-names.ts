// A name from the content (package templates, modules, industries, policies) as the API sends
// it: Danish and English always, the other UI languages when the content has them (names stored
// with a package before the translations existed have only da/en), and which are drafts.
import { z } from 'zod';
import { LANGS } from '../domain/fip/index.ts';

const lang = z.enum(LANGS as unknown as ['da', 'en', 'ar', 'fa', 'so', 'ti']);

export const localName = z.object({
  da: z.string(),
  en: z.string(),
  ar: z.string().optional(),
  fa: z.string().optional(),
  so: z.string().optional(),
  ti: z.string().optional(),
  unreviewed: z.array(lang).optional(),
});
