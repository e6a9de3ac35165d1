// The hash's query (decision 026): a page's own state beside the path, never part of the route.
import { describe, expect, it } from 'vitest';
import { hashPath, hashQuery, withQuery } from './router.ts';

describe('the hash query', () => {
  it('is not part of the path', () => {
    expect(hashPath('#/?scope=all')).toBe('/');
    expect(hashPath('#/citizens/c1?x=1')).toBe('/citizens/c1');
    expect(hashPath('#?a=1')).toBe('/');
  });
  it('reads the parameters after the ?', () => {
    expect(Object.fromEntries(hashQuery('#/?scope=all&page=2'))).toEqual({ scope: 'all', page: '2' });
    expect(hashQuery('#/citizens/c1').toString()).toBe('');
  });
  it('writes only the values given, encoded', () => {
    expect(withQuery('#/', { scope: 'all', page: undefined, deadline: '' })).toBe('#/?scope=all');
    expect(withQuery('#/', {})).toBe('#/');
    expect(withQuery('#/', { a: 'x y&z' })).toBe('#/?a=x+y%26z');
  });
});
