import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting, leaves suppressed cells empty, and starts with a BOM', () => {
    const text = toCsv(['item', 'mean'], [['Hvor godt taler du dansk?', 3.25], ['a "quoted", text', null]]);
    expect(text).toBe('\uFEFFitem,mean\r\nHvor godt taler du dansk?,3.25\r\n"a ""quoted"", text",\r\n');
  });
});
