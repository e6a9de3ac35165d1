// The route table and src/web/lib/router.ts: the paths and hrefs of the hand-written router they
// replaced (src/web/app/router.ts before decision 014), unknown paths to '/', and the nav order.
import { describe, expect, it } from 'vitest';
import { hashPath, hrefFor, matchRoute, type Route } from '../lib/router.ts';
import { homeRoute, routes } from './routes.tsx';
import type { Me } from '../lib/types.ts';

/** The route a location hash shows, as { name, ...params }; undefined → the '/' page. */
function parse(hash: string): Record<string, string | undefined> | undefined {
  const m = matchRoute(routes, hashPath(hash));
  return m && { name: m.route.name, ...m.params };
}

describe('the route table', () => {
  it.each<[string, Record<string, string> | undefined]>([
    ['', { name: 'caseload' }],
    ['#', { name: 'caseload' }],
    ['#/', { name: 'caseload' }],
    ['#/citizens/new', { name: 'newCitizen' }],
    // A page's own state in the hash's query (the caseload's filters) is not part of the path.
    ['#/?scope=all&targetGroup=selected', { name: 'caseload' }],
    ['#/citizens/c1?tab=x', { name: 'citizen', id: 'c1' }],
    ['#/admin/users', { name: 'users' }],
    ['#/citizens/c%2F1%20x', { name: 'citizen', id: 'c/1 x' }],
    ['#/citizens/new/offers/new', { name: 'newOffer', id: 'new' }],
    ['#/citizens/c1/offers/new', { name: 'newOffer', id: 'c1' }],
    ['#/companies', { name: 'companies' }],
    ['#/companies/k1', { name: 'company', id: 'k1' }],
    ['#/demand', { name: 'demand' }],
    ['#/packages', { name: 'packages' }],
    ['#/packages/p1', { name: 'package', id: 'p1' }],
    ['#/packages/p1/enrolments/e1', { name: 'enrolment', packageId: 'p1', enrolmentId: 'e1' }],
    ['#/evaluations', { name: 'evaluations' }],
    ['#/evaluations/r1', { name: 'evaluations', runId: 'r1' }],
    ['#/audio', { name: 'audio' }],
    ['#/citizens/', undefined],
    ['#/companies/', undefined],
    ['#/evaluations/', undefined],
    ['#/evaluations/r1/x', undefined],
    ['#/nowhere', undefined],
  ])('%s shows %o', (hash, want) => {
    expect(parse(hash)).toEqual(want);
  });

  it.each<[Route, string]>([
    [{ name: 'caseload' }, '#/'],
    [{ name: 'newCitizen' }, '#/citizens/new'],
    [{ name: 'citizen', id: 'c/1 x' }, '#/citizens/c%2F1%20x'],
    [{ name: 'newOffer', id: 'c1' }, '#/citizens/c1/offers/new'],
    [{ name: 'companies' }, '#/companies'],
    [{ name: 'company', id: 'k1' }, '#/companies/k1'],
    [{ name: 'demand' }, '#/demand'],
    [{ name: 'packages' }, '#/packages'],
    [{ name: 'package', id: 'p1' }, '#/packages/p1'],
    [{ name: 'enrolment', packageId: 'p1', enrolmentId: 'e 1' }, '#/packages/p1/enrolments/e%201'],
    [{ name: 'evaluations' }, '#/evaluations'],
    [{ name: 'evaluations', runId: undefined }, '#/evaluations'],
    [{ name: 'evaluations', runId: 'r1' }, '#/evaluations/r1'],
  ])('hrefFor(%o) is %s and leads back to it', (route, href) => {
    expect(hrefFor(route)).toBe(href);
    expect(parse(href)).toEqual(Object.fromEntries(Object.entries(route).filter(([, v]) => v !== undefined)));
  });

  it('names each route once and shows the nav in the header order', () => {
    expect(new Set(routes.map((r) => r.name)).size).toBe(routes.length);
    expect(routes.flatMap((r) => (r.nav ? [r.nav.label] : []))).toEqual([
      'companies.nav', 'companies.demand.nav', 'packages.nav', 'timeliness.nav', 'national.nav', 'fipAnalytics.nav', 'employmentModel.nav', 'exports.nav', 'admin.nav', 'audio.nav', 'evaluation.nav',
    ]);
  });

  it("gives '/' to the page of a role without a caseload: the national view, the evaluations, the spoken questions (an interpreter)", () => {
    const me = (abilities: Me['abilities']) => ({ abilities }) as Me;
    const title = (m: Me) => (typeof homeRoute.title === 'function' ? homeRoute.title(m) : homeRoute.title);
    expect(title(me(['citizen.list', 'instrument.listen', 'instrument.audio']))).toBe('caseload.title');
    expect(title(me(['instrument.listen', 'instrument.audio']))).toBe('audio.title');
    expect(title(me(['evaluation.view']))).toBe('evaluation.title');
    expect(title(me(['national.view']))).toBe('national.title');
  });
});
