// The production serving config (deploy/nginx.conf + deploy/security-headers.conf,
// run by tests/e2e/nginx.mjs) and the build's deployment steps: real 404s,
// prerendered pages, content types, cache headers, precompressed answers,
// security headers, framing, and no CSP violation on any route.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { cardTitles, contentReady, expect, h1, newsPage, test } from './fixtures';

/** Root-relative URLs that index.html references (src= and href=). */
async function shellUrls(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get('/index.html')).text();
  return [...html.matchAll(/\s(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((url) => url.startsWith('/'));
}

/** Trunk's hashed files and the extracted loader, by kind. */
async function builtFiles(request: APIRequestContext) {
  const urls = await shellUrls(request);
  const one = (pattern: RegExp, what: string) => {
    const found = urls.find((url) => pattern.test(url));
    expect(found, `index.html references ${what}`).toBeTruthy();
    return found!;
  };
  return {
    css: one(/^\/[^/]+-[0-9a-f]{16}\.css$/, 'the hashed stylesheet'),
    js: one(/^\/portal-[0-9a-f]{16}\.js$/, 'the hashed wasm-bindgen JS'),
    wasm: one(/^\/portal-[0-9a-f]{16}_bg\.wasm$/, 'the hashed wasm'),
    loader: one(/^\/loader-[0-9a-f]{16}\.js$/, 'the extracted loader'),
  };
}

const header = (response: APIResponse, name: string) => response.headers()[name.toLowerCase()] ?? '';

const APP_SHELL = 'name=portal-api-base';

async function expectNotShell404(response: APIResponse) {
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain(APP_SHELL);
  expect(header(response, 'cache-control'), 'errors are never stored').toBe('no-store');
}

test.describe('status codes', () => {
  test('a missing API document is a real 404, not the app shell', async ({ request }) => {
    await expectNotShell404(await request.get('/api/v1/en/news/no-such-article.json'));
    await expectNotShell404(await request.get('/api/v1/en/news/page/999.json'));
    await expectNotShell404(await request.get('/api/v1/en/news/'));
  });

  test("a page's file is no second address of the page", async ({ request }) => {
    await expectNotShell404(await request.get('/en/news.html'));
    await expectNotShell404(await request.get('/en/404.html'));
  });

  test('a missing asset is a real 404, not the app shell', async ({ request }) => {
    await expectNotShell404(await request.get('/portal-0123456789abcdef_bg.wasm'));
    await expectNotShell404(await request.get('/no-such-file.js'));
    await expectNotShell404(await request.get('/icons/no-such-icon.png'));
  });

  test('pages answer with their prerendered HTML, and `/` with the app shell', async ({ request }) => {
    const { items } = await newsPage(request, 'en');
    for (const [path, text] of [
      ['/en/', '<h1'],
      ['/en', '<h1'],
      ['/en/news', '<h1'],
      ['/en/news?page=2', '<h1'],
      ['/ru/news?category=sport', '<h1'],
      [`/en/news/${items[0].slug}`, `/en/news/${items[0].slug}">`],
      [`/en/news/${items[0].slug}?utm_source=telegram`, `/en/news/${items[0].slug}">`],
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(header(response, 'content-type'), path).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html, path).toContain(APP_SHELL);
      expect(html, path).toContain('<div id="prerendered">');
      expect(html, path).toContain(text);
    }
    const root = await request.get('/');
    expect(root.status()).toBe(200);
    expect(await root.text(), 'the shell sends the reader to their language').not.toContain('id="prerendered"');
  });

  test('an unknown page is a real 404 with the not-found page in its language', async ({ request }) => {
    for (const [path, lang] of [
      ['/en/news/no-such-article', 'en'],
      ['/ru/news/no-such-article', 'ru'],
      ['/be/events/no-such-event', 'be'],
      ['/en/sites/no-such-site', 'en'],
      ['/en/news/archive/1999-01-01', 'en'],
      ['/xx/news', 'en'],
      ['/no/such/route', 'en'],
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(header(response, 'cache-control'), `${path}: errors are never stored`).toBe('no-store');
      const html = await response.text();
      expect(html, path).toContain(`<html lang="${lang}"`);
      expect(html, path).toContain(APP_SHELL);
    }
  });

  test('widget frames: the three widgets have their page, anything else under /embed/ is a 404', async ({
    request,
  }) => {
    for (const path of ['/embed/news', '/embed/events?lang=ru', '/embed/site/']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(header(response, 'content-type'), path).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html, path).toContain('<main id="widget">');
      expect(html, path, 'not the app shell').not.toMatch(/loader-[0-9a-f]{16}\.js/);
    }
    for (const path of ['/embed/', '/embed/weather', '/embed/news/x', '/embed/no-such-0123456789abcdef.js']) {
      await expectNotShell404(await request.get(path));
    }
  });

  test('a deep link renders in the browser', async ({ page, request }) => {
    const { items } = await newsPage(request, 'en');
    await page.goto(`/en/news/${items[0].slug}`);
    await contentReady(page);
    await expect(h1(page)).toHaveText(items[0].title);
  });
});

test('index.html has no inline script; the loader is a hashed module file', async ({ request }) => {
  const html = await (await request.get('/index.html')).text();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    expect(tag, 'every script is external').toMatch(/\ssrc=/);
  }
  const { loader, js, wasm } = await builtFiles(request);
  expect(html).toMatch(new RegExp(`<script[^>]*type=["']?module[^>]*src=["']?${loader}`));
  const body = await (await request.get(loader)).text();
  expect(body).toContain(js);
  expect(body).toContain(wasm);
});

test('content types per kind of file', async ({ request }) => {
  const { css, js, wasm, loader } = await builtFiles(request);
  const { items } = await newsPage(request, 'en');
  type Hero = { hero: { src: string; photo?: { base: string; widths: number[] } } };
  const heroes = items as unknown as Hero[];
  const media = heroes.find((item) => !item.hero.photo)!.hero.src;
  const photo = heroes.find((item) => item.hero.photo)!.hero.photo!;
  const expected: [string, RegExp][] = [
    ['/index.html', /^text\/html; charset=utf-8$/],
    ['/en/news', /^text\/html; charset=utf-8$/],
    [css, /^text\/css; charset=utf-8$/],
    [js, /^(application|text)\/javascript; charset=utf-8$/],
    [loader, /^(application|text)\/javascript; charset=utf-8$/],
    [wasm, /^application\/wasm$/],
    ['/api/v1/en/news/page/1.json', /^application\/json; charset=utf-8$/],
    ['/api/v1/en/news/feed.xml', /^application\/rss\+xml; charset=utf-8$/],
    ['/api/v1/en/events/calendar.ics', /^text\/calendar; charset=utf-8$/],
    ['/api/v1/en/events/region/minsk-city/calendar.ics', /^text\/calendar; charset=utf-8$/],
    [`/api/v1/${media}`, /^image\/svg\+xml(; charset=utf-8)?$/],
    [`/api/v1/${photo.base}/${photo.widths[0]}.avif`, /^image\/avif$/],
    [`/api/v1/${photo.base}/${photo.widths[0]}.webp`, /^image\/webp$/],
    [`/api/v1/${photo.base}/${photo.widths[0]}.jpg`, /^image\/jpeg$/],
    ['/favicon.svg', /^image\/svg\+xml(; charset=utf-8)?$/],
  ];
  // The web app manifest, once the build has one.
  if ((await request.get('/manifest.webmanifest')).ok()) {
    expected.push(['/manifest.webmanifest', /^application\/manifest\+json(; charset=utf-8)?$/]);
  }
  for (const [path, type] of expected) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(header(response, 'content-type'), path).toMatch(type);
    expect(header(response, 'x-content-type-options'), path).toBe('nosniff');
  }
});

test('cache headers per kind of file', async ({ request }) => {
  const { css, js, wasm, loader } = await builtFiles(request);
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  const expected: [string, string][] = [
    [css, IMMUTABLE],
    [js, IMMUTABLE],
    [wasm, IMMUTABLE],
    [loader, IMMUTABLE],
    ['/index.html', 'no-cache'],
    ['/', 'no-cache'],
    ['/en/news', 'no-cache'],
    ['/api/v1/en/news/page/1.json', 'public, max-age=60, stale-while-revalidate=600'],
    ['/api/v1/en/categories.json', 'public, max-age=60, stale-while-revalidate=600'],
  ];
  for (const path of ['/sw.js', '/manifest.webmanifest']) {
    if ((await request.get(path)).ok()) expected.push([path, 'no-cache']);
  }
  for (const [path, cache] of expected) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(header(response, 'cache-control'), path).toBe(cache);
  }
  const { items } = await newsPage(request, 'en');
  const heroes = items.map((item) => (item as { hero: { src: string; photo?: unknown } }).hero);
  // A drawing may be replaced under its name: a day, then revalidated.
  const drawing = heroes.find((hero) => !hero.photo)!;
  const media = await request.get(`/api/v1/${drawing.src}`);
  expect(media.status()).toBe(200);
  expect(header(media, 'cache-control')).toMatch(/^public, max-age=86400\b/);
  // A photograph's folder is named by its renditions' bytes: kept for a year.
  const photo = heroes.find((hero) => hero.photo)!;
  const rendition = await request.get(`/api/v1/${photo.src}`);
  expect(rendition.status()).toBe(200);
  expect(header(rendition, 'cache-control')).toBe('public, max-age=31536000, immutable');
});

test.describe('precompressed answers', () => {
  const wasmMagic = (body: Buffer) => [...body.subarray(0, 4)];
  const MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

  for (const [accept, encoding] of [
    ['br, gzip', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['identity', undefined],
  ] as const) {
    test(`the wasm with Accept-Encoding: ${accept}`, async ({ request }) => {
      const { wasm } = await builtFiles(request);
      const response = await request.get(wasm, { headers: { 'Accept-Encoding': accept } });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-encoding']).toBe(encoding);
      expect(header(response, 'content-type')).toBe('application/wasm');
      expect(header(response, 'vary').toLowerCase()).toContain('accept-encoding');
      // Playwright decodes the body: the same module whatever the encoding.
      expect(wasmMagic(await response.body())).toEqual(MAGIC);
    });
  }

  test('API JSON and the JS are served compressed too', async ({ request }) => {
    const { js } = await builtFiles(request);
    for (const path of [js, '/api/v1/en/news/page/1.json']) {
      const response = await request.get(path, { headers: { 'Accept-Encoding': 'br' } });
      expect(response.headers()['content-encoding'], path).toBe('br');
    }
  });
});

test.describe('security headers', () => {
  const paths = [
    '/index.html',
    '/en/news',
    '/embed/x',
    '/embed/news',
    '/api/v1/en/news/page/1.json',
    '/favicon.svg',
    '/api/v1/en/news/no-such-article.json',
    '/no-such-file.js',
  ];

  test('on every kind of response, errors included', async ({ request }) => {
    const { wasm } = await builtFiles(request);
    for (const path of [...paths, wasm]) {
      const response = await request.get(path);
      const csp = header(response, 'content-security-policy');
      expect(csp, path).toContain("default-src 'self'");
      // One inline script is allowed, by its hash: the prerendered pages' query check.
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'self'");
      expect(header(response, 'x-content-type-options'), path).toBe('nosniff');
      expect(header(response, 'referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(header(response, 'permissions-policy'), path).toContain('camera=()');
      // The guide's "near me" may ask, only on the portal's own origin.
      expect(header(response, 'permissions-policy'), path).toContain('geolocation=(self)');
    }
  });

  test('media carry a sandboxing policy: an SVG opened by itself runs nothing', async ({ request }) => {
    const response = await request.get('/api/v1/media/castle-mir.svg');
    expect(response.status()).toBe(200);
    const policies = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'content-security-policy')
      .map((h) => h.value);
    expect(policies).toContainEqual(expect.stringMatching(/default-src 'none'.*sandbox/));
    // The app's own policy still applies to it too (browsers enforce both).
    expect(policies).toContainEqual(expect.stringContaining("script-src 'self' 'wasm-unsafe-eval'"));
  });

  test("frame-ancestors is * for the three widget frames and 'none' for everything else", async ({ request }) => {
    const ancestors = async (path: string) =>
      /frame-ancestors ([^;]+)/.exec(header(await request.get(path), 'content-security-policy'))?.[1];
    for (const path of [
      '/', '/en/', '/en/news', '/en/news/x', '/index.html', '/embedded', '/en/embed/x',
      '/embed', '/embed?x=1', '/embed/', '/embed/news/x', '/embed/weather', '/embed/newsy', '/embed.js',
    ]) {
      expect(await ancestors(path), path).toBe("'none'");
    }
    for (const path of ['/embed/news', '/embed/events?lang=ru&limit=3', '/embed/site/', '/embed/news?x=1']) {
      expect(await ancestors(path), path).toBe('*');
    }
  });

  test('a partner page can frame /embed/ but not the app', async ({ page, baseURL }) => {
    // A partner's page on another origin (another loopback port: a page
    // faked with page.route would count as a public site, and Chromium's
    // private network rules would refuse any loopback frame in it).
    const partner = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>partner</title>
        <iframe id=embed src="${baseURL}/embed/news"></iframe>
        <iframe id=app src="${baseURL}/en/"></iframe>`);
    });
    await new Promise<void>((done) => partner.listen(0, '127.0.0.1', done));
    try {
      const { port } = partner.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForLoadState('load');
      // The embed frame holds our document; the app frame was refused.
      await expect(page.frameLocator('#embed').locator('meta[name="portal-api-base"]')).toHaveCount(1);
      await expect(page.frameLocator('#app').locator('meta[name="portal-api-base"]')).toHaveCount(0);
      const urls = page.frames().map((frame) => frame.url());
      expect(urls).toContain(`${baseURL}/embed/news`);
      expect(urls).not.toContain(`${baseURL}/en/`); // an error page instead
    } finally {
      await new Promise((done) => partner.close(done));
    }
  });
});

test.describe('no Content Security Policy violation', () => {
  const routes: [string, string][] = [
    ['root redirect', '/'],
    ['home', '/en/'],
    ['home (ru)', '/ru/'],
    ['home (be)', '/be/'],
    ['feed', '/en/news'],
    ['feed page 2', '/en/news?page=2'],
    ['feed category', '/en/news?category=culture'],
    ['saved', '/en/saved'],
    ['not found', '/en/no-such-page'],
    ['unknown article', '/en/news/no-such-article'],
    ['unknown language', '/xx/'],
  ];
  for (const [name, path] of routes) {
    test(name, async ({ page, diagnostics }) => {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await contentReady(page);
      expect(diagnostics.cspViolations).toEqual([]);
    });
  }

  test('article (with images)', async ({ page, request, diagnostics }) => {
    const { items } = await newsPage(request, 'en');
    const withHero = items.find((item) => (item as { hero?: unknown }).hero) ?? items[0];
    await page.goto(`/en/news/${withHero.slug}`);
    await contentReady(page);
    // Images loaded (img-src allows them).
    const images = page.getByRole('main').locator('img');
    await expect(images.first()).toBeVisible();
    // Wait for the decode: `visible` comes before the image has loaded.
    await expect
      .poll(() => images.first().evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThan(0);
    expect(diagnostics.cspViolations).toEqual([]);
  });

  test('in-app navigation: home → feed → page 2 → article → back', async ({ page, diagnostics }) => {
    await page.goto('/en/');
    await contentReady(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'News', exact: true })
      .click();
    await expect(page).toHaveURL(/\/en\/news$/);
    await contentReady(page);
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Page 2', exact: true })
      .click();
    await expect(page).toHaveURL(/page=2$/);
    await contentReady(page);
    await cardTitles(page).first().click();
    await expect(page).toHaveURL(/\/en\/news\/[^/?]+$/);
    await contentReady(page);
    await page.goBack();
    await expect(page).toHaveURL(/page=2$/);
    await contentReady(page);
    expect(diagnostics.cspViolations).toEqual([]);
    expect(diagnostics.consoleErrors).toEqual([]);
  });
});
