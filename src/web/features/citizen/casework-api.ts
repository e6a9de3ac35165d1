// Offers, outcomes, the deadline report, the companies register and package enrolments of one
// citizen (docs/api.md). Writes refresh what they change: the citizen's offers, deadlines and the caseload.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { CitizenEnrolmentList, CompanyList, NewOfferInput, NewOutcomeInput, OfferList, OfferOne, OfferPatchInput, OutcomeList, OutcomeOne } from '../../lib/types.ts';

const citizenPath = (id: string) => `/api/citizens/${encodeURIComponent(id)}`;

// The list responses are shared with other pages under one key (src/web/lib/queries.ts); these
// hooks pick the array out with `select`, never with a second fetcher under the same key.
const offersOf = (d: OfferList) => d.offers;
const outcomesOf = (d: OutcomeList) => d.outcomes;
const companiesOf = (d: CompanyList) => d.companies;
const enrolmentsOf = (d: CitizenEnrolmentList) => d.enrolments;

export function useOffers(citizenId: string, enabled = true) {
  return useQuery({ ...queries.offers(citizenId), select: offersOf, enabled });
}

export function useOutcomes(citizenId: string, enabled = true) {
  return useQuery({ ...queries.outcomes(citizenId), select: outcomesOf, enabled });
}

export function useDeadlines(citizenId: string, enabled = true) {
  return useQuery({ ...queries.deadlines(citizenId), enabled });
}

export function useCompanies(enabled = true) {
  return useQuery({ ...queries.companies(), select: companiesOf, enabled, staleTime: 60_000 });
}

export function useCitizenEnrolments(citizenId: string, enabled = true) {
  return useQuery({ ...queries.citizenEnrolments(citizenId), select: enrolmentsOf, enabled });
}

async function refreshCase(qc: QueryClient, citizenId: string): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: keys.offers(citizenId) }),
    qc.invalidateQueries({ queryKey: keys.deadlines(citizenId) }),
    qc.invalidateQueries({ queryKey: keys.citizens }),
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
      await Promise.all([qc.invalidateQueries({ queryKey: keys.outcomes(citizenId) }), qc.invalidateQueries({ queryKey: keys.citizens })]);
    },
  });
}
