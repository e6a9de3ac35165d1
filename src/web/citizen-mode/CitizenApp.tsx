/** @jsxImportSource preact */
// The hand-over page's start and screens: the session, round and instrument are asked for at once
// (the current instrument in parallel, the round's own version only if it differs), the strings
// of the language in the URL (#ti, set by the caseworker's app) at the same time. A session that
// is not handed over goes back to the caseworker's app.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { LANGS, isRtl, type Instrument, type Lang } from '../../domain/fip/index.ts';
import type { CitizenRound, Handover } from '../lib/types.ts';
import { version as currentVersion } from 'virtual:citizen-instrument';
import { fetchMe, fetchRound, instrumentFor, isLocked } from './api.ts';
import { DANISH, loadStrings, type Strings } from './strings.ts';
import { addFontsFor } from './fonts.ts';
import { Questionnaire, startProgress, type Progress } from './Questionnaire.tsx';
import { TakebackScreen } from './TakebackScreen.tsx';
import { LockedScreen } from './LockedScreen.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Outbox, clearSnapshot, loadSnapshot, saveSnapshot } from './outbox.ts';
import { keepPageForOffline } from './offline-page.ts';
import { NO_CLIPS, clipsFor, keepClips, type Clips } from './audio.ts';
import { ApiError } from '../lib/http.ts';

export type Boot =
  | { kind: 'away' }
  | { kind: 'locked'; handover: Handover }
  | { kind: 'ready'; handover: Handover; round: CitizenRound };

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** The language in the URL's hash (#ti): the one the citizen last chose on this page. */
function hashLang(): Lang | undefined {
  const h = location.hash.replace(/^#/, '');
  return isLang(h) ? h : undefined;
}

/**
 * Everything the first screen needs, asked for at once: the session, the round, and — with the
 * language from the URL — that language's strings and the current instrument's texts in it.
 */
export async function boot(): Promise<Boot> {
  const hinted = hashLang();
  if (hinted) {
    addFontsFor(hinted);
    void loadStrings(hinted).catch(() => undefined);
    void instrumentFor(currentVersion, hinted).catch(() => undefined);
    // The spoken questions too (decision 023), at low priority: the question does not wait for them.
    void clipsFor(currentVersion, hinted);
  }
  const me = fetchMe();
  const round = fetchRound();
  round.catch(() => undefined);
  let session: Awaited<typeof me> | undefined;
  let r: Awaited<typeof round>;
  try {
    session = await me;
    if (!session?.handover) {
      await clearSnapshot();
      return { kind: 'away' };
    }
    r = await round;
  } catch (err) {
    if (isLocked(err)) return session?.handover ? { kind: 'locked', handover: session.handover } : { kind: 'away' };
    // No connection (not an answer from the server): the hand-over as last seen online, if any.
    const snapshot = err instanceof ApiError ? undefined : await loadSnapshot();
    if (snapshot) return { kind: 'ready', handover: snapshot.handover, round: snapshot.round };
    throw err;
  }
  void saveSnapshot({ handover: session.handover, round: r.round });
  return { kind: 'ready', handover: session.handover, round: r.round };
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
  history.replaceState(null, '', `${location.pathname}${location.search}#${lang}`);
}

type Screen = 'questions' | 'takeback' | 'locked';

export function CitizenApp({ boot: booting }: { boot: Promise<Boot> }) {
  const [booted, setBooted] = useState<Boot | 'error' | undefined>();
  const [lang, setLangState] = useState<Lang | undefined>();
  const [strings, setStrings] = useState<Strings | undefined>();
  const [instrument, setInstrument] = useState<Instrument | undefined>();
  const [screen, setScreen] = useState<Screen>('questions');
  // Where the citizen is in the questionnaire; kept here so a visit to the give-back screen keeps it.
  const [progress, setProgress] = useState<Progress | undefined>();

  // A language is shown once its strings (and, on a round, the instrument's texts in it) are here.
  const chooseLang = useCallback((next: Lang, version: string | undefined) => {
    addFontsFor(next);
    const instrument = version === undefined ? Promise.resolve(undefined) : instrumentFor(version, next);
    void Promise.all([loadStrings(next), instrument]).then(
      ([s, inst]) => {
        setStrings(s);
        if (inst) setInstrument(inst);
        setLangState(next);
        applyLang(next);
      },
      () => setBooted('error'),
    );
  }, []);

  useEffect(() => {
    booting.then(
      (b) => {
        if (b.kind === 'away') {
          location.replace('/');
          return;
        }
        setBooted(b);
        if (b.kind === 'locked') setScreen('locked');
        const stored = isLang(b.handover.language) ? b.handover.language : 'da';
        chooseLang(hashLang() ?? stored, b.kind === 'ready' ? b.round.instrumentVersion : undefined);
      },
      () => setBooted('error'),
    );
  }, [booting, chooseLang]);

  const onLocked = useCallback(() => setScreen('locked'), []);

  const ready = typeof booted === 'object' && booted.kind === 'ready' ? booted : undefined;
  const roundId = ready?.round.id;
  // The round's answers on this device, sent from here (decision 020).
  const outbox = useMemo(() => (roundId === undefined ? undefined : new Outbox(roundId, () => setScreen('locked'))), [roundId]);
  // Where the citizen starts: computed once, when the round, its instrument and the answers still
  // on the device are here; then those answers are sent.
  useEffect(() => {
    if (!ready || !instrument || !outbox || progress) return;
    void outbox.pending().then((pending) => {
      setProgress((p) => p ?? startProgress(instrument, ready.round, pending));
      void outbox.drain();
    });
  }, [ready, instrument, outbox, progress]);

  // The answers given so far go into the snapshot too, so an offline reload opens where the citizen is.
  useEffect(() => {
    if (ready && progress) void saveSnapshot({ handover: ready.handover, round: { ...ready.round, answers: { citizen: progress.answers } } });
  }, [ready, progress]);
  // Once the first question is on screen: keep the page for a reload while offline (if the CSP allows).
  const shown = progress !== undefined && instrument !== undefined;
  useEffect(() => {
    if (shown) void keepPageForOffline();
  }, [shown]);
  // The round's version's clips in the shown language; once the question is on screen, into the cache.
  const [clips, setClips] = useState<Clips>(NO_CLIPS);
  const clipVersion = ready?.round.instrumentVersion;
  useEffect(() => {
    setClips(NO_CLIPS);
    if (!clipVersion || !lang) return;
    let current = true;
    void clipsFor(clipVersion, lang).then((c) => {
      if (current) setClips(c);
    });
    return () => {
      current = false;
    };
  }, [clipVersion, lang]);
  useEffect(() => {
    if (shown) keepClips(clips);
  }, [shown, clips]);

  // Nothing could be started (the server answered an error): say so in the language of the URL, if
  // its strings can still be had, with the Danish beneath.
  const failed = booted === 'error';
  useEffect(() => {
    const hinted = hashLang();
    if (!failed || !hinted || lang) return;
    void loadStrings(hinted).then(
      (s) => {
        setStrings(s);
        setLangState(hinted);
        applyLang(hinted);
      },
      () => undefined,
    );
  }, [failed, lang]);
  if (failed) {
    const own = strings ?? DANISH;
    return (
      <main class="jv-main">
        <div role="alert" class="jv-alert" data-testid="start-error">
          <h1 class="jv-both jv-alert-title">
            <span>{own.errorGeneric}</span>
            {lang && lang !== 'da' && (
              <span lang="da" dir="ltr" class="jv-danish">
                {DANISH.errorGeneric}
              </span>
            )}
          </h1>
        </div>
        <button type="button" class="jv-btn" onClick={() => location.reload()}>
          {own.retry}
        </button>
      </main>
    );
  }

  if (!booted || booted.kind === 'away' || !strings || !lang || (booted.kind === 'ready' && (!progress || !instrument || !outbox))) {
    return (
      <main class="jv-main jv-center">
        <span class="jv-spinner" role="status" aria-label={(strings ?? DANISH).loading} data-loading="" />
      </main>
    );
  }
  const header = <LanguageSwitch lang={lang} strings={strings} onChoose={(l) => chooseLang(l, ready?.round.instrumentVersion)} />;
  if (screen === 'locked' || booted.kind === 'locked') {
    return (
      <main class="jv-main">
        {header}
        <LockedScreen lang={lang} strings={strings} />
      </main>
    );
  }
  return (
    <main class="jv-main">
      {header}
      {screen === 'takeback' ? (
        <TakebackScreen
          lang={lang}
          strings={strings}
          citizenId={booted.round.citizenId}
          roundId={booted.round.id}
          outbox={outbox}
          onCancel={() => setScreen('questions')}
          onLocked={onLocked}
        />
      ) : (
        progress &&
        outbox && (
          <Questionnaire
            progress={progress}
            onProgress={setProgress}
            outbox={outbox}
            lang={lang}
            strings={strings}
            instrument={instrument as Instrument}
            clips={clips}
            onGiveBack={() => setScreen('takeback')}
          />
        )
      )}
    </main>
  );
}
