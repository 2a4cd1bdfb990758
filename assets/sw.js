// Portal's service worker: plain JavaScript (a wasm worker would miss events
// while it starts up). Served as /sw.js with scope /.
//
//   navigations          network first; offline → the precached shell
//   the app shell        precached at install (Trunk's hashed names), cache first
//   /api/ JSON           stale-while-revalidate, bounded (API_MAX entries)
//   /api/ media          cache first, bounded (MEDIA_MAX entries)
//   /api/ .ics           not handled: calendar files are downloads and
//                        subscriptions, always fresh from the network
//   saved articles       in SAVED_CACHE, put there on the page's request,
//                        never evicted; removed when the reader unsaves, or
//                        when the page's list (KEEP_ONLY, sent at start-up)
//                        no longer names them
//
// Updates: a new worker installs its complete precache and then waits. It
// takes over only when the page posts {type: 'SKIP_WAITING'} (the reader
// accepted "Update available — reload"); the page then reloads once. Old
// shell caches are deleted on activate, i.e. after the new one is complete.

// The next line is rewritten by tools/post-build/precache.mjs with the
// build's version and the app shell's file names. Keep it on one line.
const BUILD = { version: 'dev', shell: [] };

const PREFIX = 'portal-';
const SHELL_CACHE = `${PREFIX}shell-${BUILD.version}`;
const API_CACHE = `${PREFIX}api-v1`;
const MEDIA_CACHE = `${PREFIX}media-v1`;
const SAVED_CACHE = `${PREFIX}saved-v1`;
const KEEP = new Set([SHELL_CACHE, API_CACHE, MEDIA_CACHE, SAVED_CACHE]);
const API_MAX = 200;
const MEDIA_MAX = 100;
const SHELL_HTML = '/index.html';

self.addEventListener('install', (event) => {
  // No skipWaiting: the page decides when a new version takes over.
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      // `reload` skips the HTTP cache: the shell must be this build's files.
      cache.addAll(BUILD.shell.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(PREFIX) && !KEEP.has(name))
          .map((name) => caches.delete(name)),
      );
      // Control the pages opened before this worker existed (first visit),
      // so what they read is cached for offline reading.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (data.type === 'SAVE' && Array.isArray(data.urls)) {
    event.waitUntil(saveUrls(sameOrigin(data.urls)));
  } else if (data.type === 'UNSAVE' && Array.isArray(data.urls)) {
    event.waitUntil(unsaveUrls(sameOrigin(data.urls)));
  } else if (data.type === 'KEEP_ONLY' && Array.isArray(data.urls)) {
    event.waitUntil(keepOnly(new Set(sameOrigin(data.urls))));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Partner widgets' frames and their files: the network, as in any iframe.
  if (url.pathname.startsWith('/embed')) return;

  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (url.pathname.endsWith('.ics')) {
    return; // iCalendar downloads and feeds: straight to the network.
  } else if (url.pathname.startsWith('/api/')) {
    event.respondWith(
      url.pathname.endsWith('.json') ? apiJson(event, request) : media(request),
    );
  } else if (BUILD.shell.includes(url.pathname)) {
    event.respondWith(shellFile(request));
  }
  // Anything else (icons, the manifest, this worker): the browser as usual.
});

/** Network first; offline (or a failed fetch) → the precached index.html. */
async function navigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.open(SHELL_CACHE).then((cache) => cache.match(SHELL_HTML));
    if (shell) return shell;
    throw error;
  }
}

/** Hashed files never change: cache first. */
async function shellFile(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  return cached || fetch(request);
}

/**
 * Stale-while-revalidate: answer from the cache (recent reads or saved
 * articles) at once and refresh it in the background; with nothing cached,
 * the network, whose good answers are cached.
 */
async function apiJson(event, request) {
  const [api, saved] = await Promise.all([caches.open(API_CACHE), caches.open(SAVED_CACHE)]);
  const cached = (await api.match(request)) || (await saved.match(request));
  const refresh = fetch(request).then(async (response) => {
    if (isCacheableJson(response)) {
      await api.put(request, response.clone());
      await trim(api, API_MAX);
      if (await saved.match(request)) await saved.put(request, response.clone());
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}

/** Images of the API: cache first (saved ones included), bounded. */
async function media(request) {
  const cached =
    (await caches.match(request, { cacheName: SAVED_CACHE })) ||
    (await caches.match(request, { cacheName: MEDIA_CACHE }));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(MEDIA_CACHE);
    await cache.put(request, response.clone());
    await trim(cache, MEDIA_MAX);
  }
  return response;
}

/**
 * Only real JSON documents: a host with an SPA fallback answers a missing
 * path with "200 text/html" (the app shell), which must never be cached as data.
 */
function isCacheableJson(response) {
  const type = response.headers.get('content-type') || '';
  return response.ok && !type.startsWith('text/html');
}

/** Deletes the oldest entries (keys come in insertion order) beyond `max`. */
async function trim(cache, max) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
}

function sameOrigin(urls) {
  return urls
    .filter((url) => typeof url === 'string')
    .map((url) => new URL(url, self.location.origin))
    .filter((url) => url.origin === self.location.origin && url.pathname.startsWith('/api/'))
    .map((url) => url.href);
}

/** Copies the documents into the saved cache (from a cache, else the network). */
async function saveUrls(urls) {
  const saved = await caches.open(SAVED_CACHE);
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = (await caches.match(url)) || (await fetch(url));
        if (isCacheableJson(response) || (response.ok && !url.endsWith('.json'))) {
          await saved.put(url, response);
        }
      } catch {
        // Offline and not cached: nothing to save; the list still has it.
      }
    }),
  );
}

async function unsaveUrls(urls) {
  const saved = await caches.open(SAVED_CACHE);
  await Promise.all(urls.map((url) => saved.delete(url)));
}

/** Drops saved copies no listed article needs (the page sends the list). */
async function keepOnly(keep) {
  const saved = await caches.open(SAVED_CACHE);
  const requests = await saved.keys();
  await Promise.all(requests.filter((request) => !keep.has(request.url)).map((request) => saved.delete(request)));
}
