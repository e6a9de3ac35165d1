import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type { CitizenCreated, CitizenList, NewCitizen } from '../../lib/types.ts';

export function useCitizens() {
  return useQuery({
    queryKey: ['citizens'],
    queryFn: () => api<CitizenList>('GET', '/api/citizens'),
  });
}

export function useRegisterCitizen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCitizen) => api<CitizenCreated>('POST', '/api/citizens', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['citizens'] });
    },
  });
}
