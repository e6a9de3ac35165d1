// One text of the recording page: the text in the chosen language (and the Danish), its saved clip
// to listen to, and record → listen → save or record again; review and remove (decision 023).
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRtl, textOf, type AudioTargetText, type Lang } from '../../../../domain/fip/index.ts';
import type { AudioClip } from '../../../lib/types.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import { formatNumber } from '../../../lib/numbers.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { useRemoveClip, useReviewClip, useSaveClip } from '../api.ts';
import { base64Of, startRecording, type Recorded, type Recording } from '../recorder.ts';

interface Props {
  version: string;
  language: Lang;
  target: AudioTargetText;
  label: string;
  clip: AudioClip | undefined;
  /** May record here (the role, and a browser that records Opus). */
  mayRecord: boolean;
  /** May review and remove (the role). */
  mayChange: boolean;
  recording: boolean;
  otherRecording: boolean;
  onRecording: (on: boolean) => void;
}

type MicProblem = 'micDenied' | 'micFailed' | null;

function MicIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function ClipRow({ version, language, target, label, clip, mayRecord, mayChange, recording, otherRecording, onRecording }: Props) {
  const { t } = useTranslation();
  const { lang: uiLang } = useUiLang();
  const save = useSaveClip();
  const review = useReviewClip();
  const remove = useRemoveClip();
  const recorder = useRef<Recording | null>(null);
  const [draft, setDraft] = useState<(Recorded & { url: string }) | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [mic, setMic] = useState<MicProblem>(null);
  const headingId = `clip-${target.target.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  // The draft's blob: URL goes when the draft does; a recording stops when the row goes.
  useEffect(() => () => (draft ? URL.revokeObjectURL(draft.url) : undefined), [draft]);
  useEffect(() => () => recorder.current?.cancel(), []);
  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [recording]);

  const keep = (clipDone: Recorded) => {
    recorder.current = null;
    onRecording(false);
    setDraft({ ...clipDone, url: URL.createObjectURL(clipDone.blob) });
  };
  const record = async () => {
    setMic(null);
    save.reset();
    setDraft(null);
    try {
      recorder.current = await startRecording(keep);
      onRecording(true);
    } catch (err) {
      setMic(err instanceof DOMException && err.name === 'NotAllowedError' ? 'micDenied' : 'micFailed');
    }
  };
  const stop = async () => {
    const r = recorder.current;
    if (r) keep(await r.stop());
  };
  const saveDraft = async () => {
    if (!draft) return;
    save.mutate(
      { version, language, target: target.target, mimeType: draft.mimeType, durationMs: draft.durationMs, clip: await base64Of(draft.blob) },
      { onSuccess: () => setDraft(null) },
    );
  };
  const key = { version, language, target: target.target };
  const status = clip ? (clip.reviewed ? 'reviewed' : 'recorded') : 'none';
  const problem = save.error ?? review.error ?? remove.error;
  const dir = isRtl(language) ? 'rtl' : 'ltr';
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={headingId} data-testid="clip-row" data-target={target.target} data-status={status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>
            {label}
          </Title>
          <Badge variant="outline" color={status === 'reviewed' ? 'teal.9' : status === 'recorded' ? 'blue.9' : 'gray.8'} tt="none">
            {t(`audio.status.${status}`)}
          </Badge>
        </Group>
        <Text lang={language} dir={dir} fw={600} data-testid="clip-text">
          {textOf(target.text, language)}
        </Text>
        {language !== 'da' && (
          <Text size="sm" lang="da" dir="ltr" c="gray.8">
            {textOf(target.text, 'da')}
          </Text>
        )}
        {clip && (
          <Stack gap={2}>
            <Text size="sm" id={`${headingId}-saved`}>
              {t('audio.saved')}
            </Text>
            <audio controls preload="none" src={clip.url} aria-labelledby={`${headingId}-saved ${headingId}`} style={{ width: '100%' }} data-testid="saved-clip" />
            <Text size="xs" c="gray.8">
              {t('audio.recordedBy', { name: clip.recordedBy ?? '', date: formatDate(clip.recordedAt.slice(0, 10), uiLang), seconds: formatNumber(Math.round((clip.durationMs ?? 0) / 100) / 10, uiLang) })}
              {clip.reviewedBy ? ` · ${t('audio.reviewedBy', { name: clip.reviewedBy })}` : ''}
            </Text>
          </Stack>
        )}
        {recording && (
          <Text role="status" c="red.9" fw={700} data-testid="recording">
            {t('audio.recording', { seconds: formatNumber(seconds, uiLang) })}
          </Text>
        )}
        {draft && (
          <Stack gap={2}>
            <Text size="sm" id={`${headingId}-draft`}>
              {t('audio.draft')}
            </Text>
            <audio controls src={draft.url} aria-labelledby={`${headingId}-draft ${headingId}`} style={{ width: '100%' }} data-testid="draft-clip" />
          </Stack>
        )}
        <Group gap="xs" wrap="wrap">
          {recording ? (
            <Button color="red.9" onClick={() => void stop()} data-testid="stop">
              {t('audio.stop')}
            </Button>
          ) : (
            mayRecord && (
              <Button variant={clip || draft ? 'default' : 'filled'} leftSection={<MicIcon />} onClick={() => void record()} disabled={otherRecording || save.isPending} data-testid="record">
                {clip || draft ? t('audio.recordAgain') : t('audio.record')}
              </Button>
            )
          )}
          {draft && !recording && (
            <>
              <Button onClick={() => void saveDraft()} loading={save.isPending} data-testid="save">
                {t('audio.save')}
              </Button>
              <Button variant="subtle" onClick={() => setDraft(null)} disabled={save.isPending}>
                {t('audio.discard')}
              </Button>
            </>
          )}
          {clip && mayChange && !clip.reviewed && !clip.recordedByYou && !draft && !recording && (
            <Button variant="outline" onClick={() => review.mutate({ ...key, sha256: clip.sha256 })} loading={review.isPending} data-testid="review">
              {t('audio.review')}
            </Button>
          )}
          {clip && mayChange && !draft && !recording && (
            <Button variant="default" c="red.9" onClick={() => remove.mutate(key)} loading={remove.isPending} data-testid="remove">
              {t('audio.remove')}
            </Button>
          )}
        </Group>
        {mic && (
          <Alert color="red" role="alert">
            {t(`audio.${mic}`)}
          </Alert>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problemText(t, problem)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
