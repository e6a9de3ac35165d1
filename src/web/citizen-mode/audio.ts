// The spoken questions on the citizen's page (decision 023): the clips of the round's instrument
// version in the shown language, as text → URL. Asked for once per version and language (kept in
// IndexedDB beside the snapshot, for a start without a connection), and the clips themselves put
// into the page's cache once the question is on screen, so they play offline too (the service
// worker answers /audio/ from it). Where a text has no clip there is no button: never synthetic speech.
import type { Lang } from '../../domain/fip/index.ts';
import { ApiError } from '../lib/http.ts';
import { fetchAudioSet } from './api.ts';
import { AUTOPLAY_KEY as AUTOPLAY, keepBeside, keptBeside } from './outbox.ts';
import { keepClipsForOffline } from './offline-page.ts';

/** A text's target (item:c01, anchor:1, dontKnow) → its clip's URL. */
export type Clips = ReadonlyMap<string, string>;

export const NO_CLIPS: Clips = new Map();

const asked = new Map<string, Promise<Clips>>();

/** The clips of `version` in `lang`: from the server, else as last kept on this device, else none. */
export function clipsFor(version: string, lang: Lang): Promise<Clips> {
  const key = `audio:${version}:${lang}`;
  let got = asked.get(key);
  if (!got) {
    got = fetchAudioSet(version, lang).then(
      (set) => {
        const pairs = set.clips.filter((c) => c.language === lang).map((c) => [c.target, c.url] as [string, string]);
        void keepBeside(key, pairs);
        return new Map(pairs);
      },
      async (err: unknown) => {
        asked.delete(key);
        // The server refused (e.g. the hand-over ended): no buttons. No connection: as kept.
        if (err instanceof ApiError) return NO_CLIPS;
        return new Map((await keptBeside<[string, string][]>(key)) ?? []);
      },
    );
    asked.set(key, got);
  }
  return got;
}

/** Once the question is on screen: the clips into the page's cache, one after the other. */
export function keepClips(clips: Clips): void {
  if (clips.size > 0) void keepClipsForOffline([...new Set(clips.values())]);
}

/** Whether the citizen turned on reading the questions aloud (this tab, this hand-over). */
export function autoplayOn(): boolean {
  try {
    return sessionStorage.getItem(AUTOPLAY) === '1';
  } catch {
    return false;
  }
}

export function setAutoplay(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(AUTOPLAY, '1');
    else sessionStorage.removeItem(AUTOPLAY);
  } catch {
    /* private mode: the choice lasts this page only */
  }
}
