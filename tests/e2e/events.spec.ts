// The events calendar: month navigation and its URL, the date grid's
// keyboard model, "+N more", filters, list view, the event page with its
// .ics download (made in the page from the event's document, read back by
// an independent parser, ical.js) and bad parameters.
// Test data is picked from the published API, never hard-coded.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import {
  contentReady,
  currentMonth,
  dayOf,
  daysOf,
  eventDetail,
  eventsIndex,
  eventsMonth,
  EN_MONTHS,
  expect,
  h1,
  main,
  monthTitle,
  pinClock,
  PINNED_DATE,
  axe,
  tabTo,
  test,
  UI,
  type EventSummary,
} from './fixtures';
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Saturday, 12 December 2026" for `2026-12-12`, as the app writes it. */
function enDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${EN_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `yyyy-mm` shifted by `n` months. */
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const grid = (page: Page) => main(page).getByRole('grid');
const cell = (page: Page, day: string) => grid(page).locator(`td[data-date="${day}"]`);
const monthHeading = (page: Page) => main(page).getByRole('heading', { level: 2 }).first();

/** Events of more than a week are listed beside the grid, not in its days. */
const isLongRunning = (event: EventSummary) => daysOf(event).length > 8;

/**
 * The day with the most events of its own (long-running ones aside):
 * `[month, day, those events]`.
 */
async function busiestDay(request: APIRequestContext): Promise<[string, string, EventSummary[]]> {
  const index = await eventsIndex(request, 'en');
  let best: [string, string, EventSummary[]] = ['', '', []];
  for (const { month } of index.months) {
    const bucket = await eventsMonth(request, 'en', month);
    const byDay = new Map<string, EventSummary[]>();
    for (const event of bucket.items.filter((e) => !isLongRunning(e))) {
      for (const day of daysOf(event).filter((d) => d.startsWith(month))) {
        byDay.set(day, [...(byDay.get(day) ?? []), event]);
      }
    }
    for (const [day, events] of byDay) {
      if (events.length > best[2].length) best = [month, day, events];
    }
  }
  return best;
}

test('opens on the current month; previous, next and This month change the URL', async ({ page }) => {
  await page.goto('/en/events');
  await contentReady(page);
  const now = await currentMonth(page);
  await expect(h1(page)).toHaveText(UI.en.events);
  await expect(monthHeading(page)).toHaveText(monthTitle(now));
  await expect(grid(page)).toBeVisible();

  await main(page).getByRole('link', { name: UI.en.nextMonth }).click();
  await expect(page).toHaveURL(`/en/events?month=${addMonths(now, 1)}`);
  await expect(monthHeading(page)).toHaveText(monthTitle(addMonths(now, 1)));
  // The month heading is a live region: screen readers hear the change.
  await expect(monthHeading(page)).toHaveAttribute('aria-live', 'polite');

  await main(page).getByRole('link', { name: UI.en.previousMonth }).click();
  await main(page).getByRole('link', { name: UI.en.previousMonth }).click();
  await expect(page).toHaveURL(`/en/events?month=${addMonths(now, -1)}`);
  await expect(monthHeading(page)).toHaveText(monthTitle(addMonths(now, -1)));

  await main(page).getByRole('link', { name: UI.en.today }).click();
  await expect(page).toHaveURL(`/en/events?month=${now}`);
  await expect(monthHeading(page)).toHaveText(monthTitle(now));
  await expect(grid(page).locator('[aria-current="date"]')).toHaveCount(1);

  await page.goBack();
  await expect(monthHeading(page)).toHaveText(monthTitle(addMonths(now, -1)));
});

test('the grid has one tab stop and the date-grid keyboard model, across a month boundary', async ({ page }) => {
  await page.goto('/en/events?month=2026-12');
  await contentReady(page);
  // Weekday header in the reader's language; en-GB starts on Monday.
  await expect(grid(page).getByRole('columnheader').first()).toHaveText('Mon');
  await expect(grid(page).locator('td[tabindex="0"]')).toHaveCount(1);
  await tabTo(page, grid(page).locator('td[tabindex="0"]'));
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
  expect(await focused()).toBe('2026-12-01');

  await page.keyboard.press('End');
  expect(await focused()).toBe('2026-12-06');
  await page.keyboard.press('Home');
  expect(await focused()).toBe('2026-11-30');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe('2026-12-08');

  // Down from the last week crosses into January: the URL follows and focus
  // stays on the new day.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL('/en/events?month=2027-01');
  await expect(monthHeading(page)).toHaveText('January 2027');
  await expect.poll(focused).toBe('2027-01-05');
  await expect(grid(page).locator('td[tabindex="0"]')).toHaveAttribute('data-date', '2027-01-05');

  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL('/en/events?month=2026-12');
  await expect.poll(focused).toBe('2026-12-05');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL('/en/events?month=2027-01');
  await expect.poll(focused).toBe('2027-01-05');
  // Tab leaves the grid in one step.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role=grid]') === null)).toBe(true);
});

test('Enter on a day lists its events; every event link names its date', async ({ page, request }) => {
  const [month, day, events] = await busiestDay(request);
  await page.goto(`/en/events?month=${month}`);
  await contentReady(page);
  await cell(page, day).focus();
  await page.keyboard.press('Enter');
  const panel = main(page).getByRole('region', { name: UI.en.dayHeading(enDay(day)) });
  await expect(panel).toBeVisible();
  await expect(page.locator(':focus')).toHaveText(UI.en.dayHeading(enDay(day)));
  const bucket = await eventsMonth(request, 'en', month);
  const all = bucket.items.filter((e) => daysOf(e).includes(day));
  await expect(panel.getByRole('listitem')).toHaveCount(all.length);
  for (const event of all) {
    await expect(panel.getByRole('link', { name: event.title, exact: true })).toBeVisible();
  }
  // Inside the grid, each link's accessible name carries the date.
  const inCell = cell(page, day).getByRole('link').first();
  await expect(inCell).toHaveAccessibleName(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
});

test('a busy day shows three events and "+N more" reveals the rest in place', async ({ page, request }) => {
  const [month, day, events] = await busiestDay(request);
  expect(events.length, 'sample content has a day with more than 3 events').toBeGreaterThan(3);
  await page.goto(`/en/events?month=${month}`);
  await contentReady(page);
  const more = cell(page, day).getByRole('button', { name: UI.en.more(events.length - 3) });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(cell(page, day).locator('a')).toHaveCount(events.length);
  const visibleLinks = cell(page, day).locator('a:visible');
  await expect(visibleLinks).toHaveCount(3);
  await more.click();
  await expect(cell(page, day).getByRole('button', { name: UI.en.showLess })).toHaveAttribute('aria-expanded', 'true');
  await expect(visibleLinks).toHaveCount(events.length);
  await expect(page).toHaveURL(`/en/events?month=${month}`);
});

test('a multi-day event is on every day it covers, as one bar', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  let found: [string, EventSummary] | undefined;
  for (const { month } of index.months) {
    const bucket = await eventsMonth(request, 'en', month);
    const event = bucket.items.find(
      (e) => daysOf(e).length >= 3 && !isLongRunning(e) && daysOf(e).every((d) => d.startsWith(month)),
    );
    if (event) {
      found = [month, event];
      break;
    }
  }
  expect(found, 'sample content has a multi-day event within one month').toBeTruthy();
  const [month, event] = found!;
  await page.goto(`/en/events?month=${month}`);
  await contentReady(page);
  const days = daysOf(event);
  for (const day of days) {
    // The link's name: its visible time (if any) and title, then the dates.
    // (Chromium puts a space before the hidden part: "Title , 10–14 July".)
    const name = new RegExp(`(^| )${event.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ?, `);
    await expect(cell(page, day).getByRole('link', { name })).toHaveCount(1);
  }
  // The bar joins its neighbours inside a week row.
  const joined = grid(page).locator('.day-event--joins-before').filter({ has: page.locator(`a[href$="/${event.slug}"]`) });
  expect(await joined.count()).toBeGreaterThan(0);
});

test('long-running events are listed once beside the grid and in each day\'s list', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  let found: [string, EventSummary] | undefined;
  for (const { month } of index.months) {
    const event = (await eventsMonth(request, 'en', month)).items.find(isLongRunning);
    if (event) {
      found = [month, event];
      break;
    }
  }
  expect(found, 'sample content has an event running more than a week').toBeTruthy();
  const [month, event] = found!;
  await page.goto(`/en/events?month=${month}`);
  await contentReady(page);
  const section = main(page).getByRole('region', { name: 'Long-running events' });
  await expect(section.getByRole('link', { name: event.title, exact: true })).toBeVisible();
  const day = daysOf(event).find((d) => d.startsWith(month))!;
  await cell(page, day).focus();
  await page.keyboard.press('Enter');
  const panel = main(page).getByRole('region', { name: UI.en.dayHeading(enDay(day)) });
  await expect(panel.getByRole('link', { name: event.title, exact: true })).toBeVisible();
});

test('events crossing a month boundary are in both months', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  let crossing: EventSummary | undefined;
  for (const { month } of index.months) {
    const bucket = await eventsMonth(request, 'en', month);
    crossing = bucket.items.find(
      (e) => !isLongRunning(e) && daysOf(e).at(-1)!.slice(0, 7) > month && daysOf(e)[0].startsWith(month),
    );
    if (crossing) break;
  }
  expect(crossing, 'sample content has an event that crosses a month boundary').toBeTruthy();
  const days = daysOf(crossing!);
  for (const day of [days[0], days.at(-1)!]) {
    await page.goto(`/en/events?month=${day.slice(0, 7)}`);
    await contentReady(page);
    await expect(cell(page, day).locator(`a[href$="/${crossing!.slug}"]`)).toHaveCount(1);
  }
});

test('filters combine, live in the URL, survive reload and are removable', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  const entry = index.months.find((m) => m.pairs.length > 2)!;
  const [categorySlug, regionSlug] = entry.pairs[0].split('/');
  const category = index.categories.find((c) => c.slug === categorySlug)!;
  const region = index.regions.find((r) => r.slug === regionSlug)!;
  const bucket = await eventsMonth(request, 'en', entry.month);
  const matching = bucket.items.filter((e) => e.category.slug === categorySlug && e.region.slug === regionSlug);

  await page.goto(`/en/events?month=${entry.month}&view=list`);
  await contentReady(page);
  await main(page).getByRole('navigation', { name: UI.en.filterCategory }).getByRole('link', { name: category.name, exact: true }).click();
  await expect(page).toHaveURL(`/en/events?month=${entry.month}&category=${categorySlug}&view=list`);
  await main(page).getByRole('navigation', { name: UI.en.filterRegion }).getByRole('link', { name: region.name, exact: true }).click();
  const filtered = `/en/events?month=${entry.month}&category=${categorySlug}&region=${regionSlug}&view=list`;
  await expect(page).toHaveURL(filtered);
  const titles = main(page).locator('.event-list').getByRole('heading', { level: 4 });
  await expect(titles).toHaveCount(matching.length);
  await page.reload();
  await contentReady(page);
  await expect(titles).toHaveCount(matching.length);
  await expect(main(page).getByRole('navigation', { name: UI.en.filterRegion }).getByRole('link', { name: region.name, exact: true })).toHaveAttribute('aria-current', 'true');

  await main(page).getByRole('link', { name: UI.en.removeFilter(category.name) }).click();
  await expect(page).toHaveURL(`/en/events?month=${entry.month}&region=${regionSlug}&view=list`);
  const inRegion = bucket.items.filter((e) => e.region.slug === regionSlug);
  await expect(titles).toHaveCount(inRegion.length);
});

test('an empty month suggests the nearest month with matching events', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  const last = index.months.at(-1)!.month;
  const far = addMonths(last, 3);
  await page.goto(`/en/events?month=${far}`);
  await contentReady(page);
  await expect(grid(page)).toBeVisible();
  const suggestion = main(page).getByRole('link', { name: UI.en.nearest(monthTitle(last)) });
  await suggestion.click();
  await expect(page).toHaveURL(`/en/events?month=${last}`);
  await expect(monthHeading(page)).toHaveText(monthTitle(last));
});

test('the list view groups the month by day', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  const month = index.months.reduce((a, b) => (b.count > a.count ? b : a)).month;
  const bucket = await eventsMonth(request, 'en', month);
  await page.goto(`/en/events?month=${month}`);
  await contentReady(page);
  await main(page).getByRole('navigation', { name: 'View' }).getByRole('link', { name: UI.en.viewList }).click();
  await expect(page).toHaveURL(`/en/events?month=${month}&view=list`);
  await expect(grid(page)).toHaveCount(0);
  await expect(main(page).locator('.event-list').getByRole('heading', { level: 4 })).toHaveCount(bucket.items.length);
  const first = bucket.items[0];
  const firstDay = daysOf(first)[0] < `${month}-01` ? `${month}-01` : daysOf(first)[0];
  await expect(main(page).getByRole('heading', { level: 3, name: enDay(firstDay) })).toBeVisible();
});

test('a malformed month falls back to the current month with a notice', async ({ page }) => {
  await page.goto('/en/events?month=2024-13');
  await contentReady(page);
  await expect(main(page).getByRole('status').filter({ hasText: UI.en.eventsCorrected })).toBeVisible();
  await expect(monthHeading(page)).toHaveText(monthTitle(await currentMonth(page)));
  await expect(grid(page)).toBeVisible();
});

test('the event page shows when, where, price and related events; the .ics matches', async ({ page, request }) => {
  const [month, , events] = await busiestDay(request);
  const timed = events.find((e) => !e.all_day) ?? events[0];
  const detail = await eventDetail(request, 'en', timed.slug);
  await page.goto(`/en/events?month=${month}&view=list`);
  await contentReady(page);
  await main(page).getByRole('link', { name: timed.title, exact: true }).first().click();
  await expect(page).toHaveURL(`/en/events/${timed.slug}`);
  await expect(h1(page)).toHaveText(detail.title);
  await expect(h1(page)).toBeFocused();
  const facts = main(page).getByRole('region', { name: 'Event details' });
  // The organiser may be the venue itself: the name can appear twice.
  await expect(facts.getByText(detail.venue.name, { exact: true }).first()).toBeVisible();
  await expect(facts.getByText(detail.venue.address, { exact: true })).toBeVisible();
  await expect(facts.getByText(detail.price ?? 'Free', { exact: true })).toBeVisible();
  const map = main(page).getByRole('link', { name: UI.en.openMap });
  const mapUrl = new URL((await map.getAttribute('href'))!);
  expect(mapUrl.hostname).toBe('www.openstreetmap.org');
  expect(Number(mapUrl.searchParams.get('mlat'))).toBeCloseTo(detail.venue.lat, 4);
  expect(Number(mapUrl.searchParams.get('mlon'))).toBeCloseTo(detail.venue.lon, 4);
  const google = main(page).getByRole('link', { name: UI.en.googleCalendar });
  await expect(google).toHaveAttribute('href', /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=/);
  await expect(google).toHaveAttribute('href', /ctz=Europe%2FMinsk/);
  if (detail.related.length) {
    await expect(main(page).getByRole('heading', { name: 'More events around this time' })).toBeVisible();
  }

  // No request: the file is in the link itself, so it works offline too.
  const icsLink = main(page).getByRole('link', { name: UI.en.downloadIcs });
  await expect(icsLink).toHaveAttribute('href', /^data:text\/calendar;charset=utf-8,BEGIN%3AVCALENDAR%0D%0A/);
  const [download] = await Promise.all([page.waitForEvent('download'), icsLink.click()]);
  expect(download.suggestedFilename()).toBe(`${timed.slug}.ics`);
  const text = readFileSync((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  expect(event.summary).toBe(detail.title);
  expect(event.uid).toBe(`${timed.slug}@events.portal`);
  expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
  expect(event.location).toContain(detail.venue.name);
  expect(event.description).toContain(detail.summary);
  expect(vevent.getFirstPropertyValue('url')).toBe(new URL(`/en/events/${timed.slug}`, page.url()).href);
  if (detail.all_day) {
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe(dayOf(detail.starts));
  } else {
    // Resolved through the file's own VTIMEZONE: the same instant as the API's.
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Minsk');
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    event.startDate.zone = zone;
    expect(event.startDate.toUnixTime()).toBe(Date.parse(detail.starts) / 1000);
  }
});

test('an unknown event is a not-found page', async ({ page }) => {
  await page.goto('/en/events/no-such-event');
  await expect(h1(page)).toHaveText(UI.en.notFound);
});

test('home shows upcoming events that have not ended', async ({ page }) => {
  await page.goto('/en/');
  await contentReady(page);
  const block = main(page).getByRole('region', { name: UI.en.upcoming });
  await expect(block.getByRole('listitem').first()).toBeVisible();
  const links = block.getByRole('listitem').getByRole('link');
  expect(await links.count()).toBeGreaterThan(0);
  await links.first().click();
  await expect(page).toHaveURL(/\/en\/events\/[a-z0-9-]+$/);
});

test('the events page links the subscribable calendar, which parses', async ({ page, request }) => {
  await page.goto('/en/events');
  await contentReady(page);
  const href = await main(page).getByRole('link', { name: UI.en.subscribe }).getAttribute('href');
  expect(href).toBe('/api/v1/en/events/calendar.ics');
  const response = await request.get(href!);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(5);
});

test('week starts follow the language and, in English, the reader\'s locale', async ({ browser }) => {
  for (const [locale, lang, first] of [
    ['en-US', 'en', 'Sun'],
    ['en-GB', 'en', 'Mon'],
    ['en-US', 'ru', 'Пн'],
    ['en-US', 'be', 'Пн'],
  ] as const) {
    const context = await browser.newContext({ locale });
    await pinClock(context);
    const page = await context.newPage();
    await page.goto(`/${lang}/events?month=2026-12`);
    await expect(page.getByRole('grid').getByRole('columnheader').first()).toHaveText(first);
    await context.close();
  }
});

// ---------- quick windows, free entry, filtered feeds, Outlook ----------

type Window = 'today' | 'weekend' | 'week';
const WINDOW_NAMES: Record<Window, string> = {
  today: UI.en.whenToday,
  weekend: UI.en.whenWeekend,
  week: UI.en.whenWeek,
};

/** `yyyy-mm-dd` shifted by `n` days. */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A window's first and last day, written from the rule rather than from the
 * app: Today; the next 7 days from today; the weekend under way on Saturday
 * and Sunday, from today on Friday, the coming one from Monday to Thursday.
 */
function windowRange(when: Window, today: string): [string, string] {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  if (when === 'today') return [today, today];
  if (when === 'week') return [today, addDays(today, 6)];
  const sunday = addDays(today, (7 - weekday) % 7);
  const first = weekday === 0 || weekday >= 5 ? today : addDays(today, 6 - weekday);
  return [first, sunday];
}

/** The events of the months a range touches, each once, from the API. */
async function eventsIn(request: APIRequestContext, lang: 'en' | 'ru', [first, last]: [string, string]) {
  const index = await eventsIndex(request, lang);
  const months = [...new Set([first.slice(0, 7), last.slice(0, 7)])].filter((m) =>
    index.months.some((entry) => entry.month === m),
  );
  const bySlug = new Map<string, EventSummary>();
  for (const month of months) {
    for (const event of (await eventsMonth(request, lang, month)).items) bySlug.set(event.slug, event);
  }
  return [...bySlug.values()].filter((event) => daysOf(event).some((day) => day >= first && day <= last));
}

/** What the list should show: day → titles, each event under its first day in the range. */
function expectedDays(events: EventSummary[], first: string): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const event of events) {
    const day = daysOf(event)[0] < first ? first : daysOf(event)[0];
    days.set(day, [...(days.get(day) ?? []), event.title]);
  }
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

/** The list as shown: day heading → event titles, in page order. */
async function shownDays(page: Page): Promise<[string, string[]][]> {
  const sections = main(page).locator('.event-list__day');
  const out: [string, string[]][] = [];
  for (let i = 0; i < (await sections.count()); i++) {
    const section = sections.nth(i);
    const heading = (await section.getByRole('heading', { level: 3 }).textContent())!.trim();
    const titles = await section.getByRole('heading', { level: 4 }).allTextContents();
    out.push([heading, titles.map((t) => t.trim())]);
  }
  return out;
}

const whenNav = (page: Page) => main(page).getByRole('navigation', { name: UI.en.filterWhen });
const entryNav = (page: Page) => main(page).getByRole('navigation', { name: UI.en.filterEntry });

/** A page whose clock starts at noon in Minsk on `day` (a context of its own). */
async function pageOn(browser: Browser, day: string): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext();
  await context.clock.install({ time: Date.parse(`${day}T12:00:00+03:00`) });
  return [context, await context.newPage()];
}

/** A Thursday of the sample's busiest month: today, the weekend and the week all differ. */
const BUSY_THURSDAY = '2026-12-17';

test('quick windows list exactly the events of their days, by day: on the pinned date and a busy Thursday', async ({ page: pinnedPage, browser, request }) => {
  for (const today of [PINNED_DATE, BUSY_THURSDAY]) {
    const [context, page] = today === PINNED_DATE ? [null, pinnedPage] : await pageOn(browser, today);
    await checkWindows(page, request, today);
    await context?.close();
  }
});

async function checkWindows(page: Page, request: APIRequestContext, today: string) {
  const seen = new Set<string>();
  // The sample must give each window something to show, or this test
  // would pass on an empty list.
  for (const when of ['today', 'weekend', 'week'] as Window[]) {
    const range = windowRange(when, today);
    const events = await eventsIn(request, 'en', range);
    expect(events.length, when).toBeGreaterThan(0);
    await page.goto(`/en/events?when=${when}&view=list`);
    await contentReady(page);
    await expect(whenNav(page).getByRole('link', { name: WINDOW_NAMES[when], exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(whenNav(page).getByRole('link', { name: UI.en.anyDate })).not.toHaveAttribute('aria-current', 'true');
    const expected = expectedDays(events, range[0]);
    const shown = await shownDays(page);
    expect(shown.map(([day]) => day), when).toEqual([...expected.keys()].map(enDay));
    for (const [i, [day, titles]] of [...expected].entries()) {
      expect(shown[i][1].slice().sort(), `${when} ${day}`).toEqual(titles.slice().sort());
    }
    await expect(page).toHaveTitle(`Events — ${WINDOW_NAMES[when]} — ${UI.en.siteName}`);
    seen.add(JSON.stringify(shown));
  }
  if (today === BUSY_THURSDAY) expect(seen.size, 'three different lists').toBe(3);
}

test('windows combine with free entry, category and region in one canonical URL; chips remove them', async ({ browser, request }) => {
  // The pinned date's week has no free event; a December Thursday's has.
  const [context, page] = await pageOn(browser, BUSY_THURSDAY);
  const range = windowRange('week', BUSY_THURSDAY);
  const week = await eventsIn(request, 'en', range);
  const free = week.filter((e) => e.free);
  expect(free.length).toBeGreaterThan(0);
  expect(free.length).toBeLessThan(week.length);
  const { category } = free[0];
  const titles = main(page).locator('.event-list').getByRole('heading', { level: 4 });

  await page.goto('/en/events?view=list');
  await contentReady(page);
  await whenNav(page).getByRole('link', { name: UI.en.whenWeek }).click();
  await expect(page).toHaveURL('/en/events?when=week&view=list');
  await expect(titles).toHaveCount(week.length);
  await entryNav(page).getByRole('link', { name: UI.en.freeEntry }).click();
  await expect(page).toHaveURL('/en/events?when=week&free=1&view=list');
  await expect(entryNav(page).getByRole('link', { name: UI.en.freeEntry })).toHaveAttribute('aria-current', 'true');
  await expect(titles).toHaveCount(free.length);
  await main(page).getByRole('navigation', { name: UI.en.filterCategory }).getByRole('link', { name: category.name, exact: true }).click();
  await expect(page).toHaveURL(`/en/events?when=week&category=${category.slug}&free=1&view=list`);
  const both = free.filter((e) => e.category.slug === category.slug);
  await expect(titles).toHaveCount(both.length);
  // The feed of the active category sits beside the calendar of everything.
  await expect(main(page).getByRole('link', { name: UI.en.subscribeOnly(category.name) })).toHaveAttribute(
    'href',
    `/api/v1/en/events/category/${category.slug}/calendar.ics`,
  );

  // The same state in the grid: the window's days stand out, the rest dimmed.
  await main(page).getByRole('navigation', { name: 'View' }).getByRole('link', { name: UI.en.viewCalendar }).click();
  await expect(page).toHaveURL(`/en/events?when=week&category=${category.slug}&free=1`);
  for (let i = -1; i <= 7; i++) {
    const day = addDays(range[0], i);
    const inside = i >= 0 && i <= 6;
    const dayCell = cell(page, day);
    if ((await dayCell.count()) === 0) continue;
    await expect(dayCell, day).toHaveClass(inside ? /^(?!.*month-grid__day--outside)/ : /month-grid__day--outside/);
  }
  // Each matching event is on the page (long-running ones beside the grid).
  for (const event of both) {
    await expect(main(page).getByRole('link', { name: event.title }).first()).toBeVisible();
  }

  await main(page).getByRole('link', { name: UI.en.removeFilter(UI.en.whenWeek) }).click();
  await expect(page).toHaveURL(`/en/events?category=${category.slug}&free=1`);
  await main(page).getByRole('link', { name: UI.en.removeFilter(UI.en.freeEntry) }).click();
  await expect(page).toHaveURL(`/en/events?category=${category.slug}`);
  await context.close();
});

test('an empty window says so and offers a way out', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  const today = await eventsIn(request, 'en', windowRange('today', PINNED_DATE));
  // A category with events somewhere but none today.
  const category = index.categories.find((c) => c.count > 0 && !today.some((e) => e.category.slug === c.slug))!;
  await page.goto(`/en/events?when=today&category=${category.slug}&free=1&view=list`);
  await contentReady(page);
  const status = main(page).getByRole('status').filter({ hasText: 'No matching events on these dates' });
  await expect(status).toBeVisible();
  await expect(main(page).locator('.event-list')).toHaveCount(0);
  await status.getByRole('link', { name: UI.en.includePaid }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/en/events?when=today&category=${category.slug}&view=list`);
  await main(page).getByRole('status').getByRole('link', { name: UI.en.showAllDates }).click();
  await expect(page).toHaveURL(`/en/events?month=${PINNED_DATE.slice(0, 7)}&category=${category.slug}&view=list`);
});

test('a malformed window or free value is dropped with a notice; a month beside a window is left out', async ({ page }) => {
  await page.goto('/en/events?when=tomorrow&free=yes&region=grodno');
  await contentReady(page);
  await expect(main(page).getByRole('status').filter({ hasText: UI.en.eventsCorrected })).toBeVisible();
  await expect(monthHeading(page)).toHaveText(monthTitle(PINNED_DATE.slice(0, 7)));
  await expect(whenNav(page).getByRole('link', { name: UI.en.anyDate })).toHaveAttribute('aria-current', 'true');
  await expect(main(page).getByRole('navigation', { name: UI.en.filterRegion }).getByRole('link', { name: 'Grodno Region' })).toHaveAttribute('aria-current', 'true');

  await page.goto('/en/events?month=2027-03&when=today&view=list');
  await contentReady(page);
  await expect(main(page).getByRole('status').filter({ hasText: UI.en.eventsCorrectedDropped })).toBeVisible();
  await expect(whenNav(page).getByRole('link', { name: UI.en.whenToday })).toHaveAttribute('aria-current', 'true');
  // Links from here are canonical again: no month beside the window.
  await expect(main(page).getByRole('navigation', { name: 'View' }).getByRole('link', { name: UI.en.viewCalendar })).toHaveAttribute('href', '/en/events?when=today');
});

test('the window and free-entry chips work from the keyboard; the filtered page is axe-clean', async ({ page }) => {
  await page.goto('/en/events?view=list');
  await contentReady(page);
  const weekend = whenNav(page).getByRole('link', { name: UI.en.whenWeekend });
  await tabTo(page, weekend);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/en/events?when=weekend&view=list');
  const free = entryNav(page).getByRole('link', { name: UI.en.freeEntry });
  await tabTo(page, free);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/en/events?when=weekend&free=1&view=list');
  await expect(main(page).locator('.event-list, .events-empty').first()).toBeVisible();
  const listResults = await axe(page).analyze();
  expect(listResults.violations).toEqual([]);
  await page.goto('/en/events?when=week&region=minsk-city');
  await contentReady(page);
  await expect(grid(page)).toBeVisible();
  const gridResults = await axe(page).analyze();
  expect(gridResults.violations).toEqual([]);
});

test('a week at the year\'s end reads both months and runs the grid on into January', async ({ browser, request }) => {
  const context = await browser.newContext();
  // Tuesday 29 December 2026, noon in Minsk.
  await context.clock.install({ time: Date.parse('2026-12-29T12:00:00+03:00') });
  const page = await context.newPage();
  const range: [string, string] = ['2026-12-29', '2027-01-04'];
  expect(windowRange('week', '2026-12-29')).toEqual(range);
  const events = await eventsIn(request, 'ru', range);
  expect(events.some((e) => daysOf(e)[0] >= '2027-01-01')).toBe(true);
  await page.goto('/ru/events?when=week&view=list');
  await expect(page.getByRole('main').locator('.event-list').getByRole('heading', { level: 4 })).toHaveCount(events.length);
  await page.goto('/ru/events?when=week');
  const lastDay = page.getByRole('grid').locator('td[data-date="2027-01-04"]');
  await expect(lastDay).toBeVisible();
  await expect(lastDay).not.toHaveClass(/month-grid__day--outside/);
  await expect(page.getByRole('grid').locator('td[data-date="2027-01-05"]')).toHaveClass(/month-grid__day--outside/);
  await context.close();
});

test('the region feed is offered for the active region and served as a named calendar', async ({ page, request }) => {
  const index = await eventsIndex(request, 'en');
  const region = index.regions.find((r) => r.count > 0)!;
  await page.goto(`/en/events?region=${region.slug}`);
  await contentReady(page);
  const link = main(page).getByRole('link', { name: UI.en.subscribeOnly(region.name) });
  const href = (await link.getAttribute('href'))!;
  expect(href).toBe(`/api/v1/en/events/region/${region.slug}/calendar.ics`);
  await expect(main(page).getByRole('link', { name: UI.en.subscribe })).toBeVisible();
  const response = await request.get(href);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Events in Belarus: ${region.name}`);
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const slug = String(vevent.getFirstPropertyValue('uid')).replace('@events.portal', '');
    expect((await eventDetail(request, 'en', slug)).region.slug).toBe(region.slug);
  }
});

test('the event page links Outlook beside Google, with the event\'s times, place and page', async ({ page, request }) => {
  const [, , events] = await busiestDay(request);
  for (const summary of [events.find((e) => !e.all_day)!, events.find((e) => e.all_day)].filter(Boolean) as EventSummary[]) {
    const detail = await eventDetail(request, 'en', summary.slug);
    await page.goto(`/en/events/${summary.slug}`);
    await contentReady(page);
    const group = main(page).getByRole('group', { name: 'Add to calendar' });
    await expect(group.getByRole('link', { name: UI.en.googleCalendar })).toBeVisible();
    const outlook = group.getByRole('link', { name: UI.en.outlookCalendar });
    const url = new URL((await outlook.getAttribute('href'))!);
    expect(url.origin + url.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    const params = url.searchParams;
    expect(params.get('rru')).toBe('addevent');
    expect(params.get('subject')).toBe(detail.title);
    expect(params.get('location')).toBe(`${detail.venue.name}, ${detail.venue.address}`);
    expect(params.get('body')).toContain(`/en/events/${summary.slug}`);
    if (detail.all_day) {
      expect(params.get('allday')).toBe('true');
      expect(params.get('startdt')).toBe(dayOf(detail.starts));
      expect(params.get('enddt')).toBe(addDays(daysOf(detail).at(-1)!, 1));
    } else {
      expect(params.get('allday')).toBe('false');
      // ISO 8601 with the offset: the same instant as the API's.
      expect(params.get('startdt')).toMatch(/[+-]\d\d:\d\d$/);
      expect(Date.parse(params.get('startdt')!)).toBe(Date.parse(detail.starts));
      if (detail.ends !== detail.starts) expect(Date.parse(params.get('enddt')!)).toBe(Date.parse(detail.ends));
    }
  }
});
