// The caseload's scope, search and filters (decision 026). The filters live in the URL (the parent
// writes them); the search text is local state only — a name or CPR digits never go into a URL.
import { Button, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '@mantine/hooks';
import { DEADLINE_STATES, SCOPES, SORTS, TARGET_GROUPS, type CaseloadFilters as Filters, type Scope } from '../caseload-filters.ts';

export interface CaseloadFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
  text: string;
  onText: (text: string) => void;
  packages: { id: string; name: string }[];
  /** The caseworker filtered on (from the managers' overview), by name. */
  caseworkerName: string | undefined;
  scopes: readonly Scope[];
}

export function CaseloadFilters({ filters, onChange, onClear, text, onText, packages, caseworkerName, scopes }: CaseloadFiltersProps) {
  const { t } = useTranslation();
  // On a phone the three scopes stack (side by side they are wider than 360 px).
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const any = { value: '', label: t('caseloadView.filters.any') };
  const filtered = filters.targetGroup || filters.packageId || filters.deadline || filters.caseworkerId || filters.sort !== 'deadline';
  return (
    <Stack gap="sm" mb="md" component="section" aria-label={t('caseloadView.filters.title')}>
      <Group gap="sm" wrap="wrap" align="end">
        <div style={{ flex: narrow ? '1 1 100%' : undefined }}>
          <Text size="sm" fw={500} id="caseload-scope-label" mb={4}>
            {t('caseloadView.scope.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="caseload-scope-label"
            data-testid="caseload-scope"
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth={narrow}
            value={filters.scope}
            onChange={(value) => onChange({ scope: value as Scope, caseworkerId: undefined })}
            data={SCOPES.filter((s) => scopes.includes(s)).map((s) => ({ value: s, label: t(`caseloadView.scope.${s}`) }))}
          />
        </div>
        <TextInput
          style={{ flex: '1 1 16rem' }}
          type="search"
          name="search"
          autoComplete="off"
          label={t('caseloadView.search.label')}
          description={t('caseloadView.search.description')}
          styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          name="targetGroup"
          label={t('caseloadView.filters.targetGroup')}
          value={filters.targetGroup ?? ''}
          onChange={(e) => onChange({ targetGroup: (e.currentTarget.value || undefined) as Filters['targetGroup'] })}
          data={[any, ...TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroup.${g}`) }))]}
        />
        <NativeSelect
          name="packageId"
          label={t('caseloadView.filters.package')}
          value={filters.packageId ?? ''}
          onChange={(e) => onChange({ packageId: e.currentTarget.value || undefined })}
          data={[any, ...packages.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <NativeSelect
          name="deadline"
          label={t('caseloadView.filters.deadline')}
          value={filters.deadline ?? ''}
          onChange={(e) => onChange({ deadline: (e.currentTarget.value || undefined) as Filters['deadline'] })}
          data={[any, ...DEADLINE_STATES.map((d) => ({ value: d, label: t(`caseloadView.deadline.${d}`) }))]}
        />
        <NativeSelect
          name="sort"
          label={t('caseloadView.filters.sort')}
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.currentTarget.value as Filters['sort'] })}
          data={SORTS.map((s) => ({ value: s, label: t(`caseloadView.sort.${s}`) }))}
        />
      </SimpleGrid>
      {(filtered || caseworkerName) && (
        <Group gap="sm">
          {caseworkerName && <Text size="sm">{t('caseloadView.filters.caseworker', { name: caseworkerName })}</Text>}
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {t('caseloadView.filters.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
