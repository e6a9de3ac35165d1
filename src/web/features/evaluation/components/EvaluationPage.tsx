import { Alert, Anchor, Badge, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import { useRuns } from '../api.ts';
import { RunView, STATUS_COLOUR } from './RunView.tsx';
import { UploadForm } from './UploadForm.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';

export function EvaluationPage({ runId }: { runId?: string | undefined }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const runs = useRuns();
  const selected = runId ?? runs.data?.runs[0]?.id;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('evaluation.title')}
        </Title>
        <Text c="gray.8">{t('evaluation.intro')}</Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" h="100%">
            <UploadForm onStarted={(run) => navigate({ name: 'evaluations', runId: run.id })} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md" h="100%" component="section" aria-labelledby="jv-eval-runs">
              <Title order={2} size="h3" id="jv-eval-runs" mb="xs">
                {t('evaluation.runs')}
              </Title>
              {runs.isPending && <Loading />}
              {runs.isError && (
                <Alert color="red" role="alert">
                  {problemText(t, runs.error)}
                </Alert>
              )}
              {runs.data && runs.data.runs.length === 0 && <Text>{t('evaluation.noRuns')}</Text>}
              {runs.data && runs.data.runs.length > 0 && (
                <div style={{ maxHeight: 320, overflowY: 'auto' }}>
                <Table highlightOnHover>
                  <Table.Tbody>
                    {runs.data.runs.map((r) => (
                      <Table.Tr key={r.id} bg={r.id === selected ? 'teal.0' : undefined}>
                        <Table.Td>
                          <Anchor href={hrefFor({ name: 'evaluations', runId: r.id })} aria-current={r.id === selected ? 'true' : undefined}>
                            {formatDate(r.createdAt, lang)}
                          </Anchor>
                          <Text size="xs" c="gray.8" dir="ltr">
                            {r.inputs.persons.name}, {r.inputs.weeks.name}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="end">
                          <Badge color={STATUS_COLOUR[r.status]} variant="filled">
                            {t(`evaluation.status.${r.status}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                </div>
              )}
            </Paper>
        </Grid.Col>
      </Grid>
      {selected && <RunView key={selected} id={selected} />}
    </Stack>
  );
}
