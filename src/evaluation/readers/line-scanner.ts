// Streams a file in large chunks and calls back once per line with the buffer and the line's
// byte range (CR stripped). Memory stays bounded by the chunk size whatever the file size.
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.ts';

/** No register line comes near this; a longer one means the file is not line-based text. */
export const MAX_LINE_BYTES = 16 << 20;

export type LineHandler = (buf: Buffer, start: number, end: number, lineNo: number) => void;

/**
 * Optional fast path, tried first at every line start: handle as many lines as it can from
 * `start` (valid bytes end at `len`), each including its line break, and return the offset
 * just past the last one handled with `lines` set to their number — `start` and 0 when it
 * handles none. It stops, without any effect for that line, at the first line it leaves to
 * `onLine` (an irregular line, or one without a line break before `len`).
 */
export interface FastLines {
  run(buf: Buffer, start: number, len: number): number;
  lines: number;
}

/**
 * Calls back once per line of `file` (or of its bytes [range.start, range.end), which should
 * begin at a line start); line numbers count from 1 at the range's start. Returns the number of lines.
 */
export function scanLines(file: string, onLine: LineHandler, onProgress?: (bytes: number) => void, chunkSize = 8 << 20, maxLineBytes = MAX_LINE_BYTES, fast?: FastLines, range?: { start: number; end: number }): number {
  const fd = openSync(file, 'r');
  let pos = range?.start ?? 0;
  const stop = range?.end ?? Infinity;
  let buf = Buffer.allocUnsafe(chunkSize);
  let carry = 0; // bytes of an unfinished line at the start of buf
  let lineNo = 0;
  let total = 0;
  try {
    for (;;) {
      if (carry === buf.length) {
        if (carry >= maxLineBytes) {
          throw new InputError([{ file, line: lineNo + 1, reason: `line is longer than ${maxLineBytes} bytes without a line break: not a CSV text file?` }], 0);
        }
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const n = pos >= stop ? 0 : readSync(fd, buf, carry, Math.min(buf.length - carry, stop - pos), pos);
      pos += n;
      total += n;
      const len = carry + n;
      let s = 0;
      if (n === 0) {
        if (len > 0) {
          let e = len;
          if (buf[e - 1] === 13) e--;
          onLine(buf, 0, e, ++lineNo);
        }
        break;
      }
      for (;;) {
        if (fast !== undefined) {
          fast.lines = 0;
          s = fast.run(buf, s, len);
          lineNo += fast.lines;
        }
        const nl = buf.indexOf(10, s);
        if (nl < 0 || nl >= len) break;
        let e = nl;
        if (e > s && buf[e - 1] === 13) e--;
        onLine(buf, s, e, ++lineNo);
        s = nl + 1;
      }
      carry = len - s;
      if (carry > 0) buf.copy(buf, 0, s, len);
      onProgress?.(total);
    }
  } finally {
    closeSync(fd);
  }
  return lineNo;
}

/** Split a line that may hold RFC 4180 quoted fields (slow path, used only when a quote is present). */
export function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          field += line.slice(i);
          i = line.length;
          break;
        }
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const c = line.indexOf(',', i);
      if (c < 0) {
        out.push(field);
        return out;
      }
      i = c + 1;
      out.push(field);
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, c));
      i = c + 1;
    }
  }
}
