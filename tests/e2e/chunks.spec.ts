// The app's code in chunks (tools/post-build/split-app.mjs): a page loads
// the shell's wasm and its own group's chunks and no other group's; another
// group's code comes when a link to it is hovered or in view, or when the
// reader goes there; a chunk that does not arrive is an error view whose
// Retry works; after the first visit every group opens offline.
import { appStarted, contentReady, expect, followInApp, h1, openInApp, test } from './fixtures';
import type { APIRequestContext, Page } from '@playwright/test';

type Chunks = { glue: string; main: string; split: string; groups: Record<string, string[]> };

async function chunkList(request: APIRequestContext): Promise<Chunks> {
  const response = await request.get('/wasm-chunks.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Chunks;
}

/** Paths of the .wasm files the page has requested so far. */
function wasmRequests(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) seen.add(path);
  });
  return seen;
}

const groupOf = (chunks: Chunks, file: string) =>
  Object.entries(chunks.groups)
    .filter(([, files]) => files.includes(file))
    .map(([group]) => group);

test('the split is real: every group has its own module, and the groups share code in chunks', async ({ request }) => {
  const chunks = await chunkList(request);
  expect(Object.keys(chunks.groups).sort()).toEqual(['events', 'guide', 'more', 'news', 'saved']);
  for (const [group, files] of Object.entries(chunks.groups)) {
    expect(files.some((file) => file.includes(`-split-${group}-`)), group).toBe(true);
    for (const file of files) expect(file).toMatch(/^\/portal-[a-z0-9-]+-[0-9a-f]{16}\.wasm$/);
  }
  const main = await request.get(chunks.main);
  expect(main.headers()['content-type']).toBe('application/wasm');
});

test("a first load fetches the shell's wasm and its own group's chunks, no other group's", async ({ page, request }) => {
  const chunks = await chunkList(request);
  const seen = wasmRequests(page);
  // Looked at as soon as the app has the page: the links in view are
  // prefetched a moment later (src/prefetch.rs), and hovering is below.
  await page.goto('/en/events');
  await contentReady(page);
  expect(seen.has(chunks.main)).toBe(true);
  for (const file of chunks.groups.events) expect(seen, file).toContain(file);
  for (const file of seen) {
    if (file === chunks.main) continue;
    expect(groupOf(chunks, file), `${file} belongs to the events group`).toContain('events');
  }
});

test("hovering a link fetches its view's code before the click", async ({ page, request }) => {
  const chunks = await chunkList(request);
  await page.goto('/en/events');
  await contentReady(page);
  // Wait for the links in view to have been prefetched, then hover one that
  // was not (the footer's partner page is below the fold).
  const partners = page.locator('footer a[href="/en/partners"]');
  await expect(partners).toHaveCount(1);
  const seen = wasmRequests(page);
  const moreOnly = chunks.groups.more.filter((file) => groupOf(chunks, file).length === 1);
  expect(moreOnly.length).toBeGreaterThan(0);
  await partners.hover();
  await expect.poll(() => moreOnly.filter((file) => seen.has(file)).length).toBe(moreOnly.length);
});

test('a chunk that does not arrive shows the error view; Retry loads it', async ({ page, request }) => {
  const chunks = await chunkList(request);
  const guideModule = chunks.groups.guide.find((file) => file.includes('-split-guide-'));
  expect(guideModule).toBeDefined();
  let blocked = true;
  await page.route(`**${guideModule}`, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await openInApp(page, '/en/sites');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  blocked = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(h1(page)).toHaveText('Travel guide');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("a first load whose chunk does not arrive keeps the prerendered page, and a link still works", async ({ page, request }) => {
  const chunks = await chunkList(request);
  const newsModule = chunks.groups.news.find((file) => file.includes('-split-news-'));
  let blocked = true;
  await page.route(`**${newsModule}`, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/en/news');
  await expect(page.locator('#prerendered h1')).toBeVisible();
  // The app's error view is never put in place of the content.
  await page.waitForTimeout(1500);
  await expect(page.locator('#prerendered')).toHaveCount(1);
  blocked = false;
  await page.locator('#prerendered header a[href="/en/sites"]').first().click();
  await appStarted(page);
  await expect(h1(page)).toHaveText('Travel guide');
});

test('after the first visit every group of views opens offline', async ({ page, context }) => {
  await page.goto('/en/saved');
  await contentReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  // Offline, a reload still starts the app, and each group's code comes
  // from the worker's cache (its data may not: the view then says so).
  await page.reload();
  await appStarted(page);
  for (const path of ['/en/partners', '/en/events', '/en/sites', '/en/news', '/en/search']) {
    await followInApp(page, path);
    // Either the view or its offline message: never a chunk error.
    await expect(page.locator('main h1, main [role="alert"]').first()).toBeVisible();
    await expect(page.getByText('could not be downloaded')).toHaveCount(0);
  }
  await context.setOffline(false);
});
