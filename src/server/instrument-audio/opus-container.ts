// What an uploaded clip really is, read from its first bytes (never from the name or the declared
// type alone): Opus audio in a WebM (Matroska) container — what Chromium's and Edge's
// MediaRecorder write — or in an Ogg container (Firefox's). Anything else is refused, video too.
import type { AudioMimeType } from '../../contract/instrument-audio.ts';

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const OGG_MAGIC = [0x4f, 0x67, 0x67, 0x53]; // "OggS"
/** The header (EBML, Segment info, Tracks) of a MediaRecorder file comes first and is small. */
const HEADER_BYTES = 4096;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The first `end` bytes as Latin-1 text, to look for the ASCII markers in. */
const head = (bytes: Uint8Array, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(end, bytes.length)).toString('latin1');

export type ClipSniff = { ok: true; mimeType: AudioMimeType } | { ok: false; reason: string };

/** The container of Opus audio these bytes hold, or why they are not a clip this app takes. */
export function sniffOpus(bytes: Uint8Array): ClipSniff {
  if (startsWith(bytes, EBML_MAGIC)) {
    // DocType "webm" (a plain .mkv is Matroska, which browsers do not all play); the tracks'
    // CodecID elements (ID 0x86, a one-byte size, the ASCII id): an "A_OPUS", and no video
    // (V_VP8, V_VP9, V_AV1 …). MediaRecorder writes them in the first few hundred bytes.
    if (!head(bytes, 64).includes('webm')) return { ok: false, reason: 'A Matroska file that is not WebM' };
    const codecs = [...head(bytes, HEADER_BYTES).matchAll(/\x86([\x81-\x9f])([AVS]_[\x20-\x7e]*)/g)].map((m) => (m[2] ?? '').slice(0, (m[1] ?? '').charCodeAt(0) - 0x80));
    if (codecs.some((c) => c.startsWith('V_'))) return { ok: false, reason: 'A WebM file with video; record sound only' };
    if (!codecs.includes('A_OPUS')) return { ok: false, reason: 'WebM without Opus audio (record with Opus)' };
    return { ok: true, mimeType: 'audio/webm' };
  }
  if (startsWith(bytes, OGG_MAGIC)) {
    // The first page's first packet is the Opus identification header.
    if (!head(bytes, 128).includes('OpusHead')) return { ok: false, reason: 'Ogg without Opus audio (e.g. Vorbis); record with Opus' };
    return { ok: true, mimeType: 'audio/ogg' };
  }
  return { ok: false, reason: 'Not Opus audio in WebM or Ogg' };
}
