import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A page the signed-in role may not use, reached by its address (the navigation never offers it):
 * said plainly, with the way home, instead of a form whose submit answers 403.
 */
export function NotAllowed({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t(title)}
      </Title>
      <Alert color="red" role="alert" data-problem="forbidden">
        {t('problems.forbidden')}
      </Alert>
      <Anchor href="#/">{t('problems.home')}</Anchor>
    </Stack>
  );
}
