import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type { CitizenDetail, Round } from '../../lib/types.ts';

export interface CitizenView {
  citizen: CitizenDetail;
  rounds: Round[];
  abilities: string[];
}

export function useCitizen(id: string) {
  return useQuery({
    queryKey: ['citizen', id],
    queryFn: () => api<CitizenView>('GET', `/api/citizens/${encodeURIComponent(id)}`),
  });
}

/** Start the citizen's next FIP round. */
export function useStartRound(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ round: Round }>('POST', `/api/citizens/${citizenId}/rounds`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['citizen', citizenId] });
      await qc.invalidateQueries({ queryKey: ['citizens'] });
      // A round satisfies the FIP deadline rule (the citizen page's deadline banner).
      await qc.invalidateQueries({ queryKey: ['deadlines', citizenId] });
    },
  });
}
