/* global self, caches */
// Portal service worker: keeps the app shell and the customer's ticket list so tickets open at
// the gate without a connection. Its scope is the whole origin, which the admin, box-office and
// scanner apps (and the API) share, so it only ever answers the portal's own requests.

const SHELL_CACHE = 'tessera-portal-shell-v1';
// Also named in src/lib/saved-tickets.ts, which deletes it on sign-out.
const TICKETS_CACHE = 'tessera-portal-tickets-v1';
const KNOWN_CACHES = [SHELL_CACHE, TICKETS_CACHE];

const INDEX = '/index.html';
const TICKET_LIST = '/api/me/tickets';
const STATIC_FILES = ['/favicon.svg', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png'];
const NOT_OURS = ['/api', '/admin', '/box-office', '/scanner'];

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
            .filter((name) => name.startsWith('tessera-portal-') && !KNOWN_CACHES.includes(name))
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
  if (url.pathname === TICKET_LIST) {
    event.respondWith(ticketList(event));
    return;
  }
  if (NOT_OURS.some((prefix) => within(url.pathname, prefix))) return;
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(event));
  else if (STATIC_FILES.includes(url.pathname)) event.respondWith(staticFile(event));
});

/** index.html and the hashed files it loads, so the app starts offline after one visit. */
async function precacheShell() {
  const response = await fetch(INDEX, { cache: 'no-cache' });
  if (response.status !== 200) return;
  const html = await response.clone().text();
  const cache = await caches.open(SHELL_CACHE);
  await cache.put(INDEX, response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set([...assets, ...STATIC_FILES])]).catch(() => undefined);
}

/** Network first; the saved list (marked `x-from-cache: 1`) when the network fails or the server is down. */
async function ticketList(event) {
  // One entry per URL (query included); the Authorization header is not part of the key, which is
  // why the app deletes this cache when the session ends.
  const key = event.request.url;
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const saved = await savedTicketList(key);
    if (saved) return saved;
    throw error;
  }
  if (response.status === 200) {
    event.waitUntil(saveTicketList(key, response.clone()));
  } else if (response.status >= 500) {
    const saved = await savedTicketList(key);
    if (saved) return saved;
  }
  return response;
}

async function saveTicketList(key, response) {
  const headers = new Headers(response.headers);
  // A `Vary` from the server would keep the entry from matching (or, for `*`, from being stored).
  headers.delete('vary');
  const body = await response.blob();
  const cache = await caches.open(TICKETS_CACHE);
  await cache.put(key, new Response(body, { status: 200, statusText: response.statusText, headers }));
}

async function savedTicketList(key) {
  const cache = await caches.open(TICKETS_CACHE);
  const saved = await cache.match(key, { ignoreVary: true });
  if (!saved) return null;
  const headers = new Headers(saved.headers);
  headers.set('x-from-cache', '1');
  return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
}

/** Network first for pages; every route is the same index.html, so the saved one serves any of them. */
async function page(event) {
  try {
    const response = await fetch(event.request);
    const type = response.headers.get('content-type') || '';
    if (response.status === 200 && type.includes('text/html')) {
      const copy = response.clone();
      event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(INDEX, copy)));
    }
    return response;
  } catch (error) {
    const saved = await caches.match(INDEX, { cacheName: SHELL_CACHE });
    if (saved) return saved;
    throw error;
  }
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
