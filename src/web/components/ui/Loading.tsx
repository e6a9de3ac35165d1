import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The one loading indicator: a Mantine Loader announced as a live status region (role="status"),
 * so its label is allowed (axe aria-prohibited-attr refuses aria-label on a role-less span) and
 * screen readers hear "loading". `data-loading` lets browser tests wait until loading has ended.
 */
export function Loading({ size }: { size?: LoaderProps['size'] }) {
  const { t } = useTranslation();
  return <Loader size={size} role="status" aria-label={t('app.loading')} data-loading="" />;
}
