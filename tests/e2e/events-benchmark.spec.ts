// Benchmark, not a timed test: renders a month holding 500 events (served in
// place of the real month document) in headless Chromium and reports how long
// the grid and the list take to appear after the reader asks for them. The
// test checks that everything rendered; the times are printed and attached
// to the report, never asserted (machines differ).
import { contentReady, expect, main, test } from './fixtures';
import type { EventSummary } from './fixtures';

// The service worker would fetch the month itself, past page.route.
test.use({ serviceWorkers: 'block' });

const EVENTS = 500;
const MONTH = '2031-03';
const RUNS = 3;

/** 500 events over March 2031: about one in ten spans three days. */
function syntheticMonth(): { items: EventSummary[]; links: number } {
  const items: EventSummary[] = [];
  let links = 0;
  const categories = ['festivals', 'concerts', 'exhibitions', 'theatre', 'cinema', 'sport', 'fairs'];
  for (let i = 0; i < EVENTS; i++) {
    const day = 1 + (i % 29);
    const multi = i % 10 === 0 && day <= 26;
    const hour = 8 + (i % 12);
    const dd = String(day).padStart(2, '0');
    const hh = String(hour).padStart(2, '0');
    const starts = multi ? `${MONTH}-${dd}T00:00:00+03:00` : `${MONTH}-${dd}T${hh}:00:00+03:00`;
    const ends = multi
      ? `${MONTH}-${String(day + 3).padStart(2, '0')}T00:00:00+03:00`
      : `${MONTH}-${dd}T${String(hour + 2).padStart(2, '0')}:00:00+03:00`;
    links += multi ? 3 : 1;
    items.push({
      slug: `bench-${i}`,
      title: `Benchmark event ${i}`,
      summary: 'A synthetic event.',
      category: { slug: categories[i % 7], name: categories[i % 7] },
      region: { slug: 'minsk-city', name: 'Minsk' },
      starts,
      ends,
      all_day: multi,
      venue: 'Hall',
      free: i % 3 === 0,
    });
  }
  return { items, links };
}

test('benchmark: a month with 500 events', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { items, links } = syntheticMonth();
  const body = JSON.stringify({ month: MONTH, items });
  await page.route(`**/api/v1/en/events/month/${MONTH}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );

  const measure = async (view: string, ready: string, expected: number) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Start from another month, then follow a link to the big one: the
      // time covers fetching (from the route), decoding and rendering.
      await page.goto(`/en/events?month=2031-01${view}`);
      await contentReady(page);
      const start = await page.evaluate(() => performance.now());
      await page.evaluate(
        ([month, view]) => {
          history.pushState({}, '', `/en/events?month=${month}${view}`);
          dispatchEvent(new PopStateEvent('popstate'));
        },
        [MONTH, view],
      );
      const end = await page.waitForFunction(
        ([selector, n]) =>
          document.querySelectorAll(selector as string).length >= (n as number) ? performance.now() : null,
        [ready, expected] as const,
        { polling: 'raf', timeout: 60_000 },
      );
      times.push((await end.jsonValue()) - start);
    }
    times.sort((a, b) => a - b);
    return times;
  };

  const grid = await measure('', 'td[data-date] a.day-event__link', links);
  await expect(main(page).locator('td[data-date] a.day-event__link')).toHaveCount(links);
  const list = await measure('&view=list', '.event-list .event-row', EVENTS);
  await expect(main(page).locator('.event-list .event-row')).toHaveCount(EVENTS);

  const report =
    `month grid, ${EVENTS} events (${links} day entries): median ${grid[1].toFixed(0)} ms ` +
    `(runs: ${grid.map((t) => t.toFixed(0)).join(', ')} ms)\n` +
    `list view, ${EVENTS} events: median ${list[1].toFixed(0)} ms ` +
    `(runs: ${list.map((t) => t.toFixed(0)).join(', ')} ms)`;
  console.log(report);
  testInfo.annotations.push({ type: 'benchmark', description: report });
  await testInfo.attach('events-benchmark.txt', { body: report, contentType: 'text/plain' });
});
