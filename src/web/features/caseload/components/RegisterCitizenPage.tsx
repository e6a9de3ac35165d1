import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../../../domain/fip/index.ts';
import { useRegisterCitizen } from '../api.ts';
import { ApiError } from '../../../lib/http.ts';
import { hrefFor, navigate } from '../../../lib/router.ts';
import type { Gender, NewCitizen, TargetGroup } from '../../../lib/types.ts';

const COUNTRIES = ['SY', 'ER', 'IR', 'AF', 'TR', 'IQ', 'SO', 'UA', 'ET', 'LB', 'PS', 'SD', 'MM', 'CD', 'RU'];
type Field = keyof NewCitizen;

export function RegisterCitizenPage() {
  const { t, i18n } = useTranslation();
  const register = useRegisterCitizen();
  const [form, setForm] = useState<NewCitizen>({
    name: '',
    cpr: '',
    gender: 'F',
    birthDate: '',
    originCountry: 'SY',
    arrivalDate: '',
    takeoverDate: '',
    language: 'ar',
    targetGroup: 'broad',
  });
  const set = <K extends Field>(k: K, v: NewCitizen[K]) => setForm((f) => ({ ...f, [k]: v }));
  const fieldErrors: Partial<Record<string, string>> = {};
  if (register.error instanceof ApiError) {
    for (const e of register.error.errors) fieldErrors[e.field] ??= e.message;
  }
  const err = (f: Field) => {
    const m = fieldErrors[f];
    return m ? t(`register.invalid.${f}`) : undefined;
  };
  const regionNames = (() => {
    try {
      return new Intl.DisplayNames([i18n.language === 'fa' ? 'fa' : i18n.language, 'da'], { type: 'region' });
    } catch {
      return null;
    }
  })();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate(form, { onSuccess: ({ citizen }) => navigate({ name: 'citizen', id: citizen.id }) });
  };
  const generalError =
    register.error && !(register.error instanceof ApiError && register.error.errors.length > 0);
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('register.title')}
          </Title>
          {register.error instanceof ApiError && register.error.errors.length > 0 && (
            <Alert color="red" role="alert">
              {t('register.fixErrors', { count: register.error.errors.length })}
            </Alert>
          )}
          {generalError && (
            <Alert color="red" role="alert">
              {register.error instanceof ApiError && register.error.status === 409 ? t('register.conflict') : t('errors.generic')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('citizen.name')} name="name" value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} required />
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
            />
            <TextInput label={t('citizen.birthDate')} name="birthDate" type="date" value={form.birthDate} onChange={(e) => set('birthDate', e.currentTarget.value)} error={err('birthDate')} required />
            <NativeSelect
              label={t('citizen.originCountry')}
              name="originCountry"
              data={COUNTRIES.map((c) => ({ value: c, label: regionNames?.of(c) ?? c }))}
              value={form.originCountry}
              onChange={(e) => set('originCountry', e.currentTarget.value)}
              error={err('originCountry')}
            />
            <TextInput label={t('citizen.arrivalDate')} name="arrivalDate" type="date" value={form.arrivalDate} onChange={(e) => set('arrivalDate', e.currentTarget.value)} error={err('arrivalDate')} required />
            <TextInput label={t('citizen.takeoverDate')} name="takeoverDate" type="date" value={form.takeoverDate} onChange={(e) => set('takeoverDate', e.currentTarget.value)} error={err('takeoverDate')} required />
            <NativeSelect
              label={t('citizen.language')}
              name="language"
              data={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
              value={form.language}
              onChange={(e) => set('language', e.currentTarget.value as Lang)}
              error={err('language')}
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
