import { useUiLang } from '../../../lib/use-ui-lang.ts';
import type { IndustriesView } from '../../../lib/types.ts';
import { industryLabel, nameLang } from '../industry-names.ts';

/**
 * `47.11 · Detailhandel …` inline. The reference names are Danish and English only: outside Danish
 * the English name is marked lang="en" and kept left-to-right inside a right-to-left page.
 */
export function IndustryLabel({ code, industries }: { code: string | null; industries: IndustriesView | undefined }) {
  const { lang } = useUiLang();
  if (!code) return <>–</>;
  const english = nameLang(lang) === 'en';
  return (
    <span lang={english ? 'en' : undefined} dir="ltr">
      {industryLabel(code, industries, lang)}
    </span>
  );
}
