// Evaluation runs (docs/api.md, "Evaluation runs"): list, one run (polled while it runs),
// start a run from two uploaded files or from files in the server's evaluation folder.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type FieldError } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { EvaluationResult, EvaluationRun as Run, EvaluationRunStatus as RunStatus, Me, RunCreated } from '../../lib/types.ts';
import type { Method } from '../../../domain/evaluation-methods.ts';

// The methods, their names' i18n keys and colours: the evaluation's own vocabulary.
export { EVALUATION_METHODS, METHODS, methodVocabulary, type Method } from '../../../domain/evaluation-methods.ts';
// A run and its result (the evaluate output JSON): the contract's types, inferred from its zod schemas.
export type {
  EvaluationResult,
  EvaluationResultRow as ResultRow,
  EvaluationRun as Run,
  EvaluationRunDetail as RunDetail,
  EvaluationRunStatus as RunStatus,
  EvaluationWarningDetail as WarningDetail,
} from '../../lib/types.ts';

/** One adjusted estimate's sensitivity to hidden bias (the result's optional `sensitivity`, decision 030). */
export type SensitivityRow = NonNullable<EvaluationResult['sensitivity']>[number];

const runsKey = keys.evaluationList;
const finished = (status: RunStatus | undefined) => status === 'done' || status === 'failed';

export function useRuns() {
  return useQuery({
    ...queries.runs(),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => !finished(r.status)) ? 2000 : false),
  });
}

export function useRun(id: string | undefined) {
  const qc = useQueryClient();
  const query = useQuery({
    ...queries.run(id),
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.data && finished(q.state.data.status) ? false : 700),
  });
  // A run that has finished changes the list's status column too.
  const done = finished(query.data?.status);
  useEffect(() => {
    if (done) void qc.invalidateQueries({ queryKey: runsKey, exact: true });
  }, [done, qc]);
  return query;
}

export type NewRun =
  | { source: 'upload'; persons: File; weeks: File; methods: Method[]; by: string[] }
  | { source: 'server'; personsPath: string; weeksPath: string; methods: Method[]; by: string[] };

async function upload(form: FormData, csrf: string | undefined): Promise<{ run: Run }> {
  const res = await fetch('/api/evaluations', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  });
  const data = (await res.json().catch(() => null)) as { run?: Run; code?: string; detail?: string; errors?: FieldError[] } | null;
  if (!res.ok || !data?.run) throw new ApiError(res.status, data?.code ?? 'internal', data?.detail ?? res.statusText, data?.errors ?? []);
  return { run: data.run };
}

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRun) => {
      if (input.source === 'server') {
        const { source: _source, ...body } = input;
        return api<RunCreated>('POST', '/api/evaluations', body);
      }
      const form = new FormData();
      form.append('methods', input.methods.join(','));
      form.append('by', input.by.join(','));
      form.append('persons', input.persons, input.persons.name);
      form.append('weeks', input.weeks, input.weeks.name);
      return upload(form, qc.getQueryData<Me | null>(['me'])?.csrfToken);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: runsKey, exact: true });
    },
  });
}

export const downloadUrl = (id: string, file: 'result.json' | 'result.csv' | 'report.html') => `/api/evaluations/${encodeURIComponent(id)}/${file}`;
