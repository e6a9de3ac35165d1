// The citizen's page kept for a reload while offline (decision 020). The service worker
// (public/handover-sw.js) is registered only where the server's Content-Security-Policy allows a
// worker from this origin (read from this page's own response headers), so a server that forbids
// workers gets no registration attempt and no CSP violation. The page itself puts the files it
// loaded into the worker's cache, and the spoken questions' clips (decision 023); the hand-over
// (round, language) is kept in IndexedDB by outbox.ts. Both are cleared at take-back.
const CACHE = 'jobvej-citizen-page';

/** Whether a CSP header lets this origin start a worker (worker-src, else script-src, else default-src). */
export function cspAllowsWorker(csp: string | null): boolean {
  if (!csp) return true;
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name?.toLowerCase() ?? '', values]),
  );
  const sources = directives.get('worker-src') ?? directives.get('script-src') ?? directives.get('default-src');
  return sources === undefined || sources.includes("'self'") || sources.includes('*');
}

/** After the first screen: register the worker if allowed, and cache what this page loaded. */
export async function keepPageForOffline(): Promise<void> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') return;
  try {
    const own = await fetch(location.pathname, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
    if (!cspAllowsWorker(own.headers.get('content-security-policy'))) return;
    await navigator.serviceWorker.register('/handover-sw.js', { scope: '/handover.html' });
    const files = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    const cache = await caches.open(CACHE);
    await cache.addAll([location.pathname, ...new Set(files)]);
  } catch {
    /* no worker: a reload needs the network, as before */
  }
}

/**
 * The spoken questions' clips (decision 023) into the same cache, one after the other, each once:
 * their URLs name their bytes, so a cached clip never goes stale, and the worker answers /audio/
 * from the cache first. Fetched with the session's cookie (the clips are the municipality's).
 */
export async function keepClipsForOffline(urls: readonly string[]): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(CACHE);
    for (const url of urls) if (!(await cache.match(url))) await cache.add(new Request(url, { credentials: 'same-origin' }));
  } catch {
    /* no connection or no room: the clips play while online */
  }
}

/** At take-back: the page's cache goes (the worker stays, with nothing to serve). */
export async function forgetPage(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await caches.delete(CACHE);
  } catch {
    /* nothing kept */
  }
}
