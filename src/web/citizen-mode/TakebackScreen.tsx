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

export function TakebackScreen({ lang, strings: s, citizenId, roundId, onCancel, onLocked }: {
  lang: Lang;
  strings: Strings;
  citizenId: string;
  roundId: string;
  onCancel: () => void;
  onLocked: () => void;
}) {
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<'wrong' | 'generic' | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    takeback(password).then(
      () => {
        rememberTakeback(roundId);
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
    <form class="jv-stack" onSubmit={submit} noValidate aria-labelledby="jv-takeback-title">
      <h1 id="jv-takeback-title" class="jv-both">
        <Both lang={lang} da={DANISH.takebackTitle} own={s.takebackTitle} />
      </h1>
      <p class="jv-both">
        <Both lang={lang} da={DANISH.takebackBody} own={s.takebackBody} />
      </p>
      {error && (
        <p role="alert" class="jv-alert jv-both">
          <Both lang={lang} da={error === 'wrong' ? DANISH.wrongPassword : DANISH.errorGeneric} own={error === 'wrong' ? s.wrongPassword : s.errorGeneric} />
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
