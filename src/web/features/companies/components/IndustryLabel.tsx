import { useUiLang } from '../../../lib/use-ui-lang.ts';
import type { IndustriesView } from '../../../lib/types.ts';
import { industryLabel, industryName } from '../industry-names.ts';

/**
 * `47.11 · Detailhandel …` inline, the name in the UI language (marked with its language when the
 * content falls back to another), isolated so a right-to-left page keeps code and name in order.
 */
export function IndustryLabel({ code, industries }: { code: string | null; industries: IndustriesView | undefined }) {
  const { lang } = useUiLang();
  if (!code) return <>–</>;
  const name = industryName(code, industries, lang);
  return <bdi lang={name && name.lang !== lang ? name.lang : undefined}>{industryLabel(code, industries, lang)}</bdi>;
}
