// Clips for the spoken questions' tests (decision 023): a real recording, and the smallest byte
// strings the server's container check takes (src/server/instrument-audio/opus-container.ts).
import { readFileSync } from 'node:fs';

/** 1.5 s of Chromium's fake microphone as its MediaRecorder wrote it (audio/webm;codecs=opus, 32 kbit/s). */
export const CHROMIUM_CLIP = readFileSync(new URL('./chromium-opus.webm', import.meta.url));

/** The first bytes of a WebM file with an Opus track (EBML, DocType webm, CodecID A_OPUS), then `n` bytes of `fill`. */
export function fakeWebm(n = 2000, fill = 0x11): Buffer {
  return Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]),
    Buffer.from('webm', 'latin1'),
    Buffer.from([0x16, 0x54, 0xae, 0x6b, 0x86, 0x86]),
    Buffer.from('A_OPUS', 'latin1'),
    Buffer.from([0x1f, 0x43, 0xb6, 0x75]),
    Buffer.alloc(n, fill),
  ]);
}

/** An Ogg page with the Opus identification header, then `n` bytes. */
export function fakeOgg(n = 2000): Buffer {
  return Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(24, 0), Buffer.from('OpusHead', 'latin1'), Buffer.alloc(n, 0x22)]);
}
