// Industry packages: the municipality's packages, the templates, one package with its
// enrolments, and the steps of an enrolment (enrol, sign off a goal, advance / override).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { EnrolmentOne, PackageCreated } from '../../lib/types.ts';

export function usePackages() {
  return useQuery(queries.packages());
}

export function usePackageTemplates() {
  return useQuery(queries.packageTemplates());
}

export function usePackage(id: string) {
  return useQuery(queries.package(id));
}

/** The caseload, to pick a citizen to enrol (same query as the caseload page). */
export function useCaseload() {
  return useQuery(queries.citizens());
}

async function refresh(qc: QueryClient, packageId: string, citizenId?: string): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: keys.package(packageId) }),
    qc.invalidateQueries({ queryKey: keys.packages }),
    // The citizen page's packages section (it used to invalidate a key nothing read).
    citizenId ? qc.invalidateQueries({ queryKey: keys.enrolments(citizenId) }) : Promise.resolve(),
  ]);
}

export function useCreatePackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => api<PackageCreated>('POST', '/api/packages', { templateId }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.packages });
    },
  });
}

export function useEnrol(packageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (citizenId: string) => api<EnrolmentOne>('POST', `/api/packages/${encodeURIComponent(packageId)}/enrolments`, { citizenId }),
    onSuccess: async (data) => refresh(qc, packageId, data.enrolment.citizenId),
  });
}

export function useSignOff(packageId: string, enrolmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { goalId: string; note?: string }) =>
      api<EnrolmentOne>('POST', `/api/enrolments/${encodeURIComponent(enrolmentId)}/signoffs`, body),
    onSuccess: async (data) => refresh(qc, packageId, data.enrolment.citizenId),
  });
}

export function useAdvance(packageId: string, enrolmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (override?: { reason: string }) =>
      api<EnrolmentOne>('POST', `/api/enrolments/${encodeURIComponent(enrolmentId)}/advance`, override ? { override } : {}),
    onSuccess: async (data) => refresh(qc, packageId, data.enrolment.citizenId),
    // A blocked gate (409) may mean the page is stale: fetch the current sign-offs.
    onError: async () => refresh(qc, packageId),
  });
}
