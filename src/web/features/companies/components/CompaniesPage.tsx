import { useState } from 'react';
import { Alert, Anchor, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mayDo } from '../../../lib/abilities.ts';
import { hrefFor } from '../../../lib/router.ts';
import { useMe } from '../../../lib/session.ts';
import { useCompanies, useIndustries } from '../api.ts';
import { IndustryLabel } from './IndustryLabel.tsx';
import { RegisterCompanyForm } from './RegisterCompanyForm.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';

export function CompaniesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const companies = useCompanies();
  const industries = useIndustries();
  const [registering, setRegistering] = useState(false);
  const mayCreate = mayDo(me.data?.abilities, 'company.create');
  const list = companies.data?.companies ?? [];
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('companies.title')}
        </Title>
        <Group gap="xs">
          <Button component="a" variant="default" href={hrefFor({ name: 'demand' })}>
            {t('companies.demandLink')}
          </Button>
          {mayCreate && !registering && <Button onClick={() => setRegistering(true)}>{t('companies.register')}</Button>}
        </Group>
      </Group>
      <Text c="gray.8">{t('companies.intro')}</Text>
      {registering && <RegisterCompanyForm onCancel={() => setRegistering(false)} />}
      {companies.isPending && <Loading />}
      {companies.isError && (
        <Alert color="red" role="alert">
          {problemText(t, companies.error)}
        </Alert>
      )}
      {companies.data && list.length === 0 && <Text>{t('companies.empty')}</Text>}
      {list.length > 0 && (
        <>
          <Stack hiddenFrom="sm" gap="xs" data-testid="company-cards">
            {list.map((c) => (
              <Paper key={c.id} withBorder p="sm" radius="md">
                <Anchor href={hrefFor({ name: 'company', id: c.id })} fw={600}>
                  {c.name}
                </Anchor>
                <Text size="sm">
                  {t('companies.cvr')}: <span dir="ltr">{c.cvr}</span>
                </Text>
                <Text size="sm">
                  <IndustryLabel code={c.db07} industries={industries.data} />
                </Text>
                <Text size="sm" fw={600}>
                  {t('companies.openSlotsCount', { count: c.openSlots })}
                </Text>
              </Paper>
            ))}
          </Stack>
          <Box className="jv-table-wrap" visibleFrom="sm">
            <Table striped data-testid="companies-table">
              <Table.Caption c="gray.7">{t('companies.caption', { count: list.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('companies.name')}</Table.Th>
                  <Table.Th>{t('companies.cvr')}</Table.Th>
                  <Table.Th>{t('companies.industry')}</Table.Th>
                  <Table.Th ta="end">{t('companies.openSlots')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor href={hrefFor({ name: 'company', id: c.id })}>{c.name}</Anchor>
                    </Table.Td>
                    <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                      {c.cvr}
                    </Table.Td>
                    <Table.Td>
                      <IndustryLabel code={c.db07} industries={industries.data} />
                    </Table.Td>
                    <Table.Td ta="end">{c.openSlots}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </>
      )}
    </Stack>
  );
}
