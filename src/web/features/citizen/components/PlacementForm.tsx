// One-screen registration of a company placement (or any other offer): kind preselected to a
// private company placement, start the coming Monday (today when a deadline needs it sooner),
// planned end computed live with the server's own function (offer-defaults.ts), hours per week
// by kind, status derived from the start, the company picked from the register by typing. What
// the offer does to the citizen's pending deadlines is shown as it is filled in.
// From the citizen page a placement at a registered company takes 4 interactions (see docs/web.md).
import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Autocomplete, Button, Group, List, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../domain/dates.ts';
import { OFFER_KIND_INFO, defaultHoursPerWeek, defaultPlannedEnd, defaultStatus, offerRuleEffects, suggestedStart, type OfferKind, type SchoolPeriod } from '../../../../domain/offers/index.ts';
import { ApiError } from '../../../lib/http.ts';
import { formatDate } from '../../../lib/dates.ts';
import { hrefFor, navigate } from '../../../lib/router.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { useCitizen } from '../api.ts';
import { useCompanies, useCreateOffer, useDeadlines, useOffers } from '../casework-api.ts';
import { companyLabel, matchCompany } from '../company-match.ts';
import { SchoolPeriodsField } from './SchoolPeriodsField.tsx';
import { READABLE_DESCRIPTION, localToday, offerKindLabel, offerStatusLabel, ruleLabel } from '../../../lib/casework-labels.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';
import { DateField } from '../../../components/ui/DateField.tsx';

/** Kinds in the order caseworkers reach for them; a private company placement first. */
const KIND_ORDER: OfferKind[] = [
  'praktik_private', 'praktik_public', 'wage_subsidy_private', 'wage_subsidy_public', 'igu',
  'danish_education', 'mentor', 'guidance_upskilling', 'introduction_course',
];
const HAS_COMPANY = new Set(['company_placement', 'wage_subsidy', 'igu', 'mentor']);

export function PlacementForm({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const citizen = useCitizen(citizenId);
  const abilities = citizen.data?.abilities ?? [];
  const deadlines = useDeadlines(citizenId, abilities.includes('deadline.view'));
  const companies = useCompanies(abilities.includes('company.view'));
  const create = useCreateOffer(citizenId);
  const offers = useOffers(citizenId, abilities.includes('offer.view'));

  const today = deadlines.data?.asOf ?? localToday();
  const rules = deadlines.data?.rules ?? [];
  const [kind, setKind] = useState<OfferKind>('praktik_private');
  const [start, setStart] = useState<string | null>(null); // null: the suggestion
  const [plannedEnd, setPlannedEnd] = useState<string | null>(null); // null: computed from kind and start
  const [hours, setHours] = useState<number | '' | null>(null); // null: the kind's default
  const [companyText, setCompanyText] = useState('');
  const [schoolPeriods, setSchoolPeriods] = useState<SchoolPeriod[]>([]); // IGU only; sent only for an IGU

  const startDate = start ?? suggestedStart(today, rules);
  const validStart = isIsoDate(startDate);
  const computedEnd = validStart ? defaultPlannedEnd(kind, startDate) : null;
  const endShown = plannedEnd ?? computedEnd ?? '';
  const hoursShown = hours ?? defaultHoursPerWeek(kind) ?? '';
  const status = validStart ? defaultStatus(startDate, today) : null;
  const withCompany = HAS_COMPANY.has(OFFER_KIND_INFO[kind].group);
  const list = companies.data ?? [];
  const company = matchCompany(list, companyText);
  const effects = validStart ? offerRuleEffects(rules, kind, startDate) : [];
  // Offers already planned that would meet a pending rule in time (the report's plannedOfferIds).
  const alreadyPlanned = rules.flatMap((r) =>
    r.toSatisfy?.action === 'start_company_directed_offer'
      ? (offers.data ?? []).filter((o) => r.toSatisfy?.action === 'start_company_directed_offer' && r.toSatisfy.plannedOfferIds.includes(o.id)).map((o) => ({ rule: r, offer: o }))
      : [],
  );
  const companyOptions = useMemo(() => (companies.data ?? []).map(companyLabel), [companies.data]);

  const fieldErrors: Partial<Record<string, string>> = {};
  if (create.error instanceof ApiError) for (const e of create.error.errors) fieldErrors[e.field] ??= e.message;
  const err = (field: string) => (fieldErrors[field] ? t(`casework.form.invalid.${field}`, { defaultValue: fieldErrors[field] }) : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const name = companyText.trim();
    create.mutate(
      {
        kind,
        startDate,
        // Omitted: the server applies the same default the form shows.
        ...(plannedEnd !== null ? { plannedEnd: plannedEnd || null } : {}),
        hoursPerWeek: hoursShown === '' ? null : Number(hoursShown),
        ...(kind === 'igu' && schoolPeriods.length > 0 ? { schoolPeriods } : {}),
        ...(withCompany && company ? { companyId: company.id } : withCompany && name ? { companyName: name } : {}),
      },
      { onSuccess: () => navigate({ name: 'citizen', id: citizenId }) },
    );
  };

  if (citizen.isPending) return <Loading />;
  if (citizen.isError) {
    return (
      <Alert color="red" role="alert">
        {problemText(t, citizen.error)}
      </Alert>
    );
  }
  const generalError = create.error && !(create.error instanceof ApiError && create.error.errors.length > 0);
  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="placement-title">
        <Stack gap="sm">
          <div>
            <Anchor href={hrefFor({ name: 'citizen', id: citizenId })} size="sm">
              {t('casework.form.back', { name: citizen.data.citizen.name })}
            </Anchor>
            <Title order={1} size="h2" id="placement-title" mt={4}>
              {t('casework.form.title')}
            </Title>
          </div>
          {create.error instanceof ApiError && create.error.errors.length > 0 && (
            <Alert color="red" role="alert">
              {t('casework.form.fixErrors')}
            </Alert>
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {problemText(t, create.error)}
            </Alert>
          )}
          {withCompany && (
            <div>
              <Autocomplete
                label={t('casework.form.company')}
                name="company"
                description={t('casework.form.companyHint')}
                styles={READABLE_DESCRIPTION}
                // The list opens once the user types, so on arrival it does not cover the defaults below.
                data={companyText.trim() === '' ? [] : companyOptions}
                value={companyText}
                onChange={setCompanyText}
                limit={6}
                maxDropdownHeight={420}
                // In the page (not a portal) so the list stays inside the main landmark.
                comboboxProps={{ withinPortal: false }}
                renderOption={({ option }) => <span dir="auto">{option.value}</span>}
                autoFocus
                error={err('companyId') ?? err('companyName')}
                data-testid="company-input"
              />
              {companyText.trim() !== '' && (
                <Text size="xs" mt={4} data-testid="company-match">
                  {company
                    ? t('casework.form.companyRegistered', { name: company.name, cvr: company.cvr, db07: company.db07 ?? '–' })
                    : t('casework.form.companyFreeText')}
                </Text>
              )}
            </div>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('casework.form.kind')}
              name="kind"
              data={KIND_ORDER.map((k) => ({ value: k, label: offerKindLabel(t, k) }))}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as OfferKind)}
              error={err('kind')}
            />
            <DateField
              label={t('casework.form.start')}
              name="startDate"
              value={startDate}
              onChange={setStart}
              error={err('startDate')}
              required
            />
            <DateField
              label={t('casework.form.plannedEnd')}
              name="plannedEnd"
              value={endShown}
              onChange={setPlannedEnd}
              description={computedEnd && plannedEnd === null ? t('casework.form.plannedEndAuto', { weeks: kind === 'igu' ? 104 : OFFER_KIND_INFO[kind].nominalWeeks }) : undefined}
              error={err('plannedEnd')}
              styles={READABLE_DESCRIPTION}
              data-testid="planned-end"
            />
            <NumberInput
              label={t('casework.form.hours')}
              name="hoursPerWeek"
              value={hoursShown}
              onChange={(v) => setHours(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
              min={0}
              max={80}
              allowDecimal
              error={err('hoursPerWeek')}
            />
          </SimpleGrid>
          {kind === 'igu' && (
            <SchoolPeriodsField
              periods={schoolPeriods}
              onChange={setSchoolPeriods}
              offerStart={startDate}
              offerEnd={endShown}
              today={today}
              serverErrors={fieldErrors}
            />
          )}
          <Text size="sm" data-testid="form-summary" aria-live="polite">
            {validStart && computedEnd
              ? t('casework.form.summaryWithEnd', { start: formatDate(startDate, lang), end: formatDate(endShown || computedEnd, lang) })
              : validStart
                ? t('casework.form.summaryOpen', { start: formatDate(startDate, lang) })
                : ''}
            {status ? ` · ${t('casework.form.status', { status: offerStatusLabel(t, status) })}` : ''}
          </Text>
          {effects.length + alreadyPlanned.length > 0 && (
            <Paper p="sm" radius="md" bg="gray.0" data-testid="form-deadlines">
              <Text size="sm" fw={700}>
                {t('casework.form.deadlinesTitle')}
              </Text>
              <List size="sm" spacing={2}>
                {alreadyPlanned.map(({ rule, offer }) => (
                  <List.Item key={`${rule.ruleId}:${offer.id}`}>
                    {t('casework.form.alreadyPlanned', {
                      offer: offerKindLabel(t, offer.kind) + (offer.companyName ? ` – ${offer.companyName}` : ''),
                      date: formatDate(offer.startDate, lang),
                      rule: ruleLabel(t, rule.ruleId, rule.kind),
                    })}
                  </List.Item>
                ))}
                {effects.map((e) => (
                  <List.Item key={e.ruleId}>
                    {t(`casework.form.effect.${e.effect}`, {
                      rule: ruleLabel(t, e.ruleId, rules.find((r) => r.ruleId === e.ruleId)?.kind ?? ''),
                      date: e.latestDate ? formatDate(e.latestDate, lang) : '',
                    })}
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="save-offer">
              {t('casework.form.submit')}
            </Button>
            <Button component="a" variant="default" href={hrefFor({ name: 'citizen', id: citizenId })}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
