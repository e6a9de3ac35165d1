import { describe, expect, it } from 'vitest';
import { ApiError } from './http.ts';
import { problemKind, problemText } from './problem-message.ts';
import da from '../i18n/locales/problems/da.json';

const api = (status: number) => new ApiError(status, 'x', 'x', []);

describe('what a failed request is called', () => {
  it.each([
    [403, 'forbidden'],
    [404, 'notFound'],
    [409, 'conflict'],
    [412, 'conflict'],
    [400, 'invalid'],
    [413, 'invalid'],
    [429, 'rateLimited'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('%i is %s', (status, kind) => {
    expect(problemKind(api(status))).toBe(kind);
  });

  it('a lost connection (fetch rejects with a TypeError) is not a server fault', () => {
    expect(problemKind(new TypeError('Failed to fetch'))).toBe('offline');
    expect(problemKind(new Error('boom'))).toBe('server');
  });

  it('403 and 404 never get the generic text, and a page may word a kind itself', () => {
    const t = (key: string) => (da.problems as Record<string, string>)[key.replace('problems.', '')] ?? key;
    expect(problemText(t, api(403))).toBe(da.problems.forbidden);
    expect(problemText(t, api(404))).toBe(da.problems.notFound);
    expect(problemText(t, api(403))).not.toBe(problemText(t, api(500)));
    expect(problemText(t, api(404), { notFound: 'Pakken findes ikke' })).toBe('Pakken findes ikke');
    expect(problemText(t, api(500), { notFound: 'Pakken findes ikke' })).toBe(da.problems.server);
  });
});
