// The citizen's hand-over page's service worker (decision 020), hand-written: it controls only
// /handover.html (its registration's scope) and serves that page and its hashed /assets/ files
// from the cache when the network fails, so a reload while offline still shows the current
// question. Network first, cache second: online, every file comes from the server as before. It
// caches nothing itself (the page puts the files it loaded into the cache, and the spoken
// questions' clips, /audio/, which it answers from the cache first) and never touches /api/:
// every API response is no-store and stays out of the device's cache.
const CACHE = 'jobvej-citizen-page';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The spoken questions' clips (decision 023): their URL names their bytes, so the cached copy is
  // the clip; cache first (also for a player's Range request: it gets the whole clip).
  if (url.pathname.startsWith('/audio/')) {
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(url.pathname)).then((hit) => hit ?? fetch(event.request)),
    );
    return;
  }
  if (url.pathname !== '/handover.html' && !url.pathname.startsWith('/assets/')) return;
  event.respondWith(
    fetch(event.request).catch(() =>
      caches.open(CACHE).then((cache) => cache.match(event.request, { ignoreSearch: true })).then((hit) => hit ?? Response.error()),
    ),
  );
});
