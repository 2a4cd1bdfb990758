// Shared fixtures and helpers for the end-to-end specs.
//
// Every test runs on a pinned day: the build under test is published with
// PORTAL_BUILD_DATE = the date in tests/e2e/pinned-date, and each browser
// context's clock is installed at noon of that day in Minsk (it then runs on
// in real time), so the same commit gives the same result on any date. A test
// that must see the real clock opts out with `test.use({ pinnedClock: false })`
// and asserts only what holds on every day (see real-date.spec.ts).
//
// Every test gets `diagnostics` automatically: it fails the test when the
// page throws (an uncaught error or rejection) or logs a Rust panic from the
// WebAssembly (console_error_panic_hook prints "panicked at …", and the trap
// surfaces as "RuntimeError: unreachable"). Console errors and Content
// Security Policy violations are recorded, attached to the report, and
// available to tests that want to assert on them.
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The day every test lives on (`yyyy-mm-dd`), also the build's publish date. */
export const PINNED_DATE = readFileSync(join(__dirname, 'pinned-date'), 'utf8').trim();
/** Noon of the pinned day in Minsk (UTC+3 all year), in ms since the epoch. */
export const PINNED_NOW = Date.parse(`${PINNED_DATE}T12:00:00+03:00`);

/**
 * Installs Playwright's clock in a context at the pinned moment. Time then
 * flows naturally (timers fire), it just starts on the pinned day.
 * Contexts a test creates itself need this too.
 */
export async function pinClock(context: BrowserContext) {
  await context.clock.install({ time: PINNED_NOW });
}

const PANIC = /panicked|RuntimeError|unreachable/;
const CSP = /Content[- ]Security[- ]Policy/i;

export type Diagnostics = {
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Console messages that look like a Rust panic or a wasm trap. */
  panics: string[];
  /** Every console message of type "error" (includes failed loads). */
  consoleErrors: string[];
  /** Content Security Policy violations (console and DOM event). */
  cspViolations: string[];
};

export const test = base.extend<{
  diagnostics: Diagnostics;
  pinnedClock: boolean;
  clockPin: void;
}>({
  pinnedClock: [true, { option: true }],
  clockPin: [
    async ({ context, pinnedClock }, use) => {
      if (pinnedClock) await pinClock(context);
      await use();
    },
    { auto: true },
  ],
  diagnostics: [
    async ({ context }, use, testInfo) => {
      const diagnostics: Diagnostics = {
        pageErrors: [],
        panics: [],
        consoleErrors: [],
        cspViolations: [],
      };
      // The DOM event catches violations a console listener could miss.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`,
          );
        });
      });
      const watch = (page: Page) => {
        page.on('pageerror', (error) => {
          diagnostics.pageErrors.push(`${error.name}: ${error.message}`);
        });
        page.on('console', (message) => {
          const text = message.text();
          if (PANIC.test(text)) diagnostics.panics.push(text);
          if (CSP.test(text)) diagnostics.cspViolations.push(text);
          if (message.type() === 'error') diagnostics.consoleErrors.push(text);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);

      await use(diagnostics);

      const recorded = [
        ...diagnostics.consoleErrors.map((text) => `console error: ${text}`),
        ...diagnostics.cspViolations.map((text) => `CSP: ${text}`),
      ];
      if (recorded.length > 0) {
        await testInfo.attach('console-errors.txt', {
          body: recorded.join('\n'),
          contentType: 'text/plain',
        });
      }
      expect(diagnostics.panics, 'a Rust panic was logged by the app').toEqual([]);
      expect(diagnostics.pageErrors, 'the page threw an uncaught error').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// ---------- accessibility ----------

/**
 * WCAG 2.0, 2.1 and 2.2 A/AA, with axe's experimental rules included: some
 * WCAG checks, such as label-content-name-mismatch (2.5.3 Label in Name),
 * are still marked experimental and would otherwise not run.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

/** An axe run of the whole page (or `include`) with the project's tags. */
export function axe(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  return include ? builder.include(include) : builder;
}

// ---------- content API (to pick test data, never to assert on UI) ----------

export type Lang = 'en' | 'ru' | 'be';
export const LANGS: Lang[] = ['en', 'ru', 'be'];

export type Summary = {
  slug: string;
  title: string;
  lead: string;
  category: { slug: string; name: string };
};
export type NewsPage = {
  page: number;
  total_pages: number;
  total_items: number;
  items: Summary[];
};
type Inline = { type: string; text?: string; children?: Inline[] };
export type Article = Summary & {
  body: { type: string; content?: Inline[] }[];
  translations: string[];
};

export async function apiJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`/api/v1/${path}`);
  expect(response.ok(), `GET /api/v1/${path}`).toBeTruthy();
  return (await response.json()) as T;
}

export const newsPage = (request: APIRequestContext, lang: Lang, page = 1) =>
  apiJson<NewsPage>(request, `${lang}/news/page/${page}.json`);

export const article = (request: APIRequestContext, lang: Lang, slug: string) =>
  apiJson<Article>(request, `${lang}/news/${slug}.json`);

/** The plain text of the first paragraph of an article body. */
export function firstParagraph(a: Article): string {
  const text = (inlines: Inline[] = []): string =>
    inlines.map((i) => (i.text ?? '') + text(i.children)).join('');
  const paragraph = a.body.find((block) => block.type === 'paragraph');
  expect(paragraph, `article ${a.slug} has a paragraph`).toBeTruthy();
  return text(paragraph!.content);
}

export type EventSummary = {
  slug: string;
  title: string;
  summary: string;
  category: { slug: string; name: string };
  region: { slug: string; name: string };
  starts: string;
  ends: string;
  all_day: boolean;
  venue: string;
  free: boolean;
};
export type EventsIndex = {
  categories: { slug: string; name: string; count: number }[];
  regions: { slug: string; name: string; count: number }[];
  months: { month: string; count: number; pairs: string[] }[];
};
export type MonthBucket = { month: string; items: EventSummary[] };
export type EventDetail = EventSummary & {
  time_zone: string;
  venue: { name: string; address: string; lat: number; lon: number };
  price?: string;
  related: EventSummary[];
};

export const eventsIndex = (request: APIRequestContext, lang: Lang) =>
  apiJson<EventsIndex>(request, `${lang}/events/index.json`);
export const eventsMonth = (request: APIRequestContext, lang: Lang, month: string) =>
  apiJson<MonthBucket>(request, `${lang}/events/month/${month}.json`);
export const eventDetail = (request: APIRequestContext, lang: Lang, slug: string) =>
  apiJson<EventDetail>(request, `${lang}/events/${slug}.json`);

/** `yyyy-mm-dd` of an API timestamp on its own (Minsk) wall clock. */
export const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/** Every `yyyy-mm-dd` an event covers (its end is exclusive). */
export function daysOf(event: EventSummary): string[] {
  const first = new Date(`${dayOf(event.starts)}T00:00:00Z`);
  let last = new Date(`${dayOf(event.ends)}T00:00:00Z`);
  if (event.ends.slice(11, 19) === '00:00:00' && event.ends !== event.starts) {
    last = new Date(last.getTime() - 86_400_000);
  }
  const days: string[] = [];
  for (let d = first; d <= last; d = new Date(d.getTime() + 86_400_000)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days.length ? days : [dayOf(event.starts)];
}

/** The reader's current month as `yyyy-mm` (the browser's clock: pinned, see above). */
export const currentMonth = (page: Page) =>
  page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  });

export const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
/** "December 2026" for `2026-12`. */
export const monthTitle = (month: string) =>
  `${EN_MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

// ---------- UI texts the specs look for (from crates/i18n) ----------

export const UI = {
  en: {
    siteName: 'Belarus Portal',
    skip: 'Skip to main content',
    mainNav: 'Main',
    home: 'Home',
    news: 'News',
    language: 'Language',
    categories: 'Categories',
    all: 'All',
    pages: 'Pages',
    pageN: (n: number) => `Page ${n}`,
    latest: 'Latest news',
    allNews: 'All news',
    breadcrumbs: 'Breadcrumbs',
    notFound: 'Page not found',
    backHome: 'Go to the home page',
    errorTitle: 'This page could not be loaded',
    retry: 'Try again',
    errorServer: (s: number) => `The server ran into a problem (status ${s}).`,
    errorDecode: 'The server sent data we could not read.',
    errorTimeout: 'The server took too long to answer.',
    errorNetwork: 'We could not reach the server. Check your connection and try again.',
    corrected: (what: string) =>
      `The address had a value we could not use, so you are seeing ${what}.`,
    pageMissing: (n: number) => `There is no page ${n} here.`,
    firstPage: 'Go to the first page',
    copyLink: 'Copy link',
    linkCopied: 'Link copied to the clipboard',
    categoryTitle: (c: string) => `News: ${c}`,
    categoryMissing: 'There is no such category. Choose one above or read all news.',
    events: 'Events',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'This month',
    viewList: 'List',
    viewCalendar: 'Calendar',
    filterCategory: 'Category',
    filterRegion: 'Region',
    removeFilter: (name: string) => `Remove filter: ${name}`,
    more: (n: number) => `+${n} more`,
    showLess: 'Show less',
    dayHeading: (date: string) => `Events on ${date}`,
    eventsCorrected:
      'The address had a value we could not use, so you are seeing the current month without it.',
    nearest: (month: string) => `Show the nearest month with events: ${month}`,
    upcoming: 'Upcoming events',
    downloadIcs: 'Download .ics file',
    googleCalendar: 'Google Calendar',
    openMap: 'Open in OpenStreetMap',
    subscribe: 'Subscribe to the calendar (iCalendar feed)',
    // Quick windows, free entry, filtered feeds, Outlook.
    filterWhen: 'When',
    filterEntry: 'Entry',
    anyDate: 'Any date',
    whenToday: 'Today',
    whenWeekend: 'This weekend',
    whenWeek: 'Next 7 days',
    freeEntry: 'Free entry',
    showAllDates: 'Show all dates',
    includePaid: 'Include paid events',
    windowEmpty: (dates: string) => `No matching events on these dates (${dates}).`,
    eventsCorrectedDropped: 'The address had a value we could not use, so it was left out.',
    subscribeOnly: (name: string) => `Subscribe to “${name}” only`,
    outlookCalendar: 'Outlook Calendar',
  },
  ru: {
    siteName: 'Портал Беларуси',
    news: 'Новости',
    endonym: 'Русский',
    notInLanguage: 'Эта статья пока не переведена на русский язык.',
    readInEnglish: 'Оригинал на английском',
  },
  be: {
    siteName: 'Партал Беларусі',
    news: 'Навіны',
  },
} as const;

/** Title suffix of every page but home. */
export const titleOf = (lang: Lang, what: string) => `${what} — ${UI[lang].siteName}`;

// ---------- page helpers ----------

/** The view's main landmark. */
export const main = (page: Page) => page.getByRole('main');

/** The view's h1. */
export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Waits until the view has rendered real content: an h1, and no loading
 * skeleton (they are marked aria-busy) left in the main landmark.
 */
export async function contentReady(page: Page) {
  await appStarted(page);
  await expect(h1(page)).toBeVisible();
  await expect(main(page).locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * The app runs the page: on a prerendered page it has taken over (the
 * prerendered tree is gone, see src/handover.rs); on the shell it has
 * rendered its main landmark.
 */
export async function appStarted(page: Page) {
  await page.waitForFunction(
    () => !document.getElementById('prerendered') && document.getElementById('main') !== null,
  );
}

/**
 * Opens `path` the way a reader moving around the app does: from a page that
 * needs no API document, through a link the app's router follows. For
 * failures the app must handle itself (a first load has the prerendered
 * page to show instead).
 */
export async function openInApp(page: Page, path: string) {
  await page.goto('/en/saved');
  await appStarted(page);
  await followInApp(page, path);
}

/** Follows an in-app link to `path` from the view the app shows now. */
export async function followInApp(page: Page, path: string) {
  await page.evaluate((target) => {
    const link = document.createElement('a');
    link.href = target;
    link.textContent = 'go';
    document.getElementById('main')?.append(link);
    link.click();
    link.remove();
  }, path);
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** Titles of the story cards in the main landmark, in order. */
export function cardTitles(page: Page): Locator {
  return main(page).getByRole('article').getByRole('heading').getByRole('link');
}

/** Presses Tab until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      return presses;
    }
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`);
}
