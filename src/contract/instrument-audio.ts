// The spoken questions (decision 023): a municipality's recorded clips of the instrument's texts,
// per instrument version, language and text. The set (GET /api/instrument-audio), a clip saved
// (PUT /api/instrument-audio/clip: Opus in WebM or Ogg, base64 in JSON, at most 1 MiB), reviewed
// (POST …/clip/review) or removed (DELETE …/clip); the bytes themselves at /audio/<sha256>.<ext>.
import { z } from 'zod';
import { LANGS } from '../domain/fip/index.ts';
import { abilitiesSchema } from './abilities.ts';
import { safeString, wholeNumber } from './fields.ts';

/** The largest clip, in bytes (a minute of speech at 32 kbit/s is ~240 KB). */
export const AUDIO_MAX_BYTES = 1024 * 1024;
/** The containers a clip may come in; the codec is Opus in both. */
export const AUDIO_MIME_TYPES = ['audio/webm', 'audio/ogg'] as const;
export type AudioMimeType = (typeof AUDIO_MIME_TYPES)[number];
/** A clip's file name extension by its container. */
export const AUDIO_EXTENSION: Record<AudioMimeType, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg' };
/** The body may hold the base64 of AUDIO_MAX_BYTES and the other fields. */
export const AUDIO_BODY_LIMIT = Math.ceil(AUDIO_MAX_BYTES / 3) * 4 + 16 * 1024;

const version = safeString.min(1, { message: 'Expected an instrument version such as fip-v1' }).max(64);
const language = z.enum(LANGS, { message: `Expected one of ${LANGS.join(', ')}` });
const TARGET = /^(item:\S{1,50}|anchor:\d{1,3}|dontKnow)$/;
const target = safeString.regex(TARGET, { message: 'Expected item:<item id>, anchor:<scale value> or dontKnow' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Expected a SHA-256 in lower-case hex' });

/** ?version=fip-v1&language=ti: both optional (the current version; every language). */
export const audioSetQuery = z.object({ version: version.optional(), language: language.optional() });
/** One clip's place: which version, language and text. */
export const clipKeyQuery = z.object({ version, language, target });

export const saveClipBody = z.object({
  version,
  language,
  target,
  mimeType: z.enum(AUDIO_MIME_TYPES, { message: 'Expected audio/webm or audio/ogg (Opus)' }),
  /** The recording's length as the recorder measured it. */
  durationMs: wholeNumber(1, 600_000, 'Expected the duration in milliseconds, 1..600000').optional(),
  /** The clip's bytes, base64 (standard alphabet, padded). */
  clip: z
    .string()
    .min(1, { message: 'Expected the recorded clip' })
    .max(Math.ceil(AUDIO_MAX_BYTES / 3) * 4, { message: `The clip is larger than ${AUDIO_MAX_BYTES} bytes` })
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { message: 'Expected the clip as base64' }),
});
export type SaveClipBody = z.infer<typeof saveClipBody>;

export const reviewClipBody = z.object({ version, language, target, sha256 });

/** The clip file's name in its URL: /audio/<sha256>.<webm|ogg>. */
export const clipFileParams = z.object({
  file: z.string().regex(/^[0-9a-f]{64}\.(webm|ogg)$/, { message: 'Expected <sha256>.webm or <sha256>.ogg' }),
});

export const audioClipSchema = z.object({
  language: language,
  target: z.string(),
  /** Immutable: a new recording gets a new URL. */
  url: z.string(),
  sha256,
  mimeType: z.enum(AUDIO_MIME_TYPES),
  bytes: z.number().int().min(1),
  durationMs: z.number().int().nullable(),
  recordedAt: z.string(),
  /** Who recorded and who reviewed it (null for a handed-over session: the citizen gets the clip only). */
  recordedBy: z.string().nullable(),
  /** The caller recorded it (so cannot be the one who reviews it). */
  recordedByYou: z.boolean(),
  reviewed: z.boolean(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

/** GET /api/instrument-audio: the clips of one version (every language, or one). */
export const audioSet = z.object({
  version: z.string(),
  /** Every instrument version the server has, oldest first (the last is the current one). */
  versions: z.array(z.string()),
  clips: z.array(audioClipSchema),
  abilities: abilitiesSchema,
});
export const clipSaved = z.object({ clip: audioClipSchema, replaced: sha256.nullable() });
export const clipRemoved = z.object({ removed: sha256 });

/** What GET /audio/:file hands the route wrapper to send (never JSON). */
export const clipFile = z.object({ sha256, mimeType: z.enum(AUDIO_MIME_TYPES), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: "Expected the clip's bytes" }) });
