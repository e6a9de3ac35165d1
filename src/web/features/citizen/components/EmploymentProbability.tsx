// The citizen's employment probability (decision 029): while the municipality has it on and its
// model is adequate, the probability of a job or IGU within 6 months after round 1 with its 95 %
// interval, what it rests on, and that it is decision support — never a ranking, never a reason to
// refuse an offer. Otherwise why there is none; when it is off, nothing (managers see that it is off).
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/fip/index.ts';
import { queries } from '../../../lib/queries.ts';
import { formatDecimal, formatNumber, formatShare } from '../../../lib/numbers.ts';
import { formatDate, formatDateTime } from '../../../lib/dates.ts';

interface Props {
  citizenId: string;
  lang: Lang;
  /** A manager: sees that the probability is off (and may turn it on on the model's page). */
  canManage: boolean;
}

export function EmploymentProbability({ citizenId, lang, canManage }: Props) {
  const { t } = useTranslation();
  const result = useQuery(queries.employmentProbability(citizenId));
  const data = result.data;
  if (!data || (data.status === 'off' && !canManage)) return null;
  const title = (
    <Title order={2} size="h3" id="em-probability-title" mb="xs">
      {t('employmentModel.citizen.title')}
    </Title>
  );
  if (data.status === 'off')
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="em-probability-title" data-testid="em-probability">
        {title}
        <Text size="sm">{t('employmentModel.citizen.off')}</Text>
      </Paper>
    );
  const basis = data.model
    ? t('employmentModel.citizen.basis', {
        version: formatNumber(data.model.version, lang),
        date: formatDateTime(data.model.fittedAt, lang),
        n: formatNumber(data.model.n, lang),
        events: formatNumber(data.model.events, lang),
        auc: data.model.cvAuc === null ? '–' : formatDecimal(data.model.cvAuc, lang, 2),
      })
    : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="em-probability-title" data-testid="em-probability">
      {title}
      {data.status === 'shown' ? (
        <Stack gap="xs">
          <Text size="xl" fw={700} data-testid="em-probability-value">
            {formatShare(data.probability, lang)}
          </Text>
          <Text size="sm">
            {t('employmentModel.citizen.interval', { low: formatShare(data.low, lang), high: formatShare(data.high, lang) })}
          </Text>
          <Text size="sm">{t('employmentModel.citizen.what', { date: formatDate(data.roundDate, lang) })}</Text>
          <Text size="sm" c="gray.8">
            {basis}
          </Text>
          <Alert color="blue" variant="light" data-testid="em-probability-note">
            {t('employmentModel.citizen.note')}
          </Alert>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="em-probability-reason">
            {t('employmentModel.citizen.none')} {t(`employmentModel.citizen.reason.${data.reason}`)}
          </Text>
          {basis && (
            <Text size="sm" c="gray.8">
              {basis}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
