import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { CitizenCreated, NewCitizen } from '../../lib/types.ts';

export function useCitizens() {
  return useQuery(queries.citizens());
}

export function useRegisterCitizen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCitizen) => api<CitizenCreated>('POST', '/api/citizens', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.citizens });
    },
  });
}
