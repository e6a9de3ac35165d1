import { lazy, Suspense, useState } from 'react';
import { Alert, Anchor, Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import type { IndustryDemandView } from '../../../lib/types.ts';
import { useDemand } from '../api.ts';
import { localName } from '../industry-names.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { DateField } from '../../../components/ui/DateField.tsx';
import { contentName, packageName } from '../../../components/ui/content-name.ts';

// The chart library loads with the chart (as the star chart and timeline), not with the app.
const DemandChart = lazy(() => import('./DemandChart.tsx').then((m) => ({ default: m.DemandChart })));

function IndustryCell({ row }: { row: IndustryDemandView }) {
  const { lang } = useUiLang();
  const name = localName(row.name, lang);
  return (
    <>
      <Text span fw={600} dir="ltr">
        {row.db07}
      </Text>
      {name && (
        <Text span size="sm" lang={name.lang === lang ? undefined : name.lang}>
          {' '}
          <bdi>{name.text}</bdi>
        </Text>
      )}
    </>
  );
}

function PackagesTable({ rows }: { rows: IndustryDemandView[] }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const packages = rows.flatMap((r) => r.packages.map((p) => ({ ...p, industry: r.db07 })));
  if (packages.length === 0) return <Text>{t('companies.demand.noPackages')}</Text>;
  const moduleCount = Math.max(...packages.map((p) => p.modules.length));
  return (
    <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('companies.demand.packagesTitle')}>
      <Table striped data-testid="demand-packages" miw={620}>
        <Table.Caption c="gray.7">{t('companies.demand.packagesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('companies.demand.package')}</Table.Th>
            {Array.from({ length: moduleCount }, (_, i) => (
              <Table.Th key={i} ta="end">
                {t('companies.demand.moduleN', { n: i + 1 })}
              </Table.Th>
            ))}
            <Table.Th ta="end">{t('companies.demand.completed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {packages.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor href={hrefFor({ name: 'package', id: p.id })}><bdi lang={packageName(p, lang).lang}>{packageName(p, lang).text}</bdi></Anchor>{' '}
                <Text span size="xs" c="gray.8" dir="ltr">
                  ({p.industry})
                </Text>
              </Table.Th>
              {Array.from({ length: moduleCount }, (_, i) => {
                const m = p.modules[i];
                return (
                  <Table.Td key={i} ta="end" title={m ? contentName(m.title, lang).text : undefined}>
                    {m ? m.active : '–'}
                    {m && m.waitingAtGate > 0 && (
                      <Text span size="xs" c="red.9">
                        {' '}
                        {t('companies.demand.waitingShort', { count: m.waitingAtGate })}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td ta="end">{p.completed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

export function DemandPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const demand = useDemand(from, to);
  const rows = demand.data?.industries ?? [];
  return (
    <Stack>
      <Anchor href={hrefFor({ name: 'companies' })} size="sm">
        {t('companies.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('companies.demand.title')}
      </Title>
      <Text c="gray.8">{t('companies.demand.intro')}</Text>
      <Text size="sm" c="gray.8" data-testid="count-definition">
        {t('packages.countDefinition')}
      </Text>
      <Paper withBorder p="sm" radius="md">
        <Group align="end" wrap="wrap">
          <DateField label={t('companies.periodFrom')} name="from" value={from || (demand.data?.from ?? '')} onChange={setFrom} />
          <DateField label={t('companies.periodTo')} name="to" value={to || (demand.data?.to ?? '')} onChange={setTo} />
          {demand.data && (
            <Text size="sm" pb={8} data-testid="demand-period">
              {t('companies.demand.period', { from: formatDate(demand.data.from, lang), to: formatDate(demand.data.to, lang) })}
            </Text>
          )}
        </Group>
      </Paper>
      {demand.isPending && <Loading />}
      {demand.isError && (
        <Alert color="red" role="alert">
          {t('companies.demand.badPeriod')}
        </Alert>
      )}
      {demand.data && rows.length === 0 && <Text>{t('companies.demand.empty')}</Text>}
      {rows.length > 0 && (
        <>
          <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('companies.demand.title')}>
            <Table striped data-testid="demand-table" miw={860}>
              <Table.Caption c="gray.7">{t('companies.demand.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2}>{t('companies.industry')}</Table.Th>
                  <Table.Th colSpan={4} ta="center">
                    {t('companies.demand.openSlots')}
                  </Table.Th>
                  <Table.Th rowSpan={2}>{t('companies.demand.companies')}</Table.Th>
                  <Table.Th colSpan={3} ta="center">
                    {t('companies.demand.citizens')}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>{t('companies.kind.placement')}</Table.Th>
                  <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>{t('companies.kind.job')}</Table.Th>
                  <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>{t('companies.kind.igu')}</Table.Th>
                  <Table.Th ta="end" style={{ whiteSpace: 'nowrap' }}>{t('companies.demand.total')}</Table.Th>
                  <Table.Th ta="end">{t('companies.demand.active')}</Table.Th>
                  <Table.Th ta="end">{t('companies.demand.waiting')}</Table.Th>
                  <Table.Th ta="end">{t('companies.demand.completed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.db07} data-db07={r.db07}>
                    <Table.Th scope="row" fw={400}>
                      <IndustryCell row={r} />
                    </Table.Th>
                    <Table.Td ta="end">{r.openSlots.placement}</Table.Td>
                    <Table.Td ta="end">{r.openSlots.job}</Table.Td>
                    <Table.Td ta="end">{r.openSlots.igu}</Table.Td>
                    <Table.Td ta="end" fw={700} data-testid="demand-total">
                      {r.openSlots.total}
                    </Table.Td>
                    <Table.Td>
                      {r.companies.length === 0
                        ? '–'
                        : r.companies.map((c, i) => (
                            <span key={c.id}>
                              {i > 0 && ', '}
                              <Anchor href={hrefFor({ name: 'company', id: c.id })} size="sm">
                                {c.name}
                              </Anchor>{' '}
                              ({c.slots})
                            </span>
                          ))}
                    </Table.Td>
                    <Table.Td ta="end">{r.citizens.active}</Table.Td>
                    <Table.Td ta="end">{r.citizens.waitingAtGate}</Table.Td>
                    <Table.Td ta="end">{r.citizens.completed}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Suspense fallback={<Loading />}>
            <DemandChart rows={rows} />
          </Suspense>
          <Title order={2} size="h3">
            {t('companies.demand.packagesTitle')}
          </Title>
          <PackagesTable rows={rows} />
        </>
      )}
    </Stack>
  );
}
