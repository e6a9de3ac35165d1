// The spoken questions' recording page (decision 023), for managers and interpreters
// (instrument.audio): for one language and instrument version, every text the citizen hears — each
// question, each anchor word of the scale, "don't know" — with its clip: record it in the browser,
// listen to the new recording, record again, save it (replacing the one there), mark a colleague's
// clip as listened through (reviewed), or remove it. One recording at a time.
import { useEffect, useState } from 'react';
import { Alert, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGS, audioTargets, type Lang } from '../../../../domain/fip/index.ts';
import { LANGUAGE_NAMES } from '../../../i18n/index.ts';
import { useInstrument } from '../../../lib/fip-rounds.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { mayDo } from '../../../lib/abilities.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { formatNumber } from '../../../lib/numbers.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useAudioSet } from '../api.ts';
import { opusRecording } from '../recorder.ts';
import { ClipRow } from './ClipRow.tsx';

const isLang = (v: string): v is Lang => (LANGS as readonly string[]).includes(v);

export function AudioPage() {
  const { t } = useTranslation();
  const { lang: uiLang } = useUiLang();
  // The language recorded: the UI's when it is not Danish (an interpreter's page in their language), else Arabic.
  const [language, setLanguage] = useState<Lang>(uiLang === 'da' ? 'ar' : uiLang);
  const [version, setVersion] = useState<string | undefined>();
  const set = useAudioSet(version, language);
  const shownVersion = version ?? set.data?.version;
  const instrument = useInstrument(shownVersion, shownVersion !== undefined);
  // Which text is being recorded (one at a time: the microphone is one).
  const [recordingTarget, setRecordingTarget] = useState<string | null>(null);
  const canRecord = opusRecording() !== undefined;
  useEffect(() => setRecordingTarget(null), [language, shownVersion]);

  const targets = instrument.data ? audioTargets(instrument.data) : [];
  const clips = new Map((set.data?.clips ?? []).map((c) => [c.target, c]));
  const recorded = targets.filter((x) => clips.has(x.target)).length;
  const reviewed = targets.filter((x) => clips.get(x.target)?.reviewed).length;
  const mayRecord = mayDo(set.data?.abilities, 'instrument.audio');
  let itemNo = 0;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audio.title')}
      </Title>
      <Text>{t('audio.intro')}</Text>
      <Group gap="md" align="end" wrap="wrap">
        <NativeSelect
          label={t('audio.language')}
          name="language"
          value={language}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isLang(v)) setLanguage(v);
          }}
          data={LANGS.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        {set.data && set.data.versions.length > 1 && (
          <NativeSelect
            label={t('audio.version')}
            name="version"
            value={shownVersion}
            onChange={(e) => setVersion(e.currentTarget.value)}
            data={set.data.versions.map((v) => ({ value: v, label: v }))}
          />
        )}
      </Group>
      {!canRecord && (
        <Alert color="yellow" variant="outline" role="alert">
          {t('audio.noRecorder')}
        </Alert>
      )}
      {set.isPending || instrument.isPending ? (
        <Loading />
      ) : set.isError || instrument.isError || !set.data || !instrument.data ? (
        <Alert color="red" role="alert">
          {problemText(t, set.error ?? instrument.error)}
        </Alert>
      ) : (
        <>
          <Text fw={600} data-testid="audio-progress">
            {t('audio.progress', {
              done: formatNumber(recorded, uiLang),
              total: formatNumber(targets.length, uiLang),
              reviewed: formatNumber(reviewed, uiLang),
              language: LANGUAGE_NAMES[language],
            })}
          </Text>
          <Text size="sm">{t('audio.reviewHelp')}</Text>
          <Stack gap="sm">
            {targets.map((target) => {
              if (target.kind === 'item') itemNo += 1;
              const label =
                target.kind === 'item'
                  ? t('audio.item', { n: formatNumber(itemNo, uiLang) })
                  : target.kind === 'anchor'
                    ? t('audio.anchor', { value: target.key })
                    : t('audio.dontKnow');
              return (
                <ClipRow
                  key={`${shownVersion}/${language}/${target.target}`}
                  version={set.data.version}
                  language={language}
                  target={target}
                  label={label}
                  clip={clips.get(target.target)}
                  mayRecord={mayRecord && canRecord}
                  mayChange={mayRecord}
                  recording={recordingTarget === target.target}
                  otherRecording={recordingTarget !== null && recordingTarget !== target.target}
                  onRecording={(on) => setRecordingTarget(on ? target.target : null)}
                />
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}
