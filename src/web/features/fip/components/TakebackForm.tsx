import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTakeback } from '../../auth/api.ts';
import { ApiError } from '../../../lib/http.ts';

/** "Give back to caseworker": the caseworker's password ends the lock. Shown in Danish too. */
export function TakebackForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const takeback = useTakeback();
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
        {takeback.isError && (
          <Alert color="red" role="alert">
            {takeback.error instanceof ApiError && (takeback.error.status === 401 || takeback.error.status === 403)
              ? t('auth.wrongPassword')
              : takeback.error instanceof ApiError && takeback.error.status === 429
                ? t('errors.rateLimited')
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
