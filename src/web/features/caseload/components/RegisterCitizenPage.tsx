// Register a citizen. The form checks itself before it sends (issue 15): the birth date is not
// asked but shown as the CPR number gives it; arrival on or before the take-over; language and
// country of origin start empty and must be chosen. The server checks the same
// (src/domain/registration.ts) and its field errors are shown at the fields, in the UI language.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseCpr } from '../../../../domain/cpr.ts';
import { LANGS, type Lang } from '../../../../domain/fip/index.ts';
import { ARRIVAL_MESSAGE, BIRTH_DATE_MESSAGE, registrationIssues } from '../../../../domain/registration.ts';
import { useRegisterCitizen } from '../api.ts';
import { ApiError } from '../../../lib/http.ts';
import { hrefFor, navigate } from '../../../lib/router.ts';
import type { Gender, NewCitizen, TargetGroup } from '../../../lib/types.ts';
import { DateField, READABLE_FIELD } from '../../../components/ui/DateField.tsx';
import { formatDateInput } from '../../../components/ui/DateField.format.ts';
import { isLang } from '../../../i18n/index.ts';
import { problemText } from '../../../lib/problem-message.ts';

const COUNTRIES = ['SY', 'ER', 'IR', 'AF', 'TR', 'IQ', 'SO', 'UA', 'ET', 'LB', 'PS', 'SD', 'MM', 'CD', 'RU'];

interface RegisterForm {
  name: string;
  cpr: string;
  gender: Gender;
  originCountry: string;
  arrivalDate: string;
  takeoverDate: string;
  language: Lang | '';
  targetGroup: TargetGroup;
}
type Field = keyof RegisterForm | 'birthDate';
/** The order of the fields on the page: the first one with an error gets the focus. */
const FIELD_ORDER: readonly Field[] = ['name', 'cpr', 'gender', 'birthDate', 'originCountry', 'arrivalDate', 'takeoverDate', 'language', 'targetGroup'];

/** The UI string for an error at a field; the server's specific messages get their own. */
function errorKey(field: Field, serverMessage?: string): string {
  if (field === 'arrivalDate' && serverMessage === ARRIVAL_MESSAGE) return 'registration.arrivalAfterTakeover';
  if (field === 'birthDate' && serverMessage === BIRTH_DATE_MESSAGE) return 'registration.birthDateContradicts';
  return `register.invalid.${field}`;
}

/** What the form itself can tell before sending: a key per field. */
function checkForm(form: RegisterForm): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (form.name.trim() === '') errors.name = 'register.invalid.name';
  if (!parseCpr(form.cpr).ok) errors.cpr = 'register.invalid.cpr';
  if (form.originCountry === '') errors.originCountry = 'register.invalid.originCountry';
  if (form.arrivalDate === '') errors.arrivalDate = 'register.invalid.arrivalDate';
  if (form.takeoverDate === '') errors.takeoverDate = 'register.invalid.takeoverDate';
  if (form.language === '') errors.language = 'register.invalid.language';
  for (const issue of registrationIssues(form)) errors[issue.field] = errorKey(issue.field, issue.message);
  return errors;
}

export function RegisterCitizenPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'da';
  const register = useRegisterCitizen();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<RegisterForm>({
    name: '',
    cpr: '',
    gender: 'F',
    originCountry: '',
    arrivalDate: '',
    takeoverDate: '',
    language: '',
    targetGroup: 'broad',
  });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>> | null>(null);
  const set = <K extends keyof RegisterForm>(k: K, v: RegisterForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // A field's own error goes when it is changed; the others stay until the next submit.
    setClientErrors((e) => (e && e[k] ? { ...e, [k]: undefined } : e));
  };

  const serverErrors: Partial<Record<Field, string>> = {};
  if (!clientErrors && register.error instanceof ApiError) {
    for (const e of register.error.errors) {
      const field = e.field as Field;
      if (FIELD_ORDER.includes(field)) serverErrors[field] ??= errorKey(field, e.message);
    }
  }
  const errors = clientErrors ?? serverErrors;
  const errorCount = Object.values(errors).filter(Boolean).length;
  const err = (f: Field) => {
    const key = errors[f];
    return key ? t(key) : undefined;
  };

  const derived = parseCpr(form.cpr);
  const birthDate = derived.ok ? derived.birthDate : '';

  const regionNames = (() => {
    try {
      return new Intl.DisplayNames([lang, 'da'], { type: 'region' });
    } catch {
      return null;
    }
  })();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkForm(form);
    if (Object.keys(found).length > 0) {
      setClientErrors(found);
      const first = FIELD_ORDER.find((f) => found[f]);
      if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
      return;
    }
    setClientErrors(null);
    const body: NewCitizen = { ...form, language: form.language as Lang };
    register.mutate(body, { onSuccess: ({ citizen }) => navigate({ name: 'citizen', id: citizen.id }) });
  };
  const generalError = !clientErrors && register.error && !(register.error instanceof ApiError && register.error.errors.length > 0);
  const choose = { value: '', label: t('registration.choose'), disabled: true };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('register.title')}
          </Title>
          {errorCount > 0 && (
            <Alert color="red" role="alert">
              {t('register.fixErrors', { count: errorCount })}
            </Alert>
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {problemText(t, register.error, { conflict: t('register.conflict') })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('citizen.name')} name="name" value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} required styles={READABLE_FIELD} />
            <TextInput
              label={t('citizen.cpr')}
              name="cpr"
              description={t('register.cprHint')}
              value={form.cpr}
              onChange={(e) => set('cpr', e.currentTarget.value)}
              error={err('cpr')}
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
              required
              styles={READABLE_FIELD}
            />
            <NativeSelect
              label={t('citizen.gender')}
              name="gender"
              data={[
                { value: 'F', label: t('gender.F') },
                { value: 'M', label: t('gender.M') },
              ]}
              value={form.gender}
              onChange={(e) => set('gender', e.currentTarget.value as Gender)}
              error={err('gender')}
              styles={READABLE_FIELD}
            />
            <TextInput
              label={t('citizen.birthDate')}
              name="birthDate"
              description={birthDate ? t('registration.birthDateFromCpr') : undefined}
              placeholder={t('registration.birthDatePending')}
              value={birthDate ? formatDateInput(birthDate, lang) : ''}
              readOnly
              dir="ltr"
              error={err('birthDate')}
              data-testid="derived-birth-date"
              styles={{ ...READABLE_FIELD, input: { ...READABLE_FIELD.input, backgroundColor: 'var(--mantine-color-gray-0)' } }}
            />
            <NativeSelect
              label={t('citizen.originCountry')}
              name="originCountry"
              data={[choose, ...COUNTRIES.map((c) => ({ value: c, label: regionNames?.of(c) ?? c }))]}
              value={form.originCountry}
              onChange={(e) => set('originCountry', e.currentTarget.value)}
              error={err('originCountry')}
              required
              styles={READABLE_FIELD}
            />
            <DateField label={t('citizen.arrivalDate')} name="arrivalDate" value={form.arrivalDate} onChange={(v) => set('arrivalDate', v)} error={err('arrivalDate')} required />
            <DateField label={t('citizen.takeoverDate')} name="takeoverDate" value={form.takeoverDate} onChange={(v) => set('takeoverDate', v)} error={err('takeoverDate')} required />
            <NativeSelect
              label={t('citizen.language')}
              name="language"
              data={[choose, ...LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))]}
              value={form.language}
              onChange={(e) => set('language', e.currentTarget.value as Lang)}
              error={err('language')}
              required
              styles={READABLE_FIELD}
            />
            <NativeSelect
              label={t('citizen.targetGroup')}
              name="targetGroup"
              data={[
                { value: 'broad', label: t('targetGroup.broad') },
                { value: 'selected', label: t('targetGroup.selected') },
              ]}
              value={form.targetGroup}
              onChange={(e) => set('targetGroup', e.currentTarget.value as TargetGroup)}
              error={err('targetGroup')}
              styles={READABLE_FIELD}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={register.isPending}>
              {t('register.submit')}
            </Button>
            <Button component="a" variant="default" href={hrefFor({ name: 'caseload' })}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
