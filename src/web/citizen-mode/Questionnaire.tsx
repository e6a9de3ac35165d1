/** @jsxImportSource preact */
// The citizen's questionnaire: one question per screen in the citizen's language with the Danish
// text beneath, the pictogram scale, "don't know", previous/next, and "give back" last on the
// screen; then the thank-you screen. Each answer is saved as it is given. Where the municipality
// has recorded a text, a play button beside it, and the citizen's switch to hear each question as
// it appears (decision 023).
import { useEffect, useRef, useState } from 'preact/hooks';
import { DONT_KNOW_TARGET, itemTarget, itemsFor, textOf, type Instrument, type Item, type Lang } from '../../domain/fip/index.ts';
import type { AnswerMap, CitizenRound } from '../lib/types.ts';
import type { Outbox, OutboxState, Pending } from './outbox.ts';
import { DANISH, fill, type Strings } from './strings.ts';
import { PictogramScale } from './PictogramScale.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { autoplayOn, setAutoplay, type Clips } from './audio.ts';
import { PlayButton, SwitchIcon, usePlayer } from './Speaker.tsx';

export interface Progress {
  answers: AnswerMap;
  index: number;
  done: boolean;
}

/**
 * Where a round's citizen starts: the server's answers with those still on the device over them
 * (in the order given), at the first unanswered question, or done.
 */
export function startProgress(instrument: Instrument, round: CitizenRound, pending: Pending[]): Progress {
  const items = itemsFor(instrument, 'citizen');
  const answers: AnswerMap = { ...round.answers.citizen };
  for (const p of pending) for (const a of p.answers) answers[a.itemId] = a.value ?? null;
  const firstOpen = items.findIndex((i) => !(i.id in answers));
  return { answers, index: Math.max(firstOpen, 0), done: round.citizenCompletedAt !== null && round.citizenCompletedAt !== undefined };
}

interface Props {
  lang: Lang;
  strings: Strings;
  instrument: Instrument;
  progress: Progress;
  onProgress: (p: Progress) => void;
  onGiveBack: () => void;
  outbox: Outbox;
  /** The recorded clips of this version in this language (none yet while they are asked for). */
  clips: Clips;
}

export function Questionnaire({ lang, strings: s, instrument, progress, onProgress, onGiveBack, outbox, clips }: Props) {
  const items = itemsFor(instrument, 'citizen');
  const { answers, index, done } = progress;
  const player = usePlayer();
  const [autoplay, setAuto] = useState(autoplayOn);
  const spokenItems = items.some((i) => clips.has(itemTarget(i.id)));
  const shownItem = done ? undefined : items[index];
  const itemClip = shownItem ? clips.get(itemTarget(shownItem.id)) : undefined;
  // A new question: its clip when the citizen asked for that, else silence (a clip of the last one stops).
  const { play, stop } = player;
  useEffect(() => {
    if (autoplay && itemClip) play(itemClip);
    else stop();
  }, [index, done, autoplay, itemClip, play, stop]);
  const [sync, setSync] = useState<OutboxState>({ waiting: 0, refused: 0, closed: 0, saved: false });
  useEffect(() => outbox.subscribe(setSync), [outbox]);
  // The thank-you screen comes once the server has the answers sent as complete.
  const latest = useRef(progress);
  latest.current = progress;
  useEffect(
    () =>
      outbox.onSaved((saved) => {
        if (saved.complete) onProgress({ ...latest.current, done: true });
      }),
    [outbox, onProgress],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const shownIndex = useRef(index);
  useEffect(() => {
    // A new question (or the thank-you screen): move focus to its heading, so a screen reader reads it.
    if (shownIndex.current !== index || done) heading.current?.focus();
    shownIndex.current = index;
  }, [index, done]);

  if (done) {
    return (
      <section class="jv-stack jv-center-text" aria-labelledby="jv-thanks">
        <h1 id="jv-thanks" ref={heading} tabIndex={-1}>
          {s.thanks}
        </h1>
        <p>{s.thanksBody}</p>
        {lang !== 'da' && (
          <p lang="da" dir="ltr" class="jv-danish">
            {DANISH.thanksBody}
          </p>
        )}
        <SaveStatus lang={lang} strings={s} state={sync} />
        <GiveBack lang={lang} strings={s} onClick={onGiveBack} primary />
      </section>
    );
  }
  const item: Item | undefined = items[index];
  if (!item) return null;
  const current = answers[item.id];
  const answeredCount = items.filter((i) => i.id in answers).length;

  const answer = (value: number | null) => {
    const next = { ...answers, [item.id]: value };
    const isLast = index === items.length - 1;
    const complete = items.every((i) => i.id in next);
    if (isLast && complete) {
      onProgress({ answers: next, index, done: false });
      void outbox.give(items.map((i) => ({ itemId: i.id, value: next[i.id] ?? null })), true);
      return;
    }
    void outbox.give([{ itemId: item.id, value }], false);
    const nextIndex = !isLast ? index + 1 : items.findIndex((i) => !(i.id in next));
    onProgress({ answers: next, index: nextIndex, done: false });
  };
  const headingId = `q-${item.id}`;
  const dontKnowClip = clips.get(DONT_KNOW_TARGET);
  const dontKnow = (
    <button type="button" class={`jv-btn jv-dontknow${current === null ? ' jv-selected' : ''}`} aria-pressed={current === null} onClick={() => answer(null)}>
      <span class="jv-dontknow-icon" aria-hidden="true">?</span>
      <span>{textOf(instrument.scale.dontKnow, lang)}</span>
      {lang !== 'da' && (
        <span lang="da" dir="ltr" class="jv-danish">
          ({textOf(instrument.scale.dontKnow, 'da')})
        </span>
      )}
    </button>
  );
  return (
    <section class="jv-stack" aria-labelledby={headingId}>
      <p class="jv-small jv-title">{textOf(instrument.title, lang)}</p>
      <div>
        <p class="jv-small" id="q-progress-label">
          {fill(s.progress, { current: index + 1, total: items.length })}
        </p>
        <progress class="jv-progress" max={items.length} value={answeredCount} aria-labelledby="q-progress-label" />
      </div>
      <div>
        <h1 id={headingId} ref={heading} tabIndex={-1} lang={lang} data-testid="item-text">
          {textOf(item.text, lang)}
        </h1>
        {lang !== 'da' && (
          <p lang="da" dir="ltr" class="jv-danish" data-testid="item-text-da">
            {textOf(item.text, 'da')}
          </p>
        )}
      </div>
      {spokenItems && (
        <div class="jv-listen">
          {itemClip && (
            <PlayButton url={itemClip} player={player} class="jv-play-question">
              <Both lang={lang} own={s.listen} da={DANISH.listen} />
            </PlayButton>
          )}
          <button
            type="button"
            class={`jv-btn jv-autoplay${autoplay ? ' jv-selected' : ''}`}
            aria-pressed={autoplay}
            data-testid="autoplay"
            onClick={() => {
              setAutoplay(!autoplay);
              setAuto(!autoplay);
            }}
          >
            <SwitchIcon on={autoplay} />
            <Both lang={lang} own={s.autoplay} da={DANISH.autoplay} />
          </button>
        </div>
      )}
      <PictogramScale instrument={instrument} lang={lang} strings={s} value={current} onChange={answer} labelledBy={headingId} clips={clips} player={player} />
      {dontKnowClip ? (
        <div class="jv-dontknow-row">
          {dontKnow}
          <PlayButton url={dontKnowClip} player={player} label={fill(s.listenTo, { text: textOf(instrument.scale.dontKnow, lang) })} class="jv-play-anchor" />
        </div>
      ) : (
        dontKnow
      )}
      <SaveStatus lang={lang} strings={s} state={sync} />
      <div class="jv-row">
        <button type="button" class="jv-btn" disabled={index === 0} onClick={() => onProgress({ ...progress, index: index - 1 })}>
          {s.previous}
        </button>
        <button
          type="button"
          class="jv-btn"
          disabled={index >= items.length - 1 || !(item.id in answers)}
          onClick={() => onProgress({ ...progress, index: index + 1 })}
        >
          {s.next}
        </button>
      </div>
      <GiveBack lang={lang} strings={s} onClick={onGiveBack} />
      {player.element}
    </section>
  );
}

/** A control's words in the citizen's language with the Danish beneath (none when the language is Danish). */
function Both({ lang, own, da }: { lang: Lang; own: string; da: string }) {
  return (
    <span class="jv-both">
      <span>{own}</span>
      {lang !== 'da' && (
        <span lang="da" dir="ltr" class="jv-danish">
          {da}
        </span>
      )}
    </span>
  );
}

/** "Give back to the caseworker": full width, its words wrap rather than being cut. */
function GiveBack({ lang, strings: s, onClick, primary }: { lang: Lang; strings: Strings; onClick: () => void; primary?: boolean }) {
  return (
    <button type="button" class={`jv-btn jv-giveback${primary ? ' jv-primary' : ''}`} onClick={onClick} data-testid="give-back">
      <svg class="jv-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      <span>{s.giveBack}</span>
      {lang !== 'da' && (
        <span lang="da" dir="ltr" class="jv-danish jv-giveback-da">
          {DANISH.giveBack}
        </span>
      )}
    </button>
  );
}
