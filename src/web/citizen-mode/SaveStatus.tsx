/** @jsxImportSource preact */
// Whether the answers are saved at the job centre or waiting on this device (decision 020), in the
// citizen's language with the Danish beneath, with an icon: a tick (saved), a clock (waiting for
// the connection), an exclamation mark (refused by the server: kept on the device for the
// caseworker; when the caseworker had finished the round meanwhile, the screen says that, decision
// 023). Announced politely; a refusal as an alert.
import type { Lang } from '../../domain/fip/index.ts';
import type { OutboxState } from './outbox.ts';
import { DANISH, type Strings } from './strings.ts';

type Kind = 'saved' | 'waiting' | 'refused';

const ICONS: Record<Kind, string> = {
  saved: 'M5 12.5 10 17 19 7',
  waiting: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  refused: 'M12 7v6M12 16.5v.5M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
};

export function SaveStatus({ lang, strings: s, state }: { lang: Lang; strings: Strings; state: OutboxState }) {
  const kind: Kind | null = state.refused > 0 ? 'refused' : state.waiting > 0 ? 'waiting' : state.saved ? 'saved' : null;
  // A round the caseworker finished meanwhile (409 round_closed) says so; any other refusal the general words.
  const text = (k: Kind, from: Strings) => (k === 'saved' ? from.saved : k === 'waiting' ? from.waiting : state.closed > 0 ? from.roundClosed : from.refused);
  return (
    <div class={`jv-save${kind ? ` jv-save-${kind}` : ''}`} role={kind === 'refused' ? 'alert' : 'status'} data-testid="save-status" data-state={kind ?? 'none'} data-reason={kind === 'refused' && state.closed > 0 ? 'round_closed' : undefined}>
      {kind && (
        <>
          <svg class="jv-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={ICONS[kind]} fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span class="jv-both">
            <span>{text(kind, s)}</span>
            {lang !== 'da' && (
              <span lang="da" dir="ltr" class="jv-danish">
                {text(kind, DANISH)}
              </span>
            )}
          </span>
        </>
      )}
    </div>
  );
}
