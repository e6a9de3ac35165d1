// The citizen's offers with the quick changes a caseworker makes: extend a company placement by
// its 13 weeks (PATCH plannedEnd), end an offer on a date (actualEnd + completed), cancel one,
// change an IGU's school periods.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, daysBetween } from '../../../../domain/dates.ts';
import type { Lang } from '../../../../domain/fip/index.ts';
import { OFFER_KIND_INFO } from '../../../../domain/offers/index.ts';
import type { OfferView } from '../../../lib/types.ts';
import { ApiError } from '../../../lib/http.ts';
import { formatDate } from '../../../lib/dates.ts';
import { hrefFor } from '../../../lib/router.ts';
import { usePatchOffer } from '../casework-api.ts';
import { SchoolPeriodsField } from './SchoolPeriodsField.tsx';
import { offerKindLabel, offerStatusLabel } from '../../../lib/casework-labels.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { DateField } from '../../../components/ui/DateField.tsx';

const STATUS_COLOR: Record<OfferView['status'], string> = { planned: 'gray.7', active: 'teal.9', completed: 'blue.9', cancelled: 'dark.4' };

/** The weeks a company placement can still be extended by (once, by 13 weeks), else null. */
export function extensionWeeks(offer: OfferView): number | null {
  const info = OFFER_KIND_INFO[offer.kind];
  if (!info.extendableWeeks || !info.nominalWeeks || !offer.plannedEnd || offer.actualEnd) return null;
  if (offer.status !== 'planned' && offer.status !== 'active') return null;
  const weeks = (daysBetween(offer.startDate, offer.plannedEnd) + 1) / 7;
  return weeks <= info.nominalWeeks ? info.extendableWeeks : null;
}

function OfferRow({ offer, citizenId, lang, today, canUpdate }: { offer: OfferView; citizenId: string; lang: Lang; today: string; canUpdate: boolean }) {
  const { t } = useTranslation();
  const patch = usePatchOffer(citizenId);
  const [mode, setMode] = useState<'idle' | 'end' | 'cancel' | 'school'>('idle');
  const [periods, setPeriods] = useState(offer.schoolPeriods);
  const [endDate, setEndDate] = useState(today < offer.startDate ? offer.startDate : today);
  const ext = extensionWeeks(offer);
  const open = offer.status === 'planned' || offer.status === 'active';
  const fieldError = patch.error instanceof ApiError ? patch.error.errors.find((e) => e.field === 'actualEnd') : undefined;
  const periodErrors: Partial<Record<string, string>> =
    patch.error instanceof ApiError ? Object.fromEntries(patch.error.errors.filter((e) => e.field.startsWith('schoolPeriods')).map((e) => [e.field, e.message])) : {};
  const end = offer.actualEnd ?? offer.plannedEnd;
  const run = (body: Parameters<typeof patch.mutate>[0]['patch']) =>
    patch.mutate({ offerId: offer.id, patch: body }, { onSuccess: () => setMode('idle') });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="offer" data-offer-id={offer.id}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={700}>
          {offerKindLabel(t, offer.kind)}
          {offer.companyName ? ` – ${offer.companyName}` : ''}
        </Text>
        <Badge color={STATUS_COLOR[offer.status]} variant="filled" tt="none">
          {offerStatusLabel(t, offer.status)}
        </Badge>
      </Group>
      <Text size="sm" data-testid="offer-dates">
        {formatDate(offer.startDate, lang)} – {end ? formatDate(end, lang) : t('casework.offers.openEnded')}
        {offer.actualEnd ? ` (${t('casework.offers.ended')})` : offer.plannedEnd ? ` (${t('casework.offers.plannedEnd')})` : ''}
        {offer.hoursPerWeek !== null ? ` · ${t('casework.offers.hours', { count: offer.hoursPerWeek })}` : ''}
      </Text>
      {offer.kind === 'igu' && (
        <Text size="sm" data-testid="offer-school-periods">
          {offer.schoolPeriods.length > 0
            ? t('casework.schoolPeriods.list', { periods: offer.schoolPeriods.map((p) => `${formatDate(p.start, lang)} – ${formatDate(p.end, lang)}`).join('; ') })
            : `${t('casework.schoolPeriods.title')}: ${t('casework.schoolPeriods.none')}`}
        </Text>
      )}
      {patch.isError && !fieldError && Object.keys(periodErrors).length === 0 && (
        <Alert color="red" role="alert" mt="xs">
          {problemText(t, patch.error)}
        </Alert>
      )}
      {canUpdate && open && mode === 'idle' && (
        <Group gap="xs" mt="xs">
          {ext !== null && offer.plannedEnd && (
            <Button size="xs" variant="default" loading={patch.isPending} onClick={() => run({ plannedEnd: addDays(offer.plannedEnd as string, ext * 7) })}>
              {t('casework.offers.extend', { count: ext })}
            </Button>
          )}
          {offer.kind === 'igu' && (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setPeriods(offer.schoolPeriods);
                setMode('school');
              }}
            >
              {t('casework.schoolPeriods.edit')}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => setMode('end')}>
            {t('casework.offers.end')}
          </Button>
          <Button size="xs" variant="subtle" color="red.9" c="red.9" onClick={() => setMode('cancel')}>
            {t('casework.offers.cancel')}
          </Button>
        </Group>
      )}
      {mode === 'end' && (
        <Group gap="xs" mt="xs" align="flex-end" wrap="wrap">
          <DateField
            size="xs"
            label={t('casework.offers.actualEnd')}
            name="actualEnd"
            value={endDate}
            onChange={setEndDate}
            error={fieldError ? t('casework.offers.endBeforeStart') : undefined}
          />
          <Button size="xs" loading={patch.isPending} onClick={() => run({ actualEnd: endDate, status: 'completed' })}>
            {t('casework.offers.confirmEnd')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setMode('idle')}>
            {t('app.cancel')}
          </Button>
        </Group>
      )}
      {mode === 'school' && (
        <Stack gap="xs" mt="xs">
          <SchoolPeriodsField periods={periods} onChange={setPeriods} offerStart={offer.startDate} offerEnd={offer.plannedEnd ?? ''} today={today} serverErrors={periodErrors} />
          <Group gap="xs">
            <Button size="xs" loading={patch.isPending} onClick={() => run({ schoolPeriods: periods })}>
              {t('casework.schoolPeriods.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setMode('idle')}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {mode === 'cancel' && (
        <Group gap="xs" mt="xs" wrap="wrap">
          <Text size="sm">{t('casework.offers.cancelQuestion')}</Text>
          <Button size="xs" color="red.9" loading={patch.isPending} onClick={() => run({ status: 'cancelled' })}>
            {t('casework.offers.confirmCancel')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setMode('idle')}>
            {t('casework.offers.keep')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

interface Props {
  citizenId: string;
  offers: OfferView[];
  lang: Lang;
  today: string;
  canCreate: boolean;
  canUpdate: boolean;
}

export function OffersSection({ citizenId, offers, lang, today, canCreate, canUpdate }: Props) {
  const { t } = useTranslation();
  const sorted = [...offers].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="offers-title">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="offers-title">
          {t('casework.offers.title', { count: offers.length })}
        </Title>
        {canCreate && (
          <Button component="a" href={hrefFor({ name: 'newOffer', id: citizenId })} data-testid="register-placement">
            {t('casework.registerPlacement')}
          </Button>
        )}
      </Group>
      {offers.length === 0 && <Text size="sm">{t('casework.offers.none')}</Text>}
      <Stack gap="xs">
        {sorted.map((o) => (
          <OfferRow key={o.id} offer={o} citizenId={citizenId} lang={lang} today={today} canUpdate={canUpdate} />
        ))}
      </Stack>
    </Paper>
  );
}
