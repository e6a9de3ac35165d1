import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { CaseloadItem, CitizenSummary } from '../../../lib/types.ts';
import { useTranslation } from 'react-i18next';
import { useCaseloadPage, usePackageChoices } from '../api.ts';
import { hrefFor, replaceHashQuery, useHashQuery } from '../../../lib/router.ts';
import { formatNumber } from '../../../lib/numbers.ts';
import { filtersFromQuery, filtersToQuery, requestFor, type CaseloadFilters as Filters, type Scope } from '../caseload-filters.ts';
import { CaseloadFilters } from './CaseloadFilters.tsx';
import { CaseloadOverviewPanel } from './CaseloadOverviewPanel.tsx';
import { AssignPanel } from './AssignPanel.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import type { Lang } from '../../../../domain/fip/index.ts';
import { ruleLabel, ruleShortLabel } from '../../../lib/casework-labels.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useMe } from '../../../lib/session.ts';
import { mayDo } from '../../../lib/abilities.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { packageName } from '../../../components/ui/content-name.ts';

/** Badges keep their whole text in narrow table cells (no ellipsis). */
const WHOLE = { root: { overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

function DueStatus({ c, t }: { c: CitizenSummary; t: TFunction }) {
  if (c.daysToNextRound < 0) {
    return (
      <Badge color="red.9" variant="filled" tt="none" styles={WHOLE}>
        {t('caseload.overdue', { count: -c.daysToNextRound })}
      </Badge>
    );
  }
  if (c.daysToNextRound <= 14) {
    return (
      <Badge color="yellow.4" variant="filled" autoContrast tt="none" styles={WHOLE}>
        {t('caseload.dueSoon', { count: c.daysToNextRound })}
      </Badge>
    );
  }
  return <Text size="sm">{t('caseload.dueIn', { count: c.daysToNextRound })}</Text>;
}

/** The deadline to look at next (GET /api/citizens nextDeadline): rule, date and state. */
function NextDeadlineCell({ c, t, lang, label }: { c: CitizenSummary; t: TFunction; lang: Lang; label?: string }) {
  const next = c.nextDeadline;
  const prefix = label ? `${label}: ` : '';
  if (!next) return <Text size="sm">{prefix}{t('casework.caseload.none')}</Text>;
  const rule = ruleShortLabel(t, next.ruleId, next.kind);
  const date = next.dueDate ? formatDate(next.dueDate, lang) : '';
  return (
    <Group gap={6} wrap="wrap" data-testid="next-deadline" data-rule={next.ruleId} data-state={next.state}>
      <Text size="sm" title={ruleLabel(t, next.ruleId, next.kind)}>
        {prefix}
        {rule}
        {date ? ` · ${date}` : ''}
      </Text>
      {next.state === 'breached' && (
        <Badge color="red.9" variant="filled" tt="none" styles={WHOLE}>
          {t('casework.caseload.over', { count: next.daysOver ?? 0 })}
        </Badge>
      )}
      {next.state === 'due' && (
        <Badge color="yellow.4" variant="filled" autoContrast tt="none" styles={WHOLE}>
          {next.daysLeft === 0 ? t('casework.caseload.today') : t('casework.caseload.left', { count: next.daysLeft ?? 0 })}
        </Badge>
      )}
      {next.state === 'ok' && next.daysLeft !== null && <Text size="sm">({t('casework.caseload.left', { count: next.daysLeft })})</Text>}
    </Group>
  );
}

/** The caseworker and the consultant of a row, by name ("Ingen" when none). */
function People({ c, t }: { c: CaseloadItem; t: TFunction }) {
  return (
    <>
      {c.caseworker?.name ?? t('caseloadView.unassigned')}
      {c.consultant && (
        <Text span size="sm" c="gray.7" display="block">
          {t('caseloadView.columns.consultant')}: {c.consultant.name}
        </Text>
      )}
    </>
  );
}

/**
 * "Mine borgere" (decision 026): the caller's own citizens by default (the municipality for a
 * manager, with the caseload per caseworker above), a switch to the municipality and to the
 * unassigned, a search by name or the CPR's last four digits, filters kept in the URL, pages of 25
 * from the server, and — for whoever may — assigning a citizen.
 */
export function CaseloadPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const me = useMe();
  const abilities = me.data?.abilities;
  const manager = mayDo(abilities, 'caseload.overview');
  const mayAssign = mayDo(abilities, 'citizen.assign');
  const defaultScope: Scope = manager ? 'all' : 'mine';
  // A manager has no citizens of their own: their scopes are the municipality and the unassigned.
  const scopes: readonly Scope[] = manager ? ['all', 'unassigned'] : ['mine', 'all', 'unassigned'];
  const query = useHashQuery();
  const filters = useMemo(() => filtersFromQuery(query, defaultScope), [query, defaultScope]);
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 300);
  const citizens = useCaseloadPage(requestFor(filters, search));
  const packages = usePackageChoices(mayDo(abilities, 'package.view'));
  const [assigning, setAssigning] = useState<CaseloadItem | null>(null);
  const [saved, setSaved] = useState(false);
  const [caseworkerName, setCaseworkerName] = useState<string | undefined>(undefined);

  const setFilters = (patch: Partial<Filters>) => replaceHashQuery(filtersToQuery({ ...filters, page: 1, ...patch }, defaultScope));
  // A new search starts at page 1.
  const lastSearch = useRef(search);
  useEffect(() => {
    if (lastSearch.current === search) return;
    lastSearch.current = search;
    if (filters.page !== 1) replaceHashQuery(filtersToQuery({ ...filters, page: 1 }, defaultScope));
  }, [search, filters, defaultScope]);

  const data = citizens.data;
  const rows = data?.citizens ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  const num = (n: number) => formatNumber(n, lang);
  const assignButton = (c: CaseloadItem) =>
    mayAssign ? (
      <Button
        size="compact-sm"
        variant="default"
        aria-label={t('caseloadView.assign.buttonFor', { name: c.name })}
        onClick={() => {
          setSaved(false);
          setAssigning(c);
        }}
      >
        {t('caseloadView.assign.button')}
      </Button>
    ) : null;

  return (
    <>
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={1} size="h2">
          {t('caseload.title')}
        </Title>
        {mayDo(abilities, 'citizen.create') && (
          <Button component="a" href={hrefFor({ name: 'newCitizen' })}>
            {t('caseload.register')}
          </Button>
        )}
      </Group>
      {manager && (
        <CaseloadOverviewPanel
          onShow={(cw) => {
            setCaseworkerName(cw?.name);
            setFilters(cw ? { scope: 'all', caseworkerId: cw.id } : { scope: 'unassigned', caseworkerId: undefined });
          }}
        />
      )}
      <CaseloadFilters
        filters={filters}
        onChange={setFilters}
        onClear={() => {
          setCaseworkerName(undefined);
          replaceHashQuery(filtersToQuery({ ...filtersFromQuery('', defaultScope), scope: filters.scope }, defaultScope));
        }}
        text={text}
        onText={setText}
        packages={(packages.data?.packages ?? []).map((p) => ({ id: p.id, name: packageName(p, lang).text }))}
        caseworkerName={filters.caseworkerId ? (caseworkerName ?? rows.find((r) => r.caseworker?.id === filters.caseworkerId)?.caseworker?.name) : undefined}
        scopes={scopes}
      />
      {saved && (
        <Alert color="teal" mb="sm" role="status">
          {t('caseloadView.assign.saved')}
        </Alert>
      )}
      {citizens.isPending && <Loading />}
      {citizens.isError && (
        <Alert color="red" role="alert">
          {problemText(t, citizens.error)}
        </Alert>
      )}
      {data && data.total === 0 && (
        <Text data-testid="caseload-empty">{search.trim() || filters.scope !== 'mine' ? t('caseloadView.noMatch') : t('caseloadView.emptyMine')}</Text>
      )}
      {data && data.total > 0 && (
        <>
        <Text size="sm" mb="xs" aria-live="polite" data-testid="caseload-count">
          {t('caseloadView.showing', { from: num(from), to: num(to), total: num(data.total) })}
        </Text>
        <Stack hiddenFrom="sm" gap="xs" data-testid="caseload-cards">
          {rows.map((c) => (
            <Paper key={c.id} withBorder p="sm" radius="md" data-testid="caseload-card">
              <Group justify="space-between" wrap="nowrap" align="start">
                <Anchor href={hrefFor({ name: 'citizen', id: c.id })} fw={600}>
                  {c.name}
                </Anchor>
                {assignButton(c)}
              </Group>
              <Text size="sm">
                {t('citizen.language')}: {t(`lang.${c.language}`)} · {t('caseload.rounds')}: {num(c.roundCount)}
              </Text>
              <Text size="sm">
                {t('caseloadView.columns.caseworker')}: <People c={c} t={t} />
              </Text>
              <Group gap="xs" mt={4}>
                <Text size="sm">
                  {t('caseload.nextDue')}: {formatDate(c.nextRoundDue, lang)}
                </Text>
                <DueStatus c={c} t={t} />
              </Group>
              <Box mt={4}>
                <NextDeadlineCell c={c} t={t} lang={lang} label={t('casework.caseload.nextDeadline')} />
              </Box>
            </Paper>
          ))}
        </Stack>
        <Box className="jv-table-wrap" visibleFrom="sm">
          <Table striped highlightOnHover>
            <Table.Caption>{t('casework.caseload.caption', { count: data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('citizen.name')}</Table.Th>
                <Table.Th>{t('citizen.language')}</Table.Th>
                <Table.Th>{t('caseload.rounds')}</Table.Th>
                <Table.Th>{t('caseload.nextDue')}</Table.Th>
                <Table.Th>{t('caseload.status')}</Table.Th>
                <Table.Th>{t('casework.caseload.nextDeadline')}</Table.Th>
                <Table.Th>{t('caseloadView.columns.caseworker')}</Table.Th>
                {mayAssign && <Table.Th>{t('caseloadView.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-testid="caseload-row">
                  <Table.Td>
                    <Anchor href={hrefFor({ name: 'citizen', id: c.id })}>{c.name}</Anchor>
                  </Table.Td>
                  <Table.Td>{t(`lang.${c.language}`)}</Table.Td>
                  <Table.Td>{num(c.roundCount)}</Table.Td>
                  <Table.Td>{formatDate(c.nextRoundDue, lang)}</Table.Td>
                  <Table.Td>
                    <DueStatus c={c} t={t} />
                  </Table.Td>
                  <Table.Td>
                    <NextDeadlineCell c={c} t={t} lang={lang} />
                  </Table.Td>
                  <Table.Td>
                    <People c={c} t={t} />
                  </Table.Td>
                  {mayAssign && <Table.Td>{assignButton(c)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        {pages > 1 && (
          <Group component="nav" aria-label={t('caseloadView.page.label')} justify="center" gap="sm" mt="md" data-testid="caseload-pages">
            <Button variant="default" size="compact-md" disabled={filters.page <= 1} onClick={() => setFilters({ page: filters.page - 1 })}>
              {t('caseloadView.page.previous')}
            </Button>
            <Text size="sm">{t('caseloadView.page.of', { page: num(filters.page), pages: num(pages) })}</Text>
            <Button variant="default" size="compact-md" disabled={filters.page >= pages} onClick={() => setFilters({ page: filters.page + 1 })}>
              {t('caseloadView.page.next')}
            </Button>
          </Group>
        )}
        </>
      )}
      {assigning && (
        <AssignPanel
          key={assigning.id}
          citizen={assigning}
          onClose={(done) => {
            setAssigning(null);
            setSaved(done);
          }}
        />
      )}
    </>
  );
}
