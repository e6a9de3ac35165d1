/** @jsxImportSource preact */
// Playing the spoken questions (decision 023): one audio element for the page, a large play button
// (≥ 48 px) wherever a text has a recorded clip — the question, each anchor word, "don't know" — and
// the citizen's switch to hear each question as it appears. A button plays its clip, or stops it.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Player {
  /** The URL playing now, if any. */
  playing: string | null;
  /** Play this clip (stop the one playing); the same one again stops it. */
  toggle: (url: string) => void;
  /** Play this clip from the start (autoplay). */
  play: (url: string) => void;
  stop: () => void;
  element: ComponentChildren;
}

export function usePlayer(): Player {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const play = useCallback((url: string) => {
    const a = audio.current;
    if (!a) return;
    if (a.getAttribute('src') !== url) a.src = url;
    a.currentTime = 0;
    a.play().then(
      () => setPlaying(url),
      () => setPlaying(null),
    );
  }, []);
  const stop = useCallback(() => {
    audio.current?.pause();
    setPlaying(null);
  }, []);
  const toggle = useCallback((url: string) => (playing === url ? stop() : play(url)), [playing, play, stop]);
  useEffect(() => stop, [stop]);
  const element = <audio ref={audio} preload="none" onEnded={() => setPlaying(null)} data-testid="clip-player" />;
  return { playing, toggle, play, stop, element };
}

export function SpeakerIcon({ playing }: { playing: boolean }) {
  return (
    <svg class="jv-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 9v6h4l5 4V5L8 9z" fill="currentColor" />
      {playing ? (
        <path d="M16 9v6M19.5 9v6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      ) : (
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      )}
    </svg>
  );
}

/** The autoplay switch's picture: a track with its knob at the end when on (mirrored right to left). */
export function SwitchIcon({ on }: { on: boolean }) {
  return (
    <svg class="jv-icon jv-switch" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="26" height="14" rx="7" fill={on ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="2" />
      <circle cx={on ? 20 : 8} cy="8" r="4.5" fill={on ? 'var(--jv-teal)' : 'currentColor'} />
    </svg>
  );
}

/** A clip's play button: its words (`children`) or, for an icon alone, `label` as its name. */
export function PlayButton({ url, player, label, children, class: extra = '' }: { url: string; player: Player; label?: string; children?: ComponentChildren; class?: string }) {
  const on = player.playing === url;
  return (
    <button
      type="button"
      class={`jv-btn jv-play ${extra}${on ? ' jv-playing' : ''}`}
      aria-pressed={on}
      aria-label={label}
      data-testid="play"
      data-clip={url}
      onClick={() => player.toggle(url)}
    >
      <SpeakerIcon playing={on} />
      {children}
    </button>
  );
}
