// The calls a handed-over session may make (docs/api.md, "hand-over"): who is signed in, the
// round, the instrument, the citizen's answers, take-back and logout. Plain fetch (lib/http.ts).
import { byLang as bundled, version as bundledVersion } from 'virtual:citizen-instrument';
import type { Instrument, Lang } from '../../domain/fip/index.ts';
import { api, ApiError, setCsrfToken } from '../lib/http.ts';
import type { AnswerInput, AnswersSaved, AudioSet, HandoverRound, Me } from '../lib/types.ts';

let csrfKnown = false;

/** The session, or null when nobody is signed in (401). Sets the CSRF token writes need. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/auth/me');
    setCsrfToken(me.csrfToken);
    csrfKnown = true;
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const fetchRound = () => api<HandoverRound>('GET', '/api/handover/round');

/** The instrument of a version, or the current one (the version new rounds start on). */
export const fetchInstrument = (version?: string) =>
  api<Instrument>('GET', version === undefined ? '/api/instruments/fip' : `/api/instruments/fip/${encodeURIComponent(version)}`);

/**
 * Save the citizen's answers. A page that started offline (from its snapshot) has no CSRF token
 * yet: the session is asked for first (a network failure there is one like the PUT's own).
 */
/** `clientId`: the device's id of this submission; the server applies a submission once (a resend answers `replay`). */
export async function saveAnswers(roundId: string, answers: AnswerInput[], complete: boolean, clientId: string) {
  if (!csrfKnown) await fetchMe();
  return api<AnswersSaved>('PUT', `/api/rounds/${encodeURIComponent(roundId)}/answers`, { respondent: 'citizen', answers, complete, clientId });
}

/**
 * The spoken questions of a version in one language (decision 023). Low priority: the first
 * question never waits for it (its play buttons come when it does).
 */
export async function fetchAudioSet(version: string, lang: Lang): Promise<AudioSet> {
  const init: RequestInit & { priority?: 'low' } = { credentials: 'same-origin', headers: { accept: 'application/json' }, priority: 'low' };
  const res = await fetch(`/api/instrument-audio?version=${encodeURIComponent(version)}&language=${lang}`, init);
  if (!res.ok) throw new ApiError(res.status, 'audio_set', res.statusText, []);
  return (await res.json()) as AudioSet;
}

export const takeback = (password: string) => api<{ handover: null }>('POST', '/api/auth/takeback', { password });

export const logout = () => api<void>('POST', '/api/auth/logout');

/** 429 on a handed-over session: too many wrong take-back passwords locked it. */
export function isLocked(err: unknown): boolean {
  return err instanceof ApiError && err.status === 429;
}

export function isWrongPassword(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.status === 403);
}

const fromApi = new Map<string, Promise<Instrument>>();

/**
 * The instrument of a round's version with the texts of `lang` (and Danish): the current version
 * from this page's own chunk of that language (virtual:citizen-instrument), another from the API
 * (all languages, fetched once).
 */
export function instrumentFor(version: string, lang: Lang): Promise<Instrument> {
  const own = version === bundledVersion ? bundled[lang] : undefined;
  if (own) return own();
  let got = fromApi.get(version);
  if (!got) {
    got = fetchInstrument(version);
    fromApi.set(version, got);
    got.catch(() => fromApi.delete(version));
  }
  return got;
}
