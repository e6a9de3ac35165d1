// Offers, outcomes, the deadline report, the companies register and package enrolments of one
// citizen (docs/api.md). Writes refresh what they change: the citizen's offers, deadlines and the caseload.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import type { CompanyOption } from './company-match.ts';
import type {
  CitizenEnrolmentView, DeadlineReportView, NewOfferInput, NewOutcomeInput, OfferPatchInput, OfferView, OutcomeView,
} from '../../lib/types.ts';

const citizenPath = (id: string) => `/api/citizens/${encodeURIComponent(id)}`;

export function useOffers(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['offers', citizenId],
    queryFn: async () => (await api<{ offers: OfferView[] }>('GET', `${citizenPath(citizenId)}/offers`)).offers,
    enabled,
  });
}

export function useOutcomes(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['outcomes', citizenId],
    queryFn: async () => (await api<{ outcomes: OutcomeView[] }>('GET', `${citizenPath(citizenId)}/outcomes`)).outcomes,
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
    queryFn: async () => (await api<{ companies: CompanyOption[] }>('GET', '/api/companies')).companies,
    enabled,
    staleTime: 60_000,
  });
}

export function useCitizenEnrolments(citizenId: string, enabled = true) {
  return useQuery({
    queryKey: ['enrolments', citizenId],
    queryFn: async () => (await api<{ enrolments: CitizenEnrolmentView[] }>('GET', `${citizenPath(citizenId)}/enrolments`)).enrolments,
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
    mutationFn: (body: NewOfferInput) => api<{ offer: OfferView }>('POST', `${citizenPath(citizenId)}/offers`, body),
    onSuccess: () => refreshCase(qc, citizenId),
  });
}

export function usePatchOffer(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, patch }: { offerId: string; patch: OfferPatchInput }) =>
      api<{ offer: OfferView }>('PATCH', `/api/offers/${encodeURIComponent(offerId)}`, patch),
    onSuccess: () => refreshCase(qc, citizenId),
  });
}

export function useCreateOutcome(citizenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOutcomeInput) => api<{ outcome: OutcomeView }>('POST', `${citizenPath(citizenId)}/outcomes`, body),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['outcomes', citizenId] }), qc.invalidateQueries({ queryKey: ['citizens'] })]);
    },
  });
}
