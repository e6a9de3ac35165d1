import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTakeback } from '../../../lib/session.ts';
import { ApiError } from '../../../lib/http.ts';
import { isHandoverLocked } from '../api.ts';

/**
 * "Give back to caseworker": the caseworker's password ends the lock. 429 means the hand-over
 * is locked after too many wrong passwords (onLocked shows the lock notice instead).
 */
export function TakebackForm({ onCancel, onLocked }: { onCancel: () => void; onLocked: () => void }) {
  const { t } = useTranslation();
  const takeback = useTakeback();
  const lockedNow = isHandoverLocked(takeback.error);
  useEffect(() => {
    if (lockedNow) onLocked();
  }, [lockedNow, onLocked]);
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    takeback.mutate(password);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('handover.takebackTitle')}
        </Title>
        <Text>{t('handover.takebackBody')}</Text>
        {takeback.isError && !lockedNow && (
          <Alert color="red" role="alert">
            {takeback.error instanceof ApiError && (takeback.error.status === 401 || takeback.error.status === 403)
              ? t('auth.wrongPassword')
              : t('errors.generic')}
          </Alert>
        )}
        <PasswordInput
          label={t('handover.caseworkerPassword')}
          name="takeback-password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={takeback.isPending}>
            {t('handover.takeback')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('handover.backToQuestions')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
