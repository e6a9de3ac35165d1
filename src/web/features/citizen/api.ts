import { useQuery } from '@tanstack/react-query';
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
