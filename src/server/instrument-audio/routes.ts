// The spoken questions (decision 023): a municipality's recorded clips of the instrument's texts.
// GET /api/instrument-audio lists a version's set (the recording page; the citizen's page, also
// handed over); PUT …/clip records or replaces one clip, POST …/clip/review marks it reviewed,
// DELETE …/clip removes it (managers and interpreters: instrument.audio; audited); GET
// /audio/<sha256>.<webm|ogg> serves a clip's bytes — outside /api/ so that it may be cached: the URL
// names the bytes, so it never changes (private, immutable), byte ranges answered for players that
// ask for them. Opus is compressed already: no Content-Encoding (gzip or brotli gain 2–4 % on a
// 1.5 s clip, mostly its header's padding; decision 023).
// Reads of the set and the clips are not audited: instrument content, no citizen's data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { audioTargetText } from '../../domain/fip/index.ts';
import { abilitiesFor } from '../../domain/permissions.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { sessionOf } from '../platform/http/authenticate.ts';
import { ApiError } from '../platform/http/errors.ts';
import {
  AUDIO_BODY_LIMIT, AUDIO_MAX_BYTES, audioSet, audioSetQuery, clipFile as clipFileSchema, clipFileParams, clipKeyQuery, clipRemoved, clipSaved,
  reviewClipBody, saveClipBody, type AudioMimeType, type SaveClipBody,
} from '../../contract/instrument-audio.ts';
import { clipFile, clipId, listClips, removeClip, reviewClip, saveClip } from './clip-store.ts';
import { presentClip } from './clip-presenter.ts';
import { sniffOpus } from './opus-container.ts';

const invalid = (field: string, message: string) => new DomainError('invalid', `Invalid ${field}`, [{ field, message }]);

/** The clip's place must be a text of a version this server has. */
function checkKey(ctx: AppContext, key: { version: string; target: string }, versionField = 'version'): void {
  const version = ctx.instrument.byVersion(key.version);
  if (!version) throw invalid(versionField, `No instrument version ${key.version} (this server has ${ctx.instrument.versions.join(', ')})`);
  if (!audioTargetText(version.instrument, key.target)) throw invalid('target', `Not a text of ${key.version} that the citizen hears (a citizen item, a scale anchor or dontKnow)`);
}

/** The clip's bytes: decoded, within the size limit, Opus in the container the body names. */
function clipBytes(body: SaveClipBody): Uint8Array {
  const bytes = Buffer.from(body.clip, 'base64');
  if (bytes.byteLength === 0) throw invalid('clip', 'Expected the recorded clip');
  if (bytes.byteLength > AUDIO_MAX_BYTES) throw invalid('clip', `The clip is larger than ${AUDIO_MAX_BYTES} bytes`);
  const sniffed = sniffOpus(bytes);
  if (!sniffed.ok) throw invalid('clip', sniffed.reason);
  if (sniffed.mimeType !== body.mimeType) throw invalid('mimeType', `The clip is ${sniffed.mimeType}, not ${body.mimeType}`);
  return bytes;
}

/** A single `bytes=a-b`, `a-` or `-n` range of a body of `size` bytes: the inclusive bounds, 'none', or 'unsatisfiable'. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'none' | 'unsatisfiable' {
  if (!header) return 'none';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, other units, or nonsense: answer the whole body (RFC 9110 lets a server ignore Range).
  if (!m || (m[1] === '' && m[2] === '')) return 'none';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function sendClip(reply: FastifyReply, file: { sha256: string; mimeType: AudioMimeType; bytes: Uint8Array }): FastifyReply {
  const etag = `"${file.sha256}"`;
  reply
    .header('content-type', file.mimeType)
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('etag', etag)
    .header('accept-ranges', 'bytes');
  if (reply.request.headers['if-none-match'] === etag) return reply.code(304).send();
  const size = file.bytes.byteLength;
  const range = byteRange(reply.request.headers.range, size);
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
  if (range === 'none') return reply.send(Buffer.from(file.bytes));
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .send(Buffer.from(file.bytes.subarray(range.start, range.end + 1)));
}

export function instrumentAudioRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/instrument-audio',
      query: audioSetQuery,
      response: audioSet,
      can: 'instrument.listen',
      duringHandover: true,
      audit: null,
      handler: async ({ tx, actor, query, request }) => {
        const version = query.version ?? ctx.instrument.version;
        if (!ctx.instrument.byVersion(version)) throw new ApiError('not_found', 'No such instrument version');
        const citizen = sessionOf(request).handover !== null;
        const rows = await listClips(tx, version, query.language);
        const viewer = { userId: actor.userId, citizen };
        return {
          version,
          versions: [...ctx.instrument.versions],
          clips: rows.map((row) => presentClip(row, viewer)),
          // A handed-over session may only listen (its role's other abilities do not apply to the citizen).
          abilities: citizen ? ['instrument.listen' as const] : abilitiesFor(actor).filter((a) => a.startsWith('instrument.')),
        };
      },
    });

    defineRoute(app, ctx, {
      method: 'PUT',
      url: '/api/instrument-audio/clip',
      body: saveClipBody,
      bodyLimit: AUDIO_BODY_LIMIT,
      response: clipSaved,
      can: 'instrument.audio',
      audit: { action: 'audio.save', entity: 'instrument_audio', id: ({ body }) => clipId(body), byCommand: true },
      handler: async ({ tx, trail, actor, body }) => {
        checkKey(ctx, body);
        const bytes = clipBytes(body);
        const { row, replaced } = await saveClip(tx, trail, actor, { ...body, durationMs: body.durationMs ?? null, bytes }, ctx.now());
        return { clip: presentClip(row, { userId: actor.userId, citizen: false }), replaced };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/instrument-audio/clip/review',
      body: reviewClipBody,
      response: clipSaved,
      can: 'instrument.audio',
      audit: { action: 'audio.review', entity: 'instrument_audio', id: ({ body }) => clipId(body), byCommand: true },
      handler: async ({ tx, trail, actor, body }) => {
        checkKey(ctx, body);
        const row = await reviewClip(tx, trail, actor, body, body.sha256, ctx.now());
        return { clip: presentClip(row, { userId: actor.userId, citizen: false }), replaced: null };
      },
    });

    defineRoute(app, ctx, {
      method: 'DELETE',
      url: '/api/instrument-audio/clip',
      query: clipKeyQuery,
      response: clipRemoved,
      can: 'instrument.audio',
      audit: { action: 'audio.remove', entity: 'instrument_audio', id: ({ query }) => clipId(query), byCommand: true },
      handler: async ({ tx, trail, query }) => {
        checkKey(ctx, query);
        return { removed: await removeClip(tx, trail, query) };
      },
    });

    // Not under /api/ (whose answers are all no-store): a clip's bytes never change under its URL.
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/audio/:file',
      params: clipFileParams,
      response: clipFileSchema,
      can: 'instrument.listen',
      duringHandover: true,
      audit: null,
      handler: async ({ tx, params }) => {
        const [sha256 = '', ext] = params.file.split('.');
        const found = await clipFile(tx, sha256, ext === 'ogg' ? 'audio/ogg' : 'audio/webm');
        if (!found) throw new ApiError('not_found', 'No such clip');
        return found;
      },
      send: (reply, result) => sendClip(reply, result),
    });
  };
}
