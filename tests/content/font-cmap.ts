// Minimal TrueType/OpenType cmap reader: which code points does a font map to a glyph?
// Reads the Unicode subtables of format 4 (BMP) and 12 (full range); enough for coverage tests.

function readU16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}
function readU32(b: Uint8Array, o: number): number {
  return readU16(b, o) * 0x10000 + readU16(b, o + 2);
}

function cmapOffset(font: Uint8Array): number {
  const numTables = readU16(font, 4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(rec, rec + 4));
    if (tag === 'cmap') return readU32(font, rec + 8);
  }
  throw new Error('font has no cmap table');
}

function addFormat4(font: Uint8Array, t: number, out: Set<number>): void {
  const segX2 = readU16(font, t + 6);
  const ends = t + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = readU16(font, ends + s);
    const start = readU16(font, starts + s);
    const delta = readU16(font, deltas + s);
    const ro = readU16(font, rangeOffsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = readU16(font, rangeOffsets + s + ro + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function addFormat12(font: Uint8Array, t: number, out: Set<number>): void {
  const groups = readU32(font, t + 12);
  for (let i = 0; i < groups; i++) {
    const g = t + 16 + i * 12;
    const start = readU32(font, g);
    const end = readU32(font, g + 4);
    const glyph = readU32(font, g + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
}

/** The set of code points the font maps to a (non-.notdef) glyph. */
export function codePointsOf(font: Uint8Array): Set<number> {
  const cmap = cmapOffset(font);
  const out = new Set<number>();
  const n = readU16(font, cmap + 2);
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = readU16(font, rec);
    const encoding = readU16(font, rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const t = cmap + readU32(font, rec + 4);
    const format = readU16(font, t);
    if (format === 4) addFormat4(font, t, out);
    else if (format === 12) addFormat12(font, t, out);
  }
  return out;
}
