// The forms of the user administration (decision 026): create an account, change one, and the
// confirmations of deactivating, reactivating and resetting a password (a submit button each, so
// nothing changes on a single stray click).
import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, UserAdminItem } from '../../../lib/types.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useChangeUser, useCreateUser, useResetPassword, useSetActive } from '../api.ts';

const NATIONAL: readonly Role[] = ['national_admin', 'admin'];

export interface Choices {
  roles: Role[];
  municipalities: { code: string; name: string }[];
}

function RoleAndMunicipality({ choices, role, municipality, onRole, onMunicipality }: { choices: Choices; role: Role; municipality: string; onRole: (r: Role) => void; onMunicipality: (m: string) => void }) {
  const { t } = useTranslation();
  const national = NATIONAL.includes(role);
  return (
    <>
      <NativeSelect
        name="role"
        label={t('admin.create.role')}
        value={role}
        onChange={(e) => onRole(e.currentTarget.value as Role)}
        data={choices.roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
      />
      <NativeSelect
        name="municipalityCode"
        label={t('admin.create.municipality')}
        value={national ? '' : municipality}
        disabled={national}
        onChange={(e) => onMunicipality(e.currentTarget.value)}
        data={national ? [{ value: '', label: t('admin.national') }] : choices.municipalities.map((m) => ({ value: m.code, label: m.name }))}
      />
    </>
  );
}

export function CreateUserForm({ choices, onCreated }: { choices: Choices; onCreated: (name: string, password: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>(choices.roles[0] ?? 'caseworker');
  const [municipality, setMunicipality] = useState(choices.municipalities.length === 1 ? (choices.municipalities[0]?.code ?? '') : '');
  const national = NATIONAL.includes(role);
  const municipalities = national ? choices.municipalities : [{ code: '', name: '—' }, ...choices.municipalities].filter((m, i, all) => m.code !== '' || all.length > 2);
  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-labelledby="create-user-title">
      <Title order={2} size="h4" id="create-user-title" mb="sm">
        {t('admin.create.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { username: username.trim().toLowerCase(), displayName, role, municipalityCode: national ? null : municipality || null },
            {
              onSuccess: (out) => {
                onCreated(out.user.displayName, out.oneTimePassword);
                setUsername('');
                setDisplayName('');
              },
            },
          );
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            name="username"
            required
            autoComplete="off"
            label={t('admin.create.username')}
            description={t('admin.create.usernameHint', { example: 'mette@607' })}
            styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <TextInput name="displayName" required autoComplete="off" label={t('admin.create.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
          <RoleAndMunicipality
            choices={{ ...choices, municipalities }}
            role={role}
            municipality={municipality}
            onRole={setRole}
            onMunicipality={setMunicipality}
          />
        </SimpleGrid>
        {create.isError && (
          <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
            <ErrorNotice error={create.error} overrides={{ conflict: t('admin.create.conflict') }} />
          </div>
        )}
        <Button type="submit" mt="md" loading={create.isPending}>
          {t('admin.create.submit')}
        </Button>
      </form>
    </Paper>
  );
}

export type UserAction = 'edit' | 'deactivate' | 'reactivate' | 'reset';

export function UserActionPanel({ user, action, choices, onDone }: { user: UserAdminItem; action: UserAction; choices: Choices; onDone: (result: { notice?: string; password?: string } | null) => void }) {
  const { t } = useTranslation();
  const change = useChangeUser(user.id);
  const setActive = useSetActive(user.id);
  const reset = useResetPassword(user.id);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [municipality, setMunicipality] = useState(user.municipalityCode ?? choices.municipalities[0]?.code ?? '');
  const failed = change.error ?? setActive.error ?? reset.error;
  const busy = change.isPending || setActive.isPending || reset.isPending;
  const name = user.displayName;
  const title = action === 'edit' ? t('admin.edit.title', { name }) : t(`admin.${action}.confirm`, { name });
  return (
    <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="user-action-title" data-testid="user-action">
      {action === 'edit' ? (
        <Title order={2} size="h4" id="user-action-title" mb="sm">
          {title}
        </Title>
      ) : (
        <Text id="user-action-title" fw={600} mb="sm">
          {title}
        </Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (action === 'edit') {
            const national = NATIONAL.includes(role);
            change.mutate({ displayName, role, municipalityCode: national ? null : municipality }, { onSuccess: () => onDone({ notice: t('admin.edit.saved') }) });
          } else if (action === 'reset') {
            reset.mutate(undefined, { onSuccess: (out) => onDone({ password: out.oneTimePassword }) });
          } else {
            setActive.mutate(action === 'reactivate', { onSuccess: () => onDone({ notice: t(`admin.${action}.done`, { name }) }) });
          }
        }}
      >
        {action === 'edit' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md">
            <TextInput name="displayName" required label={t('admin.create.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
            <RoleAndMunicipality choices={choices} role={role} municipality={municipality} onRole={setRole} onMunicipality={setMunicipality} />
          </SimpleGrid>
        )}
        {failed && (
          <div style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
            <ErrorNotice error={failed} overrides={{ conflict: t('admin.edit.conflict') }} />
          </div>
        )}
        <Group gap="sm">
          <Button type="submit" color={action === 'deactivate' || action === 'reset' ? 'red.9' : undefined} loading={busy}>
            {action === 'edit' ? t('admin.edit.save') : t(`admin.${action}.submit`)}
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            {t('admin.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
