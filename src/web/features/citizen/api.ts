import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { AccessLogEntry, CitizenView, RoundStarted } from '../../lib/types.ts';

export type { CitizenView };

export function useCitizen(id: string) {
  return useQuery(queries.citizen(id));
}

/** Start the citizen's next FIP round. */
export function useStartRound(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<RoundStarted>('POST', `/api/citizens/${citizenId}/rounds`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.citizen(citizenId) });
      await qc.invalidateQueries({ queryKey: keys.citizens });
      // A round satisfies the FIP deadline rule (the citizen page's deadline banner).
      await qc.invalidateQueries({ queryKey: keys.deadlines(citizenId) });
    },
  });
}

/** One row of a citizen's access log (GET /api/citizens/:id/access-log). */
export type { AccessLogEntry };

/** Who looked at the citizen, page by page (100 rows, newest first). */
export function useAccessLog(citizenId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queries.accessLogKey(citizenId),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => queries.accessLogPage(citizenId, pageParam),
    getNextPageParam: (last) => last.nextBefore,
  });
}

/** The data-subject export's download address (the browser sends the session cookie). */
export function exportHref(citizenId: string): string {
  return `/api/citizens/${encodeURIComponent(citizenId)}/export`;
}
