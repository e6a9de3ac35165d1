// The user administration's requests (decision 026): reads through lib/queries.ts, changes here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { NewUserInput, OneTimePassword, UserAdminOne, UserPatchInput } from '../../lib/types.ts';

export function useUsers(municipalityCode: string | undefined, page: number) {
  return useQuery(queries.users(municipalityCode, page));
}

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.users }), qc.invalidateQueries({ queryKey: keys.citizens })]);
}

const userPath = (id: string, action = '') => `/api/users/${encodeURIComponent(id)}${action}`;

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: NewUserInput) => api<OneTimePassword>('POST', '/api/users', body), onSuccess: refresh });
}

export function useChangeUser(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: UserPatchInput) => api<UserAdminOne>('PATCH', userPath(id), body), onSuccess: refresh });
}

export function useSetActive(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (active: boolean) => api<UserAdminOne>('POST', userPath(id, active ? '/reactivate' : '/deactivate')), onSuccess: refresh });
}

export function useResetPassword(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api<OneTimePassword>('POST', userPath(id, '/password-reset')), onSuccess: refresh });
}
