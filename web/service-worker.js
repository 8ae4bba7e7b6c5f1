// ICP Filing Advisor service worker (web/service-worker.js, filled in by scripts/build/service-worker.mjs).
const VERSION = __ICP_VERSION__;
const CACHE = 'icp-advisor-' + VERSION;
const PRECACHE = __ICP_PRECACHE__;
const PAGES = new Set(__ICP_PAGES__);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('icp-advisor-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL('./', self.location);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = './' + url.pathname.slice(scope.pathname.length);
  const page = request.mode === 'navigate' || PAGES.has(path);
  if (page) {
    // The network first (a new release at once), this release's copy when offline.
    const key = request.mode === 'navigate' && (path === './' || path === './index.html') ? './' : path;
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((c) => c.match(key, { ignoreSearch: true }))
        .then((hit) => hit || caches.match(key, { ignoreSearch: true }))
        .then((hit) => hit || Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});
