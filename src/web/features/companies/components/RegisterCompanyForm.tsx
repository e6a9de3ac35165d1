import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/router.ts';
import { ApiError } from '../../../lib/http.ts';
import { useRegisterCompany } from '../api.ts';
import { IndustryPicker } from './IndustryPicker.tsx';
import { problemText } from '../../../lib/problem-message.ts';

const FIELDS = ['cvr', 'name', 'db07', 'address', 'contactName', 'contactRole', 'contactPhone', 'contactEmail'] as const;
type Field = (typeof FIELDS)[number];

/** The server's field names (`contacts.0.name`) mapped to this form's inputs. */
function formField(server: string): Field | null {
  const contact = /^contacts\.0\.(name|role|phone|email)$/.exec(server);
  if (contact?.[1]) return `contact${contact[1][0]?.toUpperCase()}${contact[1].slice(1)}` as Field;
  return (FIELDS as readonly string[]).includes(server) ? (server as Field) : null;
}

export function RegisterCompanyForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const register = useRegisterCompany();
  const [form, setForm] = useState<Record<Field, string>>({ cvr: '', name: '', db07: '', address: '', contactName: '', contactRole: '', contactPhone: '', contactEmail: '' });
  const set = (k: Field, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const errors: Partial<Record<Field, string>> = {};
  if (register.error instanceof ApiError) {
    for (const e of register.error.errors) {
      const field = formField(e.field);
      if (field) errors[field] ??= t(`companies.invalid.${field}`);
    }
  }
  const conflict = register.error instanceof ApiError && register.error.status === 409;
  const otherError = register.error && !conflict && !(register.error instanceof ApiError && register.error.errors.length > 0);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const contact = form.contactName.trim()
      ? [{ name: form.contactName, role: form.contactRole || null, phone: form.contactPhone || null, email: form.contactEmail || null }]
      : [];
    register.mutate(
      { cvr: form.cvr, name: form.name, db07: form.db07 || null, address: form.address || null, contacts: contact },
      { onSuccess: ({ company }) => navigate({ name: 'company', id: company.id }) },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="register-company-title">
        <Stack>
          <Title order={2} size="h3" id="register-company-title">
            {t('companies.registerTitle')}
          </Title>
          {register.error instanceof ApiError && register.error.errors.length > 0 && (
            <Alert color="red" role="alert">
              {t('companies.fixErrors', { count: register.error.errors.length })}
            </Alert>
          )}
          {conflict && (
            <Alert color="red" role="alert">
              {t('companies.conflict')}
            </Alert>
          )}
          {otherError && (
            <Alert color="red" role="alert">
              {problemText(t, register.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('companies.cvr')}
              name="cvr"
              description={t('companies.cvrHint')}
              styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
              value={form.cvr}
              onChange={(e) => set('cvr', e.currentTarget.value)}
              error={errors.cvr}
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
              required
            />
            <TextInput label={t('companies.name')} name="name" value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required />
            <IndustryPicker label={t('companies.industry')} name="db07" value={form.db07 || null} onChange={(v) => set('db07', v ?? '')} error={errors.db07} />
            <TextInput label={t('companies.address')} name="address" value={form.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.address} autoComplete="street-address" />
          </SimpleGrid>
          <Fieldset legend={<Text fw={700} size="md">{t('companies.contact')}</Text>} variant="unstyled" p={0}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('companies.contactName')} name="contactName" value={form.contactName} onChange={(e) => set('contactName', e.currentTarget.value)} error={errors.contactName} autoComplete="off" />
              <TextInput label={t('companies.contactRole')} name="contactRole" value={form.contactRole} onChange={(e) => set('contactRole', e.currentTarget.value)} error={errors.contactRole} />
              <TextInput label={t('companies.contactPhone')} name="contactPhone" type="tel" dir="ltr" value={form.contactPhone} onChange={(e) => set('contactPhone', e.currentTarget.value)} error={errors.contactPhone} autoComplete="off" />
              <TextInput label={t('companies.contactEmail')} name="contactEmail" type="email" dir="ltr" value={form.contactEmail} onChange={(e) => set('contactEmail', e.currentTarget.value)} error={errors.contactEmail} autoComplete="off" />
            </SimpleGrid>
          </Fieldset>
          <Group>
            <Button type="submit" loading={register.isPending}>
              {t('companies.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
