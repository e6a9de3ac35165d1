import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Center, Container, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { itemsFor, textOf, type Lang } from '../../../../domain/fip/index.ts';
import type { AnswerMap, Handover } from '../../../lib/types.ts';
import { isHandoverLocked, useHandoverRound } from '../api.ts';
import { useInstrument, useSaveAnswers } from '../../../lib/fip-rounds.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { isLang, storedLang } from '../../../i18n/index.ts';
import { ScaleButtons } from './ScaleButtons.tsx';
import { TakebackForm } from './TakebackForm.tsx';
import { LockedNotice } from './LockedNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';

/**
 * The only thing a handed-over session shows: the citizen questionnaire, then the give-back
 * screen; or, once too many wrong take-back passwords locked the session, the lock notice.
 */
export function HandoverScreen({ handover }: { handover: Handover }) {
  const { setLang } = useUiLang();
  // The citizen's language as stored on their record; Danish if it were ever not one of ours.
  const language = isLang(handover.language) ? handover.language : 'da';
  useEffect(() => {
    setLang(language, false);
    return () => setLang(storedLang(), false);
  }, [language, setLang]);
  const [givingBack, setGivingBack] = useState(false);
  const [locked, setLocked] = useState(false);
  const onLocked = useCallback(() => setLocked(true), []);
  return (
    <Container component="main" size="sm" px="sm" py="md">
      {locked ? (
        <LockedNotice lang={language} />
      ) : givingBack ? (
        <TakebackForm onCancel={() => setGivingBack(false)} onLocked={onLocked} />
      ) : (
        <Questionnaire lang={language} roundId={handover.roundId} onGiveBack={() => setGivingBack(true)} onLocked={onLocked} />
      )}
    </Container>
  );
}

function Questionnaire({ lang, roundId, onGiveBack, onLocked }: { lang: Lang; roundId: string; onGiveBack: () => void; onLocked: () => void }) {
  const { t, i18n } = useTranslation();
  const round = useHandoverRound(roundId);
  // The questionnaire of the version the round was started on, once the round says which.
  const version = round.data?.round.instrumentVersion;
  const instrument = useInstrument(version, version !== undefined);
  const save = useSaveAnswers(roundId);
  const [answers, setAnswers] = useState<AnswerMap | null>(null);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState(false);

  const items = instrument.data ? itemsFor(instrument.data, 'citizen') : [];
  const lockedNow = isHandoverLocked(round.error) || isHandoverLocked(save.error);
  useEffect(() => {
    if (lockedNow) onLocked();
  }, [lockedNow, onLocked]);
  useEffect(() => {
    if (round.data && instrument.data && round.data.round.id === roundId && answers === null) {
      const initial = round.data.round.answers.citizen;
      setAnswers(initial);
      const firstOpen = items.findIndex((i) => !(i.id in initial));
      if (round.data.round.citizenCompletedAt) setDone(true);
      else if (firstOpen > 0) setIndex(firstOpen);
    }
  }, [round.data, instrument.data, answers, items, roundId]);

  if (instrument.isError || round.isError) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {t('errors.generic')}
        </Alert>
        <Button variant="default" onClick={onGiveBack}>
          {t('handover.giveBack')}
        </Button>
      </Stack>
    );
  }
  if (!instrument.data || !answers) {
    return (
      <Center h="50vh">
        <Loading />
      </Center>
    );
  }
  const inst = instrument.data;
  const item = items[index];
  const answeredCount = items.filter((i) => i.id in answers).length;

  const answer = (value: number | null) => {
    if (!item) return;
    const next = { ...answers, [item.id]: value };
    setAnswers(next);
    const isLast = index === items.length - 1;
    const complete = items.every((i) => i.id in next);
    const body = isLast && complete
      ? { respondent: 'citizen' as const, answers: items.map((i) => ({ itemId: i.id, value: next[i.id] ?? null })), complete: true }
      : { respondent: 'citizen' as const, answers: [{ itemId: item.id, value }], complete: false };
    save.mutate(body, {
      onSuccess: () => {
        if (isLast && complete) setDone(true);
      },
    });
    if (!isLast) setIndex(index + 1);
    else if (!complete) setIndex(items.findIndex((i) => !(i.id in next)));
  };

  if (done) {
    return (
      <Stack align="center" py="xl" gap="lg">
        <Title order={1} size="h2" ta="center">
          {t('handover.thanks')}
        </Title>
        <Text ta="center">{t('handover.thanksBody')}</Text>
        <Text ta="center" lang="da" dir="ltr" className="jv-danish">
          {i18n.getFixedT('da')('handover.thanksBody')}
        </Text>
        <Button size="lg" onClick={onGiveBack} data-testid="give-back">
          {t('handover.giveBack')}
        </Button>
      </Stack>
    );
  }
  if (!item) return null;
  const headingId = `q-${item.id}`;
  const current = answers[item.id];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {textOf(inst.title, lang)}
        </Text>
        <Button variant="subtle" size="xs" onClick={onGiveBack} data-testid="give-back">
          {t('handover.giveBack')}
        </Button>
      </Group>
      <Box>
        <Text size="sm" id="q-progress-label">
          {t('questionnaire.progress', { current: index + 1, total: items.length })}
        </Text>
        <Progress.Root size="lg" mt={4}>
          <Progress.Section value={(answeredCount / items.length) * 100} aria-labelledby="q-progress-label" />
        </Progress.Root>
      </Box>
      <Box>
        <Title order={1} size="h2" id={headingId} lang={lang} data-testid="item-text">
          {textOf(item.text, lang)}
        </Title>
        {lang !== 'da' && (
          <Text lang="da" dir="ltr" className="jv-danish" mt={6} data-testid="item-text-da">
            {textOf(item.text, 'da')}
          </Text>
        )}
      </Box>
      <ScaleButtons instrument={inst} lang={lang} value={current} onChange={(v) => answer(v)} labelledBy={headingId} />
      <Button
        variant={current === null ? 'filled' : 'default'}
        color="gray"
        size="md"
        aria-pressed={current === null}
        onClick={() => answer(null)}
      >
        {textOf(inst.scale.dontKnow, lang)}
        {lang !== 'da' && (
          <Text span size="sm" lang="da" dir="ltr" mx={8}>
            ({textOf(inst.scale.dontKnow, 'da')})
          </Text>
        )}
      </Button>
      {save.isError && (
        <Alert color="red" role="alert">
          {t('errors.saveFailed')}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('questionnaire.previous')}
        </Button>
        <Button
          variant="default"
          disabled={index >= items.length - 1 || !(item.id in answers)}
          onClick={() => setIndex(index + 1)}
        >
          {t('questionnaire.next')}
        </Button>
      </Group>
    </Stack>
  );
}
