// Up-front checks on an input file: it must exist and be a regular file. Large files are
// streamed (no size limit); see docs/decisions/004-hand-written-register-reader.md.
import { statSync } from 'node:fs';
import { InputError } from '../errors.ts';

/** Size in bytes of a readable regular file, or throw an InputError naming it. */
export function checkFileSize(file: string): number {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new InputError([{ file, line: 0, reason: 'not a regular file' }], 0);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError([{ file, line: 0, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }], 0);
  }
  return size;
}

/** Size in bytes of a file, or 0 when it cannot be read (for sizing decisions only; readers report the error). */
export function fileSizeOrZero(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
