// Where weeks.csv can be split for reading on two threads (parallel/read-weeks.ts): after a
// header that is exactly person_id,week,status, at the first line start after the middle (or
// after another given fraction of the file).
import { closeSync, openSync, readSync } from 'node:fs';

const HEADER = Buffer.from('person_id,week,status', 'latin1');

/**
 * Byte offsets: end of the canonical header line, and the first line start at or after
 * `fraction` of the file (default the middle); undefined when the file does not qualify.
 */
export function splitPoints(file: string, size: number, fraction = 0.5): { headerEnd: number; mid: number } | undefined {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEADER.length + 2);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n < HEADER.length + 1 || !head.subarray(0, HEADER.length).equals(HEADER)) return undefined;
    let headerEnd: number;
    if (head[HEADER.length] === 10) headerEnd = HEADER.length + 1;
    else if (head[HEADER.length] === 13 && head[HEADER.length + 1] === 10) headerEnd = HEADER.length + 2;
    else return undefined;
    const probe = Buffer.alloc(1 << 16);
    const from = Math.max(headerEnd, Math.floor(size * fraction));
    const m = readSync(fd, probe, 0, probe.length, from - 1);
    const nl = probe.subarray(0, m).indexOf(10);
    if (nl < 0) return undefined;
    const mid = from - 1 + nl + 1;
    if (mid <= headerEnd || mid >= size) return undefined;
    return { headerEnd, mid };
  } finally {
    closeSync(fd);
  }
}
