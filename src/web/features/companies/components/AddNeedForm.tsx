import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths } from '../../../../domain/dates.ts';
import { LABOUR_NEED_KINDS, type LabourNeedKind } from '../../../../domain/companies/index.ts';
import { ApiError } from '../../../lib/http.ts';
import { useAddNeed } from '../api.ts';
import { IndustryPicker } from './IndustryPicker.tsx';
import { problemText } from '../../../lib/problem-message.ts';
import { DateField } from '../../../components/ui/DateField.tsx';

type Field = 'kind' | 'slots' | 'periodFrom' | 'periodTo' | 'db07' | 'note';

function initial(companyDb07: string | null) {
  const from = new Date().toISOString().slice(0, 10);
  return { kind: 'placement' as LabourNeedKind, slots: 1 as number | string, periodFrom: from, periodTo: addDays(addMonths(from, 3), -1), db07: companyDb07, note: '' };
}

/** Record an open need: kind, slots and period; the industry defaults to the company's. */
export function AddNeedForm({ companyId, companyDb07 }: { companyId: string; companyDb07: string | null }) {
  const { t } = useTranslation();
  const add = useAddNeed(companyId);
  const [form, setForm] = useState(() => initial(companyDb07));
  const errors: Partial<Record<Field, string>> = {};
  if (add.error instanceof ApiError) {
    for (const e of add.error.errors) {
      const f = e.field as Field;
      errors[f] ??= t(`companies.invalid.${f}`, { defaultValue: t('companies.invalid.generic') });
    }
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { kind: form.kind, slots: typeof form.slots === 'number' ? form.slots : Number(form.slots), periodFrom: form.periodFrom, periodTo: form.periodTo, db07: form.db07, note: form.note || null },
      { onSuccess: () => setForm(initial(companyDb07)) },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="add-need-title">
        <Stack>
          <Title order={2} size="h4" id="add-need-title">
            {t('companies.addNeed')}
          </Title>
          {add.error && !(add.error instanceof ApiError && add.error.errors.length > 0) && (
            <Alert color="red" role="alert">
              {problemText(t, add.error)}
            </Alert>
          )}
          {add.isSuccess && (
            <Alert color="teal" role="status">
              {t('companies.needAdded')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('companies.needKind')}
              name="kind"
              data={LABOUR_NEED_KINDS.map((k) => ({ value: k, label: t(`companies.kind.${k}`) }))}
              value={form.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value as LabourNeedKind;
                setForm((f) => ({ ...f, kind }));
              }}
              error={errors.kind}
            />
            <NumberInput
              label={t('companies.slots')}
              name="slots"
              min={1}
              max={1000}
              allowDecimal={false}
              value={form.slots}
              onChange={(v) => setForm((f) => ({ ...f, slots: v }))}
              error={errors.slots}
              required
            />
            <DateField label={t('companies.periodFrom')} name="periodFrom" value={form.periodFrom} onChange={(v) => setForm((f) => ({ ...f, periodFrom: v }))} error={errors.periodFrom} required />
            <DateField label={t('companies.periodTo')} name="periodTo" value={form.periodTo} onChange={(v) => setForm((f) => ({ ...f, periodTo: v }))} error={errors.periodTo} required />
            <IndustryPicker label={t('companies.industry')} name="needDb07" description={t('companies.needIndustryHint')} value={form.db07} onChange={(v) => setForm((f) => ({ ...f, db07: v }))} error={errors.db07} />
            <TextInput label={t('companies.note')} name="note" value={form.note} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, note: v })); }} error={errors.note} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('companies.saveNeed')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
