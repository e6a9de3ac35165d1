import { problemText } from '../../../lib/problem-message.ts';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Container, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../../lib/session.ts';
import { ApiError } from '../../../lib/http.ts';
import { queries } from '../../../lib/queries.ts';
import { hashQuery, useHashQuery } from '../../../lib/router.ts';
import { SIGN_IN_PROBLEMS, type SignInProblem } from '../../../../contract/sign-in-problems.ts';

function isProblem(value: string | null): value is SignInProblem {
  return value !== null && (SIGN_IN_PROBLEMS as readonly string[]).includes(value);
}

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  // The municipalities' identity providers (decision 032); while they load, or if they cannot be read, the local form shows.
  const options = useQuery(queries.signInOptions());
  // A refused sign-in at the IdP comes back as #/?signIn=<reason>.
  const refused = hashQuery(`?${useHashQuery()}`).get('signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };
  const err = login.error;
  const providers = options.data?.providers ?? [];
  const localLogin = options.data?.localLogin ?? 'all';
  return (
    <Container component="main" size={420} py="xl">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={1} size="h2">
            {t('auth.title')}
          </Title>
          {isProblem(refused) && (
            <Alert color="red" role="alert" data-testid="sign-in-refused">
              {t(`signIn.refused.${refused}`)}
            </Alert>
          )}
          {providers.map((p) => (
            <Button key={p.id} component="a" href={`/api/auth/oidc/${encodeURIComponent(p.id)}/start`} variant="filled" data-testid={`sign-in-${p.id}`}>
              {t('signIn.with', { idp: p.label })}
            </Button>
          ))}
          {providers.length > 0 && localLogin !== 'off' && <Divider label={t('signIn.orLocal')} labelPosition="center" />}
          {localLogin === 'admin' && (
            <Text size="sm" c="gray.8">
              {t('signIn.breakGlassOnly')}
            </Text>
          )}
          {localLogin !== 'off' && (
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                {err && (
                  <Alert color="red" role="alert">
                    {err instanceof ApiError && err.status === 401 ? t('auth.wrongCredentials') : problemText(t, err)}
                  </Alert>
                )}
                <TextInput label={t('auth.username')} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} required />
                <PasswordInput label={t('auth.password')} name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
                <Button type="submit" loading={login.isPending} variant={providers.length > 0 ? 'default' : 'filled'}>
                  {t('auth.login')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
