// A tiny hash router: '#/', '#/citizens/new', '#/citizens/<id>', '#/citizens/<id>/offers/new', '#/evaluations[/<run id>]'.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'caseload' }
  | { name: 'newCitizen' }
  | { name: 'citizen'; id: string }
  | { name: 'newOffer'; id: string }
  | { name: 'evaluations'; runId?: string | undefined }
  | { name: 'companies' }
  | { name: 'company'; id: string }
  | { name: 'demand' }
  | { name: 'packages' }
  | { name: 'package'; id: string }
  | { name: 'enrolment'; packageId: string; enrolmentId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/citizens/new') return { name: 'newCitizen' };
  const offer = /^\/citizens\/([^/]+)\/offers\/new$/.exec(path);
  if (offer?.[1]) return { name: 'newOffer', id: decodeURIComponent(offer[1]) };
  const m = /^\/citizens\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'citizen', id: decodeURIComponent(m[1]) };
  if (path === '/companies') return { name: 'companies' };
  if (path === '/demand') return { name: 'demand' };
  const co = /^\/companies\/([^/]+)$/.exec(path);
  if (co?.[1]) return { name: 'company', id: decodeURIComponent(co[1]) };
  if (path === '/packages') return { name: 'packages' };
  const en = /^\/packages\/([^/]+)\/enrolments\/([^/]+)$/.exec(path);
  if (en?.[1] && en[2]) return { name: 'enrolment', packageId: decodeURIComponent(en[1]), enrolmentId: decodeURIComponent(en[2]) };
  const pk = /^\/packages\/([^/]+)$/.exec(path);
  if (pk?.[1]) return { name: 'package', id: decodeURIComponent(pk[1]) };
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
    case 'newOffer':
      return `#/citizens/${encodeURIComponent(route.id)}/offers/new`;
    case 'companies':
      return '#/companies';
    case 'company':
      return `#/companies/${encodeURIComponent(route.id)}`;
    case 'demand':
      return '#/demand';
    case 'packages':
      return '#/packages';
    case 'package':
      return `#/packages/${encodeURIComponent(route.id)}`;
    case 'enrolment':
      return `#/packages/${encodeURIComponent(route.packageId)}/enrolments/${encodeURIComponent(route.enrolmentId)}`;
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
