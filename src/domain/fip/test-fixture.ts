// A small instrument for the unit tests (the real content is tested in tests/content).
import type { Instrument, Item, Respondent } from './instrument.ts';

const t = (text: string) => ({ da: { text, reviewed: true } });

function item(id: string, respondent: Respondent, index: string, mirror?: string): Item {
  return { id, respondent, index, ...(mirror ? { mirror } : {}), text: t(`spørgsmål ${id}`) };
}

export const testInstrument: Instrument = {
  id: 'fip',
  version: 'test',
  title: t('FIP test'),
  scale: { min: 1, max: 7, anchors: { '1': t('i meget ringe grad'), '7': t('i meget høj grad') }, dontKnow: t('Ved ikke') },
  indices: [
    { id: 'job', label: t('Job'), description: 'job items' },
    { id: 'danish', label: t('Dansk'), description: 'danish items' },
    { id: 'confidence', label: t('Selvtillid'), description: 'caseworker only' },
  ],
  items: [
    item('c01', 'citizen', 'job', 'w01'),
    item('c02', 'citizen', 'job', 'w02'),
    item('c03', 'citizen', 'danish', 'w03'),
    item('c04', 'citizen', 'danish'),
    item('w01', 'caseworker', 'job', 'c01'),
    item('w02', 'caseworker', 'job', 'c02'),
    item('w03', 'caseworker', 'danish', 'c03'),
    item('w04', 'caseworker', 'confidence'),
  ],
};
