// Users and roles (decision 026): the national administrator's page for every municipality's
// accounts and a manager's for their own municipality's staff. Create (the one-time password is
// shown once, here), change role, municipality or name, deactivate, reactivate, reset a password —
// each button only where the account's abilities from the server allow it.
import { useState } from 'react';
import { Alert, Badge, Box, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserAdminItem } from '../../../lib/types.ts';
import { mayDo } from '../../../lib/abilities.ts';
import { useMe } from '../../../lib/session.ts';
import { formatNumber } from '../../../lib/numbers.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useUsers } from '../api.ts';
import { CreateUserForm, UserActionPanel, type UserAction } from './UserForms.tsx';

/** Badges keep their whole text beside a long name (no ellipsis, never shrunk). */
const WHOLE = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

function Status({ user }: { user: UserAdminItem }) {
  const { t } = useTranslation();
  return user.active ? (
    <Badge color="teal.9" variant="outline" tt="none" styles={WHOLE}>
      {t('admin.active')}
    </Badge>
  ) : (
    <Badge color="gray.9" variant="outline" tt="none" styles={WHOLE}>
      {t('admin.deactivated')}
    </Badge>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const me = useMe();
  const national = me.data?.user.municipalityCode === null;
  const [municipality, setMunicipality] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const users = useUsers(municipality, page);
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ user: UserAdminItem; action: UserAction } | null>(null);
  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const choices = { roles: data?.assignableRoles ?? [], municipalities: data?.municipalities ?? [] };

  const start = (user: UserAdminItem, action: UserAction) => {
    setNotice(null);
    setSecret(null);
    setOpen({ user, action });
  };
  const actions = (u: UserAdminItem) =>
    mayDo(u.abilities, 'user.admin') ? (
      <Group gap={6} wrap="wrap">
        <Button size="compact-sm" variant="default" aria-label={t('admin.edit.buttonFor', { name: u.displayName })} onClick={() => start(u, 'edit')}>
          {t('admin.edit.button')}
        </Button>
        {u.active ? (
          <Button size="compact-sm" variant="outline" color="red.9" aria-label={t('admin.deactivate.buttonFor', { name: u.displayName })} onClick={() => start(u, 'deactivate')}>
            {t('admin.deactivate.button')}
          </Button>
        ) : (
          <Button size="compact-sm" variant="default" aria-label={t('admin.reactivate.buttonFor', { name: u.displayName })} onClick={() => start(u, 'reactivate')}>
            {t('admin.reactivate.button')}
          </Button>
        )}
        <Button size="compact-sm" variant="default" aria-label={t('admin.reset.buttonFor', { name: u.displayName })} onClick={() => start(u, 'reset')}>
          {t('admin.reset.button')}
        </Button>
      </Group>
    ) : null;
  const name = (u: UserAdminItem) => (
    <>
      {u.displayName}
      {u.id === me.data?.user.id && (
        <Text span size="sm" c="gray.7">
          {' '}
          {t('admin.you')}
        </Text>
      )}
    </>
  );

  return (
    <>
      <Title order={1} size="h2" mb="xs">
        {t('admin.title')}
      </Title>
      <Text mb="md">{national ? t('admin.intro') : t('admin.introManager')}</Text>
      {secret && (
        <Alert
          color="teal"
          mb="md"
          role="status"
          title={t('admin.password.title', { name: secret.name })}
          styles={{ title: { color: 'var(--mantine-color-black)' } }}
          data-testid="one-time-password"
        >
          <Text size="sm">{t('admin.password.body')}</Text>
          <Code fz="lg" my="xs" display="block" data-testid="one-time-password-value" dir="ltr">
            {secret.password}
          </Code>
          <Button size="compact-sm" variant="default" onClick={() => setSecret(null)}>
            {t('admin.password.hide')}
          </Button>
        </Alert>
      )}
      {notice && (
        <Alert color="teal" mb="md" role="status">
          {notice}
        </Alert>
      )}
      {users.isPending && <Loading />}
      {users.isError && <ErrorNotice error={users.error} />}
      {data && (
        <>
          <CreateUserForm
            choices={choices}
            onCreated={(displayName, password) => {
              setNotice(null);
              setSecret({ name: displayName, password });
            }}
          />
          {national && (
            <NativeSelect
              name="municipalityFilter"
              label={t('admin.filter')}
              maw={320}
              mb="sm"
              value={municipality ?? ''}
              onChange={(e) => {
                setMunicipality(e.currentTarget.value || undefined);
                setPage(1);
              }}
              data={[{ value: '', label: t('admin.allMunicipalities') }, ...data.municipalities.map((m) => ({ value: m.code, label: m.name }))]}
            />
          )}
          <Text size="sm" mb="xs" data-testid="users-count">
            {t('admin.count', { total: formatNumber(data.total, lang) })}
          </Text>
          {data.users.length === 0 && <Text>{t('admin.empty')}</Text>}
          <Stack hiddenFrom="sm" gap="xs">
            {data.users.map((u) => (
              <Paper key={u.id} withBorder p="sm" radius="md" data-testid="user-card">
                <Group justify="space-between" align="start" wrap="nowrap">
                  <Text fw={600}>{name(u)}</Text>
                  <Status user={u} />
                </Group>
                <Text size="sm" dir="ltr" ta="start">
                  {u.username}
                </Text>
                <Text size="sm">
                  {t(`admin.roles.${u.role}`)} · {u.municipalityName ?? t('admin.national')}
                </Text>
                <Box mt={6}>{actions(u)}</Box>
              </Paper>
            ))}
          </Stack>
          <Box className="jv-table-wrap" visibleFrom="sm">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.columns.name')}</Table.Th>
                  <Table.Th>{t('admin.columns.username')}</Table.Th>
                  <Table.Th>{t('admin.columns.role')}</Table.Th>
                  <Table.Th>{t('admin.columns.municipality')}</Table.Th>
                  <Table.Th>{t('admin.columns.status')}</Table.Th>
                  <Table.Th>{t('admin.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.users.map((u) => (
                  <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
                    <Table.Td>{name(u)}</Table.Td>
                    <Table.Td dir="ltr">{u.username}</Table.Td>
                    <Table.Td>{t(`admin.roles.${u.role}`)}</Table.Td>
                    <Table.Td>{u.municipalityName ?? t('admin.national')}</Table.Td>
                    <Table.Td>
                      <Status user={u} />
                    </Table.Td>
                    <Table.Td>{actions(u)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {pages > 1 && (
            <Group component="nav" aria-label={t('admin.page.label')} justify="center" gap="sm" mt="md">
              <Button variant="default" size="compact-md" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('admin.page.previous')}
              </Button>
              <Text size="sm">{t('admin.page.of', { page: formatNumber(page, lang), pages: formatNumber(pages, lang) })}</Text>
              <Button variant="default" size="compact-md" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('admin.page.next')}
              </Button>
            </Group>
          )}
          {open && (
            <UserActionPanel
              key={`${open.user.id}-${open.action}`}
              user={open.user}
              action={open.action}
              choices={choices}
              onDone={(result) => {
                setOpen(null);
                if (result?.password) setSecret({ name: open.user.displayName, password: result.password });
                if (result?.notice) setNotice(result.notice);
              }}
            />
          )}
        </>
      )}
    </>
  );
}
