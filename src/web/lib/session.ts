// The session: who is signed in (GET /api/auth/me, the ["me"] query) and the calls that change it —
// login, logout, hand-over to the citizen and take-back. Shared by the shell and every feature.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './http.ts';
import { keys, queries } from './queries.ts';
import type { HandoverStarted, Me } from './types.ts';

export const meKey = keys.me;

export function useMe() {
  return useQuery(queries.me());
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api<Me>('POST', '/api/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    // After a sign-in through the municipality's IdP the answer names its end-session URL: the
    // browser goes there so the IdP's session ends too (RP-initiated logout, decision 032).
    mutationFn: () => api<{ endSessionUrl: string } | undefined>('POST', '/api/auth/logout'),
    onSuccess: (answer) => {
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(meKey, null);
    },
  });
}

export function useHandover() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (roundId: string) => api<HandoverStarted>('POST', `/api/rounds/${roundId}/handover`),
    onSuccess: ({ handover }) => {
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, handover } : me));
    },
  });
}

export function useTakeback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<{ handover: null }>('POST', '/api/auth/takeback', { password }),
    onSuccess: async () => {
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, handover: null } : me));
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}
