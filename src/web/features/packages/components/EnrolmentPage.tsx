// #/packages/<id>/enrolments/<eid>: one citizen's enrolment — the current module's goals as a
// checklist (sign off with an optional note: who and when are recorded), the gate ("Start next
// module": a closed gate is answered with the unmet goals), an override that needs a reason and
// is audited, and the module history.
import { useState } from 'react';
import {
  Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mayDo } from '../../../lib/abilities.ts';
import { hrefFor } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDate } from '../../../lib/dates.ts';
import { ApiError } from '../../../lib/http.ts';
import type { EnrolmentView, PackageModuleView, PackageView } from '../../../lib/types.ts';
import { useAdvance, usePackage, useSignOff } from '../api.ts';
import { localText, readableField } from './local-text.ts';
import { WaitBadge } from './PackagePage.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';
import { packageName } from '../../../components/ui/content-name.ts';

function GoalChecklist({ pkg, e, module, mayWrite }: { pkg: PackageView; e: EnrolmentView; module: PackageModuleView; mayWrite: boolean }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const signOff = useSignOff(pkg.id, e.id);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<string | null>(null);
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }} data-testid="goal-checklist">
      {module.goals.map((g) => {
        const text = localText(g.text, lang);
        const measure = localText(g.measure, lang);
        const done = e.signoffs.find((s) => s.goalId === g.id);
        const error = pending === g.id && signOff.error instanceof ApiError && signOff.error.errors.some((x) => x.field === 'note')
          ? t('packages.invalid.note')
          : undefined;
        return (
          <Paper key={g.id} component="li" withBorder p="sm" radius="md" data-goal={g.id} data-signed={done ? 'yes' : 'no'}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text aria-hidden fw={700} c={done ? 'teal.9' : 'gray.7'}>{done ? '✓' : '○'}</Text>
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Text fw={600}><bdi lang={text.lang}>{text.text}</bdi></Text>
                <Text size="sm" c="gray.8"><bdi lang={measure.lang}>{measure.text}</bdi></Text>
                {done ? (
                  <Text size="sm" mt={4} c="teal.9">
                    {t('packages.signedBy', { name: done.signedBy, date: formatDate(done.signedOn, lang) })}
                    {done.note && <> — <q><bdi>{done.note}</bdi></q></>}
                  </Text>
                ) : (
                  <>
                    <Text size="sm" mt={4}>{t('packages.notSigned')}</Text>
                    {mayWrite && (
                      <form
                        onSubmit={(ev) => {
                          ev.preventDefault();
                          setPending(g.id);
                          const note = (notes[g.id] ?? '').trim();
                          signOff.mutate(note ? { goalId: g.id, note } : { goalId: g.id }, {
                            onSuccess: () => setNotes((n) => ({ ...n, [g.id]: '' })),
                          });
                        }}
                      >
                        <Group align="end" gap="xs" mt={6} wrap="wrap">
                          <TextInput
                            label={t('packages.note')}
                            name={`note-${g.id}`}
                            size="sm"
                            value={notes[g.id] ?? ''}
                            onChange={(ev) => {
                              const v = ev.currentTarget.value;
                              setNotes((n) => ({ ...n, [g.id]: v }));
                            }}
                            error={error}
                            styles={readableField}
                            style={{ flex: '1 1 12rem' }}
                          />
                          <Button type="submit" size="sm" variant="outline" loading={signOff.isPending && pending === g.id} aria-label={t('packages.signOffGoal', { goal: text.text })}>
                            {t('packages.signOff')}
                          </Button>
                        </Group>
                      </form>
                    )}
                  </>
                )}
              </Box>
            </Group>
          </Paper>
        );
      })}
      {signOff.isError && !(signOff.error instanceof ApiError && signOff.error.errors.length > 0) && (
        <Alert color="red" role="alert">
          {problemText(t, signOff.error, { conflict: t('packages.signOffConflict') })}
        </Alert>
      )}
    </Stack>
  );
}

function Gate({ pkg, e, module }: { pkg: PackageView; e: EnrolmentView; module: PackageModuleView }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const advance = useAdvance(pkg.id, e.id);
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [asOverride, setAsOverride] = useState(false);
  const isLast = module.id === pkg.modules[pkg.modules.length - 1]?.id;
  const next = pkg.modules[(e.currentModule?.index ?? 0) + 1];
  const unmet = module.goals.filter((g) => e.unmetGoalIds.includes(g.id));
  const err = advance.error instanceof ApiError ? advance.error : null;
  const blocked = err?.code === 'gate_blocked' && !asOverride;
  const reasonError = asOverride && err?.errors.some((x) => x.field === 'override.reason') ? t('packages.invalid.overrideReason') : undefined;
  const unmetList = (
    <Box component="ul" m={0} style={{ paddingInlineStart: '1.25rem' }}>
      {unmet.map((g) => {
        const text = localText(g.text, lang);
        return <li key={g.id}><bdi lang={text.lang}>{text.text}</bdi></li>;
      })}
    </Box>
  );
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="gate-title">
      <Title order={2} size="h4" id="gate-title" mb="xs">
        {t('packages.gateTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {unmet.length === 0
          ? t('packages.gateOpen')
          : t('packages.gateClosed', { count: unmet.length })}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button
          onClick={() => {
            setAsOverride(false);
            advance.mutate(undefined);
          }}
          loading={advance.isPending && !asOverride}
          data-testid="advance"
        >
          {isLast ? t('packages.complete') : t('packages.startNext')}
        </Button>
        {unmet.length > 0 && !overriding && (
          <Button variant="outline" color="red.9" onClick={() => setOverriding(true)}>
            {t('packages.overrideOpen')}
          </Button>
        )}
      </Group>
      {!isLast && next && (
        <Text size="xs" c="gray.8" mt={4}>
          {t('packages.nextModule', { title: localText(next.title, lang).text })}
        </Text>
      )}
      {blocked && (
        <Alert color="red" role="alert" mt="sm" title={t('packages.blockedTitle')} data-testid="gate-blocked">
          <Text size="sm">{t('packages.blockedText', { count: unmet.length })}</Text>
          {unmetList}
        </Alert>
      )}
      {err && !blocked && !reasonError && (
        <Alert color="red" role="alert" mt="sm">
          {problemText(t, advance.error)}
        </Alert>
      )}
      {advance.isSuccess && (
        <Text role="status" size="sm" mt="sm" c="teal.9">
          {advance.data.enrolment.currentModule
            ? t('packages.advanced', { title: localText(advance.data.enrolment.currentModule.title, lang).text })
            : t('packages.completedNow')}
        </Text>
      )}
      {overriding && unmet.length > 0 && (
        <Box
          component="form"
          mt="sm"
          p="sm"
          style={{ border: '1px solid var(--mantine-color-orange-3)', borderRadius: 8 }}
          data-testid="override-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            setAsOverride(true);
            advance.mutate({ reason }, {
              onSuccess: () => {
                setOverriding(false);
                setReason('');
              },
            });
          }}
        >
          <Text size="sm" fw={600}>{t('packages.overrideTitle')}</Text>
          <Text size="sm" mb={4}>{t('packages.overrideUnmet', { count: unmet.length })}</Text>
          {unmetList}
          <Textarea
            mt="xs"
            label={t('packages.overrideReason')}
            description={t('packages.overrideAudited')}
            name="override.reason"
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(ev) => setReason(ev.currentTarget.value)}
            error={reasonError}
            styles={readableField}
          />
          <Group gap="sm" mt="xs" wrap="wrap">
            <Button type="submit" color="red.9" loading={advance.isPending && asOverride}>
              {isLast ? t('packages.overrideComplete') : t('packages.overrideSubmit')}
            </Button>
            <Button variant="subtle" onClick={() => setOverriding(false)}>
              {t('packages.cancel')}
            </Button>
          </Group>
        </Box>
      )}
    </Paper>
  );
}

function History({ e }: { e: EnrolmentView }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  return (
    <Box component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="xs">
        {t('packages.historyTitle')}
      </Title>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }} data-testid="module-history">
        {e.moduleHistory.map((h) => {
          const title = localText(h.title, lang);
          return (
            <Paper key={h.index} component="li" withBorder p="xs" radius="md" data-module={h.id} data-ended={h.endedOn ?? ''}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {t('packages.moduleN', { n: h.index + 1 })} · <bdi lang={title.lang}>{title.text}</bdi>
                </Text>
                {h.endedOn === null ? (
                  <Badge color="blue.9" variant="outline" tt="none">{t('packages.current')}</Badge>
                ) : (
                  <Badge color="gray.8" variant="outline" tt="none">{t('packages.ended')}</Badge>
                )}
                {h.viaOverride && <Badge color="red.9" variant="filled" tt="none">{t('packages.viaOverride')}</Badge>}
              </Group>
              <Text size="sm">
                {h.endedOn === null
                  ? t('packages.since', { date: formatDate(h.startedOn, lang) })
                  : t('packages.fromTo', { from: formatDate(h.startedOn, lang), to: formatDate(h.endedOn, lang) })}
              </Text>
              {h.overrideReason && (
                <Text size="sm" c="gray.8">
                  {t('packages.overrideReasonWas')}: <q><bdi>{h.overrideReason}</bdi></q>
                </Text>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Box>
  );
}

export function EnrolmentPage({ packageId, enrolmentId }: { packageId: string; enrolmentId: string }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const query = usePackage(packageId);
  if (query.isPending) return <Loading />;
  const e = query.data?.enrolments.find((x) => x.id === enrolmentId);
  if (query.isError || !query.data || !e) {
    return (
      <Alert color="red" role="alert">
        {query.isError ? problemText(t, query.error, { notFound: t('packages.notFound') }) : t('packages.notFound')}
      </Alert>
    );
  }
  const pkg = query.data.package;
  const module = e.currentModule ? pkg.modules[e.currentModule.index] : undefined;
  const maySignOff = mayDo(query.data.abilities, 'package.signoff');
  const mayAdvance = mayDo(query.data.abilities, 'package.advance');
  const moduleTitle = module ? localText(module.title, lang) : null;
  return (
    <Stack gap="md">
      <Anchor href={hrefFor({ name: 'package', id: pkg.id })} size="sm">
        {t('packages.backTo', { name: packageName(pkg, lang).text })}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {e.citizenName}
        </Title>
        <Text size="sm" c="gray.8">
          <bdi lang={packageName(pkg, lang).lang}>{packageName(pkg, lang).text}</bdi> · {t('packages.enrolledOn', { date: formatDate(e.startedOn, lang) })} ·{' '}
          <Anchor href={hrefFor({ name: 'citizen', id: e.citizenId })} size="sm" underline="always">
            {t('packages.citizenPage')}
          </Anchor>
        </Text>
      </div>
      {module && moduleTitle && e.currentModule ? (
        <Box component="section" aria-labelledby="current-title">
          <Title order={2} size="h3" id="current-title">
            {t('packages.currentModuleN', { n: e.currentModule.index + 1, total: pkg.modules.length })}: <bdi lang={moduleTitle.lang}>{moduleTitle.text}</bdi>
          </Title>
          <Group gap="xs" mb="xs" wrap="wrap">
            <Text size="sm">
              {t('packages.since', { date: formatDate(e.moduleStartedOn, lang) })} · {t('packages.daysInModule', { count: e.daysInModule ?? 0 })}
            </Text>
            <WaitBadge e={e} t={t} />
          </Group>
          <Title order={3} size="h5" mb={4}>
            {t('packages.goalsChecklist', { done: e.signedOffGoalIds.length, total: module.goals.length })}
          </Title>
          <GoalChecklist pkg={pkg} e={e} module={module} mayWrite={maySignOff} />
        </Box>
      ) : (
        <Alert color="teal" role="status">
          {t('packages.completedOn', { date: e.completedOn ? formatDate(e.completedOn, lang) : '' })}
        </Alert>
      )}
      {module && mayAdvance && <Gate pkg={pkg} e={e} module={module} />}
      <History e={e} />
    </Stack>
  );
}
