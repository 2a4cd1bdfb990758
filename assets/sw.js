// Portal's service worker: plain JavaScript (a wasm worker would miss events
// while it starts up). Served as /sw.js with scope /.
//
//   navigations          network first; offline → the precached shell
//   the app shell        precached at install (Trunk's hashed names), cache first
//   /api/ JSON           feeds (news pages, categories, the archive's
//                        indexes and years, the events index, upcoming):
//                        network first, the cached
//                        copy only when the network fails or takes longer
//                        than FEED_WAIT_MS; other documents stale-while-
//                        revalidate, bounded (API_MAX entries). Only JSON that
//                        parses is cached; a 404/410 drops the cached copy; a
//                        request the page marks `cache: no-store` (a retry
//                        after a failure) goes to the network first
//   /api/ media          cache first, bounded (MEDIA_MAX entries); only
//                        image/* answers are cached
//   /api/ .ics           not handled: the calendar feeds are subscriptions,
//                        always fresh from the network
//   saved entries        in SAVED_CACHE, put there on the page's request,
//                        never evicted; removed when the reader unsaves, or
//                        when the page's list (KEEP_ONLY, sent at start-up)
//                        no longer names them
//
// Answers go to the page as they arrive; caching happens in waitUntil, and
// its failure (a full quota) never fails a request.
//
// Updates: a new worker installs its complete precache and then waits. It
// takes over only when the page posts {type: 'SKIP_WAITING'} (the reader
// accepted "Update available — reload"); the page then reloads once. Old
// shell caches are deleted on activate, i.e. after the new one is complete.

// The next line is rewritten by tools/post-build/precache.mjs with the
// build's version and the app shell's file names. Keep it on one line.
const BUILD = { version: 'dev', shell: [], index: '' };

const PREFIX = 'portal-';
const SHELL_CACHE = `${PREFIX}shell-${BUILD.version}`;
const API_CACHE = `${PREFIX}api-v1`;
const MEDIA_CACHE = `${PREFIX}media-v1`;
const SAVED_CACHE = `${PREFIX}saved-v1`;
const KEEP = new Set([SHELL_CACHE, API_CACHE, MEDIA_CACHE, SAVED_CACHE]);
const API_MAX = 200;
const MEDIA_MAX = 100;
const SHELL_HTML = '/index.html';
/** How long a feed waits for the network before the cached copy answers. */
const FEED_WAIT_MS = 3000;
/** Feeds: lists whose freshness matters more than a fast stale answer. */
const FEED = /^\/api\/v1\/[a-z]{2}\/(?:news\/page\/|news\/category\/|news\/archive\/(?:index|years|year\/\d{4})\.json$|events\/index\.json$|events\/upcoming\.json$)/;

self.addEventListener('install', (event) => {
  // No skipWaiting: the page decides when a new version takes over.
  event.waitUntil(
    (async () => {
      // `reload` skips the HTTP cache: the shell must be this build's files.
      const requests = BUILD.shell.map((url) => new Request(url, { cache: 'reload' }));
      const responses = await Promise.all(requests.map((request) => fetch(request)));
      if (responses.some((response) => !response.ok)) throw new Error('precache: a shell file is missing');
      // A deploy still uploading (or a CDN serving another version) may hold
      // another build's index.html: refuse to install rather than pair it
      // with this worker; the next visit tries again.
      const html = responses[BUILD.shell.indexOf(SHELL_HTML)];
      if (BUILD.index && html && (await sha256(await html.clone().arrayBuffer())) !== BUILD.index) {
        throw new Error('precache: index.html is not the one this worker was built with');
      }
      const cache = await caches.open(SHELL_CACHE);
      await Promise.all(requests.map((request, i) => cache.put(request, responses[i])));
    })(),
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
    event.waitUntil(withSavedCache(() => saveUrls(sameOrigin(data.urls))));
  } else if (data.type === 'UNSAVE' && Array.isArray(data.urls)) {
    event.waitUntil(withSavedCache(() => unsaveUrls(sameOrigin(data.urls))));
  } else if (data.type === 'KEEP_ONLY' && Array.isArray(data.urls)) {
    event.waitUntil(withSavedCache(() => keepOnly(new Set(sameOrigin(data.urls)))));
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
    return; // iCalendar feeds: straight to the network.
  } else if (url.pathname.startsWith('/api/')) {
    event.respondWith(
      url.pathname.endsWith('.json') ? apiJson(event, request) : media(event, request),
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
 * API documents. The network request starts at once and its answer updates
 * the cache in the background (waitUntil); what the page gets depends on
 * the document (see the table at the top).
 */
function apiJson(event, request) {
  const network = fetch(request);
  event.waitUntil(
    network.then((response) => refreshCopy(request, response.clone())).catch(() => {}),
  );
  return answerApi(request, network);
}

async function answerApi(request, network) {
  const cached = await cachedCopy(request);
  if (!cached) return network;
  // A retry after a failure, or a feed: the network unless it fails (or,
  // for a feed, is slow); a server error is no better than the copy.
  const fresh = ['no-store', 'no-cache', 'reload'].includes(request.cache);
  if (fresh || FEED.test(new URL(request.url).pathname)) {
    const fromNetwork = network.then((response) =>
      response.ok || response.status === 404 || response.status === 410 ? response : cached,
    );
    const waited = fresh ? fromNetwork : Promise.race([fromNetwork, delay(FEED_WAIT_MS).then(() => cached)]);
    return waited.catch(() => cached);
  }
  return cached;
}

/** Recent reads, then saved articles, places and events. */
async function cachedCopy(request) {
  const [api, saved] = await Promise.all([caches.open(API_CACHE), caches.open(SAVED_CACHE)]);
  return (await api.match(request)) || (await saved.match(request));
}

/** Keeps the network's answer: a good document replaces the copies, a 404/410 removes them. */
async function refreshCopy(request, response) {
  const [api, saved] = await Promise.all([caches.open(API_CACHE), caches.open(SAVED_CACHE)]);
  if (response.status === 404 || response.status === 410) {
    await Promise.all([api.delete(request), saved.delete(request)]);
    return;
  }
  const body = await readableJson(response);
  if (body === null) return;
  const copy = () => new Response(body, { status: response.status, headers: response.headers });
  await api.put(request, copy());
  await trim(api, API_MAX);
  // Checked and written in one turn of the saved cache's queue: a KEEP_ONLY
  // or remove between the two would otherwise be undone.
  await withSavedCache(async () => {
    if (await saved.match(request)) await saved.put(request, copy());
  });
}

/** Images of the API: cache first (saved ones included), bounded. */
async function media(event, request) {
  const cached =
    (await caches.match(request, { cacheName: SAVED_CACHE })) ||
    (await caches.match(request, { cacheName: MEDIA_CACHE }));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && (response.headers.get('content-type') || '').startsWith('image/')) {
    const copy = response.clone();
    event.waitUntil(
      (async () => {
        const cache = await caches.open(MEDIA_CACHE);
        await cache.put(request, copy);
        await trim(cache, MEDIA_MAX);
      })().catch(() => {}),
    );
  }
  return response;
}

/**
 * The body of a real JSON document, or null: a host with an SPA fallback
 * answers a missing path with "200 text/html" (the app shell), and a broken
 * or cut-off body must never become the offline copy.
 */
async function readableJson(response) {
  const type = response.headers.get('content-type') || '';
  if (!response.ok || type.startsWith('text/html')) return null;
  try {
    const text = await response.text();
    JSON.parse(text);
    return text;
  } catch {
    return null;
  }
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sha256(bytes) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
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

/**
 * Every change to the saved cache that reads it first runs in turn, so two
 * of them (a refreshed copy and KEEP_ONLY at start-up) cannot interleave.
 */
let savedCacheQueue = Promise.resolve();
function withSavedCache(change) {
  const run = savedCacheQueue.then(change, change);
  savedCacheQueue = run.catch(() => undefined);
  return run;
}

/** Copies the documents into the saved cache (from a cache, else the network). */
async function saveUrls(urls) {
  const saved = await caches.open(SAVED_CACHE);
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = (await caches.match(url)) || (await fetch(url));
        if (!url.endsWith('.json')) {
          if (response.ok) await saved.put(url, response);
          return;
        }
        // The same rule as every cached document: only JSON that parses.
        const body = await readableJson(response);
        if (body !== null) {
          await saved.put(url, new Response(body, { status: response.status, headers: response.headers }));
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

/** Drops saved copies no listed entry needs (the page sends the list). */
async function keepOnly(keep) {
  const saved = await caches.open(SAVED_CACHE);
  const requests = await saved.keys();
  await Promise.all(requests.filter((request) => !keep.has(request.url)).map((request) => saved.delete(request)));
}
