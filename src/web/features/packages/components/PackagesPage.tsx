// #/packages: the municipality's industry packages with where their citizens are, and creating
// a package from one of the templates (Vejle's six).
import { useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mayDo } from '../../../lib/abilities.ts';
import { useMe } from '../../../lib/session.ts';
import { hrefFor, navigate } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import type { PackageSummaryView } from '../../../lib/types.ts';
import { useCreatePackage, usePackageTemplates, usePackages } from '../api.ts';
import { localText } from './local-text.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';
import { packageName } from '../../../components/ui/content-name.ts';

function Counts({ p }: { p: PackageSummaryView }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="outline" color="blue.9" tt="none">{t('packages.countActive', { count: p.counts.active })}</Badge>
      <Badge variant={p.counts.waitingAtGate > 0 ? 'filled' : 'outline'} color={p.counts.waitingAtGate > 0 ? 'yellow.4' : 'gray.8'} autoContrast tt="none">
        {t('packages.countWaiting', { count: p.counts.waitingAtGate })}
      </Badge>
      <Badge variant="outline" color="teal.9" tt="none">{t('packages.countCompleted', { count: p.counts.completed })}</Badge>
    </Group>
  );
}

function CreateFromTemplate() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const templates = usePackageTemplates();
  const create = useCreatePackage();
  const [templateId, setTemplateId] = useState('');
  if (!templates.data) return null;
  const chosen = templateId || templates.data.templates[0]?.id || '';
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="pk-create-title">
      <Title order={2} size="h4" id="pk-create-title" mb="xs">
        {t('packages.createTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(chosen, { onSuccess: (data) => navigate({ name: 'package', id: data.package.id }) });
        }}
      >
        <Group align="end" wrap="wrap" gap="sm">
          <NativeSelect
            label={t('packages.template')}
            name="templateId"
            value={chosen}
            onChange={(e) => setTemplateId(e.currentTarget.value)}
            data={templates.data.templates.map((tpl) => ({ value: tpl.id, label: localText(tpl.title, lang).text }))}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={create.isPending}>
            {t('packages.create')}
          </Button>
        </Group>
        {create.isError && (
          <Alert color="red" role="alert" mt="xs">
            {problemText(t, create.error)}
          </Alert>
        )}
      </form>
    </Paper>
  );
}

export function PackagesPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const me = useMe();
  const packages = usePackages();
  const mayCreate = mayDo(me.data?.abilities, 'package.create');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('packages.title')}
      </Title>
      <Text size="sm" c="gray.8">{t('packages.intro')}</Text>
      <Text size="sm" c="gray.8" data-testid="count-definition">
        {t('packages.countDefinition')}
      </Text>
      {packages.isPending && <Loading />}
      {packages.isError && (
        <Alert color="red" role="alert">
          {problemText(t, packages.error)}
        </Alert>
      )}
      {packages.data && packages.data.packages.length === 0 && <Text>{t('packages.empty')}</Text>}
      {packages.data && packages.data.packages.length > 0 && (
        <>
          <Stack hiddenFrom="sm" gap="xs" data-testid="package-cards">
            {packages.data.packages.map((p) => {
              const industry = localText(p.industry.name, lang);
              return (
                <Paper key={p.id} withBorder p="sm" radius="md">
                  <Anchor href={hrefFor({ name: 'package', id: p.id })} fw={600}>
                    <bdi lang={packageName(p, lang).lang}>{packageName(p, lang).text}</bdi>
                  </Anchor>
                  <Text size="sm">
                    {t('packages.industry')}: <bdi lang={industry.lang}>{industry.text}</bdi> ({p.industry.db07}) · {t('packages.modules', { count: p.moduleCount })}
                  </Text>
                  <Box mt={4}>
                    <Counts p={p} />
                  </Box>
                </Paper>
              );
            })}
          </Stack>
          <Box className="jv-table-wrap" visibleFrom="sm">
            <Table>
              <Table.Caption c="gray.8">{t('packages.caption', { count: packages.data.packages.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('packages.name')}</Table.Th>
                  <Table.Th>{t('packages.industry')}</Table.Th>
                  <Table.Th>{t('packages.moduleCount')}</Table.Th>
                  <Table.Th>{t('packages.citizens')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {packages.data.packages.map((p) => {
                  const industry = localText(p.industry.name, lang);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor href={hrefFor({ name: 'package', id: p.id })}><bdi lang={packageName(p, lang).lang}>{packageName(p, lang).text}</bdi></Anchor>
                      </Table.Td>
                      <Table.Td>
                        <bdi lang={industry.lang}>{industry.text}</bdi> ({p.industry.db07})
                      </Table.Td>
                      <Table.Td>{p.moduleCount}</Table.Td>
                      <Table.Td>
                        <Counts p={p} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Box>
        </>
      )}
      {mayCreate && <CreateFromTemplate />}
    </Stack>
  );
}
