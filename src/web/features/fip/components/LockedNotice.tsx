import { useEffect } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/fip/index.ts';
import { meKey, useLogout } from '../../../lib/session.ts';

/** How often the tablet asks whether the caseworker's new login has ended this session. */
const RECHECK_MS = 15_000;

/**
 * A hand-over locked by too many wrong take-back passwords: it cannot be unlocked here. The
 * caseworker's next login ends the session (the recheck then shows the login page), or
 * "End the session" logs this tablet out. Shown in the citizen's language and in Danish.
 */
export function LockedNotice({ lang }: { lang: Lang }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const logout = useLogout();
  useEffect(() => {
    const timer = setInterval(() => void qc.invalidateQueries({ queryKey: meKey }), RECHECK_MS);
    return () => clearInterval(timer);
  }, [qc]);
  return (
    <Stack align="center" py="xl" gap="lg" role="alert" data-testid="handover-locked">
      <Title order={1} size="h2" ta="center">
        {t('handoverLock.title')}
      </Title>
      <Text ta="center">{t('handoverLock.body')}</Text>
      {lang !== 'da' && (
        <Text ta="center" lang="da" dir="ltr" className="jv-danish">
          {i18n.getFixedT('da')('handoverLock.body')}
        </Text>
      )}
      <Button size="lg" variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t('handoverLock.end')}
      </Button>
    </Stack>
  );
}
