// Hash routing, the part every feature uses: hrefFor and navigate to a route by its name and
// parameters ({ name: 'citizen', id }), and matching the location's hash against path patterns
// ('/citizens/:id', '/evaluations/:runId?'). The route table itself (name, pattern, page, title
// key, nav entry) is src/web/app/routes.tsx (decision 014); it registers itself here, its type
// by declaration merging (RouteRegister) and its patterns at start-up (registerRoutes), so this
// file imports nothing of the app.
import { useSyncExternalStore } from 'react';

/** What the route table needs for links: a name and a path pattern. */
export interface NamedPath {
  name: string;
  path: string;
}

/**
 * Filled in by src/web/app/routes.tsx (`interface RouteRegister { routes: typeof routes }`), the
 * way TanStack Router's `Register` works: Route below is then exactly the table's routes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RouteRegister {}

type Table = RouteRegister extends { routes: readonly (infer R extends NamedPath)[] } ? R : NamedPath;

type Segment<P extends string> = P extends `${infer Head}/${infer Tail}` ? Head | Segment<Tail> : P;
type RequiredName<S extends string> = S extends `:${string}?` ? never : S extends `:${infer N}` ? N : never;
type OptionalName<S extends string> = S extends `:${infer N}?` ? N : never;

/** The parameters a pattern names: '/packages/:packageId/enrolments/:enrolmentId' → { packageId, enrolmentId }; ':x?' is optional. */
export type PathParams<P extends string> = { [K in RequiredName<Segment<P>>]: string } & {
  [K in OptionalName<Segment<P>>]?: string | undefined;
};

/** A route of the table with its parameters: { name: 'citizen', id: '…' }. */
export type Route = Table extends infer R extends NamedPath ? (R extends NamedPath ? { name: R['name'] } & PathParams<R['path']> : never) : never;

let table: readonly NamedPath[] = [];

/** Called once by the route table (src/web/app/routes.tsx) with its routes. */
export function registerRoutes(routes: readonly NamedPath[]): void {
  table = routes;
}

/** The href of a route: hrefFor({ name: 'citizen', id }) → '#/citizens/<id>' (parameters URI-encoded). */
export function hrefFor(route: Route): string {
  const { name, ...params } = route as { name: string } & Record<string, string | undefined>;
  const entry = table.find((r) => r.name === name);
  if (!entry) throw new Error(`no route named "${name}" (is src/web/app/routes.tsx loaded?)`);
  return fillPath(entry.path, params);
}

/** Go to a route (sets the location's hash). */
export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/**
 * A pattern with its parameters filled in, as an href: ':x' becomes the URI-encoded value, an
 * optional ':x?' without a value (or with '') is left out with its slash.
 */
export function fillPath(pattern: string, params: Record<string, string | undefined>): string {
  const segments = pattern.split('/').flatMap((s) => {
    if (!s.startsWith(':')) return [s];
    const optional = s.endsWith('?');
    const value = params[optional ? s.slice(1, -1) : s.slice(1)];
    return optional && !value ? [] : [encodeURIComponent(value ?? '')];
  });
  return `#${segments.join('/') || '/'}`;
}

/**
 * The parameters (URI-decoded) when path matches pattern segment by segment, else undefined. A
 * parameter matches one non-empty segment; an optional one (':x?', last only) may be absent;
 * every other segment must be equal.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  let want = pattern.split('/');
  const got = path.split('/');
  const last = want[want.length - 1] ?? '';
  if (last.startsWith(':') && last.endsWith('?')) {
    if (got.length === want.length - 1) want = want.slice(0, -1);
    else want = [...want.slice(0, -1), last.slice(0, -1)];
  }
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/**
 * The route whose pattern matches path, with its parameters; a pattern with more fixed segments
 * wins ('/citizens/new' over '/citizens/:id'), then the earlier one. Undefined when none matches.
 */
export function matchRoute<R extends { path: string }>(
  routes: readonly R[],
  path: string,
): { route: R; params: Record<string, string> } | undefined {
  let best: { route: R; params: Record<string, string>; fixed: number } | undefined;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    const fixed = route.path.split('/').filter((s) => !s.startsWith(':')).length;
    if (!best || fixed > best.fixed) best = { route, params, fixed };
  }
  return best && { route: best.route, params: best.params };
}

/** The path of a location hash: '#/citizens/42' → '/citizens/42'; '' and '#' → '/'; a query ('?scope=all') is not part of it. */
export function hashPath(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0] || '/';
}

/**
 * The query of a location hash ('#/?scope=all&page=2' → scope, page): a page's own state that
 * survives a reload and a shared link (the caseload's filters, decision 026). Never personal data:
 * no search text, no CPR digits (the browser keeps the hash in its history).
 */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** A hash with its query: withQuery('#/', { scope: 'all', page: undefined }) → '#/?scope=all' (empty values left out). */
export function withQuery(href: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
  return query ? `${href}?${query}` : href;
}

/** Replace the current hash's query without a new history entry; the page re-renders as on any hash change. */
export function replaceHashQuery(params: Record<string, string | undefined>): void {
  const path = window.location.hash.split('?')[0] || '#/';
  const next = withQuery(path, params);
  if (next === window.location.hash) return;
  history.replaceState(history.state, '', next);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current path (from the location's hash); re-renders when it changes. */
export function useHashPath(): string {
  return hashPath(useSyncExternalStore(subscribe, () => window.location.hash));
}

/** The current hash's query as a string ('scope=all&page=2'); re-renders when it changes. */
export function useHashQuery(): string {
  return hashQuery(useSyncExternalStore(subscribe, () => window.location.hash)).toString();
}
