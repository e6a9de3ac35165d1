// The citizen page's case work: the deadline banner (top of the page) and the offers, timeline
// and outcomes sections. Each loads what it shows (React Query shares the requests).

import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/fip/index.ts';
import type { Ability, CitizenDetail, Round } from '../../../lib/types.ts';
import { useCitizenEnrolments, useDeadlines, useOffers, useOutcomes } from '../casework-api.ts';
import { localToday, outcomeKindLabel } from '../../../lib/casework-labels.ts';
import { formatDate } from '../../../lib/dates.ts';
import { exitOutcome } from '../../../../domain/outcomes.ts';
import { DeadlineBanner } from './DeadlineBanner.tsx';
import { OffersSection } from './OffersSection.tsx';
import { OutcomeSection } from './OutcomeForm.tsx';
import { TimelineSection } from './Timeline.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { packageName } from '../../../components/ui/content-name.ts';

interface Common {
  citizen: CitizenDetail;
  abilities: Ability[];
  lang: Lang;
}

function Failed({ error }: { error: unknown }) {
  return <ErrorNotice error={error} />;
}

export function CitizenDeadlines({ citizen, abilities, lang, onStartRound, startingRound }: Common & { onStartRound: (() => void) | null; startingRound: boolean }) {
  const { t } = useTranslation();
  const can = (a: Ability) => abilities.includes(a);
  const deadlines = useDeadlines(citizen.id, can('deadline.view'));
  const offers = useOffers(citizen.id, can('offer.view'));
  const outcomes = useOutcomes(citizen.id, can('outcome.view'));
  if (!can('deadline.view')) return null;
  if (deadlines.isPending) return <Loading size="sm" />;
  if (deadlines.isError) return <Failed error={deadlines.error} />;
  // After a programme end or self-sufficiency no deadlines run (as in the caseload and the timeliness command).
  const exit = exitOutcome(outcomes.data ?? [], deadlines.data.asOf);
  if (exit) {
    return (
      <Text size="sm" data-testid="deadline-banner" data-state="exited">
        {t('casework.banner.exited', { outcome: outcomeKindLabel(t, exit.kind), date: formatDate(exit.date, lang) })}
      </Text>
    );
  }
  return (
    <DeadlineBanner
      citizenId={citizen.id}
      report={deadlines.data}
      offers={offers.data ?? []}
      lang={lang}
      canCreateOffer={can('offer.create')}
      onStartRound={can('round.start') ? onStartRound : null}
      startingRound={startingRound}
    />
  );
}

export function CitizenCasework({ citizen, abilities, lang, rounds }: Common & { rounds: Round[] }) {
  const can = (a: Ability) => abilities.includes(a);
  const offers = useOffers(citizen.id, can('offer.view'));
  const outcomes = useOutcomes(citizen.id, can('outcome.view'));
  const deadlines = useDeadlines(citizen.id, can('deadline.view'));
  const enrolments = useCitizenEnrolments(citizen.id, can('package.view'));
  const today = deadlines.data?.asOf ?? localToday();
  // The page passes a freshly sorted rounds array on every render: key the timeline on its content
  // so the chart is not rebuilt when nothing on it changed.
  const roundsKey = rounds.map((r) => `${r.id}:${r.startedOn}`).join(',');
  const roundPoints = useMemo(() => rounds.map(({ id, roundNo, startedOn }) => ({ id, roundNo, startedOn })), [roundsKey]);
  const input = useMemo(
    () => ({
      takeoverDate: citizen.takeoverDate,
      offers: offers.data ?? [],
      // A package's lane is named in the UI language (its template's title), not by its stored Danish name.
      enrolments: (enrolments.data ?? []).map((e) => ({ ...e, packageName: packageName({ name: e.packageName, title: e.packageTitle }, lang).text })),
      rounds: roundPoints,
      outcomes: outcomes.data ?? [],
    }),
    [citizen.takeoverDate, offers.data, enrolments.data, roundPoints, outcomes.data, lang],
  );
  if (!can('offer.view')) return null;
  if (offers.isPending) return <Loading />;
  if (offers.isError) return <Failed error={offers.error} />;
  return (
    <>
      <OffersSection citizenId={citizen.id} offers={offers.data} lang={lang} today={today} canCreate={can('offer.create')} canUpdate={can('offer.update')} />
      <TimelineSection input={input} today={today} lang={lang} />
      {can('outcome.view') && outcomes.isError && <Failed error={outcomes.error} />}
      {can('outcome.view') && outcomes.data && (
        <OutcomeSection
          citizenId={citizen.id}
          outcomes={outcomes.data}
          lang={lang}
          today={today}
          canCreate={can('outcome.create')}
          canViewCompanies={can('company.view')}
        />
      )}
    </>
  );
}
