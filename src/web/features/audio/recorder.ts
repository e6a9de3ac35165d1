// Recording one clip in the browser (decision 023): the microphone through getUserMedia, Opus in
// WebM (Chromium, Edge) or Ogg (Firefox) through MediaRecorder at a speech bitrate, stopped by the
// person or after MAX_MS; the microphone is released as soon as the recording ends.
import type { AudioMimeType } from '../../../contract/instrument-audio.ts';

/** The longest clip (a question read slowly takes 10–20 s); at 32 kbit/s a minute is ~240 KB. */
export const MAX_MS = 60_000;
const BITRATE = 32_000;
const OPUS: readonly { type: string; container: AudioMimeType }[] = [
  { type: 'audio/webm;codecs=opus', container: 'audio/webm' },
  { type: 'audio/ogg;codecs=opus', container: 'audio/ogg' },
];

/** The Opus recording this browser can make, or undefined (no MediaRecorder, or no Opus: e.g. Safari before 18.4). */
export function opusRecording(): (typeof OPUS)[number] | undefined {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return undefined;
  return OPUS.find((o) => MediaRecorder.isTypeSupported(o.type));
}

export interface Recorded {
  blob: Blob;
  mimeType: AudioMimeType;
  durationMs: number;
}

export interface Recording {
  /** Ends the recording: the clip. */
  stop(): Promise<Recorded>;
  /** Ends it and throws the clip away. */
  cancel(): void;
}

/** Starts recording (asks for the microphone first); `onAutoStop` gets the clip when MAX_MS is reached. */
export async function startRecording(onAutoStop: (clip: Recorded) => void): Promise<Recording> {
  const kind = opusRecording();
  if (!kind) throw new Error('no-opus');
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  const recorder = new MediaRecorder(stream, { mimeType: kind.type, audioBitsPerSecond: BITRATE });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const started = performance.now();
  const release = () => stream.getTracks().forEach((t) => t.stop());
  const done = new Promise<Recorded>((resolve) => {
    recorder.onstop = () => {
      release();
      resolve({ blob: new Blob(chunks, { type: kind.container }), mimeType: kind.container, durationMs: Math.max(1, Math.round(performance.now() - started)) });
    };
  });
  recorder.start();
  const timer = setTimeout(() => {
    if (recorder.state !== 'inactive') {
      recorder.stop();
      void done.then(onAutoStop);
    }
  }, MAX_MS);
  return {
    stop() {
      clearTimeout(timer);
      if (recorder.state !== 'inactive') recorder.stop();
      return done;
    },
    cancel() {
      clearTimeout(timer);
      recorder.onstop = release;
      if (recorder.state !== 'inactive') recorder.stop();
      else release();
    },
  };
}

/** The clip's bytes as base64, for the JSON upload. */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
