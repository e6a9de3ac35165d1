import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { itemsFor, textOf, type Instrument, type Lang } from '../../../../domain/fip/index.ts';
import type { AnswerMap, Round } from '../../../lib/types.ts';
import { useSaveAnswers } from '../../../lib/fip-rounds.ts';
import { takeTakeback } from '../../../lib/after-takeback.ts';

/** The caseworker questionnaire: all items on one page, saved as they are answered. */
export function CaseworkerForm({ instrument, round, lang }: { instrument: Instrument; round: Round; lang: Lang }) {
  const { t } = useTranslation();
  const items = itemsFor(instrument, 'caseworker');
  const [answers, setAnswers] = useState<AnswerMap>(round.answers.caseworker);
  const save = useSaveAnswers(round.id);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Just taken back from the citizen: the page goes to this form, not to its top.
    if (takeTakeback(round.id)) {
      titleRef.current?.scrollIntoView({ block: 'start' });
      titleRef.current?.focus({ preventScroll: true });
    }
  }, [round.id]);
  const complete = items.every((i) => i.id in answers);
  const choose = (itemId: string, value: number | null) => {
    setAnswers((a) => ({ ...a, [itemId]: value }));
    save.mutate({ respondent: 'caseworker', answers: [{ itemId, value }], complete: false });
  };
  const finish = () =>
    save.mutate({
      respondent: 'caseworker',
      answers: items.map((i) => ({ itemId: i.id, value: answers[i.id] ?? null })),
      complete: true,
    });
  const { min, max } = instrument.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cw-form-title">
      <Title order={2} size="h3" id="cw-form-title" mb="sm" ref={titleRef} tabIndex={-1}>
        {t('caseworkerForm.title', { n: round.roundNo })}
      </Title>
      <Text size="sm" mb="md">
        {t('caseworkerForm.help')}
      </Text>
      <Stack gap="md">
        {items.map((item, idx) => {
          const v = answers[item.id];
          const labelId = `cw-${item.id}`;
          return (
            <div key={item.id} data-testid="cw-item">
              <Text fw={600} id={labelId}>
                {idx + 1}. {textOf(item.text, lang)}
              </Text>
              {lang !== 'da' && (
                <Text size="sm" lang="da" className="jv-danish">
                  {textOf(item.text, 'da')}
                </Text>
              )}
              <Chip.Group
                multiple={false}
                value={v === undefined ? '' : v === null ? 'dk' : String(v)}
                onChange={(val) => choose(item.id, val === 'dk' ? null : Number(val))}
              >
                <Group gap={6} mt={6} role="radiogroup" aria-labelledby={labelId} align="flex-start">
                  {values.map((val) => {
                    // The scale's anchor words (1, 4, 7) under their chips, as the citizen sees them.
                    const anchor = instrument.scale.anchors[val];
                    const anchorId = `${labelId}-anchor-${val}`;
                    return (
                      <Stack key={val} gap={2} align="center" maw={88}>
                        <Chip value={val} size="md" type="radio" aria-describedby={anchor ? anchorId : undefined}>
                          {val}
                        </Chip>
                        {anchor && (
                          <Text id={anchorId} size="xs" ta="center" lh={1.2} c="gray.8" data-testid="cw-anchor">
                            {textOf(anchor, lang)}
                          </Text>
                        )}
                      </Stack>
                    );
                  })}
                  <Chip value="dk" size="md" type="radio">
                    {textOf(instrument.scale.dontKnow, lang)}
                  </Chip>
                </Group>
              </Chip.Group>
            </div>
          );
        })}
        {save.isError && (
          <Alert color="red" role="alert">
            {t('errors.saveFailed')}
          </Alert>
        )}
        <Group>
          <Button onClick={finish} disabled={!complete} loading={save.isPending && save.variables?.complete === true}>
            {t('caseworkerForm.finish')}
          </Button>
          {!complete && (
            <Text size="sm">{t('caseworkerForm.remaining', { count: items.filter((i) => !(i.id in answers)).length })}</Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
