// The national view's aggregates (GET /api/national/indicators): counts with small cells suppressed.
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../lib/queries.ts';

export function useNationalIndicators(year: number) {
  return useQuery(queries.nationalIndicators(year));
}
