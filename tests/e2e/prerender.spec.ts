// Prerendered pages (crates/prerender): what a link-preview crawler, a
// reader without JavaScript and a reader on a slow phone get before the app
// runs, and the app taking over without a visible change (src/handover.rs).
import type { APIRequestContext, Page, Route } from '@playwright/test';
import {
  apiJson,
  appStarted,
  cardTitles,
  contentReady,
  eventsIndex,
  expect,
  h1,
  main,
  newsPage,
  test,
  UI,
} from './fixtures';

const en = UI.en;
const API = '**/api/v1/**';
const WASM = '**/*_bg.wasm';

type Head = {
  title: string;
  meta: Map<string, string>;
  links: { rel: string; hreflang?: string; type?: string; href: string }[];
  jsonLd: Record<string, unknown>[];
};

const unescapeHtml = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

const attribute = (tag: string, name: string) => {
  const match = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return match ? unescapeHtml(match[1] ?? match[2] ?? match[3]) : undefined;
};

/** The head of a page as a crawler sees it: plain HTTP, no JavaScript. */
async function headOf(request: APIRequestContext, path: string): Promise<Head> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = new Map<string, string>();
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/g)) {
    const key = attribute(tag, 'property') ?? attribute(tag, 'name');
    const content = attribute(tag, 'content');
    if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
  }
  const links = [...head.matchAll(/<link\b[^>]*>/g)].map(([tag]) => ({
    rel: attribute(tag, 'rel') ?? '',
    hreflang: attribute(tag, 'hreflang'),
    type: attribute(tag, 'type'),
    href: attribute(tag, 'href') ?? '',
  }));
  const jsonLd = [...head.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]) as Record<string, unknown>,
  );
  const title = unescapeHtml(head.match(/<title>([^<]*)<\/title>/)?.[1] ?? '');
  return { title, meta, links, jsonLd };
}

/** Width and height of a PNG (from its IHDR chunk) or a JPEG (from its
 * start-of-frame segment): a drawing's preview or a photograph's. */
function rasterSize(body: Buffer): [number, number] {
  if (body[0] === 0xff && body[1] === 0xd8) {
    let at = 2;
    while (at + 9 < body.length) {
      const marker = body[at + 1];
      const length = body.readUInt16BE(at + 2);
      // SOF0–SOF15 but DHT (c4), JPG (c8) and DAC (cc).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return [body.readUInt16BE(at + 7), body.readUInt16BE(at + 5)];
      }
      at += 2 + length;
    }
    throw new Error('a JPEG without a frame header');
  }
  expect([...body.subarray(1, 4)], 'a PNG').toEqual([0x50, 0x4e, 0x47]);
  return [body.readUInt32BE(16), body.readUInt32BE(20)];
}

async function expectLinkPreview(
  request: APIRequestContext,
  path: string,
  title: string,
  type: string,
  languages = ['be', 'en', 'ru'],
) {
  const head = await headOf(request, path);
  const origin = new URL(path, test.info().project.use.baseURL).origin;
  expect(head.title, path).toContain(title);
  expect(head.meta.get('og:title'), path).toBe(title);
  expect(head.meta.get('og:type'), path).toBe(type);
  expect(head.meta.get('description')?.length ?? 0, path).toBeGreaterThan(20);
  expect(head.meta.get('twitter:card'), path).toBe('summary_large_image');
  const canonical = head.links.find((link) => link.rel === 'canonical');
  expect(canonical?.href, path).toMatch(/^https?:\/\//);
  expect(new URL(canonical!.href).pathname, path).toBe(new URL(path, origin).pathname);
  const alternates = head.links.filter((link) => link.rel === 'alternate' && link.hreflang);
  const expected = [...languages, ...(languages.includes('en') ? ['x-default'] : [])].sort();
  expect(alternates.map((link) => link.hreflang).sort(), path).toEqual(expected);
  // The preview image is a raster of its declared size, served from here.
  const image = head.meta.get('og:image')!;
  expect(image, path).toMatch(/^https?:\/\/.+\.(png|jpg)$/);
  const served = await request.get(new URL(image).pathname);
  expect(served.status(), image).toBe(200);
  expect(served.headers()['content-type'], image).toBe(image.endsWith('.jpg') ? 'image/jpeg' : 'image/png');
  expect(rasterSize(await served.body()), image).toEqual([
    Number(head.meta.get('og:image:width')),
    Number(head.meta.get('og:image:height')),
  ]);
  // The news feed is announced, and is there.
  const feed = head.links.find((link) => link.type === 'application/rss+xml');
  expect(feed, `${path}: a feed link`).toBeTruthy();
  expect((await request.get(new URL(feed!.href).pathname)).status()).toBe(200);
  return head;
}

const ofType = (head: Head, type: string) =>
  head.jsonLd.find((data) => [data['@type']].flat().includes(type)) as Record<string, any> | undefined;

test.describe('link previews and structured data, over plain HTTP', () => {
  test('an article', async ({ request }) => {
    for (const lang of ['en', 'ru'] as const) {
      const { items } = await newsPage(request, lang);
      const { translations } = await apiJson<{ translations: string[] }>(request, `${lang}/news/${items[0].slug}.json`);
      const head = await expectLinkPreview(
        request,
        `/${lang}/news/${items[0].slug}`,
        items[0].title,
        'article',
        [lang, ...translations].filter((code, i, all) => all.indexOf(code) === i).sort(),
      );
      const article = ofType(head, 'NewsArticle');
      expect(article?.headline).toBe(items[0].title);
      expect(article?.datePublished).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(article?.publisher?.name).toBe(UI[lang].siteName);
      const trail = ofType(head, 'BreadcrumbList');
      expect(trail?.itemListElement.at(-1).name).toBe(items[0].title);
    }
  });

  test('an event', async ({ request }) => {
    const index = await eventsIndex(request, 'en');
    const month = await apiJson<{ items: { slug: string; title: string }[] }>(
      request,
      `en/events/month/${index.months[0].month}.json`,
    );
    const event = month.items[0];
    const head = await expectLinkPreview(request, `/en/events/${event.slug}`, event.title, 'website');
    const data = ofType(head, 'Event');
    expect(data?.name).toBe(event.title);
    expect(data?.startDate).toMatch(/[+-]\d\d:\d\d$/);
    expect(data?.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(data?.location?.geo?.latitude).toEqual(expect.any(Number));
  });

  test('a site', async ({ request }) => {
    const index = await apiJson<{ items: { slug: string; name: string; section: { slug: string } }[] }>(
      request,
      'en/sites/index.json',
    );
    const site = index.items.find((item) => item.section.slug === 'unesco')!;
    const head = await expectLinkPreview(request, `/en/sites/${site.slug}`, site.name, 'website');
    const data = ofType(head, 'TouristAttraction');
    expect(data?.name).toBe(site.name);
    expect(data?.['@type']).toContain('LandmarksOrHistoricalBuildings');
    expect(data?.geo?.latitude).toEqual(expect.any(Number));
  });

  test('the home page and a section', async ({ request }) => {
    await expectLinkPreview(request, '/be/', UI.be.siteName, 'website');
    const head = await headOf(request, '/en/news?category=sport');
    const canonical = head.links.find((link) => link.rel === 'canonical');
    expect(new URL(canonical!.href).search).toBe('?category=sport');
    expect(head.links.filter((link) => link.type === 'application/rss+xml')).toHaveLength(2);
  });

  test('robots.txt and the sitemap list the pages with their languages', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    const sitemapUrl = robots.match(/^Sitemap: (\S+)$/m)?.[1];
    expect(sitemapUrl).toMatch(/\/sitemap\.xml$/);
    const sitemap = await request.get(new URL(sitemapUrl!).pathname);
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    const { items } = await newsPage(request, 'ru');
    const entry = xml.split('<url>').find((chunk) => chunk.includes(`/ru/news/${items[0].slug}</loc>`));
    expect(entry, 'the article is listed').toBeTruthy();
    expect(entry).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
    expect(entry).toContain(`hreflang="en" href="`);
    expect(xml).not.toContain('/en/search');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader reads and moves through news, events and the guide', async ({ page, request }) => {
    const { items } = await newsPage(request, 'en');
    await page.goto('/en/');
    await expect(h1(page)).toHaveText(en.siteName);
    await cardTitles(page).filter({ hasText: items[0].title }).click();
    await expect(h1(page)).toHaveText(items[0].title);
    await expect(main(page).getByText(items[0].lead, { exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: 'Events' }).click();
    await expect(page).toHaveURL(/\/en\/events$/);
    await main(page).locator('a[href^="/en/events/"]').first().click();
    await expect(page).toHaveURL(/\/en\/events\/[a-z0-9-]+$/);
    await expect(h1(page)).toBeVisible();
    await page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: 'Travel guide' }).click();
    await cardTitles(page).first().click();
    await expect(page).toHaveURL(/\/en\/sites\/[a-z0-9-]+$/);
    await expect(h1(page)).toBeVisible();
    // No "needs JavaScript" notice on a page that reads without it.
    await expect(page.locator('noscript')).toHaveCount(0);
  });
});

/** Holds the app's wasm until released: the page as it is before the app runs. */
async function holdApp(page: Page) {
  const held: Route[] = [];
  await page.route(WASM, (route) => {
    held.push(route);
  });
  return async () => {
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.unroute(WASM);
    // The preload and the loader may each have asked for it.
    await Promise.all(held.map((route) => route.continue().catch(() => undefined)));
  };
}

/** Every image on screen has loaded and is decoded, and a frame has been
 * painted since (lazy ones below stay unloaded). */
async function imagesLoaded(page: Page) {
  await page.waitForFunction(() =>
    [...document.images]
      .filter((image) => image.getBoundingClientRect().top < innerHeight)
      .every((image) => image.complete),
  );
  await page.evaluate(async () => {
    const onScreen = [...document.images].filter((image) => image.getBoundingClientRect().top < innerHeight);
    await Promise.all(onScreen.map((image) => image.decode().catch(() => undefined)));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

test.describe('the app takes over', () => {
  // A worker would answer the wasm from its own cache, past page.route.
  test.use({ serviceWorkers: 'block' });

  for (const [name, path] of [
    ['home', async () => '/en/'],
    ['article', async (request: APIRequestContext) => `/en/news/${(await newsPage(request, 'en')).items[0].slug}`],
    ['events', async () => '/en/events'],
  ] as const) {
    test(`${name}: the page before and after the app starts looks the same`, async ({ page, request }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const release = await holdApp(page);
      await page.goto(await path(request));
      await expect(h1(page)).toBeVisible();
      await imagesLoaded(page);
      const before = await page.screenshot({ animations: 'disabled' });
      await release();
      await appStarted(page);
      await imagesLoaded(page);
      const after = await page.screenshot({ animations: 'disabled' });
      expect(after.equals(before), 'the same pixels before and after the hand-over').toBe(true);
    });
  }

  test('while the app renders behind the prerendered page, the head holds one tag of each name', async ({ page }) => {
    // The feed's data never comes: the app writes its head tags, but
    // cannot take over (src/handover.rs, drop_prerendered_meta).
    await page.route('**/api/v1/en/news/page/*.json', () => undefined);
    await page.goto('/en/news');
    await expect(page.locator('head meta[property="og:title"]:not([data-prerendered])')).toHaveCount(1);
    await expect(page.locator('#prerendered')).toHaveCount(1);
    const count = (selector: string) => page.locator(`head ${selector}`).count();
    for (const key of ['description']) expect(await count(`meta[name="${key}"]`), key).toBe(1);
    for (const key of ['og:title', 'og:description', 'og:type', 'og:locale', 'og:url', 'og:site_name']) {
      expect(await count(`meta[property="${key}"]`), key).toBe(1);
    }
    expect(await page.locator('head meta[property="og:title"]').getAttribute('content')).toBe(en.news);
    // What the app does not write stays with the page it describes.
    expect(await count('link[rel="canonical"][data-prerendered]')).toBe(1);
  });

  test('no layout shift while the app takes over', async ({ page, request }) => {
    await page.addInitScript(() => {
      (window as any).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) {
          if (!entry.hadRecentInput) (window as any).__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const { items } = await newsPage(request, 'en');
    for (const path of ['/en/', `/en/news/${items[0].slug}`, '/en/events', '/en/sites']) {
      await page.goto(path);
      await contentReady(page);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as any).__shift), path).toBeLessThanOrEqual(0.02);
    }
  });

  test('an address asking for other content shows a skeleton, then the right view', async ({ page, request }) => {
    const release = await holdApp(page);
    await page.goto('/en/news?page=2');
    await expect(page.locator('html')).toHaveClass(/prerender-stale/);
    // Page 1's stories are in the HTML, but not shown.
    await expect(cardTitles(page)).toHaveCount(0);
    await release();
    await contentReady(page);
    const second = await newsPage(request, 'en', 2);
    await expect(cardTitles(page).first()).toHaveText(second.items[0].title);
  });

  test('an events window in the address is not the prerendered month: skeleton, then the window', async ({ page }) => {
    // There is one prerendered /events page (the plain month); a window
    // or filter in the query is the app's to show once it takes over.
    const release = await holdApp(page);
    await page.goto('/en/events?when=weekend&free=1&view=list');
    await expect(page.locator('html')).toHaveClass(/prerender-stale/);
    await expect(main(page).getByRole('grid')).toBeHidden();
    await release();
    await contentReady(page);
    await expect(main(page).getByRole('navigation', { name: UI.en.filterWhen }).getByRole('link', { name: UI.en.whenWeekend })).toHaveAttribute('aria-current', 'true');
    await expect(main(page).getByRole('grid')).toHaveCount(0);
    await expect(page).toHaveURL('/en/events?when=weekend&free=1&view=list');
  });

  test('tracking parameters do not count as another address', async ({ page, request }) => {
    const { items } = await newsPage(request, 'en');
    const release = await holdApp(page);
    await page.goto(`/en/news/${items[0].slug}?utm_source=telegram&fbclid=x`);
    await expect(h1(page)).toHaveText(items[0].title);
    await expect(page.locator('html')).not.toHaveClass(/prerender-stale/);
    await release();
    await contentReady(page);
  });

  test('keyboard focus stays on its link when the app takes over', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/en/');
    const news = page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: en.news });
    await news.focus();
    await release();
    await appStarted(page);
    await expect(news).toBeFocused();
  });

  test('a link followed before the app is ready leads where it says', async ({ page, request }) => {
    const { items } = await newsPage(request, 'en');
    // The API is slow: the app is not ready when the reader clicks.
    await page.route(API, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('/en/');
    await cardTitles(page).filter({ hasText: items[1].title }).click();
    await expect(page).toHaveURL(new RegExp(`/en/news/${items[1].slug}$`));
    await expect(h1(page)).toHaveText(items[1].title);
  });

  test('a first load with the API down keeps the prerendered page readable', async ({ page, request }) => {
    const { items } = await newsPage(request, 'en');
    await page.route(API, (route) => route.fulfill({ status: 500, body: 'down' }));
    await page.goto(`/en/news/${items[0].slug}`);
    await expect(h1(page)).toHaveText(items[0].title);
    await page.waitForTimeout(1500);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(h1(page)).toHaveText(items[0].title);
    // Moving on hands over to the app, which says what failed.
    await page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: en.news }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  });
});
