// The installable, offline-capable app: manifest and icons, the service
// worker taking control, offline reading of what was read or saved, an
// honest error for what was not, and the update prompt after a deploy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { axe, cardTitles, contentReady, expect, h1, main, newsPage, test } from './fixtures';
import type { Page } from '@playwright/test';

// Texts from crates/i18n (en).
const T = {
  saved: 'Saved',
  savedTitle: 'Saved',
  saveOffline: 'Save for offline',
  savedRemove: 'Saved — remove',
  savedEmpty:
    'Nothing is saved yet. Use “Save for offline” on an article, a place or an event to keep it here, readable without a connection.',
  offline: 'You are offline — showing saved content.',
  errorOffline:
    'You are offline, and this page has not been saved on this device. It needs a connection.',
  openSaved: 'Open saved articles',
  searchOffline:
    'You are offline. Words you searched for before can still be found; this one needs a connection.',
  retry: 'Try again',
  updateAvailable: 'A new version of the portal is available.',
  reload: 'Reload',
  unreadable: (n: number) =>
    `${n} saved ${n === 1 ? 'item' : 'items'} could not be read by this version of the portal.`,
};

/** Waits until a service worker controls the page (it claims on first install). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the manifest is linked, valid and its icons are real PNGs of the stated size', async ({ page, request }) => {
  await page.goto('/en/');
  await contentReady(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');

  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/(manifest\+)?json/);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    id: '/',
    name: 'Belarus Portal',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    lang: 'en',
    dir: 'ltr',
    theme_color: '#a4262c',
    background_color: '#fbfaf8',
  });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.description.length).toBeGreaterThan(10);
  expect(manifest.categories).toEqual(expect.arrayContaining(['news', 'travel']));
  expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toContain('/en/news');

  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  const sizes = (purpose: string) =>
    icons.filter((i) => (i.purpose ?? 'any').split(' ').includes(purpose)).map((i) => i.sizes);
  expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(sizes('maskable')).toContain('512x512');

  const appleTouch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const shortcutIcons = manifest.shortcuts.flatMap((s: { icons?: typeof icons }) => s.icons ?? []);
  for (const icon of [...icons, ...shortcutIcons, { src: appleTouch!, sizes: '180x180', type: 'image/png' }]) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type'], icon.src).toBe('image/png');
    expect(icon.type).toBe('image/png');
    const [w, h] = pngSize(await file.body());
    expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
  }
});

test('the service worker takes control and precaches the shell', async ({ page }) => {
  await page.goto('/en/');
  await contentReady(page);
  await controlled(page);
  await page.reload();
  await contentReady(page);
  const script = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(new URL(script!).pathname).toBe('/sw.js');
  // The shell cache holds this build's index.html, js and wasm.
  const cached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('portal-shell-'));
    const cache = await caches.open(name!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/index.html');
  expect(cached.some((p) => p.endsWith('.wasm'))).toBeTruthy();
  expect(cached.some((p) => p.endsWith('.js'))).toBeTruthy();
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[rel="modulepreload"], link[rel="stylesheet"]')].map(
      (el) => new URL((el as HTMLScriptElement).src || (el as HTMLLinkElement).href).pathname,
    ),
  );
  for (const file of scripts) expect(cached).toContain(file);
});

test('an article and the feed read online open offline after a reload', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  const story = items[2];
  await page.goto('/en/news');
  await contentReady(page);
  await controlled(page);
  // Read with the worker in control, so the API answers are cached.
  await page.reload();
  await expect(cardTitles(page).first()).toHaveText(items[0].title);
  await cardTitles(page).filter({ hasText: story.title }).click();
  await expect(h1(page)).toHaveText(story.title);
  await contentReady(page);
  await expect(page.getByText(T.offline)).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  await expect(h1(page)).toHaveText(story.title);
  await expect(main(page).getByText(story.lead, { exact: true })).toBeVisible();
  await expect(main(page).locator('img').first()).toHaveJSProperty('complete', true);
  // Unobtrusive and announced: a status line, not an alert.
  const banner = page.getByRole('status').filter({ hasText: T.offline });
  await expect(banner).toBeVisible();

  await page.goto('/en/news');
  await contentReady(page);
  await expect(cardTitles(page).first()).toHaveText(items[0].title);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await context.setOffline(false);
  await expect(page.getByText(T.offline)).toHaveCount(0);
});

test('offline, words searched before are still found; a new one says it needs a connection', async ({ page, context, request }) => {
  const manifest = await (await request.get('/api/v1/en/search/index.json')).json();
  const shards: string[] = manifest.shards;
  // A word from the last term shard, which searching "castle" (the first
  // shard) does not fetch.
  const lastStart = shards[shards.length - 1];
  expect(shards.length, 'the sample index has several shards').toBeGreaterThan(1);
  expect('castle' < (shards[1] ?? ''), '"castle" is in the first shard').toBe(true);
  const last = await (await request.get(`/api/v1/en/search/terms/${manifest.files[shards.length - 1]}.json`)).json();
  const word: string = last.terms.find((term: string) => term >= lastStart && /^[a-z]{4,}$/.test(term));
  const searchField = main(page).getByRole('searchbox', { name: 'Search' });
  const results = main(page).locator('.search-result__link');

  await page.goto('/en/search');
  await contentReady(page);
  await controlled(page);
  await page.goto('/en/search?q=castle');
  await contentReady(page);
  await expect(results.first()).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await contentReady(page);
  await expect(results.first()).toBeVisible();
  await searchField.fill(word);
  await expect(page).toHaveURL(`/en/search?q=${word}`);
  await expect(main(page).getByRole('status').filter({ hasText: T.searchOffline })).toBeVisible();
  await context.setOffline(false);
});

// ---------- the worker never makes things worse than the network ----------

/** Paths cached by the worker in one of its caches. */
const cachedPaths = (page: Page, cache: string) =>
  page.evaluate(async (name) => {
    const opened = await caches.open(name);
    return (await opened.keys()).map((r) => new URL(r.url).pathname);
  }, cache);

test('a feed page is fresh from the network, never the cached copy, while the network answers', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/news');
  await contentReady(page);
  await controlled(page);
  await page.reload();
  await expect(cardTitles(page).first()).toHaveText(items[0].title);
  await expect.poll(() => cachedPaths(page, 'portal-api-v1')).toContain('/api/v1/en/news/page/1.json');
  // The newsroom publishes: the feed changes on the server.
  const fresh = { ...(await newsPage(request, 'en')) };
  fresh.items = [{ ...fresh.items[0], title: 'Just published' }, ...fresh.items.slice(1)];
  await context.route('**/api/v1/en/news/page/1.json', (route) => route.fulfill({ json: fresh }));
  await page.reload();
  await expect(cardTitles(page).first()).toHaveText('Just published');
});

test('a document the server no longer has (404) is dropped from the cache', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  const story = items[4];
  const path = `/api/v1/en/news/${story.slug}.json`;
  await page.goto('/en/');
  await contentReady(page);
  await controlled(page);
  await page.goto(`/en/news/${story.slug}`);
  await contentReady(page);
  await expect.poll(() => cachedPaths(page, 'portal-api-v1')).toContain(path);
  // Retracted: the next read revalidates, gets a 404 and forgets the copy.
  await context.route(`**${path}`, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.reload();
  await expect.poll(() => cachedPaths(page, 'portal-api-v1')).not.toContain(path);
  // The next read has no stale copy to show: the article is gone.
  await page.reload();
  await expect(h1(page)).toHaveText('Page not found');
});

test('only images are kept as images: an HTML answer for a picture is not cached', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/saved');
  await controlled(page);
  await context.route('**/api/v1/media/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>app</title>' }),
  );
  await page.goto(`/en/news/${items[0].slug}`);
  await contentReady(page);
  await page.waitForTimeout(500);
  expect(await cachedPaths(page, 'portal-media-v1')).toEqual([]);
  await context.unroute('**/api/v1/media/**');
  await page.reload();
  await contentReady(page);
  await expect.poll(async () => (await cachedPaths(page, 'portal-media-v1')).length).toBeGreaterThan(0);
});

test('a full storage quota never fails a request: the answer still reaches the page', async ({ page, request, baseURL }) => {
  const { items } = await newsPage(request, 'en');
  const story = items[5];
  await page.goto('/en/saved');
  await controlled(page);
  await page.evaluate(async () => {
    for (const name of await caches.keys()) if (!name.includes('shell')) await caches.delete(name);
  });
  // No room left for this origin: every cache.put of the worker fails.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseURL!, quotaSize: 1 });
  await page.goto(`/en/news/${story.slug}`);
  await expect(h1(page)).toHaveText(story.title);
  await contentReady(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // It was not cached (the quota refused it), and that cost the reader nothing.
  expect(await cachedPaths(page, 'portal-api-v1')).not.toContain(`/api/v1/en/news/${story.slug}.json`);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseURL! });
});

test('offline, a view that was never read says it needs a connection and offers Saved', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/');
  await contentReady(page);
  await controlled(page);

  await context.setOffline(true);
  await page.goto(`/en/news/${items[items.length - 1].slug}`);
  const alert = page.getByRole('alert');
  await expect(alert.getByText(T.errorOffline, { exact: true })).toBeVisible();
  await expect(alert.getByRole('button', { name: T.retry })).toBeVisible();
  const saved = alert.getByRole('link', { name: T.openSaved });
  await expect(saved).toHaveAttribute('href', '/en/saved');
  await saved.click();
  await expect(h1(page)).toHaveText(T.savedTitle);
  await expect(main(page).getByText(T.savedEmpty)).toBeVisible();
});

test('a saved article is listed on the Saved page and readable offline', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  const story = items[3];
  await page.goto('/en/');
  await contentReady(page);
  await controlled(page);

  await page.goto(`/en/news/${story.slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await expect(main(page).getByRole('button', { name: T.savedRemove })).toBeVisible();
  // The worker copies the JSON and the images into the saved cache.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cache = await caches.open('portal-saved-v1');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      }),
    )
    .toEqual(expect.arrayContaining([`/api/v1/en/news/${story.slug}.json`]));
  // Prove the saved copy is what serves it: forget everything read recently.
  await page.evaluate(async () => {
    await caches.delete('portal-api-v1');
    await caches.delete('portal-media-v1');
  });

  await context.setOffline(true);
  await page.goto('/en/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: T.saved }).click();
  await expect(h1(page)).toHaveText(T.savedTitle);
  const card = main(page).getByRole('article').filter({ hasText: story.title });
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: story.title }).click();
  await expect(h1(page)).toHaveText(story.title);
  await expect(main(page).getByText(story.lead, { exact: true })).toBeVisible();
  // Its hero image comes from the saved cache too.
  const hero = main(page).locator('.article__hero img');
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // Remove it again (offline is fine): the empty state.
  await page.goto('/en/saved');
  await main(page).getByRole('button', { name: new RegExp(`^Remove`) }).click();
  await expect(main(page).getByText(T.savedEmpty)).toBeVisible();
});

test('the Saved page, the offline line and the offline error pass axe', async ({ page, context, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto(`/en/news/${items[0].slug}`);
  await contentReady(page);
  await controlled(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await context.setOffline(true);
  await page.goto('/en/saved');
  await expect(main(page).getByRole('article')).toHaveCount(1);
  await expect(page.getByText(T.offline)).toBeVisible();
  const audit = () => axe(page).analyze();
  expect((await audit()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await page.goto(`/en/news/${items[items.length - 1].slug}`);
  await expect(page.getByRole('alert').getByText(T.errorOffline)).toBeVisible();
  expect((await audit()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a stored value that is not a list shows an empty list, and is kept aside before the list is written', async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/');
  await contentReady(page);
  await page.evaluate(() => localStorage.setItem('portal.saved.v2', '{not json'));
  await page.goto('/en/saved');
  await expect(h1(page)).toHaveText(T.savedTitle);
  await expect(main(page).getByText(T.savedEmpty)).toBeVisible();
  // Saving writes a new list, but only after the old value was copied aside.
  await page.goto(`/en/news/${items[0].slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await expect(main(page).getByRole('button', { name: T.savedRemove })).toBeVisible();
  const stored = await page.evaluate(() => [
    localStorage.getItem('portal.saved.v2'),
    localStorage.getItem('portal.saved.v2.unreadable'),
  ]);
  expect(JSON.parse(stored[0]!).map((item: { slug: string }) => item.slug)).toEqual([items[0].slug]);
  expect(stored[1]).toBe('{not json');
});

test('one unreadable saved entry is reported and kept; the others are listed and survive a save', async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto(`/en/news/${items[1].slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await expect(main(page).getByRole('button', { name: T.savedRemove })).toBeVisible();
  // Another version's entry (and a damaged one) next to the readable one.
  const foreign = { kind: 'itinerary', slug: 'two-days-in-grodno', version: 2 };
  await page.evaluate((foreign) => {
    const list = JSON.parse(localStorage.getItem('portal.saved.v2')!);
    localStorage.setItem('portal.saved.v2', JSON.stringify([foreign, ...list, 'damaged']));
  }, foreign);
  await page.goto('/en/saved');
  await contentReady(page);
  await expect(main(page).getByRole('status').filter({ hasText: T.unreadable(2) })).toBeVisible();
  await expect(cardTitles(page)).toHaveText([items[1].title]);
  // Saving another article keeps both unreadable entries as they were.
  await page.goto(`/en/news/${items[2].slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await expect(main(page).getByRole('button', { name: T.savedRemove })).toBeVisible();
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('portal.saved.v2')))!);
  expect(stored.filter((entry: { slug?: string }) => entry?.slug !== undefined && 'title' in entry).map((e: { slug: string }) => e.slug)).toEqual([
    items[2].slug,
    items[1].slug,
  ]);
  expect(stored).toContainEqual(foreign);
  expect(stored).toContain('damaged');
});

test("an articles-only list of an earlier version is read once, and its key is never written", async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto(`/en/news/${items[0].slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await expect(main(page).getByRole('button', { name: T.savedRemove })).toBeVisible();
  // Turn today's list into what the earlier version stored: its entries
  // under the version-1 key, no version-2 list.
  const legacy = await page.evaluate(() => {
    const list = JSON.parse(localStorage.getItem('portal.saved.v2')!);
    const old = JSON.stringify(list.map(({ kind: _kind, ...rest }: { kind: string }) => rest));
    localStorage.removeItem('portal.saved.v2');
    localStorage.setItem('portal.saved.v1', old);
    return old;
  });
  await page.goto('/en/saved');
  await contentReady(page);
  await expect(cardTitles(page)).toHaveText([items[0].title]);
  // Saving more writes version 2 only: a tab of the earlier version still
  // finds its own list as it left it.
  await page.goto(`/en/news/${items[1].slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  await expect(main(page).getByRole('button', { name: T.savedRemove })).toBeVisible();
  const stored = await page.evaluate(() => [localStorage.getItem('portal.saved.v1'), localStorage.getItem('portal.saved.v2')]);
  expect(stored[0]).toBe(legacy);
  expect(JSON.parse(stored[1]!).map((e: { slug: string }) => e.slug)).toEqual([items[1].slug, items[0].slug]);
});

test('two tabs show the same saved list', async ({ context, request }) => {
  const { items } = await newsPage(request, 'en');
  const saved = await context.newPage();
  await saved.goto('/en/saved');
  await expect(main(saved).getByText(T.savedEmpty)).toBeVisible();
  const reader = await context.newPage();
  await reader.goto(`/en/news/${items[0].slug}`);
  await contentReady(reader);
  await main(reader).getByRole('button', { name: T.saveOffline }).click();
  // The other tab follows without a reload…
  await expect(cardTitles(saved)).toHaveText([items[0].title]);
  // …and the other way round.
  await main(saved).getByRole('button', { name: new RegExp(`^Remove`) }).click();
  await expect(main(reader).getByRole('button', { name: T.saveOffline })).toBeVisible();
});

test("copies of articles no longer listed are removed from the worker's saved cache", async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/');
  await contentReady(page);
  await controlled(page);
  await page.goto(`/en/news/${items[0].slug}`);
  await contentReady(page);
  await main(page).getByRole('button', { name: T.saveOffline }).click();
  const savedPaths = () =>
    page.evaluate(async () => {
      const cache = await caches.open('portal-saved-v1');
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
  await expect.poll(savedPaths).toContain(`/api/v1/en/news/${items[0].slug}.json`);
  // The list loses the article behind the app's back (another tab, an old
  // version): the next start asks the worker to drop its copies.
  await page.evaluate(() => localStorage.setItem('portal.saved.v2', '[]'));
  await page.reload();
  await contentReady(page);
  await expect.poll(savedPaths).toEqual([]);
});

// ---------- updates: a new build deployed into the served folder ----------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A minimal static host for a copy of the build: files as they are, no
 * caching, SPA fallback for app routes, 404 for missing /api/ and assets.
 */
function staticServer(root: string, slow: Set<string> = new Set()): Server {
  return createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // A worker's precache asks past the HTTP cache (no-cache): those requests
    // for `slow` paths take 3 s, so an install can be caught half way.
    if (slow.has(path) && String(req.headers['cache-control']).includes('no-cache')) {
      await new Promise((done) => setTimeout(done, 3_000));
    }
    const file = normalize(join(root, decodeURIComponent(path)));
    const isFile = file.startsWith(root + sep) && (await stat(file).catch(() => null))?.isFile();
    const send = (status: number, body: Buffer | string, type: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    };
    if (isFile) return send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    if (path.startsWith('/api/') || extname(path) !== '') return send(404, 'Not found', 'text/plain');
    send(200, await readFile(join(root, 'index.html')), TYPES['.html']);
  });
}

/**
 * A copy of the build in a temporary folder, served on its own origin by
 * `staticServer`; `edit` may change the copy first. `close` removes both.
 */
async function servedCopy(prefix: string, slow?: Set<string>, edit?: (folder: string) => void) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resolve(process.env.E2E_DIST || 'dist'), folder, { recursive: true });
  edit?.(folder);
  const server = staticServer(folder, slow);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const close = async () => {
    await new Promise((done) => server.close(done));
    rmSync(folder, { recursive: true, force: true });
  };
  return { folder, origin, close };
}

test.describe('update', () => {
  let folder = '';
  let origin = '';
  let close = async () => {};
  const slow = new Set<string>();

  // Its own copy of the build on its own origin, so "deploying" into it
  // cannot disturb the other tests (whichever server they use).
  test.beforeAll(async () => {
    ({ folder, origin, close } = await servedCopy('portal-pwa-', slow));
  });

  test.afterAll(async () => close());

  /**
   * Opens the app with its worker in control, then deploys a worker with
   * the same shell and version `{version}-{suffix}`. Returns how to undo it.
   */
  async function deployNextWorker(page: Page, suffix: string) {
    await page.goto(`${origin}/en/`);
    await contentReady(page);
    await controlled(page);
    const swPath = join(folder, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const version = /"version":"([^"]+)"/.exec(sw)![1];
    writeFileSync(swPath, sw.replace(`"version":"${version}"`, `"version":"${version}-${suffix}"`));
    return { sw, version, restore: () => writeFileSync(swPath, sw) };
  }

  test('an update still installing when the page starts is offered once it is installed', async ({ page }) => {
    const { sw, restore } = await deployNextWorker(page, 'slow');
    slow.add(/"(\/[^"]+\.css)"/.exec(sw)![1]);
    try {
      // The update starts installing (slowly) on this page…
      await page.evaluate(() => {
        void navigator.serviceWorker.getRegistration().then((registration) => registration!.update());
      });
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.installing != null);
      // …and the reader reloads before it is done: the new page registers
      // while it is still installing, after its updatefound has passed.
      await page.reload();
      await contentReady(page);
      await expect(page.getByRole('status').getByText(T.updateAvailable)).toBeVisible({ timeout: 15_000 });
    } finally {
      slow.clear();
      restore();
    }
  });

  test('a new worker refuses to install beside an index.html of another build', async ({ page }) => {
    // A deploy half uploaded: the new worker is there, index.html is not the
    // one it was built with.
    const { version, restore } = await deployNextWorker(page, 'half');
    const indexPath = join(folder, 'index.html');
    const index = readFileSync(indexPath, 'utf8');
    writeFileSync(indexPath, index.replace('</head>', '<meta name="x-other-build" content="1"></head>'));
    try {
      const outcome = await page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration())!;
        const found = new Promise<ServiceWorker | null>((done) =>
          registration.addEventListener('updatefound', () => done(registration.installing), { once: true }),
        );
        await registration.update().catch(() => {});
        const worker = await found;
        if (!worker) return 'nothing installing';
        await new Promise<void>((done) => {
          const check = () => (['installed', 'redundant'].includes(worker.state) ? done() : undefined);
          worker.addEventListener('statechange', check);
          check();
        });
        return worker.state;
      });
      expect(outcome).toBe('redundant');
      await expect(page.getByText(T.updateAvailable)).toHaveCount(0);
      expect(await page.evaluate(() => caches.keys())).not.toContain(`portal-shell-${version}-half`);
    } finally {
      restore();
      writeFileSync(indexPath, index);
    }
  });

  test('a new deploy shows "Update available"; Reload activates it and reloads once', async ({ page }) => {
    await page.goto(`${origin}/en/`);
    await contentReady(page);
    await controlled(page);
    const before = await page.evaluate(() => caches.keys());
    const oldShell = before.find((n) => n.startsWith('portal-shell-'))!;
    expect(oldShell).toBeTruthy();

    // Deploy: the same shell with a new build version (a real rebuild
    // changes it the same way: precache.mjs hashes the shell).
    const swPath = join(folder, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const version = /"version":"([^"]+)"/.exec(sw)![1];
    writeFileSync(swPath, sw.replace(`"version":"${version}"`, `"version":"${version}-next"`));
    rmSync(`${swPath}.br`, { force: true });
    rmSync(`${swPath}.gz`, { force: true });

    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration!.update();
    });
    // An announced (status) notice with a Reload button.
    await expect(page.getByRole('status').getByText(T.updateAvailable)).toBeVisible();
    const reload = page.getByRole('status').getByRole('button', { name: T.reload });
    // Until the reader accepts, the old worker stays in control.
    expect(await page.evaluate(() => caches.keys())).toContain(oldShell);

    let loads = 0;
    page.on('load', () => loads++);
    await reload.click();
    await expect.poll(() => loads).toBe(1);
    await contentReady(page);
    await controlled(page);
    await expect(page.getByText(T.updateAvailable)).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(() => caches.keys()))
      .toEqual(expect.arrayContaining([`portal-shell-${version}-next`]));
    expect(await page.evaluate(() => caches.keys())).not.toContain(oldShell);
    // Reloaded once, not in a loop.
    await page.waitForTimeout(1000);
    expect(loads).toBe(1);
  });
});

test.describe('a content API on another origin', () => {
  let origin = '';
  let close = async () => {};

  // The app on its own origin, reading the API from the nginx origin under
  // test (which a CDN in front would answer with CORS headers).
  test.beforeAll(async () => {
    const api = `${process.env.E2E_BASE_URL}/api/v1`;
    ({ origin, close } = await servedCopy('portal-api-origin-', undefined, (folder) => {
      const indexPath = join(folder, 'index.html');
      const index = readFileSync(indexPath, 'utf8');
      // The whole tag: Trunk's minifier reorders and unquotes its attributes.
      const tagged = index.replace(/<meta[^>]*portal-api-base[^>]*>/, `<meta name="portal-api-base" content="${api}">`);
      expect(tagged).not.toBe(index);
      writeFileSync(indexPath, tagged);
    }));
  });

  test.afterAll(async () => close());

  test('articles read, but "Save for offline" is not offered: the worker could not keep them', async ({ page, context, request, baseURL }) => {
    await context.route(`${baseURL}/api/v1/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    const { items } = await newsPage(request, 'en');
    await page.goto(`${origin}/en/news/${items[0].slug}`);
    await expect(h1(page)).toHaveText(items[0].title);
    await contentReady(page);
    await expect(main(page).getByRole('button', { name: 'Share' }).or(main(page).getByRole('button', { name: 'Copy link' }))).toBeVisible();
    await expect(main(page).getByRole('button', { name: T.saveOffline })).toHaveCount(0);
  });
});
