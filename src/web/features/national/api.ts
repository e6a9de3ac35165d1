// The national view's aggregates (GET /api/national/indicators): counts with small cells suppressed.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type { NationalIndicators } from '../../lib/types.ts';

export function useNationalIndicators(year: number) {
  return useQuery({
    queryKey: ['national', 'indicators', year],
    queryFn: () => api<NationalIndicators>('GET', `/api/national/indicators?year=${year}`),
  });
}
