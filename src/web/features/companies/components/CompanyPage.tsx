import { Alert, Anchor, Badge, Box, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mayDo } from '../../../lib/abilities.ts';
import { hrefFor } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import type { LabourNeedView } from '../../../lib/types.ts';
import { useCompany, useIndustries, useNeeds, usePatchNeed } from '../api.ts';
import { IndustryLabel } from './IndustryLabel.tsx';
import { AddNeedForm } from './AddNeedForm.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';

const today = () => new Date().toISOString().slice(0, 10);

type NeedState = 'open' | 'closed' | 'ended';
function needState(need: LabourNeedView, on: string): NeedState {
  if (need.closedOn !== null && need.closedOn <= on) return 'closed';
  if (need.periodTo < on) return 'ended';
  return 'open';
}

function NeedsTable({ needs, mayEdit }: { needs: LabourNeedView[]; mayEdit: boolean }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const industries = useIndustries();
  const patch = usePatchNeed();
  const on = today();
  const colour: Record<NeedState, string> = { open: 'teal.9', closed: 'gray.7', ended: 'gray.7' };
  return (
    <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('companies.needs')}>
      <Table striped data-testid="needs-table" miw={680}>
        <Table.Caption c="gray.7">{t('companies.needsCaption', { count: needs.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('companies.needKind')}</Table.Th>
            <Table.Th ta="end">{t('companies.slots')}</Table.Th>
            <Table.Th>{t('companies.period')}</Table.Th>
            <Table.Th>{t('companies.industry')}</Table.Th>
            <Table.Th>{t('companies.status')}</Table.Th>
            {mayEdit && <Table.Th>{t('companies.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {needs.map((n) => {
            const state = needState(n, on);
            return (
              <Table.Tr key={n.id}>
                <Table.Td>
                  {t(`companies.kind.${n.kind}`)}
                  {n.note && (
                    <Text size="xs" c="gray.8">
                      {n.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end">{n.slots}</Table.Td>
                <Table.Td>
                  {formatDate(n.periodFrom, lang)} – {formatDate(n.periodTo, lang)}
                </Table.Td>
                <Table.Td>
                  <IndustryLabel code={n.db07} industries={industries.data} />
                </Table.Td>
                <Table.Td>
                  <Badge color={colour[state]} variant={state === 'open' ? 'filled' : 'outline'} tt="none">
                    {state === 'closed' && n.closedOn ? t('companies.closedOn', { date: formatDate(n.closedOn, lang) }) : t(`companies.state.${state}`)}
                  </Badge>
                </Table.Td>
                {mayEdit && (
                  <Table.Td>
                    {state === 'open' ? (
                      <Button size="xs" variant="default" loading={patch.isPending && patch.variables?.id === n.id} onClick={() => patch.mutate({ id: n.id, patch: { closedOn: on } })}>
                        {t('companies.close')}
                      </Button>
                    ) : state === 'closed' ? (
                      <Button size="xs" variant="subtle" loading={patch.isPending && patch.variables?.id === n.id} onClick={() => patch.mutate({ id: n.id, patch: { closedOn: null } })}>
                        {t('companies.reopen')}
                      </Button>
                    ) : null}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {patch.isError && (
        <Alert color="red" role="alert" mt="xs">
          {problemText(t, patch.error)}
        </Alert>
      )}
    </Box>
  );
}

export function CompanyPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const company = useCompany(id);
  const needs = useNeeds(id);
  const industries = useIndustries();
  const mayEdit = mayDo(company.data?.abilities, 'company.needs');
  if (company.isPending) return <Loading />;
  if (company.isError || !company.data) {
    return (
      <Alert color="red" role="alert">
        {t('companies.notFound')}
      </Alert>
    );
  }
  const c = company.data.company;
  return (
    <Stack>
      <Anchor href={hrefFor({ name: 'companies' })} size="sm">
        {t('companies.back')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {c.name}
        </Title>
        <Badge size="lg" color="teal.9" variant="filled" tt="none">
          {t('companies.openSlotsCount', { count: c.openSlots })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('companies.details')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              <b>{t('companies.cvr')}:</b> <span dir="ltr">{c.cvr}</span>
            </Text>
            <Text size="sm">
              <b>{t('companies.industry')}:</b> <IndustryLabel code={c.db07} industries={industries.data} />
            </Text>
            <Text size="sm">
              <b>{t('companies.address')}:</b> {c.address ?? '–'}
            </Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('companies.contacts')}
          </Title>
          {c.contacts.length === 0 ? (
            <Text size="sm">{t('companies.noContacts')}</Text>
          ) : (
            <List size="sm" spacing={4} listStyleType="none" ps={0}>
              {c.contacts.map((p, i) => (
                <List.Item key={i}>
                  <b>{p.name}</b>
                  {p.role ? `, ${p.role}` : ''}
                  {p.phone && (
                    <>
                      {' · '}
                      <Anchor href={`tel:${p.phone}`} dir="ltr" size="sm">
                        {p.phone}
                      </Anchor>
                    </>
                  )}
                  {p.email && (
                    <>
                      {' · '}
                      <Anchor href={`mailto:${p.email}`} dir="ltr" size="sm">
                        {p.email}
                      </Anchor>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>
      <Title order={2} size="h3">
        {t('companies.needs')}
      </Title>
      <Text size="sm" c="gray.8">
        {t('companies.needsIntro')}
      </Text>
      {needs.isPending && <Loading />}
      {needs.data && needs.data.needs.length === 0 && <Text>{t('companies.noNeeds')}</Text>}
      {needs.data && needs.data.needs.length > 0 && <NeedsTable needs={needs.data.needs} mayEdit={mayEdit} />}
      {mayEdit && <AddNeedForm companyId={c.id} companyDb07={c.db07} />}
    </Stack>
  );
}
