// FIP round calls of the caseworkers' app (features/citizen: instruments by version, saving
// answers). The citizen's hand-over page has its own plain-fetch calls (src/web/citizen-mode/api.ts).
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Instrument, Respondent } from '../../domain/fip/index.ts';
import { api } from './http.ts';
import { queries } from './queries.ts';
import type { AnswerInput, Round } from './types.ts';

const instrumentQuery = queries.instrument;

/**
 * The instrument a round was answered on (its instrumentVersion); without a version, the current
 * one. `enabled: false` waits for the round to say which version it is.
 */
export function useInstrument(version?: string, enabled = true) {
  return useQuery({ ...instrumentQuery(version), enabled });
}

export interface InstrumentVersions {
  isPending: boolean;
  isError: boolean;
  /** The first failure, if any (to say what went wrong). */
  error: unknown;
  /** Each requested version's instrument (absent while loading or on error). */
  byVersion: ReadonlyMap<string, Instrument>;
}

/** The instruments of the given versions (the rounds' own), each fetched once and kept. */
export function useInstruments(versions: readonly string[]): InstrumentVersions {
  const unique = [...new Set(versions)].sort();
  return useQueries({
    queries: unique.map((version) => instrumentQuery(version)),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      isError: results.some((r) => r.isError),
      error: results.find((r) => r.error)?.error ?? null,
      byVersion: new Map(results.flatMap((r, i) => (r.data && unique[i] !== undefined ? [[unique[i], r.data] as const] : []))),
    }),
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
