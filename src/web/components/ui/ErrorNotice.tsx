import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemKind, problemText, type ProblemKind } from '../../lib/problem-message.ts';

/** A failed request as an alert, said for what it is (src/web/lib/problem-message.ts). */
export function ErrorNotice({ error, overrides }: { error: unknown; overrides?: Partial<Record<ProblemKind, string>> }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" data-problem={problemKind(error)}>
      {problemText(t, error, overrides)}
    </Alert>
  );
}
