// Every route that fetches, under every way the content API can fail, with
// the service worker in control as readers have it: a readable message,
// nothing left loading, no panic (the `diagnostics` fixture), and a Retry
// that brings every failed part of the page back once the API is healthy.
//
// Faults are injected with context.route, which sees the requests the
// service worker makes too (the page's fetch goes through the worker).
import type { APIRequestContext, BrowserContext, Page, Route } from '@playwright/test';
import {
  apiJson,
  cardTitles,
  contentReady,
  eventDetail,
  eventsIndex,
  eventsMonth,
  expect,
  h1,
  main,
  newsPage,
  openInApp,
  test,
  UI,
} from './fixtures';

const en = UI.en;
const API = '**/api/v1/**';
const MISSING = 'The content you asked for does not exist.';

type Fault = {
  name: string;
  /** What the reader reads (the error view's message, or the not-found page). */
  message: string;
  inject: (route: Route) => Promise<void> | void;
  /** Faults that only show after the request deadline. */
  hangs?: boolean;
};

const FAULTS: Fault[] = [
  {
    name: 'HTTP 500',
    message: en.errorServer(500),
    inject: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
  },
  {
    name: 'broken JSON',
    message: en.errorDecode,
    inject: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [' }),
  },
  {
    name: 'JSON of the wrong shape',
    message: en.errorDecode,
    inject: (route) => route.fulfill({ status: 200, json: { unexpected: ['shape'], items: 'not a list' } }),
  },
  {
    name: 'an HTML answer',
    // A static host's SPA fallback: the document is missing. A view whose
    // own document is missing is a not-found page; a list or a part of a
    // page says so in its error view.
    message: MISSING,
    inject: (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>app</title>' }),
  },
  {
    name: 'a dropped connection',
    message: en.errorNetwork,
    inject: (route) => route.abort('connectionreset'),
  },
  {
    name: 'a request that never answers',
    message: en.errorTimeout,
    inject: () => {},
    hangs: true,
  },
];

type RouteCase = {
  name: string;
  path: (request: APIRequestContext) => Promise<string>;
  /** The route's real content is on screen. */
  loaded: (page: Page, request: APIRequestContext) => Promise<void>;
};

const ROUTES: RouteCase[] = [
  {
    name: 'archive day',
    path: async (request) => {
      const archive = await apiJson<{ days: { date: string }[] }>(request, 'en/news/archive/index.json');
      return `/en/news/archive/${archive.days[0].date}`;
    },
    loaded: async (page) => {
      await expect(cardTitles(page).first()).toBeVisible();
    },
  },
  {
    name: 'events',
    path: async (request) => {
      const index = await eventsIndex(request, 'en');
      return `/en/events?month=${index.months[0].month}`;
    },
    loaded: async (page) => {
      await expect(main(page).getByRole('grid')).toBeVisible();
    },
  },
  {
    name: 'event',
    path: async (request) => {
      const index = await eventsIndex(request, 'en');
      const bucket = await eventsMonth(request, 'en', index.months[0].month);
      return `/en/events/${bucket.items[0].slug}`;
    },
    loaded: async (page, request) => {
      const slug = new URL(page.url()).pathname.split('/').pop()!;
      await expect(h1(page)).toHaveText((await eventDetail(request, 'en', slug)).title);
    },
  },
  {
    name: 'guide',
    path: async () => '/en/sites',
    loaded: async (page) => {
      await expect(main(page).getByRole('article').first().getByRole('link').first()).toBeVisible();
    },
  },
  {
    name: 'site',
    path: async (request) => {
      const index = await apiJson<{ items: { slug: string }[] }>(request, 'en/sites/index.json');
      return `/en/sites/${index.items[0].slug}`;
    },
    loaded: async (page, request) => {
      const slug = new URL(page.url()).pathname.split('/').pop()!;
      const site = await apiJson<{ name: string }>(request, `en/sites/${slug}.json`);
      await expect(h1(page)).toHaveText(site.name);
    },
  },
  {
    name: 'search',
    path: async () => '/en/search?q=minsk',
    loaded: async (page) => {
      await expect(main(page).getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'home',
    path: async () => '/en/',
    loaded: async (page, request) => {
      const { items } = await newsPage(request, 'en');
      await expect(page.getByRole('region', { name: en.latest }).getByRole('heading', { name: items[0].title })).toBeVisible();
      await expect(page.getByRole('region', { name: en.upcoming })).toBeVisible();
    },
  },
  {
    name: 'feed',
    path: async () => '/en/news?page=2',
    loaded: async (page) => {
      await expect(cardTitles(page).first()).toBeVisible();
    },
  },
  {
    name: 'article',
    path: async (request) => `/en/news/${(await newsPage(request, 'en')).items[2].slug}`,
    loaded: async (page, request) => {
      await expect(h1(page)).toHaveText((await newsPage(request, 'en')).items[2].title);
    },
  },
];

/** A worker in control and no API document cached yet. */
async function withWorker(page: Page) {
  await page.goto('/en/saved');
  await contentReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate(async () => {
    for (const name of await caches.keys()) if (!name.includes('shell')) await caches.delete(name);
  });
}

async function injectFault(context: BrowserContext, fault: Fault) {
  const held: Route[] = [];
  await context.route(API, (route) => {
    if (fault.hangs) held.push(route);
    else return fault.inject(route);
  });
  return held;
}

for (const route of ROUTES) {
  for (const fault of FAULTS) {
    test(`${route.name} × ${fault.name}: a readable message, then Retry recovers`, async ({ page, context, request }) => {
      const path = await route.path(request);
      await withWorker(page);
      const held = await injectFault(context, fault);
      await openInApp(page, path);

      if (fault.hangs) {
        // Nothing answers: the reader sees it loading, then the deadline.
        await expect.poll(() => held.length).toBeGreaterThan(0);
        await page.clock.fastForward(9_000);
      }
      // A failed view or block: the error view, an alert, or in a side
      // block a polite status, each with its Retry.
      const failures = page
        .getByRole('alert')
        .or(page.getByRole('status').filter({ has: page.getByRole('button', { name: en.retry }) }));
      // A missing document may also read as the not-found page, or as "no
      // page 2" on a feed page.
      const missing = page
        .getByRole('heading', { level: 1, name: en.notFound })
        .or(main(page).getByText(en.pageMissing(2), { exact: true }));
      await expect((fault.message === MISSING ? failures.or(missing) : failures).first()).toBeVisible();
      await expect(main(page).locator('[aria-busy="true"]')).toHaveCount(0);
      const failed = await failures.count();
      for (let i = 0; i < failed; i++) {
        await expect(failures.nth(i).getByText(fault.message, { exact: true })).toBeVisible();
      }

      // The API is healthy again: every failed block's Retry brings it back.
      // (While the next content loads, a view may keep the old one on
      // screen: count them down.)
      await context.unroute(API);
      for (let n = failed; n > 0; n = await failures.count()) {
        await failures.first().getByRole('button', { name: en.retry }).click();
        await expect(failures).toHaveCount(n - 1);
      }
      // A page that said its document is missing has no Retry: reload it.
      if (await missing.isVisible()) await page.reload();
      await contentReady(page);
      await route.loaded(page, request);
      await expect(failures).toHaveCount(0);
    });
  }
}

test.describe('pages that need no API document', () => {
  for (const fault of FAULTS.filter((f) => !f.hangs)) {
    test(`saved × ${fault.name}: the saved list still shows`, async ({ page, context }) => {
      await withWorker(page);
      await injectFault(context, fault);
      await page.goto('/en/saved');
      await contentReady(page);
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  }

  for (const fault of FAULTS.filter((f) => !f.hangs)) {
    test(`partners × ${fault.name}: the builder works and says what it could not load`, async ({ page, context }) => {
      await withWorker(page);
      await injectFault(context, fault);
      await page.goto('/en/partners');
      await expect(h1(page)).toBeVisible();
      await expect(main(page).getByRole('status').filter({ hasText: /could not|not available/i }).first()).toBeVisible();
      await context.unroute(API);
      await page.reload();
      await expect(page.frameLocator('.partners__preview iframe').locator('.w-list').first()).toBeVisible();
    });
  }
});
