// The citizen's deadline banner (GET /api/citizens/:id/deadlines): which rule is due or breached,
// by when, and what would satisfy it, with the action that does. Red for breached, yellow for
// due soon; a compact line when nothing is overdue or near, past breaches in one quiet line.
// The policy is named in small print.
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '../../../../domain/fip/index.ts';
import type { DeadlineReportView, DeadlineRuleView, OfferView } from '../../../lib/types.ts';
import { formatDate } from '../../../lib/dates.ts';
import { hrefFor } from '../../../lib/router.ts';
import { offerKindLabel, ruleLabel } from '../../../lib/casework-labels.ts';
import { contentName } from '../../../components/ui/content-name.ts';

interface Props {
  citizenId: string;
  report: DeadlineReportView;
  offers: OfferView[];
  lang: Lang;
  canCreateOffer: boolean;
  /** Start a FIP round, when the caller may and none is open. */
  onStartRound: (() => void) | null;
  startingRound: boolean;
}

const TONE = {
  breached: { bg: 'var(--mantine-color-red-0)', border: 'var(--mantine-color-red-8)' },
  due: { bg: 'var(--mantine-color-yellow-0)', border: 'var(--mantine-color-yellow-7)' },
} as const;

function statusLine(t: TFunction, rule: DeadlineRuleView, lang: Lang): string {
  const open = rule.breaches.find((b) => b.to === null);
  const due = rule.dueDate ? formatDate(rule.dueDate, lang) : '';
  if (open) return t('casework.banner.overdue', { count: open.daysOver, date: due });
  const parts: string[] = [];
  if (rule.state === 'breached') parts.push(t('casework.banner.brokenEarlier', { count: rule.daysOver ?? 0 }));
  if (rule.daysLeft !== null && rule.dueDate) {
    parts.push(rule.daysLeft === 0 ? t('casework.banner.dueToday', { date: due }) : t('casework.banner.dueIn', { count: rule.daysLeft, date: due }));
  }
  return parts.join(' · ');
}

function satisfyLine(t: TFunction, rule: DeadlineRuleView, lang: Lang): string | null {
  const need = rule.toSatisfy;
  if (!need) return null;
  const by = need.latestDate ? t('casework.banner.byDate', { date: formatDate(need.latestDate, lang) }) : t('casework.banner.asap');
  if (need.action === 'hold_fip_round') return t('casework.banner.satisfyFip', { by });
  const kinds = need.offerKinds.map((k) => offerKindLabel(t, k)).join(', ');
  return t('casework.banner.satisfyOffer', { kinds, by });
}

function RuleItem({ rule, offers, lang }: { rule: DeadlineRuleView; offers: OfferView[]; lang: Lang }) {
  const { t } = useTranslation();
  const satisfy = satisfyLine(t, rule, lang);
  const planned = rule.toSatisfy?.action === 'start_company_directed_offer'
    ? offers.filter((o) => rule.toSatisfy?.action === 'start_company_directed_offer' && rule.toSatisfy.plannedOfferIds.includes(o.id))
    : [];
  return (
    <List.Item data-testid={`deadline-${rule.ruleId}`}>
      <Text size="sm" fw={700} component="span">
        {ruleLabel(t, rule.ruleId, rule.kind)}:
      </Text>{' '}
      <Text size="sm" component="span">
        {statusLine(t, rule, lang)}
      </Text>
      {satisfy && (
        <Text size="sm">
          {satisfy}
        </Text>
      )}
      {planned.map((o) => (
        <Text size="sm" key={o.id}>
          {t('casework.banner.plannedWill', {
            offer: offerKindLabel(t, o.kind) + (o.companyName ? ` – ${o.companyName}` : ''),
            date: formatDate(o.startDate, lang),
          })}
        </Text>
      ))}
    </List.Item>
  );
}

export function DeadlineBanner({ citizenId, report, offers, lang, canCreateOffer, onStartRound, startingRound }: Props) {
  const { t } = useTranslation();
  const policy = (
    <Text size="xs" c="gray.7" data-testid="deadline-policy">
      {/* The policy by its name in the UI language, never its id. */}
      {t('casework.banner.policy', { id: report.policy.name ? contentName(report.policy.name, lang).text : '', date: formatDate(report.policy.effectiveFrom, lang) })}
    </Text>
  );
  // Red: overdue now (an open breach). Yellow: an obligation due within the policy's due-soon days.
  // A breach that is over (the domain keeps such a rule `breached`) is history: one quiet line.
  const open = report.rules.filter((r) => r.breaches.some((b) => b.to === null));
  const dueSoon = report.rules.filter((r) => !open.includes(r) && r.daysLeft !== null && r.daysLeft <= report.policy.dueSoonDays);
  const past = report.rules.filter((r) => !open.includes(r) && !dueSoon.includes(r) && r.breaches.length > 0);
  const pastLine = past.length > 0 && (
    <Text size="sm" data-testid="deadline-past">
      {t('casework.banner.pastBreaches', {
        rules: past.map((r) => t('casework.banner.pastItem', { rule: ruleLabel(t, r.ruleId, r.kind), count: r.daysOver ?? 0 })).join('; '),
      })}
    </Text>
  );
  if (open.length === 0 && dueSoon.length === 0) {
    const next = report.rules
      .filter((r) => r.dueDate && r.daysLeft !== null)
      .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0))[0];
    return (
      <Stack gap={0} data-testid="deadline-banner" data-state="ok" component="section" aria-label={t('casework.banner.title')}>
        <Text size="sm">
          ✓ {past.length === 0 ? t('casework.banner.allMet') : t('casework.banner.noneOpen')}
          {next?.dueDate ? ` · ${t('casework.banner.nextDeadline', { rule: ruleLabel(t, next.ruleId, next.kind), date: formatDate(next.dueDate, lang) })}` : ''}
        </Text>
        {pastLine}
        {policy}
      </Stack>
    );
  }
  const needs = (rules: DeadlineRuleView[], action: string) => rules.some((r) => r.toSatisfy?.action === action);
  const actions = (rules: DeadlineRuleView[]) => (
    <Group gap="xs" mt="xs">
      {canCreateOffer && needs(rules, 'start_company_directed_offer') && (
        <Button component="a" size="xs" href={hrefFor({ name: 'newOffer', id: citizenId })} data-testid="banner-register-placement">
          {t('casework.registerPlacement')}
        </Button>
      )}
      {onStartRound && needs(rules, 'hold_fip_round') && (
        <Button size="xs" variant="default" onClick={onStartRound} loading={startingRound} data-testid="banner-start-round">
          {t('casework.banner.startRound')}
        </Button>
      )}
    </Group>
  );
  const box = (state: 'breached' | 'due', rules: DeadlineRuleView[]) => (
    <Paper
      p="sm"
      radius="md"
      data-testid={`deadline-${state}`}
      style={{ background: TONE[state].bg, borderInlineStart: `6px solid ${TONE[state].border}` }}
    >
      <Title order={2} size="h4" mb={4}>
        {state === 'breached' ? t('casework.banner.breachedTitle', { count: rules.length }) : t('casework.banner.dueTitle', { count: rules.length })}
      </Title>
      <List spacing={4} size="sm">
        {rules.map((r) => (
          <RuleItem key={r.ruleId} rule={r} offers={offers} lang={lang} />
        ))}
      </List>
      {actions(rules)}
    </Paper>
  );
  return (
    <Stack gap="xs" data-testid="deadline-banner" data-state={open.length > 0 ? 'breached' : 'due'} component="section" aria-label={t('casework.banner.title')}>
      {open.length > 0 && box('breached', open)}
      {dueSoon.length > 0 && box('due', dueSoon)}
      {pastLine}
      {policy}
    </Stack>
  );
}
