// A tiny hash router: '#/', '#/citizens/new', '#/citizens/<id>', '#/evaluations[/<run id>]'.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'caseload' }
  | { name: 'newCitizen' }
  | { name: 'citizen'; id: string }
  | { name: 'evaluations'; runId?: string | undefined };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/citizens/new') return { name: 'newCitizen' };
  const m = /^\/citizens\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'citizen', id: decodeURIComponent(m[1]) };
  const ev = /^\/evaluations(?:\/([^/]+))?$/.exec(path);
  if (ev) return { name: 'evaluations', runId: ev[1] ? decodeURIComponent(ev[1]) : undefined };
  return { name: 'caseload' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'caseload':
      return '#/';
    case 'newCitizen':
      return '#/citizens/new';
    case 'citizen':
      return `#/citizens/${encodeURIComponent(route.id)}`;
    case 'evaluations':
      return route.runId ? `#/evaluations/${encodeURIComponent(route.runId)}` : '#/evaluations';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
