import { useQuery } from '@tanstack/react-query';
import type { Lang } from '../../../domain/fip/index.ts';
import { api, ApiError } from '../../lib/http.ts';
import type { CitizenRound } from '../../lib/types.ts';

/** The round as a handed-over session gets it (docs/api.md): the citizen's own answers only. */
export type HandoverRound = CitizenRound;

/** 429 on a handed-over session: too many wrong take-back passwords locked it. */
export function isHandoverLocked(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429;
}

/** The handed-over round; keyed by its id so a later handover never sees an earlier round's answers. */
export function useHandoverRound(roundId: string) {
  return useQuery({
    queryKey: ['handover', 'round', roundId],
    queryFn: () => api<{ round: HandoverRound; language: Lang }>('GET', '/api/handover/round'),
    staleTime: 0,
    gcTime: 0,
    retry: (failures, error) => !isHandoverLocked(error) && failures < 1,
  });
}
