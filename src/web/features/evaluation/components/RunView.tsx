import { Alert, Anchor, Badge, Button, Code, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import { downloadUrl, useRun, type RunStatus } from '../api.ts';
import { formatBytes, formatCount } from '../format.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { SensitivityTable } from './SensitivityTable.tsx';
import { warningText } from './warning-text.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';

export const STATUS_COLOUR: Record<RunStatus, string> = { queued: 'gray.7', running: 'blue.8', done: 'teal.9', failed: 'red.9' };

export function RunView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { lang } = useUiLang();
  const run = useRun(id);
  if (run.isPending) return <Loading />;
  if (run.isError || !run.data) {
    return (
      <Alert color="red" role="alert">
        {problemText(t, run.error)}
      </Alert>
    );
  }
  const r = run.data;
  const percent = Math.round(r.progress * 100);
  return (
    <Stack gap="md" component="section" aria-labelledby="jv-eval-run">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="jv-eval-run">
          {t('evaluation.run', { date: formatDate(r.createdAt, lang) })}
        </Title>
        <Badge color={STATUS_COLOUR[r.status]} variant="filled">
          {t(`evaluation.status.${r.status}`)}
        </Badge>
      </Group>
      {(r.status === 'queued' || r.status === 'running') && (
        <div>
          <Text size="sm" mb={4} id="jv-eval-progress">
            {r.status === 'queued' ? t('evaluation.waiting') : t(`evaluation.stage.${(r.stage ?? 'read').replace(' ', '_')}`)}
          </Text>
          <Progress value={percent} size="lg" animated aria-labelledby="jv-eval-progress" aria-valuetext={`${percent} %`} />
        </div>
      )}
      {r.status === 'failed' && (
        <Alert color="red" role="alert" title={t('evaluation.failed')}>
          <Code block dir="ltr">
            {r.error}
          </Code>
        </Alert>
      )}
      {r.status === 'done' && r.result && (
        <>
          {r.result.warnings.length > 0 && (
            <Alert color="yellow" variant="light" title={t('evaluation.warnings', { count: r.result.warnings.length })} role="status" styles={{ root: { borderInlineStart: '4px solid var(--mantine-color-yellow-8)' } }}>
              <List size="sm" spacing={4}>
                {r.result.warnings.map((w, i) => {
                  const local = warningText(t, (k) => i18n.exists(k), lang, r.result?.warning_details?.[i]);
                  return local !== undefined ? (
                    <List.Item key={w}>{local}</List.Item>
                  ) : (
                    <List.Item key={w} dir="ltr" lang="en">
                      {w}
                    </List.Item>
                  );
                })}
              </List>
            </Alert>
          )}
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={downloadUrl(r.id, 'result.json')} download variant="light">
              {t('evaluation.download', { format: 'JSON' })}
            </Button>
            <Button component="a" href={downloadUrl(r.id, 'result.csv')} download variant="light">
              {t('evaluation.download', { format: 'CSV' })}
            </Button>
            <Button component="a" href={downloadUrl(r.id, 'report.html')} target="_blank" rel="noopener" variant="light">
              {t('evaluation.report')}
            </Button>
          </Group>
          <Text size="sm">
            {t('evaluation.population', {
              persons: formatCount(r.result.input.persons, lang),
              participants: formatCount(r.result.input.participants, lang),
              controls: formatCount(r.result.input.control_pool, lang),
            })}
          </Text>
          <ResultsTable rows={r.result.results} />
          <SensitivityTable rows={r.result.sensitivity} />
        </>
      )}
      <details>
        <summary>
          <Anchor component="span">{t('evaluation.reproduce')}</Anchor>
        </summary>
        <Table mt="xs" withTableBorder>
          <Table.Tbody>
            {(['persons', 'weeks'] as const).map((k) => (
              <Table.Tr key={k}>
                <Table.Th>{k === 'persons' ? t('evaluation.personsFile') : t('evaluation.weeksFile')}</Table.Th>
                <Table.Td dir="ltr">
                  {r.inputs[k].name} · {formatBytes(r.inputs[k].size, lang)} · <Code>{r.inputs[k].sha256}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th>{t('evaluation.parameters')}</Table.Th>
              <Table.Td dir="ltr">
                <Code>{JSON.stringify(r.parameters)}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('evaluation.version')}</Table.Th>
              <Table.Td dir="ltr">{r.jobvejVersion}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}
