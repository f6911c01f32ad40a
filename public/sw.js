// Tunnelscope's service worker: classroom networks fail, so after the first visit the whole app
// (every chunk, lazy ones included, the engine worker, styles and icons) is served from a cache.
// sw-assets.js, written by the build (vite.config.ts, offlineAssetList), defines the list and a
// version; a new build means a new list, a new cache, and the old cache removed on activate.
/* global importScripts */
importScripts('./sw-assets.js');

const ASSETS = self.TUNNELSCOPE_ASSETS || [];
const CACHE = `tunnelscope-${self.TUNNELSCOPE_VERSION || 'dev'}`;
const scope = new URL(self.registration.scope);
const INDEX = new URL('./index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(['./', ...ASSETS].map((a) => new URL(a, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tunnelscope-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope.origin)) return;
  if (request.mode === 'navigate') {
    // The page: the network first (a fresh deploy shows at once), the cached shell when offline.
    // The lab link lives in the fragment, which never reaches the server or the cache key.
    event.respondWith(
      fetch(request).catch(() => caches.match(INDEX, { ignoreVary: true }).then((hit) => hit || caches.match(new URL('./', scope).href, { ignoreVary: true })).then((hit) => hit || Response.error())),
    );
    return;
  }
  // Hashed assets never change under one name: the cache first. ignoreVary: the preview server
  // answers with `Vary: Origin`, and module scripts are fetched with an Origin header.
  event.respondWith(caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request)));
});
