// Exports with codebooks (managers and evaluators, decision 033): choose a selection — what, period,
// target group, format, separator, the codebook's language — and download each file of the
// pseudonymised export (GET /api/exports/file, audited by the server with the selection). Nothing
// is read before a download, so the page has no query of its own.
import { useState } from 'react';
import { Alert, Anchor, Group, List, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_WHATS, type ExportWhat } from '../../../../domain/exports/codebook.ts';
import { EXPORT_TARGET_GROUPS, exportFiles } from '../../../../contract/export-files.ts';
import { DateField } from '../../../components/ui/DateField.tsx';

type Format = 'csv' | 'xlsx';
type Sep = 'comma' | 'semicolon';
type LabelLang = 'da' | 'en';
type TargetGroup = (typeof EXPORT_TARGET_GROUPS)[number];

/** What each file holds, as an i18n key (the file's name is shown beside it as it is saved). */
const FILE_KEYS: Record<string, string> = {
  'citizens.csv': 'exports.files.citizens',
  'answers.csv': 'exports.files.answers',
  'outcomes.csv': 'exports.files.outcomes',
  'offers.csv': 'exports.files.offers',
  'outcome_register.csv': 'exports.files.outcomeRegister',
  'codebook.csv': 'exports.files.codebook',
  'value_labels.csv': 'exports.files.valueLabels',
  'labels.do': 'exports.files.stata',
  'labels.R': 'exports.files.r',
  'export.xlsx': 'exports.files.xlsx',
};
const fileKey = (file: string): string => FILE_KEYS[file] ?? file;
/** Each choice of contents named by its file's description (all: its own). */
const WHAT_KEYS: Record<ExportWhat, string> = {
  answers: 'exports.files.answers',
  citizens: 'exports.files.citizens',
  offers: 'exports.files.offers',
  outcomes: 'exports.files.outcomeRegister',
  all: 'exports.whats.all',
};
/** The target groups by the app's own names of them (core strings), and all. */
const TARGET_GROUP_KEYS: Record<TargetGroup, string> = { all: 'exports.targetGroups.all', broad: 'targetGroup.broad', selected: 'targetGroup.selected' };

export function exportHref(params: { what: ExportWhat; format: Format; sep: Sep; labels: LabelLang; from: string; to: string; targetGroup: TargetGroup; file: string }): string {
  const q = new URLSearchParams({ what: params.what, format: params.format, labels: params.labels, targetGroup: params.targetGroup, file: params.file });
  if (params.format === 'csv') q.set('sep', params.sep);
  if (params.from) q.set('from', params.from);
  if (params.to) q.set('to', params.to);
  return `/api/exports/file?${q.toString()}`;
}

export function ExportsPage() {
  const { t } = useTranslation();
  const [what, setWhat] = useState<ExportWhat>('all');
  const [format, setFormat] = useState<Format>('csv');
  const [sep, setSep] = useState<Sep>('comma');
  const [labels, setLabels] = useState<LabelLang>('da');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [targetGroup, setTargetGroup] = useState<TargetGroup>('all');
  const valid = from === '' || to === '' || from <= to;
  const files = exportFiles(what, format);

  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>{t('exports.title')}</Title>
      <Text>{t('exports.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('exports.what')}
          name="what"
          value={what}
          onChange={(e) => setWhat(e.currentTarget.value as ExportWhat)}
          data={EXPORT_WHATS.map((w) => ({ value: w, label: t(WHAT_KEYS[w]) }))}
        />
        <DateField label={t('exports.from')} name="from" value={from} onChange={setFrom} />
        <DateField label={t('exports.to')} name="to" value={to} onChange={setTo} error={valid ? undefined : t('exports.badPeriod')} />
        <NativeSelect
          label={t('exports.targetGroup')}
          name="targetGroup"
          value={targetGroup}
          onChange={(e) => setTargetGroup(e.currentTarget.value as TargetGroup)}
          data={EXPORT_TARGET_GROUPS.map((g) => ({ value: g, label: t(TARGET_GROUP_KEYS[g]) }))}
        />
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="export-format">{t('exports.format')}</Text>
          <SegmentedControl aria-labelledby="export-format" value={format} onChange={(v) => setFormat(v as Format)} data={[{ value: 'csv', label: t('exports.formats.csv') }, { value: 'xlsx', label: t('exports.formats.xlsx') }]} />
        </Stack>
        {format === 'csv' && (
          <NativeSelect
            label={t('exports.sep')}
            name="sep"
            value={sep}
            onChange={(e) => setSep(e.currentTarget.value as Sep)}
            data={[{ value: 'comma', label: t('exports.seps.comma') }, { value: 'semicolon', label: t('exports.seps.semicolon') }]}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="export-labels">{t('exports.labels')}</Text>
          <SegmentedControl aria-labelledby="export-labels" value={labels} onChange={(v) => setLabels(v as LabelLang)} data={[{ value: 'da', label: t('lang.da') }, { value: 'en', label: t('lang.en') }]} />
        </Stack>
      </Group>
      <Alert color="gray">{t('exports.privacy')}</Alert>
      <Title order={2} size="h3">{t('exports.download')}</Title>
      {valid ? (
        <List spacing="xs" data-testid="export-files">
          {files.map((file) => (
            <List.Item key={file}>
              <Anchor href={exportHref({ what, format, sep, labels, from, to, targetGroup, file })} download>
                {t(fileKey(file))}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed" dir="ltr">({file})</Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text c="red.8">{t('exports.badPeriod')}</Text>
      )}
      <Text size="sm" c="dimmed">{t('exports.audited')}</Text>
    </Stack>
  );
}
