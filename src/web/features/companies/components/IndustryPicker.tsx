import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { useIndustries } from '../api.ts';
import { db07Section } from '../../../../domain/companies/index.ts';
import { industryLabel } from '../industry-names.ts';
import { contentName } from '../../../components/ui/content-name.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  name?: string;
  description?: string;
  required?: boolean;
}

/** A searchable DB07 picker: each section, followed by the industries the reference data names in it. */
export function IndustryPicker({ label, value, onChange, error, name, description, required }: Props) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const industries = useIndustries();
  const known = new Set([...(industries.data?.sections ?? []), ...(industries.data?.industries ?? [])].map((e) => e.code));
  // A finer code than the reference names (a company's `10.71`) is offered under its section, so it shows as chosen.
  const extra = value && industries.data && !known.has(value) ? value : null;
  const data = (industries.data?.sections ?? []).map((s) => ({
    group: `${s.code} · ${contentName(s.name, lang).text}`,
    items: [
      { value: s.code, label: `${s.code} · ${contentName(s.name, lang).text}` },
      ...(industries.data?.industries ?? []).filter((i) => i.section === s.code).map((i) => ({ value: i.code, label: `${i.code} · ${contentName(i.name, lang).text}` })),
      ...(extra && db07Section(extra) === s.code ? [{ value: extra, label: industryLabel(extra, industries.data, lang) }] : []),
    ],
  }));
  return (
    <Select
      label={label}
      name={name}
      description={description}
      placeholder={t('companies.industryPlaceholder')}
      nothingFoundMessage={t('companies.industryNone')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable={!required}
      required={required}
      disabled={industries.isPending}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
    />
  );
}
