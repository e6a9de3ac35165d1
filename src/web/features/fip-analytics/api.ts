// The FIP analytics (GET /api/fip-analytics): aggregates of the own municipality, small cells suppressed.
import { useQuery } from '@tanstack/react-query';
import { queries, type FipAnalyticsParams } from '../../lib/queries.ts';

export type { FipAnalyticsParams };

export function useFipAnalytics(params: FipAnalyticsParams, enabled: boolean) {
  return useQuery({ ...queries.fipAnalytics(params), enabled });
}

export function useInstrument() {
  return useQuery(queries.instrument(undefined));
}
