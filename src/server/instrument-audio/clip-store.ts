// The spoken questions' clips (decision 023, migration 016): the queries of a municipality's audio
// set and of one clip's bytes, and the commands that save (record or replace), review and remove a
// clip. Everything runs in the request's tenant transaction, so row-level security keeps each
// municipality to its own clips; each command records its audit event on the request's trail.
import { createHash } from 'node:crypto';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { AuditActor } from '../platform/audit/audit-writer.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AudioMimeType } from '../../contract/instrument-audio.ts';

export interface ClipKey {
  version: string;
  language: string;
  target: string;
}

/** A clip without its bytes, with the names of who recorded and who reviewed it. */
export interface ClipRow {
  instrument_version: string;
  language: string;
  target: string;
  sha256: string;
  mime_type: AudioMimeType;
  byte_size: number;
  duration_ms: number | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
  reviewed: boolean;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
}

/** The audit row's entity id of a clip's place. */
export const clipId = (key: ClipKey) => `${key.version}/${key.language}/${key.target}`;

function clipQuery(tx: Tx) {
  return tx
    .selectFrom('instrument_audio as a')
    .innerJoin('users as r', 'r.id', 'a.recorded_by')
    .leftJoin('users as v', 'v.id', 'a.reviewed_by')
    .select([
      'a.instrument_version', 'a.language', 'a.target', 'a.sha256', 'a.mime_type', 'a.byte_size', 'a.duration_ms',
      'a.recorded_by', 'r.display_name as recorded_by_name', 'a.recorded_at', 'a.reviewed', 'v.display_name as reviewed_by_name', 'a.reviewed_at',
    ]);
}

/** The clips of one instrument version (one language, or all), in a stable order. */
export async function listClips(tx: Tx, version: string, language?: string): Promise<ClipRow[]> {
  let q = clipQuery(tx).where('a.instrument_version', '=', version);
  if (language) q = q.where('a.language', '=', language);
  return q.orderBy('a.language').orderBy('a.target').execute();
}

async function findClip(tx: Tx, key: ClipKey): Promise<ClipRow | undefined> {
  return clipQuery(tx)
    .where('a.instrument_version', '=', key.version)
    .where('a.language', '=', key.language)
    .where('a.target', '=', key.target)
    .executeTakeFirst();
}

/** The bytes behind /audio/<sha256>.<ext>, of the caller's municipality only (row-level security). */
export async function clipFile(tx: Tx, sha256: string, mimeType: AudioMimeType): Promise<{ sha256: string; mimeType: AudioMimeType; bytes: Uint8Array } | undefined> {
  const row = await tx
    .selectFrom('instrument_audio')
    .select(['sha256', 'mime_type', 'bytes'])
    .where('sha256', '=', sha256)
    .where('mime_type', '=', mimeType)
    .limit(1)
    .executeTakeFirst();
  // node-postgres gives a Buffer, PGlite a Uint8Array.
  return row ? { sha256: row.sha256, mimeType: row.mime_type, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) } : undefined;
}

export interface NewClip extends ClipKey {
  mimeType: AudioMimeType;
  durationMs: number | null;
  bytes: Uint8Array;
}

/**
 * Record the clip of a text, or replace the one there: a new recording is not reviewed (whoever
 * reviewed the old one listened to other bytes). The audit row names both hashes.
 */
export async function saveClip(tx: Tx, trail: AuditTrail, actor: AuditActor & { municipalityCode: string }, clip: NewClip, now: Date): Promise<{ row: ClipRow; replaced: string | null }> {
  const sha256 = createHash('sha256').update(clip.bytes).digest('hex');
  const before = await tx
    .selectFrom('instrument_audio')
    .select('sha256')
    .where('instrument_version', '=', clip.version)
    .where('language', '=', clip.language)
    .where('target', '=', clip.target)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    sha256,
    mime_type: clip.mimeType,
    byte_size: clip.bytes.byteLength,
    duration_ms: clip.durationMs,
    bytes: clip.bytes,
    recorded_by: actor.userId,
    recorded_at: now,
    reviewed: false,
    reviewed_by: null,
    reviewed_at: null,
  };
  await tx
    .insertInto('instrument_audio')
    .values({ municipality_code: actor.municipalityCode, instrument_version: clip.version, language: clip.language, target: clip.target, ...values })
    .onConflict((oc) => oc.columns(['municipality_code', 'instrument_version', 'language', 'target']).doUpdateSet(values))
    .execute();
  const row = await findClip(tx, clip);
  if (!row) throw new Error('The clip just saved is not there');
  const replaced = before?.sha256 ?? null;
  trail.record('audio.save', 'instrument_audio', clipId(clip), { sha256, bytes: row.byte_size, mimeType: clip.mimeType, replaced });
  return { row, replaced };
}

/**
 * Mark a clip reviewed: someone other than who recorded it has listened to exactly these bytes
 * (`sha256`) and found that they say the text. Reviewing a reviewed clip again changes nothing.
 */
export async function reviewClip(tx: Tx, trail: AuditTrail, actor: AuditActor, key: ClipKey, sha256: string, now: Date): Promise<ClipRow> {
  const row = await findClip(tx, key);
  if (!row) throw new DomainError('not_found', 'No clip for this text');
  if (row.sha256 !== sha256) throw new DomainError('conflict', 'The clip was recorded again meanwhile: listen to the new one first');
  if (row.recorded_by === actor.userId) throw new DomainError('conflict', 'A clip is reviewed by someone other than who recorded it');
  if (!row.reviewed) {
    await tx
      .updateTable('instrument_audio')
      .set({ reviewed: true, reviewed_by: actor.userId, reviewed_at: now })
      .where('instrument_version', '=', key.version)
      .where('language', '=', key.language)
      .where('target', '=', key.target)
      .where('sha256', '=', sha256)
      .execute();
  }
  trail.record('audio.review', 'instrument_audio', clipId(key), { sha256, already: row.reviewed });
  const fresh = await findClip(tx, key);
  if (!fresh) throw new Error('The clip just reviewed is not there');
  return fresh;
}

/** Remove a text's clip: the questionnaire shows no play button for it again until one is recorded. */
export async function removeClip(tx: Tx, trail: AuditTrail, key: ClipKey): Promise<string> {
  const removed = await tx
    .deleteFrom('instrument_audio')
    .where('instrument_version', '=', key.version)
    .where('language', '=', key.language)
    .where('target', '=', key.target)
    .returning('sha256')
    .executeTakeFirst();
  if (!removed) throw new DomainError('not_found', 'No clip for this text');
  trail.record('audio.remove', 'instrument_audio', clipId(key), { sha256: removed.sha256 });
  return removed.sha256;
}
