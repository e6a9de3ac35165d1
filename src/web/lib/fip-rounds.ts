// FIP round calls used by both sides of a round: the caseworker's (features/citizen) and the
// citizen's on a handed-over tablet (features/fip).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Instrument, Respondent } from '../../domain/fip/index.ts';
import { api } from './http.ts';
import type { AnswerInput, Round } from './types.ts';

export function useInstrument() {
  return useQuery({
    queryKey: ['instrument', 'fip'],
    queryFn: () => api<Instrument>('GET', '/api/instruments/fip'),
    staleTime: Infinity,
  });
}

/** Save answers of one respondent; the round comes back in the shape the session may see (only its citizen id is used here). */
export function useSaveAnswers(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { respondent: Respondent; answers: AnswerInput[]; complete: boolean }) =>
      api<{ round: Pick<Round, 'id' | 'citizenId'> }>('PUT', `/api/rounds/${roundId}/answers`, body),
    onSuccess: async ({ round }, vars) => {
      if (vars.respondent === 'caseworker' || vars.complete) {
        await qc.invalidateQueries({ queryKey: ['citizen', round.citizenId] });
      }
    },
  });
}
