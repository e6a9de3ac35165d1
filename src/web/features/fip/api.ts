import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Instrument, Lang, Respondent } from '../../../domain/fip/index.ts';
import { api, ApiError } from '../../lib/http.ts';
import type { AnswerInput, Round } from '../../lib/types.ts';

/** The round as a handed-over session gets it (docs/api.md): the citizen's own answers only. */
export type HandoverRound = Omit<Round, 'caseworkerCompletedAt' | 'answers'> & { answers: Pick<Round['answers'], 'citizen'> };

/** 429 on a handed-over session: too many wrong take-back passwords locked it. */
export function isHandoverLocked(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429;
}

export function useInstrument() {
  return useQuery({
    queryKey: ['instrument', 'fip'],
    queryFn: () => api<Instrument>('GET', '/api/instruments/fip'),
    staleTime: Infinity,
  });
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

export function useSaveAnswers(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { respondent: Respondent; answers: AnswerInput[]; complete: boolean }) =>
      api<{ round: Round | HandoverRound }>('PUT', `/api/rounds/${roundId}/answers`, body),
    onSuccess: async ({ round }, vars) => {
      if (vars.respondent === 'caseworker' || vars.complete) {
        await qc.invalidateQueries({ queryKey: ['citizen', round.citizenId] });
      }
    },
  });
}

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
