// #/packages/<id>: a package's citizens (current module, days in it, days waited at the gate,
// longest waits first and highlighted), enrolling a citizen from the caseload, and the modules
// in order with their kind, weeks, content elements and goals.
import { useState } from 'react';
import {
  Alert, Anchor, Badge, Box, Button, Group, List, NativeSelect, Paper, Stack, Table, Text, Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { mayDo } from '../../../lib/abilities.ts';
import { hrefFor } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import { ApiError } from '../../../lib/http.ts';
import type { EnrolmentView, PackageView } from '../../../lib/types.ts';
import { useCaseload, useEnrol, usePackage } from '../api.ts';
import { localText, readableField } from './local-text.ts';
import { byLongestWait, waitLevel } from '../wait.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';
import { packageName } from '../../../components/ui/content-name.ts';

export function WaitBadge({ e, t }: { e: EnrolmentView; t: TFunction }) {
  const level = waitLevel(e);
  if (level === 'completed') return <Badge color="teal.9" variant="outline" tt="none">{t('packages.completed')}</Badge>;
  if (level === 'in_module' || e.daysWaitedAtGate === null) return <Text size="sm">{t('packages.goalsLeft', { count: e.unmetGoalIds.length })}</Text>;
  const color = level === 'long' ? 'red.9' : level === 'some' ? 'yellow.4' : 'blue.9';
  return (
    <Badge color={color} variant="filled" autoContrast tt="none" data-testid="wait-badge" data-level={level}>
      {level === 'long' ? t('packages.longWait', { count: e.daysWaitedAtGate }) : t('packages.waited', { count: e.daysWaitedAtGate })}
    </Badge>
  );
}

function ModuleLabel({ e }: { e: EnrolmentView }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  if (e.currentModule === null) return <>{t('packages.completedOn', { date: e.completedOn ? formatDate(e.completedOn, lang) : '' })}</>;
  const title = localText(e.currentModule.title, lang);
  return (
    <>
      {t('packages.moduleN', { n: e.currentModule.index + 1 })} · <bdi lang={title.lang}>{title.text}</bdi>
    </>
  );
}

function EnrolForm({ pkg, enrolled }: { pkg: PackageView; enrolled: Set<string> }) {
  const { t } = useTranslation();
  const caseload = useCaseload();
  const enrol = useEnrol(pkg.id);
  const [citizenId, setCitizenId] = useState('');
  const candidates = (caseload.data?.citizens ?? []).filter((c) => !enrolled.has(c.id));
  const fieldError = enrol.error instanceof ApiError
    ? enrol.error.errors.some((e) => e.field === 'citizenId') || enrol.error.status === 404
      ? t('packages.invalid.citizenId')
      : enrol.error.status === 409 ? t('packages.alreadyEnrolled') : undefined
    : undefined;
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        if (citizenId) enrol.mutate(citizenId, { onSuccess: () => setCitizenId('') });
      }}
    >
      <Group align="end" wrap="wrap" gap="sm">
        <NativeSelect
          label={t('packages.enrolCitizen')}
          name="citizenId"
          value={citizenId}
          onChange={(ev) => setCitizenId(ev.currentTarget.value)}
          data={[{ value: '', label: t('packages.chooseCitizen') }, ...candidates.map((c) => ({ value: c.id, label: c.name }))]}
          error={fieldError}
          styles={readableField}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" loading={enrol.isPending} disabled={!citizenId}>
          {t('packages.enrol')}
        </Button>
      </Group>
      {enrol.isError && !fieldError && (
        <Alert color="red" role="alert" mt="xs">
          {problemText(t, enrol.error)}
        </Alert>
      )}
      {enrol.isSuccess && (
        <Text size="sm" role="status" mt="xs">
          {t('packages.enrolled', { name: enrol.data.enrolment.citizenName })}
        </Text>
      )}
    </form>
  );
}

function Citizens({ pkg, enrolments }: { pkg: PackageView; enrolments: EnrolmentView[] }) {
  const { t } = useTranslation();
  const sorted = [...enrolments].sort(byLongestWait);
  const link = (e: EnrolmentView) => hrefFor({ name: 'enrolment', packageId: pkg.id, enrolmentId: e.id });
  if (sorted.length === 0) return <Text>{t('packages.noCitizens')}</Text>;
  return (
    <>
      <Stack hiddenFrom="sm" gap="xs" data-testid="enrolment-cards">
        {sorted.map((e) => {
          return (
            <Paper key={e.id} withBorder p="sm" radius="md">
              <Anchor href={link(e)} fw={600}>
                {e.citizenName}
              </Anchor>
              <Text size="sm">
                <ModuleLabel e={e} />
              </Text>
              <Group gap="xs" mt={4}>
                {e.daysInModule !== null && <Text size="sm">{t('packages.daysInModule', { count: e.daysInModule })}</Text>}
                <WaitBadge e={e} t={t} />
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Box className="jv-table-wrap" visibleFrom="sm">
        <Table data-testid="enrolment-table">
          <Table.Caption c="gray.8">{t('packages.citizensCaption', { count: sorted.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('packages.citizen')}</Table.Th>
              <Table.Th>{t('packages.currentModule')}</Table.Th>
              <Table.Th>{t('packages.inModule')}</Table.Th>
              <Table.Th aria-sort="descending">{t('packages.atGate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((e) => {
                  return (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor href={link(e)}>{e.citizenName}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ModuleLabel e={e} />
                  </Table.Td>
                  <Table.Td>{e.daysInModule === null ? '–' : t('packages.daysInModule', { count: e.daysInModule })}</Table.Td>
                  <Table.Td>
                    <WaitBadge e={e} t={t} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
    </>
  );
}

function Modules({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
      {pkg.modules.map((m, i) => {
        const title = localText(m.title, lang);
        const weeks = m.durationWeeks.min === m.durationWeeks.max
          ? t('packages.weeks', { count: m.durationWeeks.min })
          : t('packages.weeksRange', { min: m.durationWeeks.min, max: m.durationWeeks.max });
        return (
          <Paper key={m.id} component="li" withBorder p="sm" radius="md">
            <Title order={3} size="h5">
              {t('packages.moduleN', { n: i + 1 })} · <bdi lang={title.lang}>{title.text}</bdi>
            </Title>
            <Text size="sm" c="gray.8">
              {t(`packages.kind.${m.kind}`)} · {weeks} · {m.elements.map((el) => t(`packages.element.${el}`)).join(', ')}
            </Text>
            <Text size="sm" fw={600} mt={4}>{t('packages.goals')}</Text>
            <List size="sm" spacing={2}>
              {m.goals.map((g) => {
                const text = localText(g.text, lang);
                return (
                  <List.Item key={g.id}>
                    <bdi lang={text.lang}>{text.text}</bdi>
                  </List.Item>
                );
              })}
            </List>
          </Paper>
        );
      })}
    </Stack>
  );
}

export function PackagePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const query = usePackage(id);
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data) {
    return (
      <Alert color="red" role="alert">
        {problemText(t, query.error, { notFound: t('packages.notFound') })}
      </Alert>
    );
  }
  const { package: pkg, enrolments } = query.data;
  const industry = localText(pkg.industry.name, lang);
  const mayEnrol = mayDo(query.data.abilities, 'package.enrol');
  return (
    <Stack gap="md">
      <Anchor href={hrefFor({ name: 'packages' })} size="sm">
        {t('packages.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          <bdi lang={packageName(pkg, lang).lang}>{packageName(pkg, lang).text}</bdi>
        </Title>
        <Text size="sm" c="gray.8">
          {t('packages.industry')}: <bdi lang={industry.lang}>{industry.text}</bdi> ({pkg.industry.db07}) · {t('packages.modules', { count: pkg.moduleCount })}
        </Text>
      </div>
      <Box component="section" aria-labelledby="pk-citizens-title">
        <Title order={2} size="h3" id="pk-citizens-title" mb="xs">
          {t('packages.citizensTitle')}
        </Title>
        <Stack gap="sm">
          {mayEnrol && <EnrolForm pkg={pkg} enrolled={new Set(enrolments.map((e) => e.citizenId))} />}
          <Citizens pkg={pkg} enrolments={enrolments} />
        </Stack>
      </Box>
      <Box component="section" aria-labelledby="pk-modules-title">
        <Title order={2} size="h3" id="pk-modules-title" mb="xs">
          {t('packages.modulesTitle')}
        </Title>
        <Modules pkg={pkg} />
      </Box>
    </Stack>
  );
}
