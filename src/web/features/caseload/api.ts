import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries, type CaseloadParams } from '../../lib/queries.ts';
import type { AssignmentInput, AssignmentResult, CitizenCreated, NewCitizen } from '../../lib/types.ts';

export function useCitizens() {
  return useQuery(queries.citizens());
}

/** One page of the caseload for the filters and search text (decision 026). */
export function useCaseloadPage(params: CaseloadParams) {
  return useQuery(queries.caseload(params));
}

export function useCaseloadOverview(enabled: boolean) {
  return useQuery({ ...queries.caseloadOverview(), enabled });
}

export function useAssignees(enabled: boolean) {
  return useQuery({ ...queries.assignees(), enabled });
}

export function usePackageChoices(enabled: boolean) {
  return useQuery({ ...queries.packages(), enabled });
}

export function useAssign(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentInput) => api<AssignmentResult>('PUT', `/api/citizens/${encodeURIComponent(citizenId)}/assignment`, body),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.citizens }), qc.invalidateQueries({ queryKey: keys.citizen(citizenId) })]);
    },
  });
}

export function useRegisterCitizen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCitizen) => api<CitizenCreated>('POST', '/api/citizens', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.citizens });
    },
  });
}
