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
      <div className="jv-scale" dir="ltr" aria-hidden="true" style={{ marginTop: 4 }}>
        {values.map((v) => {
          const anchor = anchors[String(v)];
          return (
            <div key={v} style={{ textAlign: 'center', minWidth: 0 }}>
              {anchor && (
                <>
                  <Text size="xs" lang={lang} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                    {textOf(anchor, lang)}
                  </Text>
                  {lang !== 'da' && (
                    <Text size="xs" lang="da" dir="ltr" className="jv-danish" style={{ overflowWrap: 'anywhere' }}>
                      {textOf(anchor, 'da')}
                    </Text>
                  )}
                </>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
