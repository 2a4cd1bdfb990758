// The navigation monkey: a seeded random walk over every kind of route, as a
// hurried reader drives it — following links before the page has loaded,
// Back and Forward in bursts, typing in search and leaving mid-debounce,
// keyboard shortcuts on the calendar grid and the gallery, buttons. The
// `diagnostics` fixture fails the walk on any panic, `RuntimeError` or
// uncaught error/rejection; the walk also checks every so often that the app
// still answers a navigation (a dead wasm renders nothing new).
//
// A failing walk prints its seed and the last actions; rerun one with
//   MONKEY_SEED=<seed> MONKEY_STEPS=<n> npx playwright test monkey
import type { APIRequestContext, Page } from '@playwright/test';
import {
  apiJson,
  contentReady,
  eventsIndex,
  eventsMonth,
  expect,
  h1,
  newsPage,
  test,
  type Lang,
} from './fixtures';

const STEPS = Number(process.env.MONKEY_STEPS || 600);
const SEEDS = process.env.MONKEY_SEED ? [Number(process.env.MONKEY_SEED)] : [20261205, 31337];

/** mulberry32: a small seeded PRNG, so a failing walk can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

/** One URL of every route kind, in every language, picked from the API. */
async function startUrls(request: APIRequestContext): Promise<string[]> {
  const urls: string[] = [];
  for (const lang of ['en', 'ru', 'be'] as Lang[]) {
    const feed = await newsPage(request, lang, 1);
    const article = feed.items[0];
    const archive = await apiJson<{ days: { date: string }[] }>(request, `${lang}/news/archive/index.json`);
    const day = archive.days[0].date;
    const events = await eventsIndex(request, lang);
    const busiest = events.months.reduce((a, b) => (b.count > a.count ? b : a));
    const bucket = await eventsMonth(request, lang, busiest.month);
    const sites = await apiJson<{ items: { slug: string; section: { slug: string } }[] }>(
      request,
      `${lang}/sites/index.json`,
    );
    const site = sites.items[0];
    urls.push(
      `/${lang}/`,
      `/${lang}/news`,
      `/${lang}/news?page=2`,
      `/${lang}/news?category=${article.category.slug}`,
      `/${lang}/news/${article.slug}`,
      `/${lang}/news/archive/${day}`,
      `/${lang}/events?month=${busiest.month}`,
      `/${lang}/events?month=${busiest.month}&view=list`,
      `/${lang}/events?month=${busiest.month}&category=${events.categories[0].slug}`,
      `/${lang}/events/${bucket.items[0].slug}`,
      `/${lang}/sites`,
      `/${lang}/sites?category=${site.section.slug}`,
      `/${lang}/sites/${site.slug}`,
      `/${lang}/search?q=min`,
      `/${lang}/search`,
      `/${lang}/saved`,
      `/${lang}/partners`,
    );
  }
  return urls;
}

type Walker = { page: Page; r: ReturnType<typeof rng>; log: string[] };

/** A same-origin link of the app (no downloads, no frames, no new tabs). */
const APP_LINK =
  'a[href^="/"]:not([href^="/embed"]):not([href^="/api/"]):not([href$=".ics"]):not([target]):not([download])';

async function clickRandom(w: Walker, selector: string, what: string) {
  const candidates = w.page.locator(selector);
  const count = await candidates.count().catch(() => 0);
  if (count === 0) return false;
  const target = candidates.nth(w.r.int(count));
  // Short timeouts everywhere: the element may be gone by now.
  const label = await target
    .evaluate((el) => el.getAttribute('href') ?? el.textContent?.trim().slice(0, 40) ?? '', undefined, {
      timeout: 500,
    })
    .catch(() => '');
  w.log.push(`${what} ${label}`);
  // Never wait for the navigation: the next action may interrupt it.
  await target.click({ timeout: 1_000, noWaitAfter: true }).catch(() => {});
  return true;
}

async function typeInSearch(w: Walker) {
  const field = w.page.locator('input[type="search"]:visible').first();
  if ((await field.count()) === 0) {
    w.log.push('press / (no visible field)');
    await w.page.keyboard.press('/');
    return;
  }
  const word = w.r.pick(['min', 'brest', 'фест', 'нясв', 'castle', 'zz', 'a']);
  w.log.push(`type "${word}" in search`);
  await field.click({ timeout: 1_000 }).catch(() => {});
  await w.page.keyboard.type(word, { delay: w.r.int(80) });
  // Leave at once half the time: the debounce fires after the view is gone.
  if (w.r.chance(0.5)) await w.page.keyboard.press('Enter');
}

async function gridKeys(w: Walker) {
  const cell = w.page.locator('[role="grid"] td[tabindex="0"]');
  if ((await cell.count()) === 0) return false;
  w.log.push('calendar keys');
  await cell.first().focus({ timeout: 500 }).catch(() => {});
  for (let i = 0; i < 1 + w.r.int(6); i++) {
    await w.page.keyboard.press(
      w.r.pick(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Enter']),
    );
  }
  return true;
}

async function galleryKeys(w: Walker) {
  if (!(await clickRandom(w, 'main .gallery button:visible', 'open gallery'))) return false;
  for (let i = 0; i < 1 + w.r.int(4); i++) {
    await w.page.keyboard.press(w.r.pick(['ArrowRight', 'ArrowLeft', 'Escape', 'Tab']));
  }
  return true;
}

/** One random action. */
async function step(w: Walker, starts: string[]) {
  const roll = w.r.next();
  if (roll < 0.08) {
    const url = w.r.pick(starts);
    w.log.push(`goto ${url}`);
    // Do not wait for the app either: the next action may cut its load short.
    await w.page.goto(url, { waitUntil: 'commit' }).catch(() => {});
  } else if (roll < 0.45) {
    await clickRandom(w, `${APP_LINK}:visible`, 'click');
  } else if (roll < 0.55) {
    w.log.push('back');
    await w.page.goBack({ waitUntil: 'commit', timeout: 2_000 }).catch(() => {});
  } else if (roll < 0.6) {
    w.log.push('forward');
    await w.page.goForward({ waitUntil: 'commit', timeout: 2_000 }).catch(() => {});
  } else if (roll < 0.7) {
    await typeInSearch(w);
  } else if (roll < 0.77) {
    if (!(await gridKeys(w))) await clickRandom(w, `${APP_LINK}:visible`, 'click');
  } else if (roll < 0.82) {
    if (!(await galleryKeys(w))) await clickRandom(w, `${APP_LINK}:visible`, 'click');
  } else if (roll < 0.9) {
    await clickRandom(w, 'main button:visible, main select:visible', 'button');
  } else {
    const key = w.r.pick(['/', 'Escape', 'Tab', 'Shift+Tab', 'Enter', 'ArrowDown']);
    w.log.push(`key ${key}`);
    await w.page.keyboard.press(key);
  }
  // Mostly no pause at all (mid-load, mid-debounce); sometimes let it settle.
  const pause = w.r.chance(0.6) ? 0 : w.r.int(w.r.chance(0.2) ? 600 : 150);
  if (pause) await w.page.waitForTimeout(pause);
}

/** The app still renders a navigation: a dead wasm would not. */
async function stillAlive(page: Page, url: string) {
  // A click of the walk may still be turning into a navigation: let it land.
  await page.waitForLoadState('load').catch(() => {});
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      break;
    } catch (error) {
      if (attempt >= 4 || !String(error).includes('interrupted by another navigation')) throw error;
      // The walk's last click or form submission landed meanwhile (the
      // prerendered page's links and forms work before the app has taken
      // over): let that page load before asking again.
      await page.waitForLoadState('load').catch(() => {});
    }
  }
  await contentReady(page);
  // An in-app link to another URL than this one (the header's, at least).
  const here = new URL(page.url());
  const hrefs = await page
    .locator(`${APP_LINK}:visible`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => h !== here.pathname + here.search);
  expect(href, `${url} has an in-app link to another page`).toBeTruthy();
  await page.locator(`a[href="${href}"]:visible`).first().click();
  await expect(page).toHaveURL(href!);
  await contentReady(page);
}

for (const seed of SEEDS) {
  test(`a random walk of ${STEPS} actions (seed ${seed}) never panics`, async ({ page, request, diagnostics }, testInfo) => {
    test.setTimeout(STEPS * 1_500 + 60_000);
    // Clipboard for "Copy link" and the partners' snippet.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const starts = await startUrls(request);
    const w: Walker = { page, r: rng(seed), log: [] };
    await page.goto(w.r.pick(starts));
    try {
      for (let i = 0; i < STEPS; i++) {
        await step(w, starts);
        if (diagnostics.panics.length || diagnostics.pageErrors.length) break;
        // Now and then, check the app still answers.
        if (i % 100 === 99) await stillAlive(page, w.r.pick(starts));
      }
      await stillAlive(page, '/en/');
    } finally {
      if (diagnostics.panics.length || diagnostics.pageErrors.length || testInfo.status !== 'passed') {
        await testInfo.attach('last-actions.txt', { body: w.log.slice(-40).join('\n'), contentType: 'text/plain' });
        console.log(`monkey seed ${seed}, last actions:\n  ${w.log.slice(-25).join('\n  ')}`);
      }
    }
  });
}
