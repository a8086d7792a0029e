/* global self, caches */
// Scanner service worker: keeps the app shell (index.html, the hashed JS and CSS it loads, icons,
// manifest) so a scanner that lost its connection can be reloaded and still check tickets from the
// offline data the app keeps itself (localStorage and IndexedDB). Its scope is /scanner/; the API
// and the other apps on this origin are never answered from here, so every API call goes to the
// network as if there were no worker.

const SHELL_CACHE = 'tessera-scanner-shell-v1';

const BASE = new URL(self.registration.scope).pathname; // '/scanner/'
const INDEX = `${BASE}index.html`;
const ASSETS = `${BASE}assets/`;
const STATIC_FILES = ['favicon.svg', 'icon.svg', 'manifest.webmanifest'].map((file) => `${BASE}${file}`);
/** On a slow connection a gate should not wait for the page: the saved one opens after this. */
const PAGE_TIMEOUT_MS = 4000;

const within = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);

self.addEventListener('install', (event) => {
  event.waitUntil(
    precacheShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('tessera-scanner-') && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Network only: scans, keys, revocations and the ticket list are the app's to keep.
  if (within(url.pathname, '/api') || !url.pathname.startsWith(BASE)) return;
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.startsWith(ASSETS)) event.respondWith(asset(event));
  else if (STATIC_FILES.includes(url.pathname)) event.respondWith(staticFile(event));
});

/** index.html and everything it loads, so the app starts offline after one visit. */
async function precacheShell() {
  const response = await fetch(INDEX, { cache: 'no-cache' });
  if (response.status !== 200) return;
  await saveShell(response);
}

/**
 * Stores a fresh index.html with the files it names, then drops saved builds it no longer names
 * (their hashed names never come back).
 */
async function saveShell(response) {
  const html = await response.clone().text();
  const cache = await caches.open(SHELL_CACHE);
  const assets = [...new Set([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]))].filter((path) =>
    path.startsWith(ASSETS),
  );
  const missing = [];
  for (const path of [...assets, ...STATIC_FILES]) {
    if (!(await cache.match(path))) missing.push(path);
  }
  // Files first: an index.html whose scripts are missing would start nothing offline.
  await cache.addAll(missing);
  await cache.put(INDEX, response);
  const keep = new Set(assets);
  for (const saved of await cache.keys()) {
    const path = new URL(saved.url).pathname;
    if (path.startsWith(ASSETS) && !keep.has(path)) await cache.delete(saved);
  }
}

/**
 * Network first for pages, the saved index.html when the network fails, errs or is slow; every
 * route of the app is that same file.
 */
async function page(event) {
  const saved = await caches.match(INDEX, { cacheName: SHELL_CACHE });
  const fromNetwork = fetch(event.request).then((response) => {
    const type = response.headers.get('content-type') || '';
    if (response.status === 200 && type.includes('text/html')) {
      event.waitUntil(saveShell(response.clone()).catch(() => undefined));
    }
    return response;
  });
  if (!saved) return fromNetwork;
  const slow = new Promise((resolve) => setTimeout(() => resolve(null), PAGE_TIMEOUT_MS));
  // The network answer, once it comes, still refreshes the saved copy.
  event.waitUntil(fromNetwork.catch(() => undefined));
  // A server error (a proxy in front of an API that is down) gets the saved page too.
  const answered = fromNetwork.then(
    (response) => (response.status >= 500 ? null : response),
    () => null,
  );
  return (await Promise.race([answered, slow])) || saved;
}

/** Built files have content hashes in their names, so a saved copy is always right. */
async function asset(event) {
  const cache = await caches.open(SHELL_CACHE);
  const saved = await cache.match(event.request);
  if (saved) return saved;
  const response = await fetch(event.request);
  if (response.status === 200) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

async function staticFile(event) {
  try {
    const response = await fetch(event.request);
    if (response.status === 200) {
      const copy = response.clone();
      event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  } catch (error) {
    const saved = await caches.match(event.request, { cacheName: SHELL_CACHE });
    if (saved) return saved;
    throw error;
  }
}
