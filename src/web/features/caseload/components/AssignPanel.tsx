// Assign a citizen to a caseworker and a company consultant (decision 026): shown in the page (not
// a modal) under the list, for callers whose abilities include citizen.assign.
import { useEffect, useRef, useState } from 'react';
import { Box, Button, Group, NativeSelect, Paper, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseloadItem } from '../../../lib/types.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useAssign, useAssignees } from '../api.ts';

export function AssignPanel({ citizen, onClose }: { citizen: CaseloadItem; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const assignees = useAssignees(true);
  const assign = useAssign(citizen.id);
  const [caseworkerId, setCaseworkerId] = useState(citizen.caseworker?.id ?? '');
  const [consultantId, setConsultantId] = useState(citizen.consultant?.id ?? '');
  const none = { value: '', label: t('caseloadView.assign.none') };
  // Opened from a row far above: bring the panel into view.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  // Someone no longer among the active colleagues stays selectable as they are now.
  const withCurrent = (list: { id: string; name: string }[], current: { id: string; name: string } | null) =>
    current && !list.some((c) => c.id === current.id) ? [...list, current] : list;
  return (
    <Paper ref={panel} withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="assign-title" data-testid="assign-panel">
      <Title order={2} size="h4" id="assign-title" mb="sm">
        {t('caseloadView.assign.title', { name: citizen.name })}
      </Title>
      {assignees.isPending && <Loading />}
      {assignees.isError && <ErrorNotice error={assignees.error} />}
      {assignees.data && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate({ caseworkerId: caseworkerId || null, consultantId: consultantId || null }, { onSuccess: () => onClose(true) });
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              name="caseworkerId"
              label={t('caseloadView.assign.caseworker')}
              value={caseworkerId}
              onChange={(e) => setCaseworkerId(e.currentTarget.value)}
              data={[none, ...withCurrent(assignees.data.caseworkers, citizen.caseworker).map((c) => ({ value: c.id, label: c.name }))]}
            />
            <NativeSelect
              name="consultantId"
              label={t('caseloadView.assign.consultant')}
              value={consultantId}
              onChange={(e) => setConsultantId(e.currentTarget.value)}
              data={[none, ...withCurrent(assignees.data.consultants, citizen.consultant).map((c) => ({ value: c.id, label: c.name }))]}
            />
          </SimpleGrid>
          {assign.isError && (
            <Box mt="sm">
              <ErrorNotice error={assign.error} />
            </Box>
          )}
          <Group mt="md" gap="sm">
            <Button type="submit" loading={assign.isPending}>
              {t('caseloadView.assign.save')}
            </Button>
            <Button variant="default" onClick={() => onClose(false)}>
              {t('caseloadView.assign.cancel')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
