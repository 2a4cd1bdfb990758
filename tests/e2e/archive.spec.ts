// The news archive (a compact month grid beside the feed, day pages) and
// scroll restoration on Back and Forward. Test data comes from the API.
import { axe, apiJson, cardTitles, contentReady, EN_MONTHS, expect, h1, main, test } from './fixtures';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';

type Archive = { days: { date: string; count: number }[] };
type Day = { date: string; items: { slug: string; title: string }[]; previous?: string; next?: string };

/** "12 November 2026" for `2026-11-12`. */
const enDate = (day: string) =>
  `${Number(day.slice(8, 10))} ${EN_MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

const archiveBox = (page: Page) => page.getByRole('region', { name: 'News archive' });

type Years = { years: { year: number; first: string; last: string }[] };

/** Answers years.json with the published years and one before them, whose
 * only day with news is `day` (the sample's news are all in one year). */
async function withEarlierYear(context: BrowserContext, request: APIRequestContext, day: string, articles: number) {
  const years = await apiJson<Years>(request, 'en/news/archive/years.json');
  await context.route('**/api/v1/en/news/archive/years.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        years: [{ year: Number(day.slice(0, 4)), first: day, last: day, days: 1, articles }, ...years.years],
      }),
    }),
  );
}

test('the archive calendar beside the feed links the days with news', async ({ page, request }) => {
  const archive = await apiJson<Archive>(request, 'en/news/archive/index.json');
  const last = archive.days.at(-1)!;
  await page.goto('/en/news');
  await contentReady(page);
  const box = archiveBox(page);
  await expect(box.getByRole('grid')).toBeVisible();
  // It opens on the latest month with news; every day with news is a link.
  const month = last.date.slice(0, 7);
  const inMonth = archive.days.filter((d) => d.date.startsWith(month));
  await expect(box.getByRole('grid').locator('a')).toHaveCount(inMonth.length);
  await box.getByRole('grid').locator(`a[href="/en/news/archive/${last.date}"]`).click();
  await expect(page).toHaveURL(`/en/news/archive/${last.date}`);
  await expect(h1(page)).toHaveText(`News of ${enDate(last.date)}`);
  await expect(cardTitles(page)).toHaveCount(last.count);
});

test('the calendar loads the years and the year it shows, never the whole index', async ({ page, context }) => {
  const asked: string[] = [];
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/news/archive/')) asked.push(path.replace(/^.*\/news\/archive\//, ''));
  });
  await page.goto('/en/news');
  await contentReady(page);
  await expect(archiveBox(page).getByRole('grid').locator('a').first()).toBeVisible();
  expect(asked).toContain('years.json');
  expect(asked.some((name) => /^year\/\d{4}\.json$/.test(name))).toBe(true);
  expect(asked).not.toContain('index.json');
});

test('paging into another year fetches its days; a failure there offers Retry', async ({ page, context, request }) => {
  const latest = (await apiJson<Years>(request, 'en/news/archive/years.json')).years.at(-1)!.year;
  const earlier = latest - 1;
  const day = `${earlier}-12-30`;
  await withEarlierYear(context, request, day, 2);
  let fail = true;
  await context.route(`**/api/v1/en/news/archive/year/${earlier}.json`, (route) =>
    fail
      ? route.fulfill({ status: 500, body: 'down' })
      : route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ year: earlier, days: [{ date: day, count: 2 }] }),
        }),
  );
  await page.goto('/en/news');
  await contentReady(page);
  const box = archiveBox(page);
  await expect(box.getByRole('grid')).toBeVisible();
  const december = `December ${earlier}`;
  while (!(await box.getByText(december, { exact: true }).isVisible())) {
    await box.getByRole('button', { name: 'Previous month' }).click();
  }
  await expect(box.getByRole('button', { name: 'Try again' })).toBeVisible();
  fail = false;
  await box.getByRole('button', { name: 'Try again' }).click();
  const link = box.getByRole('grid').locator(`a[href="/en/news/archive/${day}"]`);
  await expect(link).toHaveAccessibleName(`${enDate(day)}, 2 articles`);
  await link.click();
  await expect(page).toHaveURL(`/en/news/archive/${day}`);
});

test('paging back and forth across New Year fetches each year once', async ({ page, context, request }) => {
  const latest = (await apiJson<Years>(request, 'en/news/archive/years.json')).years.at(-1)!;
  const earlier = latest.year - 1;
  const day = `${earlier}-12-30`;
  await withEarlierYear(context, request, day, 1);
  // Counted where they reach the network (the service worker's fetches too).
  const asked: string[] = [];
  await context.route(`**/api/v1/en/news/archive/year/${earlier}.json`, (route) => {
    asked.push(String(earlier));
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ year: earlier, days: [{ date: day, count: 1 }] }),
    });
  });
  await context.route(`**/api/v1/en/news/archive/year/${latest.year}.json`, (route) => {
    asked.push(String(latest.year));
    return route.continue();
  });
  // Open on January of the latest year, one step from the earlier year.
  const january = `${latest.year}-01-01`;
  await page.goto(`/en/news/archive/${january}`);
  await contentReady(page);
  const box = archiveBox(page);
  await expect(box.getByText(`January ${latest.year}`, { exact: true })).toBeVisible();
  const link = box.getByRole('grid').locator(`a[href="/en/news/archive/${day}"]`);
  for (let round = 0; round < 2; round += 1) {
    await box.getByRole('button', { name: 'Previous month' }).click();
    await expect(link).toBeVisible();
    await box.getByRole('button', { name: 'Next month' }).click();
    await expect(box.getByText(`January ${latest.year}`, { exact: true })).toBeVisible();
    await expect(link).toHaveCount(0);
  }
  expect(asked.filter((year) => year === String(earlier))).toHaveLength(1);
  expect(asked.filter((year) => year === String(latest.year))).toHaveLength(1);
});

test('the keyboard crossing into another year keeps its place while the year arrives', async ({ page, context, request }) => {
  const last = (await apiJson<Years>(request, 'en/news/archive/years.json')).years.at(-1)!.last;
  const earlier = Number(last.slice(0, 4)) - 1;
  const sameDay = `${earlier}${last.slice(4)}`;
  await withEarlierYear(context, request, sameDay, 1);
  await context.route(`**/api/v1/en/news/archive/year/${earlier}.json`, async (route) => {
    // Slow enough for the grid to be drawn before the days arrive.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ year: earlier, days: [{ date: sameDay, count: 1 }] }),
    });
  });
  await page.goto(`/en/news/archive/${last}`);
  await contentReady(page);
  const grid = archiveBox(page).getByRole('grid');
  await grid.locator('td[tabindex="0"]').focus();
  await page.keyboard.press('Shift+PageUp');
  const cell = grid.locator(`td[data-date="${sameDay}"]`);
  await expect(cell.locator('a')).toBeVisible();
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/en/news/archive/${sameDay}`);
});

test('a day page lists that day and steps to the neighbouring days', async ({ page, context, request }) => {
  const archive = await apiJson<Archive>(request, 'en/news/archive/index.json');
  const middle = archive.days[Math.floor(archive.days.length / 2)].date;
  const day = await apiJson<Day>(request, `en/news/archive/${middle}.json`);
  await page.goto(`/en/news/archive/${middle}`);
  await contentReady(page);
  await expect(cardTitles(page)).toHaveText(day.items.map((item) => item.title));
  let calendarLoads = 0;
  context.on('request', (request) => {
    if (request.url().endsWith('/news/archive/years.json')) calendarLoads += 1;
  });
  await main(page).getByRole('link', { name: 'Previous day with news' }).click();
  await expect(page).toHaveURL(`/en/news/archive/${day.previous}`);
  await expect(h1(page)).toHaveText(`News of ${enDate(day.previous!)}`);
  await expect(h1(page)).toBeFocused();
  // A day of the same year: the calendar's documents are not loaded again.
  if (day.previous!.slice(0, 4) === middle.slice(0, 4)) expect(calendarLoads).toBe(0);
  await main(page).getByRole('link', { name: 'Next day with news' }).click();
  await expect(page).toHaveURL(`/en/news/archive/${middle}`);
});

test('the archive grid has the events grid keyboard model; Enter opens a day', async ({ page, request }) => {
  const archive = await apiJson<Archive>(request, 'en/news/archive/index.json');
  const last = archive.days.at(-1)!.date;
  const previousMonth = archive.days.filter((d) => d.date.slice(0, 7) < last.slice(0, 7)).at(-1)!;
  await page.goto(`/en/news/archive/${last}`);
  await contentReady(page);
  const grid = archiveBox(page).getByRole('grid');
  await grid.locator('td[tabindex="0"]').focus();
  await expect(grid.locator('td[tabindex="0"]')).toHaveAttribute('data-date', last);
  await page.keyboard.press('PageUp');
  const monthName = `${EN_MONTHS[Number(previousMonth.date.slice(5, 7)) - 1]} ${previousMonth.date.slice(0, 4)}`;
  await expect(archiveBox(page).getByText(monthName, { exact: true })).toBeVisible();
  // The page itself did not change.
  await expect(page).toHaveURL(`/en/news/archive/${last}`);
  await grid.locator(`td[data-date="${previousMonth.date}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/en/news/archive/${previousMonth.date}`);
});

test('an invalid or empty date says so and points to the nearest day with news', async ({ page, request }) => {
  const archive = await apiJson<Archive>(request, 'en/news/archive/index.json');
  await page.goto('/en/news/archive/2026-13-45');
  await contentReady(page);
  await expect(main(page).getByText('“2026-13-45” is not a date we can show.', { exact: false })).toBeVisible();
  await expect(main(page).getByRole('link', { name: /^The nearest day with news: / })).toBeVisible();

  // A real date without news: the day before the first day with news.
  const first = archive.days[0].date;
  const before = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/en/news/archive/${before}`);
  await contentReady(page);
  await expect(main(page).getByText(`There is no news on ${enDate(before)}.`)).toBeVisible();
  await main(page).getByRole('link', { name: `The nearest day with news: ${enDate(first)}` }).click();
  await expect(page).toHaveURL(`/en/news/archive/${first}`);
});

test('axe: a day page with the archive calendar', async ({ page, request }) => {
  const archive = await apiJson<Archive>(request, 'ru/news/archive/index.json');
  await page.goto(`/ru/news/archive/${archive.days.at(-1)!.date}`);
  await contentReady(page);
  const results = await axe(page).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('Back returns to the exact scroll position; a new page starts at the top', async ({ page }) => {
  await page.goto('/en/news');
  await contentReady(page);
  await expect(cardTitles(page).nth(9)).toBeVisible();
  // Scroll so that a card further down is on screen, and open it.
  const target = cardTitles(page).nth(9);
  await target.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 120);
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(800);
  await target.click();
  await expect(page).toHaveURL(/\/en\/news\/[a-z0-9-]+$/);
  await expect(h1(page)).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(page).toHaveURL('/en/news');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);

  await page.goForward();
  await expect(h1(page)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
});
