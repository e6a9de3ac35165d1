import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type { CitizenDetail, CitizenSummary, NewCitizen } from '../../lib/types.ts';

export function useCitizens() {
  return useQuery({
    queryKey: ['citizens'],
    queryFn: () => api<{ citizens: CitizenSummary[] }>('GET', '/api/citizens'),
  });
}

export function useRegisterCitizen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCitizen) => api<{ citizen: CitizenDetail }>('POST', '/api/citizens', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['citizens'] });
    },
  });
}
