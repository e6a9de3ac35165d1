// A stored clip as the API shows it (pure). A handed-over session — the citizen — gets the clip
// and whether it is reviewed, not who recorded or reviewed it.
import type { z } from 'zod';
import { AUDIO_EXTENSION, type audioClipSchema } from '../../contract/instrument-audio.ts';
import type { ClipRow } from './clip-store.ts';

/** The clip's immutable URL: a new recording has other bytes, so another URL. */
export const clipUrl = (row: Pick<ClipRow, 'sha256' | 'mime_type'>) => `/audio/${row.sha256}.${AUDIO_EXTENSION[row.mime_type]}`;

export function presentClip(row: ClipRow, viewer: { userId: string; citizen: boolean }): z.input<typeof audioClipSchema> {
  return {
    language: row.language as z.input<typeof audioClipSchema>['language'],
    target: row.target,
    url: clipUrl(row),
    sha256: row.sha256,
    mimeType: row.mime_type,
    bytes: row.byte_size,
    durationMs: row.duration_ms,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: viewer.citizen ? null : row.recorded_by_name,
    recordedByYou: row.recorded_by === viewer.userId,
    reviewed: row.reviewed,
    reviewedBy: viewer.citizen ? null : row.reviewed_by_name,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
  };
}
