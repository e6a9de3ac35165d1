import { problemText } from '../../../lib/problem-message.ts';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../../lib/session.ts';
import { ApiError } from '../../../lib/http.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };
  const err = login.error;
  return (
    <Container component="main" size={420} py="xl">
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.title')}
            </Title>
            {err && (
              <Alert color="red" role="alert">
                {err instanceof ApiError && err.status === 401
                  ? t('auth.wrongCredentials')
                  : problemText(t, err)}
              </Alert>
            )}
            <TextInput
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
