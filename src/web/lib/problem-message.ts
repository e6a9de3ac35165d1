// What a failed request means to the person who made it: one i18n key per kind of failure, so a
// 403 says "you may not", a 404 "not found", a 409 "changed meanwhile", a 400 "check the fields",
// a 429 "wait", a lost connection "no connection" — and only a server fault says "something went
// wrong" (the text that every failure used to get).
import { ApiError } from './http.ts';

export type ProblemKind = 'forbidden' | 'notFound' | 'conflict' | 'invalid' | 'rateLimited' | 'offline' | 'server';

export function problemKind(error: unknown): ProblemKind {
  // fetch rejects with a TypeError when there is no connection at all.
  if (!(error instanceof ApiError)) return error instanceof TypeError ? 'offline' : 'server';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 409 || error.status === 412) return 'conflict';
  if (error.status === 429) return 'rateLimited';
  if (error.status >= 400 && error.status < 500) return 'invalid';
  return 'server';
}

/** The message for this failure: the page's own wording for its kind if it has one, else problems.<kind>. */
export function problemText(
  t: (key: string) => string,
  error: unknown,
  overrides?: Partial<Record<ProblemKind, string>>,
): string {
  const kind = problemKind(error);
  return overrides?.[kind] ?? t(`problems.${kind}`);
}
