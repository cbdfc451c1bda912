// The simulator's service worker: after one visit the site loads and runs with the network
// off, from the site's root or any folder. .ci/post-build.mjs writes this file into each build
// with the build's version and its files; nothing here is fetched from anywhere else.
//
// One cache per build, filled completely before the build takes over, and the page reloads
// once when it does: a page never mixes files of two builds.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `taijiang-sim-${VERSION}`;
const scoped = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  // All of the build or nothing: a file that fails to load fails the install, and the build
  // in use stays.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('taijiang-sim-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a newly installed build to take over (it reloads when it has).
self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Any address of the site's pages (with a query, like ?workers=2) is its index.html; links
  // keep their scenario in the fragment, which never reaches here.
  const page = request.mode === 'navigate';
  const key = page ? scoped('index.html') : url.href.split('#')[0];
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: page }).then((hit) => hit || fetch(request)),
    ),
  );
});
