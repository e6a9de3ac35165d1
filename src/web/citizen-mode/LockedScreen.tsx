/** @jsxImportSource preact */
// A hand-over locked by too many wrong take-back passwords: it cannot be unlocked here. The
// caseworker's next login ends the session (the recheck then returns to the caseworker's app,
// which shows the login), or "End the session" logs this device out. In the citizen's language
// and in Danish.
import { useEffect } from 'preact/hooks';
import type { Lang } from '../../domain/fip/index.ts';
import { fetchMe, logout } from './api.ts';
import { DANISH, type Strings } from './strings.ts';
import { clearSnapshot } from './outbox.ts';
import { forgetPage } from './offline-page.ts';

/** How often the device asks whether the caseworker's new login has ended this session. */
const RECHECK_MS = 15_000;

export function LockedScreen({ lang, strings: s }: { lang: Lang; strings: Strings }) {
  useEffect(() => {
    const timer = setInterval(() => {
      fetchMe().then(
        (me) => {
          if (!me?.handover) location.replace('/');
        },
        () => undefined,
      );
    }, RECHECK_MS);
    return () => clearInterval(timer);
  }, []);
  const end = () => {
    const away = () => void Promise.all([clearSnapshot(), forgetPage()]).then(() => location.replace('/'));
    logout().then(away, away);
  };
  return (
    <section class="jv-stack jv-center-text" role="alert" data-testid="handover-locked">
      <h1>{s.lock.title}</h1>
      <p>{s.lock.body}</p>
      {lang !== 'da' && (
        <p lang="da" dir="ltr" class="jv-danish">
          {DANISH.lock.body}
        </p>
      )}
      <button type="button" class="jv-btn" onClick={end}>
        {s.lock.end}
      </button>
    </section>
  );
}
