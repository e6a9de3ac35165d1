import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type { CompanyCreated, CompanyDetail, CompanyList, DemandReportView, IndustriesView, LabourNeedPatchInput, NeedList, NeedOne, NewCompanyInput, NewLabourNeedInput } from '../../lib/types.ts';

export function useCompanies() {
  return useQuery({ queryKey: ['companies'], queryFn: () => api<CompanyList>('GET', '/api/companies') });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: ['companies', id], queryFn: () => api<CompanyDetail>('GET', `/api/companies/${encodeURIComponent(id)}`) });
}

export function useRegisterCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCompanyInput) => api<CompanyCreated>('POST', '/api/companies', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['companies'] });
    },
  });
}

export function useNeeds(companyId: string) {
  return useQuery({
    queryKey: ['companies', companyId, 'needs'],
    queryFn: () => api<NeedList>('GET', `/api/companies/${encodeURIComponent(companyId)}/needs`),
  });
}

function useInvalidateNeeds() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['companies'] });
    await qc.invalidateQueries({ queryKey: ['demand'] });
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
  return useQuery({ queryKey: ['industries'], queryFn: () => api<IndustriesView>('GET', '/api/industries'), staleTime: Infinity });
}

export function useDemand(from: string, to: string) {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const query = params.toString();
  return useQuery({
    queryKey: ['demand', from, to],
    queryFn: () => api<DemandReportView>('GET', `/api/industries/demand${query ? `?${query}` : ''}`),
  });
}
