// Partner widgets: embed.js on a partner's page (another origin, see
// tests/e2e/partner/) turns snippet links into iframes of /embed/{widget} on
// the portal, lazily, sized by the frames' height messages (and by no one
// else's); each frame renders the right content in the right language,
// handles errors, and passes axe. Without JavaScript the snippets stay links.
// Expected content comes from the API.
import type { APIRequestContext, Frame, FrameLocator, Locator, Page } from '@playwright/test';
import {
  axe,
  apiJson,
  currentMonth,
  PINNED_NOW,
  eventsIndex,
  eventsMonth,
  expect,
  newsPage,
  test,
  type EventSummary,
  type Lang,
} from './fixtures';

const PARTNER = process.env.E2E_PARTNER_URL!;
const HEIGHT_MESSAGE = 'portal-widget:height';
/** The iframe's height before its frame reports one (embed.js). */
const FIRST_HEIGHT = 160;

// Widget texts the specs look for (crates/i18n, `WIDGET`).
const W = {
  en: {
    newsHeading: 'Latest news',
    eventsHeading: 'Upcoming events',
    moreNews: 'More news on Belarus Portal',
    newTab: '(opens in a new tab)',
    loadFailed: 'Belarus Portal could not be reached just now.',
    siteMissing: 'This place is not in the travel guide.',
    openPortal: 'Open Belarus Portal',
  },
  ru: { eventsHeading: 'Ближайшие события', siteMore: 'Подробнее в путеводителе' },
  be: { siteMore: 'Падрабязней у даведніку' },
} as const;

type SiteDoc = { slug: string; name: string; gallery: { alt: string }[] };
const siteDoc = (request: APIRequestContext, lang: Lang, slug: string) =>
  apiJson<SiteDoc>(request, `${lang}/sites/${slug}.json`);

/**
 * The titles the events widget should show: events from the reader's month
 * on (by the index's months), of the region if any, not yet ended (a
 * zero-length event lasts a day), first to start first, `limit` of them.
 */
async function upcomingTitles(
  request: APIRequestContext,
  page: Page,
  lang: Lang,
  limit: number,
  region?: string,
): Promise<string[]> {
  const from = await currentMonth(page);
  const index = await eventsIndex(request, lang);
  const months = index.months
    .filter((m) => m.month >= from)
    .filter((m) => !region || m.pairs.some((pair) => pair.split('/')[1] === region))
    .map((m) => m.month);
  const now = PINNED_NOW;
  const found = new Map<string, EventSummary>();
  for (const month of months) {
    for (const event of (await eventsMonth(request, lang, month)).items) {
      if (found.has(event.slug) || (region && event.region.slug !== region)) continue;
      const starts = Date.parse(event.starts);
      const ends = event.ends === event.starts ? starts + 86_400_000 : Date.parse(event.ends);
      if (ends > now) found.set(event.slug, event);
    }
  }
  // Array.prototype.sort is stable: ties keep the buckets' order, as the widget does.
  return [...found.values()]
    .sort((a, b) => Date.parse(a.starts) - Date.parse(b.starts))
    .slice(0, limit)
    .map((e) => e.title);
}

// ---------- helpers ----------

/** The widget iframe inside a box of the partner page. */
const widgetIn = (page: Page, box: string) => page.locator(`${box} iframe.portal-widget-frame`);

/** Waits until the frame has rendered its content (or its error): no loading state left. */
async function ready(frame: FrameLocator | Page) {
  await expect(frame.locator('main#widget:not([aria-busy]) > *')).toHaveCount(1);
}

/** Item titles in a list widget, in order (without the new-tab hint). */
const itemTitles = (frame: FrameLocator | Page) =>
  frame.locator('ul.w-list > li.w-item h3.w-title a > span:not(.visually-hidden)');

/** The Frame behind an iframe element (for evaluate). */
async function frameOf(iframe: Locator): Promise<Frame> {
  const frame = await (await iframe.elementHandle())!.contentFrame();
  expect(frame, 'the iframe has a frame').toBeTruthy();
  return frame!;
}

/** The query of an iframe's src, after checking it is /embed/{widget} on the portal. */
async function expectFrameSrc(iframe: Locator, baseURL: string, widget: string, options: Record<string, string>) {
  const src = new URL((await iframe.getAttribute('src'))!);
  expect(src.origin, 'the frame is on the portal').toBe(new URL(baseURL).origin);
  expect(src.pathname).toBe(`/embed/${widget}`);
  for (const [name, value] of Object.entries(options)) {
    expect(src.searchParams.get(name), `${widget} frame option ${name}`).toBe(value);
  }
  // Where the frame may send its height: the partner page, and only it.
  expect(src.searchParams.get('origin')).toBe(new URL(PARTNER).origin);
  expect(src.searchParams.get('id')).toBeTruthy();
  return src.searchParams;
}

/** Every link in the frame goes to the portal in a new tab, without an opener. */
async function expectPortalLinks(frame: FrameLocator | Page, baseURL: string) {
  const links = await frame
    .locator('a')
    .evaluateAll((as) => (as as HTMLAnchorElement[]).map((a) => ({ href: a.href, target: a.target, rel: a.rel })));
  expect(links.length, 'the widget has links').toBeGreaterThan(0);
  for (const link of links) {
    expect(link.href.startsWith(`${baseURL}/`), `${link.href} is on the portal`).toBe(true);
    expect(link.target, link.href).toBe('_blank');
    expect(link.rel.split(/\s+/), link.href).toContain('noopener');
  }
}

const iframeHeight = (iframe: Locator) => iframe.evaluate((el) => el.getBoundingClientRect().height);
const bodyHeight = (frame: Frame) => frame.evaluate(() => document.body.getBoundingClientRect().height);

/** Waits until the iframe is as tall as its document's body (±2 px); returns that height. */
async function expectSizedToContent(iframe: Locator, frame: Frame): Promise<number> {
  await expect
    .poll(async () => Math.abs((await iframeHeight(iframe)) - (await bodyHeight(frame))), {
      message: 'iframe height = frame body height',
    })
    .toBeLessThanOrEqual(2);
  return iframeHeight(iframe);
}

/** The iframe keeps `height` for half a second (a message that should be ignored has had its chance). */
async function expectHeightStays(page: Page, iframe: Locator, height: number) {
  for (let i = 0; i < 10; i++) {
    expect(await iframeHeight(iframe)).toBe(height);
    await page.waitForTimeout(50);
  }
}

// ---------- the partner page ----------

test('each snippet on a partner page becomes a portal iframe with the right content and language', async ({
  page,
  request,
  baseURL,
}) => {
  const news = await newsPage(request, 'en');
  const site = await siteDoc(request, 'be', 'mir-castle-complex');
  await page.goto(`${PARTNER}/`);
  // The page includes the script twice (a partner pasting two snippets).
  await expect(page.locator('script[src$="/embed.js"]')).toHaveCount(2);
  const events = await upcomingTitles(request, page, 'ru', 4);
  expect(events.length, 'the test data has upcoming events').toBeGreaterThan(0);

  const frames = [
    {
      box: '#news-box',
      widget: 'news',
      title: 'Latest news from Belarus Portal',
      options: { lang: 'en', limit: '3', theme: 'light' },
    },
    {
      box: '#events-box',
      widget: 'events',
      title: 'Ближайшие события на Портале Беларуси',
      options: { lang: 'ru', limit: '4', theme: 'light' },
    },
    {
      box: '#site-box',
      widget: 'site',
      title: 'Мірскі замак у даведніку Партала Беларусі',
      options: { lang: 'be', slug: 'mir-castle-complex', theme: 'dark' },
    },
  ];
  for (const { box, widget, title, options } of frames) {
    const iframe = widgetIn(page, box);
    await expect(iframe, `${box} has its iframe`).toHaveCount(1);
    await expect(page.locator(`${box} a.portal-widget`)).toHaveCount(0);
    await expectFrameSrc(iframe, baseURL!, widget, options);
    await expect(iframe).toHaveAttribute('title', title);
    await expect(iframe).toHaveAttribute('loading', 'lazy');
    await expect(iframe).toHaveAttribute('data-widget', widget);
    // Sandboxed: scripts and popups (its links), but it may not navigate the partner's page.
    const sandbox = ((await iframe.getAttribute('sandbox')) ?? '').split(/\s+/);
    expect(sandbox).toContain('allow-scripts');
    expect(sandbox).toContain('allow-popups');
    expect(sandbox).not.toContain('allow-top-navigation');
  }

  // News (en, limit 3): the first three titles of the feed, in order.
  const newsFrame = widgetIn(page, '#news-box').contentFrame();
  await ready(newsFrame);
  await expect(newsFrame.locator('html')).toHaveAttribute('lang', 'en');
  await expect(newsFrame.locator('h2.w-heading')).toHaveText(W.en.newsHeading);
  await expect(itemTitles(newsFrame)).toHaveText(news.items.slice(0, 3).map((i) => i.title));
  // The hint that a link opens a new tab is in its accessible name.
  await expect(
    newsFrame.getByRole('link', { name: `${news.items[0].title} ${W.en.newTab}` }),
  ).toHaveAttribute('href', `/en/news/${news.items[0].slug}`);
  await expect(newsFrame.locator('p.w-more a')).toContainText(W.en.moreNews);
  await expect(newsFrame.locator('.w-brand')).toContainText('Belarus Portal');
  await expectPortalLinks(newsFrame, baseURL!);

  // Events (ru, limit 4): Russian, the next four events.
  const eventsFrame = widgetIn(page, '#events-box').contentFrame();
  await ready(eventsFrame);
  await expect(eventsFrame.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(eventsFrame.locator('h2.w-heading')).toHaveText(W.ru.eventsHeading);
  await expect(itemTitles(eventsFrame)).toHaveText(events);
  await expectPortalLinks(eventsFrame, baseURL!);

  // Site (be, dark): the site's Belarusian name, its picture, the dark theme.
  const siteFrame = widgetIn(page, '#site-box').contentFrame();
  await ready(siteFrame);
  await expect(siteFrame.locator('html')).toHaveAttribute('lang', 'be');
  await expect(siteFrame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(siteFrame.locator('article.w-site h2.w-heading')).toHaveText(site.name);
  await expect(siteFrame.locator('img.w-picture')).toHaveAttribute('alt', site.gallery[0].alt);
  await expect(siteFrame.locator('p.w-more a')).toContainText(W.be.siteMore);
  await expect(siteFrame.locator('p.w-more a')).toHaveAttribute('href', '/be/sites/mir-castle-complex');
  await expectPortalLinks(siteFrame, baseURL!);

  // An unknown widget stays a plain link, marked as such.
  const unknown = page.locator('#unknown-box a.portal-widget');
  await expect(unknown).toBeVisible();
  await expect(unknown).toHaveAttribute('data-portal-widget', 'unknown');
  await expect(unknown).toHaveAttribute('href', `${baseURL}/en/`);
  await expect(page.locator('#unknown-box iframe')).toHaveCount(0);

  // Two copies of the script, one iframe per snippet: now that all frames
  // have loaded, every observer has fired; the one below the fold waits.
  await expect(page.locator('iframe')).toHaveCount(3);
  await expect(page.locator('#below-box a.portal-widget')).toHaveCount(1);
});

test('a snippet far below the fold stays a link until it is scrolled near', async ({ page, request, baseURL }) => {
  await page.goto(`${PARTNER}/`);
  const expected = await upcomingTitles(request, page, 'en', 2, 'grodno');
  const link = page.locator('#below-box a.portal-widget');
  // Seen by the script (pending), but not upgraded: it is ~1800px down.
  await expect(link).toHaveAttribute('data-portal-widget', 'pending');
  await expect(widgetIn(page, '#news-box')).toHaveCount(1);
  await ready(widgetIn(page, '#news-box').contentFrame());
  await expect(link).toHaveCount(1);
  await expect(widgetIn(page, '#below-box')).toHaveCount(0);

  // Scrolled to 200px under the viewport's bottom edge: within the 400px margin.
  await page.evaluate(() => {
    const box = document.getElementById('below-box')!;
    window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - window.innerHeight - 200);
  });
  const iframe = widgetIn(page, '#below-box');
  await expect(iframe).toHaveCount(1);
  await expect(link).toHaveCount(0);
  await expectFrameSrc(iframe, baseURL!, 'events', { lang: 'en', limit: '2', region: 'grodno' });
  await expect(iframe).toHaveAttribute('title', 'Upcoming events in Grodno Region');
  await iframe.scrollIntoViewIfNeeded();
  const frame = iframe.contentFrame();
  await ready(frame);
  await expect(frame.locator('h2.w-heading')).toHaveText(W.en.eventsHeading);
  await expect(itemTitles(frame)).toHaveText(expected);
  await expect(frame.locator('p.w-more a')).toHaveAttribute('href', '/en/events?region=grodno');
  // Still one iframe per snippet with the script included twice.
  await expect(page.locator('iframe')).toHaveCount(4);
});

test('the iframe is as tall as its content, and follows it when it changes', async ({ page }) => {
  await page.goto(`${PARTNER}/`);
  const iframe = widgetIn(page, '#news-box');
  await ready(iframe.contentFrame());
  const frame = await frameOf(iframe);

  const first = await expectSizedToContent(iframe, frame);
  expect(first, 'the frame reported its height').not.toBe(FIRST_HEIGHT);

  // Content grows: the iframe follows.
  await frame.evaluate(() => {
    const tall = document.createElement('div');
    tall.id = 'tall';
    tall.style.height = '600px';
    document.getElementById('widget')!.append(tall);
  });
  await expect.poll(() => iframeHeight(iframe)).toBeGreaterThanOrEqual(first + 598);
  await expectSizedToContent(iframe, frame);

  // And shrinks back.
  await frame.evaluate(() => document.getElementById('tall')!.remove());
  await expect.poll(() => iframeHeight(iframe)).toBeLessThanOrEqual(first + 2);
  expect(Math.abs((await expectSizedToContent(iframe, frame)) - first)).toBeLessThanOrEqual(2);
});

test('only its own frame, from the portal, can resize an iframe', async ({ page }) => {
  await page.goto(`${PARTNER}/`);
  const news = widgetIn(page, '#news-box');
  const events = widgetIn(page, '#events-box');
  await ready(news.contentFrame());
  await ready(events.contentFrame());
  const newsFrame = await frameOf(news);
  const height = await expectSizedToContent(news, newsFrame);
  const id = new URL((await news.getAttribute('src'))!).searchParams.get('id')!;
  const message = (height: number) => ({ type: HEIGHT_MESSAGE, id, height });

  // From the partner page itself: not the portal's origin.
  await page.evaluate((data) => window.postMessage(data, '*'), message(999));
  await expectHeightStays(page, news, height);

  // From another widget frame: the portal's origin, but not that iframe.
  const eventsFrame = await frameOf(events);
  await eventsFrame.evaluate((data) => window.parent.postMessage(data, '*'), message(999));
  await expectHeightStays(page, news, height);

  // The control: the same message from the news frame itself is obeyed.
  const obeyed = Math.round(height) + 123;
  await newsFrame.evaluate((data) => window.parent.postMessage(data, '*'), message(obeyed));
  await expect.poll(() => iframeHeight(news)).toBe(obeyed);

  // That iframe, navigated to a page of another origin: the right window,
  // the wrong origin.
  const elsewhere = `${PARTNER}/not-a-widget`;
  await newsFrame.evaluate((url) => (window.location.href = url), elsewhere);
  await expect.poll(async () => (await frameOf(news)).url()).toBe(elsewhere);
  const foreign = await frameOf(news);
  await foreign.waitForLoadState();
  await foreign.evaluate((data) => window.parent.postMessage(data, '*'), message(999));
  await expectHeightStays(page, news, obeyed);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the snippets are links to the portal, and the news one opens the news', async ({ page, baseURL }) => {
    await page.goto(`${PARTNER}/`);
    await expect(page.locator('iframe')).toHaveCount(0);
    const hrefs = await page
      .locator('a.portal-widget')
      .evaluateAll((as) => (as as HTMLAnchorElement[]).map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      `${baseURL}/en/news`,
      `${baseURL}/ru/events`,
      `${baseURL}/be/sites/mir-castle-complex`,
      `${baseURL}/en/`,
      `${baseURL}/en/events?region=grodno`,
    ]);
    const link = page.getByRole('link', { name: 'Latest news from Belarus Portal' });
    await expect(link).toBeVisible();
    const [response] = await Promise.all([page.waitForResponse(`${baseURL}/en/news`), link.click()]);
    expect(response.status()).toBe(200);
    await expect(page).toHaveURL(`${baseURL}/en/news`);
  });
});

test('process() upgrades a snippet added later', async ({ page, request, baseURL }) => {
  const slug = 'nesvizh-radziwill-complex';
  const site = await siteDoc(request, 'ru', slug);
  await page.goto(`${PARTNER}/`);
  await expect(page.locator('iframe.portal-widget-frame')).toHaveCount(3);
  await page.evaluate(
    ({ portal, slug }) => {
      const box = document.createElement('section');
      box.className = 'box';
      box.id = 'later-box';
      const link = document.createElement('a');
      link.className = 'portal-widget';
      link.dataset.widget = 'site';
      link.dataset.slug = slug;
      link.dataset.lang = 'ru';
      link.href = `${portal}/ru/sites/${slug}`;
      link.textContent = 'Несвиж в путеводителе Портала Беларуси';
      box.append(link);
      document.querySelector('main')!.prepend(box);
      (window as unknown as { PortalWidgets: { process(): void } }).PortalWidgets.process();
    },
    { portal: baseURL!, slug },
  );
  const iframe = widgetIn(page, '#later-box');
  await expect(iframe).toHaveCount(1);
  await expectFrameSrc(iframe, baseURL!, 'site', { lang: 'ru', slug });
  await expect(iframe).toHaveAttribute('title', 'Несвиж в путеводителе Портала Беларуси');
  const frame = iframe.contentFrame();
  await ready(frame);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frame.locator('h2.w-heading')).toHaveText(site.name);
  await expect(frame.locator('p.w-more a')).toContainText(W.ru.siteMore);
  await expectPortalLinks(frame, baseURL!);
  // Only the new snippet was upgraded: the one below the fold still waits.
  await expect(page.locator('iframe.portal-widget-frame')).toHaveCount(4);
  await expect(page.locator('#below-box a.portal-widget')).toHaveCount(1);
});

// ---------- the frames on their own ----------

// The frames are transparent: a partner's page shows through. axe takes a
// transparent page for white, which is right for light widgets but not for
// dark ones, so each frame is analysed on the background it has on the
// partner page (its .box, or its dark .box).
const PARTNER_BACKGROUND = { light: '#fffdf8', dark: '#1f2428' };
const AXE_FRAMES = [
  '/embed/news?lang=en&limit=3&theme=light',
  '/embed/news?lang=en&limit=3&theme=dark',
  '/embed/events?lang=ru&limit=4&theme=light',
  '/embed/events?lang=ru&limit=4&theme=dark',
  '/embed/site?lang=be&slug=mir-castle-complex&theme=dark',
  '/embed/site?lang=be&slug=mir-castle-complex&theme=light',
];

for (const path of AXE_FRAMES) {
  test(`axe: ${path}`, async ({ page }) => {
    const theme = new URL(path, 'http://x').searchParams.get('theme') as 'light' | 'dark';
    await page.goto(path);
    await ready(page);
    await expect(page.locator('main#widget .w-message')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // Through the CSSOM: the frame's CSP allows no inline <style>.
    await page.evaluate((colour) => (document.documentElement.style.background = colour), PARTNER_BACKGROUND[theme]);
    const results = await axe(page).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      path,
    ).toEqual([]);
  });
}

test('a site that is not in the guide says so and links to the portal', async ({ page, baseURL }) => {
  await page.goto('/embed/site?lang=en&slug=no-such-site');
  await ready(page);
  const message = page.locator('main#widget .w-message[role="status"]');
  await expect(message).toContainText(W.en.siteMissing);
  const link = message.getByRole('link', { name: `${W.en.openPortal} ${W.en.newTab}` });
  await expect(link).toHaveAttribute('href', '/en/sites/no-such-site');
  await expectPortalLinks(page, baseURL!);
});

test.describe('when the API fails', () => {
  // Routing must see the frame's requests, not a service worker.
  test.use({ serviceWorkers: 'block' });

  test('the news frame says the portal could not be reached', async ({ page, baseURL }) => {
    let failed = 0;
    await page.route('**/api/v1/en/news/page/1.json', (route) => {
      failed++;
      return route.fulfill({ status: 500, body: 'boom' });
    });
    await page.goto('/embed/news?lang=en&limit=3');
    await ready(page);
    const message = page.locator('main#widget .w-message[role="status"]');
    await expect(message).toContainText(W.en.loadFailed);
    await expect(message.getByRole('link')).toHaveAttribute('href', '/en/news');
    await expect(page.locator('ul.w-list')).toHaveCount(0);
    await expectPortalLinks(page, baseURL!);
    expect(failed, 'the frame asked the API').toBeGreaterThan(0);
  });
});
