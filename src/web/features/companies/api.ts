import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { CompanyCreated, LabourNeedPatchInput, NeedOne, NewCompanyInput, NewLabourNeedInput } from '../../lib/types.ts';

export function useCompanies() {
  return useQuery(queries.companies());
}

export function useCompany(id: string) {
  return useQuery(queries.company(id));
}

export function useRegisterCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCompanyInput) => api<CompanyCreated>('POST', '/api/companies', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.companies });
    },
  });
}

export function useNeeds(companyId: string) {
  return useQuery(queries.needs(companyId));
}

function useInvalidateNeeds() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: keys.companies });
    await qc.invalidateQueries({ queryKey: keys.demand });
  };
}

export function useAddNeed(companyId: string) {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: (body: NewLabourNeedInput) => api<NeedOne>('POST', `/api/companies/${encodeURIComponent(companyId)}/needs`, body),
    onSuccess: invalidate,
  });
}

export function usePatchNeed() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: LabourNeedPatchInput }) => api<NeedOne>('PATCH', `/api/needs/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  });
}

export function useIndustries() {
  return useQuery(queries.industries());
}

export function useDemand(from: string, to: string) {
  return useQuery(queries.demand(from, to));
}
