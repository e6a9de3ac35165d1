import { Suspense, useEffect } from 'react';
import { Anchor, Box, Button, Center, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../lib/session.ts';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { mayDo } from '../lib/abilities.ts';
import type { Me } from '../lib/types.ts';
import { LanguageMenu } from '../components/ui/LanguageMenu.tsx';
import { fillPath, matchRoute, useHashPath } from '../lib/router.ts';
import { Loading } from '../components/ui/Loading.tsx';
import { homeRoute, routes } from './routes.tsx';

function Header({ me }: { me?: Me }) {
  const name = me?.user.displayName;
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Box component="header" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor href="#/" fw={700} size="lg" c="teal.9" underline="never">
          jobvej
        </Anchor>
        <Group gap="xs">
          {me &&
            routes.flatMap(({ path, nav }) =>
              nav && mayDo(me.abilities, nav.can)
                ? [
                    <Anchor key={path} href={fillPath(path, {})} size="sm" fw={600}>
                      {t(nav.label)}
                    </Anchor>,
                  ]
                : [],
            )}
          {name && (
            <Text size="sm" c="gray.8" data-testid="signed-in">
              {name}
            </Text>
          )}
          <LanguageMenu />
          {name && (
            <Button variant="subtle" size="sm" onClick={() => logout.mutate()}>
              {t('auth.logout')}
            </Button>
          )}
        </Group>
      </Group>
    </Box>
  );
}

/**
 * A handed-over session is the citizen's: its page is handover.html, the light citizen's mode
 * (decision 019), in the citizen's language (#ti). This app shows nothing of the caseworker's meanwhile.
 */
function HandoverRedirect({ language }: { language: string }) {
  useEffect(() => {
    location.replace(`/handover.html#${encodeURIComponent(language)}`);
  }, [language]);
  return (
    <Center component="main" h="100vh">
      <Loading />
    </Center>
  );
}

/** The page of the current path (the route table, routes.tsx); unknown paths show '/'. */
function CurrentPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const path = useHashPath();
  const { route, params } = matchRoute(routes, path) ?? { route: homeRoute, params: {} };
  const title = t(typeof route.title === 'function' ? route.title(me) : route.title);
  useEffect(() => {
    document.title = `${title} · jobvej`;
    return () => {
      document.title = 'jobvej';
    };
  }, [title]);
  return <Suspense fallback={<Loading />}>{route.page(params, me)}</Suspense>;
}

export function Shell() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center component="main" h="100vh">
        <Loading />
      </Center>
    );
  }
  if (me.data?.handover) return <HandoverRedirect language={me.data.handover.language} />;
  if (!me.data) {
    return (
      <>
        <Header />
        <LoginPage />
      </>
    );
  }
  return (
    <>
      <Header me={me.data} />
      <Container component="main" size="lg" py="md" px="sm">
        <CurrentPage me={me.data} />
      </Container>
    </>
  );
}
