import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, SegmentedControl, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http.ts';
import { EVALUATION_METHODS, METHODS, useStartRun, type Method, type Run } from '../api.ts';
import { problemText } from '../../../lib/problem-message.ts';

/** Fields whose errors show next to their input; anything else shows the generic alert. */
const SHOWN_FIELDS = ['persons', 'weeks', 'personsPath', 'weeksPath', 'methods'];

export function UploadForm({ onStarted }: { onStarted: (run: Run) => void }) {
  const { t } = useTranslation();
  const start = useStartRun();
  const [source, setSource] = useState<'upload' | 'server'>('upload');
  const [persons, setPersons] = useState<File | null>(null);
  const [weeks, setWeeks] = useState<File | null>(null);
  const [personsPath, setPersonsPath] = useState('persons.csv');
  const [weeksPath, setWeeksPath] = useState('weeks.csv');
  const [methods, setMethods] = useState<Method[]>([...METHODS]);
  const [byGender, setByGender] = useState(true);
  const [missing, setMissing] = useState(false);

  const fieldError = (field: string): string | undefined => {
    if (missing && field === 'persons' && source === 'upload' && !persons) return t('evaluation.required');
    if (missing && field === 'weeks' && source === 'upload' && !weeks) return t('evaluation.required');
    if (missing && field === 'methods' && methods.length === 0) return t('evaluation.chooseMethod');
    const err = start.error instanceof ApiError ? start.error.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`)) : undefined;
    if (!err) return undefined;
    // Translated messages only; the server's English text stays out of the UI.
    if (field === 'personsPath' || field === 'weeksPath') return t('evaluation.pathRefused');
    if (field === 'methods') return t('evaluation.chooseMethod');
    return t('evaluation.required');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const by = byGender ? ['gender'] : [];
    if (methods.length === 0 || (source === 'upload' && (!persons || !weeks))) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const input =
      source === 'upload' && persons && weeks
        ? { source, persons, weeks, methods, by }
        : { source: 'server' as const, personsPath, weeksPath, methods, by };
    start.mutate(input, { onSuccess: ({ run }) => onStarted(run) });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="jv-eval-new">
      <Stack gap="sm">
        <Title order={2} size="h3" id="jv-eval-new">
          {t('evaluation.new')}
        </Title>
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v === 'server' ? 'server' : 'upload')}
          data={[
            { value: 'upload', label: t('evaluation.source.upload') },
            { value: 'server', label: t('evaluation.source.server') },
          ]}
          aria-label={t('evaluation.source.label')}
        />
        {source === 'upload' ? (
          <Group grow align="flex-start" wrap="wrap">
            <FileInput label={t('evaluation.personsFile')} accept=".csv,text/csv" value={persons} onChange={setPersons} clearable clearButtonProps={{ 'aria-label': t('fileInput.clear', { file: t('evaluation.personsFile') }) }} required error={fieldError('persons')} miw={220} />
            <FileInput label={t('evaluation.weeksFile')} accept=".csv,text/csv" value={weeks} onChange={setWeeks} clearable clearButtonProps={{ 'aria-label': t('fileInput.clear', { file: t('evaluation.weeksFile') }) }} required error={fieldError('weeks')} miw={220} />
          </Group>
        ) : (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('evaluation.personsPath')} description={t('evaluation.pathHint')} value={personsPath} onChange={(e) => setPersonsPath(e.currentTarget.value)} error={fieldError('personsPath')} dir="ltr" miw={220} />
            <TextInput label={t('evaluation.weeksPath')} description={t('evaluation.pathHint')} value={weeksPath} onChange={(e) => setWeeksPath(e.currentTarget.value)} error={fieldError('weeksPath')} dir="ltr" miw={220} />
          </Group>
        )}
        <Checkbox.Group label={t('evaluation.methods')} value={methods} onChange={(v) => setMethods(METHODS.filter((m) => v.includes(m)))} error={fieldError('methods')}>
          <Group gap="md" mt={4} wrap="wrap">
            {METHODS.map((m) => (
              <Checkbox key={m} value={m} label={t(EVALUATION_METHODS[m].labelKey)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch label={t('evaluation.byGender')} checked={byGender} onChange={(e) => setByGender(e.currentTarget.checked)} />
        {start.isError && !(start.error instanceof ApiError && start.error.errors.some((e) => SHOWN_FIELDS.includes(e.field.split('.')[0] ?? ''))) && (
          <Alert color="red" role="alert">
            {problemText(t, start.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('evaluation.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
