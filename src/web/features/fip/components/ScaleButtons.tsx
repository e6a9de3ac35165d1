import { Button, Text } from '@mantine/core';
import type { Instrument, Lang } from '../../../../domain/fip/index.ts';
import { textOf } from '../../../../domain/fip/index.ts';

interface Props {
  instrument: Instrument;
  lang: Lang;
  value: number | null | undefined;
  onChange: (value: number) => void;
  labelledBy: string;
}

/** Large 1–7 buttons; the anchor words (1, 4, 7) under their numbers, in the citizen's language and Danish. */
export function ScaleButtons({ instrument, lang, value, onChange, labelledBy }: Props) {
  const { min, max, anchors } = instrument.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <div role="group" aria-labelledby={labelledBy}>
      <div className="jv-scale" dir="ltr">
        {values.map((v) => {
          const anchor = anchors[String(v)];
          return (
            <Button
              key={v}
              variant={value === v ? 'filled' : 'default'}
              aria-pressed={value === v}
              aria-label={anchor ? `${v}: ${textOf(anchor, lang)}` : String(v)}
              onClick={() => onChange(v)}
            >
              {v}
            </Button>
          );
        })}
      </div>
      <div className="jv-anchors" dir="ltr" aria-hidden="true">
        {values.map((v, i) => {
          const anchor = anchors[String(v)];
          if (!anchor) return null;
          const pos = i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle';
          return (
            <div key={v} className={`jv-anchor jv-anchor-${pos}`}>
              <Text size="sm" fw={600} lang={lang} dir="auto">
                {textOf(anchor, lang)}
              </Text>
              {lang !== 'da' && (
                <Text size="xs" lang="da" dir="ltr" className="jv-danish">
                  {textOf(anchor, 'da')}
                </Text>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
