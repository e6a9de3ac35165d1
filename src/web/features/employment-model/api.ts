// The employment model of the own municipality (managers): the page's read, the switch and the refit.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { EmploymentModelView } from '../../../contract/employment-model.ts';

export function useEmploymentModel() {
  return useQuery(queries.employmentModel());
}

function useModelCommand(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<EmploymentModelView>('POST', path),
    // Every citizen's probability hangs on the switch and the newest model: all under one key.
    onSuccess: async () => qc.invalidateQueries({ queryKey: keys.employmentModel }),
  });
}

export function useSetEnabled() {
  const enable = useModelCommand('/api/employment-model/enable');
  const disable = useModelCommand('/api/employment-model/disable');
  return { set: (on: boolean) => (on ? enable : disable).mutate(), isPending: enable.isPending || disable.isPending, error: enable.error ?? disable.error };
}

export function useRefit() {
  return useModelCommand('/api/employment-model/refit');
}

export function useInstrument() {
  return useQuery(queries.instrument(undefined));
}
