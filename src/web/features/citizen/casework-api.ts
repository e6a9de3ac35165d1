// Offers, outcomes, the deadline report, the companies register and package enrolments of one
// citizen (docs/api.md). Writes refresh what they change: the citizen's offers, deadlines and the caseload.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type {
  CitizenEnrolmentList, CompanyList, DeadlineReportView, NewOfferInput, NewOutcomeInput, OfferList, OfferOne, OfferPatchInput, OutcomeList, OutcomeOne,
} from '../../lib/types.ts';

const citizenPath = (id: string) => `/api/citizens/${encodeURIComponent(id)}`;

export function useOffers(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['offers', citizenId],
    queryFn: async () => (await api<OfferList>('GET', `${citizenPath(citizenId)}/offers`)).offers,
    enabled,
  });
}

export function useOutcomes(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['outcomes', citizenId],
    queryFn: async () => (await api<OutcomeList>('GET', `${citizenPath(citizenId)}/outcomes`)).outcomes,
    enabled,
  });
}

export function useDeadlines(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['deadlines', citizenId],
    queryFn: () => api<DeadlineReportView>('GET', `${citizenPath(citizenId)}/deadlines`),
    enabled,
  });
}

export function useCompanies(enabled = true) {
  return useQuery({
    queryKey: ['companies'],
    queryFn: async () => (await api<CompanyList>('GET', '/api/companies')).companies,
    enabled,
    staleTime: 60_000,
  });
}

export function useCitizenEnrolments(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['enrolments', citizenId],
    queryFn: async () => (await api<CitizenEnrolmentList>('GET', `${citizenPath(citizenId)}/enrolments`)).enrolments,
    enabled,
  });
}

async function refreshCase(qc: QueryClient, citizenId: string): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['offers', citizenId] }),
    qc.invalidateQueries({ queryKey: ['deadlines', citizenId] }),
    qc.invalidateQueries({ queryKey: ['citizens'] }),
  ]);
}

export function useCreateOffer(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOfferInput) => api<OfferOne>('POST', `${citizenPath(citizenId)}/offers`, body),
    onSuccess: () => refreshCase(qc, citizenId),
  });
}

export function usePatchOffer(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, patch }: { offerId: string; patch: OfferPatchInput }) =>
      api<OfferOne>('PATCH', `/api/offers/${encodeURIComponent(offerId)}`, patch),
    onSuccess: () => refreshCase(qc, citizenId),
  });
}

export function useCreateOutcome(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOutcomeInput) => api<OutcomeOne>('POST', `${citizenPath(citizenId)}/outcomes`, body),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['outcomes', citizenId] }), qc.invalidateQueries({ queryKey: ['citizens'] })]);
    },
  });
}
