/** @jsxImportSource preact */
// The 1–7 scale as a pictogram: each value a large button with a bar that grows with the value,
// its number, and the anchor words (1, 4, 7) in the citizen's language with the Danish beneath.
// On a phone the values stand one under the other (a 320 px screen has no room for seven 48 px
// targets side by side), on a wider screen side by side. The scale follows the page's direction:
// in Arabic and Farsi it starts at the right (1 rightmost, bars growing from the right), the
// side a right-to-left reader starts from (decision 019); the focus order is 1 to 7 either way.
// An anchor word with a recorded clip has its play button beside its value (decision 023); then
// every value keeps the button's room, so the bars stay in step.
import { anchorTarget, textOf, type Instrument, type Lang } from '../../domain/fip/index.ts';
import type { Clips } from './audio.ts';
import { fill, type Strings } from './strings.ts';
import { PlayButton, type Player } from './Speaker.tsx';

interface Props {
  instrument: Instrument;
  lang: Lang;
  strings: Strings;
  value: number | null | undefined;
  onChange: (value: number) => void;
  labelledBy: string;
  clips: Clips;
  player: Player;
}

export function PictogramScale({ instrument, lang, strings: s, value, onChange, labelledBy, clips, player }: Props) {
  const { min, max, anchors } = instrument.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const spoken = values.some((v) => anchors[String(v)] && clips.has(anchorTarget(v)));
  return (
    <div role="group" aria-labelledby={labelledBy} class={`jv-scale${spoken ? ' jv-spoken' : ''}`} data-testid="scale">
      {values.map((v) => {
        const anchor = anchors[String(v)];
        const clip = anchor ? clips.get(anchorTarget(v)) : undefined;
        // The bar's length in sevenths of the full bar (a scale of another length is rescaled).
        const level = Math.max(1, Math.round(((v - min + 1) / values.length) * 7));
        const button = (
          <button
            key={v}
            type="button"
            class={`jv-scale-value${value === v ? ' jv-selected' : ''}`}
            aria-pressed={value === v}
            data-value={v}
            onClick={() => onChange(v)}
          >
            <span class="jv-bar-track" aria-hidden="true">
              <span class={`jv-bar jv-level-${level}`} />
            </span>
            <span class="jv-scale-number">{v}</span>
            {anchor && (
              <span class="jv-scale-anchor">
                <span lang={lang}>{textOf(anchor, lang)}</span>
                {lang !== 'da' && (
                  <span lang="da" dir="ltr" class="jv-danish">
                    {textOf(anchor, 'da')}
                  </span>
                )}
              </span>
            )}
          </button>
        );
        if (!spoken) return button;
        return (
          <div key={v} class="jv-scale-cell">
            {button}
            {clip && anchor ? (
              <PlayButton url={clip} player={player} label={fill(s.listenTo, { text: textOf(anchor, lang) })} class="jv-play-anchor" />
            ) : (
              <span class="jv-play-room" aria-hidden="true" />
            )}
          </div>
        );
      })}
    </div>
  );
}
