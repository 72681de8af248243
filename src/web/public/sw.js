/*
 * Tend's service worker: the app opens without a network and shows the last
 * data it had.
 *
 * - The app shell (index.html and the hashed /assets/ files) is kept on
 *   install and refreshed whenever the network answers.
 * - API GETs go to the network first; a good answer is kept, and when the
 *   network fails the kept answer is served and the page is told it is
 *   looking at saved data (a message, which shows the offline notice).
 * - Nothing from another origin and no request other than GET is ever kept.
 *   Signing in, out or up, or any 401, forgets the kept API answers, so one
 *   person's data never shows to the next on a shared device.
 * - No secret is kept: nothing under /api/v1/account/, and the session answer
 *   only without its CSRF token (offline, the app needs to know who is signed
 *   in, and nothing can be saved anyway; back online, a change without the
 *   token makes the app fetch the current one).
 */

// v2: v1 kept the session answer whole, CSRF token included; a new name drops those copies.
const VERSION = 'v2';
const SHELL = `tend-shell-${VERSION}`;
const DATA = `tend-data-${VERSION}`;
const CACHED_AT = 'x-tend-cached-at';
/** API answers not worth keeping offline, or not meant to be kept. */
const NOT_KEPT = [/^\/api\/v1\/account\//, /^\/api\/openapi\.json$/, /^\/api\/docs$/];
/** Kept, but without its CSRF token. */
const SESSION = '/api/v1/session';

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('tend-') && name !== SHELL && name !== DATA) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/**
 * index.html and whatever it loads, the manifest and icons, and every other
 * built file (precache.json, written by the build, lists them), so a page
 * never visited online still opens offline rather than failing to load its code.
 */
async function precacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = new Set(
    [
      ...html.matchAll(
        /(?:src|href)="(\/(?:assets|icons)\/[^"]+|\/[\w.-]+\.(?:svg|webmanifest|js))"/g,
      ),
    ].map((m) => m[1]),
  );
  try {
    const list = await fetch('/precache.json', { cache: 'no-cache' });
    if (list.ok)
      for (const path of await list.json()) if (/^\/assets\//.test(path)) assets.add(path);
  } catch {
    // Without the list the worker keeps what index.html names; lazy pages are kept once visited.
  }
  await Promise.all(
    [...assets].map(async (path) => {
      const asset = await fetch(path);
      if (asset.ok) await cache.put(path, asset);
    }),
  );
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== 'GET') {
    // A change to who is signed in: forget everything kept for the last person.
    if (url.pathname.startsWith('/api/v1/account/')) event.waitUntil(caches.delete(DATA));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (NOT_KEPT.some((pattern) => pattern.test(url.pathname))) return;
    event.respondWith(apiNetworkFirst(event));
    return;
  }
  if (url.pathname.startsWith('/calendar/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(shellNetworkFirst(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  event.respondWith(staticNetworkFirst(request));
});

async function apiNetworkFirst(event) {
  const { request } = event;
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.status === 401) {
      await caches.delete(DATA);
    } else if (response.ok && response.status === 200) {
      const headers = new Headers(response.headers);
      headers.set(CACHED_AT, new Date().toISOString());
      const session = new URL(request.url).pathname === SESSION;
      if (session) headers.delete('content-length');
      const body = session
        ? await withoutCsrfToken(response.clone())
        : await response.clone().arrayBuffer();
      if (body !== null) {
        await cache.put(
          request,
          new Response(body, { status: 200, statusText: response.statusText, headers }),
        );
      }
    }
    lastAnswer = { type: 'tend:online' };
    event.waitUntil(tell(event.clientId, lastAnswer));
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    lastAnswer = { type: 'tend:offline', cachedAt: kept?.headers.get(CACHED_AT) ?? null };
    event.waitUntil(tell(event.clientId, lastAnswer));
    if (kept) return kept;
    throw error;
  }
}

/** The session answer as JSON text with `csrfToken: null`, or null when it is not JSON. */
async function withoutCsrfToken(response) {
  try {
    const session = await response.json();
    if (typeof session !== 'object' || session === null) return null;
    return JSON.stringify({ ...session, csrfToken: null });
  } catch {
    return null;
  }
}

/** Whether the last API read was answered by the network or from the kept copy. */
let lastAnswer = null;

// A page that starts listening late asks how the last read went.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'tend:status?' && lastAnswer) event.source?.postMessage(lastAnswer);
});

/** Tell the page; one still loading may not be reachable yet, so keep trying for two seconds. */
async function tell(clientId, message) {
  if (!clientId) return;
  for (let attempt = 0; attempt < 20; attempt++) {
    const client = await self.clients.get(clientId);
    if (client) {
      client.postMessage(message);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every page of the app is index.html; the router picks the page. */
async function shellNetworkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put('/', response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match('/');
    if (kept) return kept;
    throw error;
  }
}

/** Hashed file names never change their content. */
async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staticNetworkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}
