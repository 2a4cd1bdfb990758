// When the content API misbehaves (intercepted with page.route) as the
// reader moves around the app: a plain error view with a working Retry,
// never a blank page or a panic. (On a first load the prerendered page stays
// instead: prerender.spec.ts.)
import {
  cardTitles,
  contentReady,
  expect,
  h1,
  main,
  newsPage,
  openInApp,
  test,
  UI,
} from './fixtures';
import type { APIRequestContext, Page, Route } from '@playwright/test';

const en = UI.en;
const API = '**/api/v1/**';

// The app's own handling: a worker would answer from its side of page.route
// (faults.spec.ts covers the worker).
test.use({ serviceWorkers: 'block' });

type View = {
  name: string;
  path: (request: APIRequestContext) => Promise<string>;
  /** Asserts the view's real content is shown. */
  loaded: (page: Page, request: APIRequestContext) => Promise<void>;
};

const views: Record<'home' | 'feed' | 'article', View> = {
  home: {
    name: 'home',
    path: async () => '/en/',
    loaded: async (page, request) => {
      const { items } = await newsPage(request, 'en');
      const latest = page.getByRole('region', { name: en.latest });
      await expect(latest.getByRole('article').first().getByRole('heading')).toHaveText(items[0].title);
    },
  },
  feed: {
    name: 'feed',
    path: async () => '/en/news',
    loaded: async (page, request) => {
      const { items } = await newsPage(request, 'en');
      await expect(cardTitles(page).first()).toHaveText(items[0].title);
    },
  },
  article: {
    name: 'article',
    path: async (request) => `/en/news/${(await newsPage(request, 'en')).items[1].slug}`,
    loaded: async (page, request) => {
      const { items } = await newsPage(request, 'en');
      await expect(h1(page)).toHaveText(items[1].title);
      await expect(main(page).getByText(items[1].lead, { exact: true })).toBeVisible();
    },
  },
};

/** The error view: an alert with a heading, a plain message and Retry. */
async function expectErrorView(page: Page, message: string, timeout?: number) {
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1, { timeout });
  await expect(alert.getByRole('heading', { name: en.errorTitle })).toBeVisible();
  await expect(alert.getByText(message, { exact: true })).toBeVisible();
  await expect(alert.getByRole('button', { name: en.retry })).toBeVisible();
  // The shell is intact: the reader can still navigate away.
  await expect(page.getByRole('navigation', { name: en.mainNav })).toBeVisible();
  return alert;
}

async function retryRecovers(page: Page, request: APIRequestContext, view: View) {
  await page.unroute(API);
  await page.getByRole('alert').getByRole('button', { name: en.retry }).click();
  await view.loaded(page, request);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

for (const view of Object.values(views)) {
  test(`${view.name}: HTTP 500 shows the error view and Retry recovers`, async ({ page, request }) => {
    const path = await view.path(request);
    await page.route(API, (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    );
    await openInApp(page, path);
    const alert = await expectErrorView(page, en.errorServer(500));
    // Technical detail is there but folded away.
    await expect(alert.getByText('HTTP 500')).toBeHidden();
    await alert.getByText('Technical details').click();
    await expect(alert.getByText('HTTP 500')).toBeVisible();

    await retryRecovers(page, request, view);
  });
}

for (const view of [views.feed, views.article]) {
  test(`${view.name}: malformed JSON shows the error view, no panic`, async ({ page, request }) => {
    const path = await view.path(request);
    await page.route(API, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"page":' }),
    );
    await openInApp(page, path);
    await expectErrorView(page, en.errorDecode);
    await retryRecovers(page, request, view);
  });
}

for (const [view, body] of [
  [views.home, { items: 'not a list', page: 'one' }],
  [views.article, { page: 1, total_pages: 1, total_items: 0, page_size: 12, items: [] }],
] as const) {
  test(`${view.name}: JSON of the wrong shape shows the error view`, async ({ page, request }) => {
    const path = await view.path(request);
    await page.route(API, (route) => route.fulfill({ status: 200, json: body }));
    await openInApp(page, path);
    await expectErrorView(page, en.errorDecode);
    await retryRecovers(page, request, view);
  });
}

test('feed: an unreachable server shows the network message', async ({ page, request }) => {
  await page.route(API, (route) => route.abort('connectionrefused'));
  await openInApp(page, '/en/news');
  await expectErrorView(page, en.errorNetwork);
  await retryRecovers(page, request, views.feed);
});

test('article: an API host answering with the HTML app shell reads as not found', async ({ page, request }) => {
  const path = await views.article.path(request);
  await page.route(API, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>app</title>' }),
  );
  await openInApp(page, path);
  await expect(h1(page)).toHaveText(en.notFound);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('feed: a request that never answers times out after ~8 s and Retry recovers', async ({ page, request }) => {
  test.setTimeout(20_000);
  let firstRequestAt = 0;
  const hung: Route[] = [];
  await page.route(API, (route) => {
    firstRequestAt ||= Date.now();
    hung.push(route); // never fulfilled
  });
  await openInApp(page, '/en/news');
  await expect(h1(page)).toHaveText(en.news);

  // Meanwhile the reader sees that something is loading.
  await expect(main(page).getByRole('status').filter({ hasText: 'Loading…' })).toBeAttached();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await expectErrorView(page, en.errorTimeout, 12_000);
  const waited = Date.now() - firstRequestAt;
  expect(hung.length).toBeGreaterThan(0);
  expect(waited, 'the timeout is about 8 s').toBeGreaterThan(7_000);
  expect(waited).toBeLessThan(12_000);

  await retryRecovers(page, request, views.feed);
  await contentReady(page);
});

test.describe('requests end with their view', () => {
  // The page's own requests, as the app makes them (a worker would answer
  // them from its side of the line).
  test.use({ serviceWorkers: 'block' });

  test('a request of a view the reader has left is aborted', async ({ page, request }) => {
    const slug = (await newsPage(request, 'en')).items[3].slug;
    const hung: Route[] = [];
    await page.goto('/en/news');
    await contentReady(page);
    // The article's document never answers; the reader gives up and goes home.
    await page.route(`**/api/v1/en/news/${slug}.json`, (route) => {
      hung.push(route);
    });
    const aborted = page.waitForEvent('requestfailed', (failed) => failed.url().endsWith(`/news/${slug}.json`));
    await cardTitles(page).filter({ hasText: (await newsPage(request, 'en')).items[3].title }).click();
    await expect.poll(() => hung.length).toBe(1);
    await page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: en.home }).click();
    await contentReady(page);
    // Well before the 8 s deadline: the view's cleanup aborted it.
    expect((await aborted).failure()?.errorText).toMatch(/ABORTED|abort/i);
  });
});
