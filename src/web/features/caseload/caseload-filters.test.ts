import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery, requestFor } from './caseload-filters.ts';

const ID = '0b9e4f4e-8f0a-4c59-9a53-3f7d1c2b9a11';

describe('the caseload filters in the URL', () => {
  it('defaults: the scope the role starts with, by deadline, page 1', () => {
    expect(filtersFromQuery('', 'mine')).toEqual({ scope: 'mine', targetGroup: undefined, packageId: undefined, deadline: undefined, caseworkerId: undefined, sort: 'deadline', page: 1 });
    expect(filtersFromQuery('', 'all').scope).toBe('all');
  });

  it('round-trips, writing only what differs from the defaults', () => {
    const f = filtersFromQuery(`scope=all&targetGroup=selected&packageId=${ID}&deadline=breached&sort=name&page=3`, 'mine');
    expect(f).toEqual({ scope: 'all', targetGroup: 'selected', packageId: ID, deadline: 'breached', caseworkerId: undefined, sort: 'name', page: 3 });
    expect(filtersFromQuery(new URLSearchParams(Object.entries(filtersToQuery(f, 'mine')).filter((e): e is [string, string] => e[1] !== undefined)).toString(), 'mine')).toEqual(f);
    expect(filtersToQuery(filtersFromQuery('', 'mine'), 'mine')).toEqual({ scope: undefined, targetGroup: undefined, packageId: undefined, deadline: undefined, caseworkerId: undefined, sort: undefined, page: undefined });
  });

  it('a hand-edited link with wrong values falls back to the defaults', () => {
    expect(filtersFromQuery('scope=everyone&targetGroup=x&packageId=1&deadline=late&page=-2&sort=cpr', 'mine')).toEqual(filtersFromQuery('', 'mine'));
  });

  it('the search text goes into the request, never into the query', () => {
    const f = filtersFromQuery('scope=all', 'mine');
    expect(requestFor(f, ' 1234 ')).toMatchObject({ text: '1234', scope: 'all', page: 1, pageSize: 25 });
    expect(requestFor(f, '   ').text).toBeUndefined();
    expect(Object.keys(filtersToQuery(f, 'mine'))).not.toContain('text');
  });
});
