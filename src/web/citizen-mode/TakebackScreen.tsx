/** @jsxImportSource preact */
// Give-back: the caseworker's password ends the hand-over. Addressed to the caseworker, so Danish
// comes first and the citizen's language beneath (the citizen and an interpreter can follow).
// 429: locked after too many wrong passwords (the lock screen follows). On success the
// caseworker's app opens at the citizen's page, on the caseworker's form.
import { useState } from 'preact/hooks';
import type { Lang } from '../../domain/fip/index.ts';
import { isLocked, isWrongPassword, takeback } from './api.ts';
import { DANISH, type Strings } from './strings.ts';
import { rememberTakeback } from '../lib/after-takeback.ts';
import { clearSnapshot, type Outbox } from './outbox.ts';
import { forgetPage } from './offline-page.ts';

const ERROR_KEY = { wrong: 'wrongPassword', generic: 'errorGeneric', waiting: 'takebackWaiting' } as const;

function Both({ lang, da, own }: { lang: Lang; da: string; own: string }) {
  return (
    <>
      <span lang="da" dir="ltr" class="jv-both-da">
        {da}
      </span>
      {lang !== 'da' && (
        <span lang={lang} class="jv-both-own">
          {own}
        </span>
      )}
    </>
  );
}

export function TakebackScreen({ lang, strings: s, citizenId, roundId, outbox, onCancel, onLocked }: {
  lang: Lang;
  strings: Strings;
  citizenId: string;
  roundId: string;
  /** The round's answers on this device: the take-back waits until none is waiting (decision 020). */
  outbox: Outbox | undefined;
  onCancel: () => void;
  onLocked: () => void;
}) {
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<'wrong' | 'generic' | 'waiting' | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    // The hand-over ends with the take-back: an answer still waiting could not be sent after it.
    if (outbox) {
      await outbox.drain();
      if ((await outbox.pending()).some((p) => p.refused === undefined)) {
        setPending(false);
        setError('waiting');
        return;
      }
    }
    takeback(password).then(
      async () => {
        rememberTakeback(roundId);
        // Nothing of the hand-over stays on the device: the snapshot and the page's cache go.
        await Promise.all([clearSnapshot(), forgetPage()]);
        location.replace(`/#/citizens/${encodeURIComponent(citizenId)}`);
      },
      (err: unknown) => {
        setPending(false);
        if (isLocked(err)) onLocked();
        else setError(isWrongPassword(err) ? 'wrong' : 'generic');
      },
    );
  };
  return (
    <form class="jv-stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="jv-takeback-title">
      <h1 id="jv-takeback-title" class="jv-both">
        <Both lang={lang} da={DANISH.takebackTitle} own={s.takebackTitle} />
      </h1>
      <p class="jv-both">
        <Both lang={lang} da={DANISH.takebackBody} own={s.takebackBody} />
      </p>
      {error && (
        <p role="alert" class="jv-alert jv-both">
          <Both lang={lang} da={DANISH[ERROR_KEY[error]]} own={s[ERROR_KEY[error]]} />
        </p>
      )}
      <label class="jv-field">
        <span class="jv-both">
          <Both lang={lang} da={DANISH.caseworkerPassword} own={s.caseworkerPassword} />
        </span>
        <input
          type="password"
          name="takeback-password"
          autoComplete="current-password"
          dir="ltr"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <div class="jv-row">
        <button type="submit" class="jv-btn jv-primary jv-both" disabled={pending} aria-busy={pending}>
          <Both lang={lang} da={DANISH.takeback} own={s.takeback} />
        </button>
        <button type="button" class="jv-btn" onClick={onCancel}>
          {s.backToQuestions}
        </button>
      </div>
    </form>
  );
}
