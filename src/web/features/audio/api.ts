// The spoken questions' calls (decision 023): a version's audio set in one language, and a clip
// saved (recorded or replaced), reviewed or removed; each change reloads the set.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../../domain/fip/index.ts';
import { api } from '../../lib/http.ts';
import { keys, queries } from '../../lib/queries.ts';
import type { ClipRemoved, ClipSaved, SaveClipInput } from '../../lib/types.ts';

/** The clips of a version (the current one until the server says which) in one language. */
export function useAudioSet(version: string | undefined, language: Lang) {
  return useQuery(queries.audioSet(version, language));
}

function useChange<I, O>(call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.instrumentAudio });
    },
  });
}

export const useSaveClip = () => useChange((body: SaveClipInput) => api<ClipSaved>('PUT', '/api/instrument-audio/clip', body));

export const useReviewClip = () =>
  useChange((body: { version: string; language: Lang; target: string; sha256: string }) => api<ClipSaved>('POST', '/api/instrument-audio/clip/review', body));

export const useRemoveClip = () =>
  useChange(({ version, language, target }: { version: string; language: Lang; target: string }) =>
    api<ClipRemoved>('DELETE', `/api/instrument-audio/clip?${new URLSearchParams({ version, language, target }).toString()}`),
  );
