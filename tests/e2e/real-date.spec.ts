// The one spec that runs on the machine's real clock, not the pinned day of
// every other test (fixtures.ts). The build under test was published on the
// pinned day, so this asserts only what holds on any date: the events view
// opens on the reader's current month, marks today, and today is its tab stop.
import { contentReady, expect, main, monthTitle, test } from './fixtures';

test.use({ pinnedClock: false });

test('on the real date, the events calendar opens on the current month and marks today', async ({ page, context }) => {
  // Under scripts/test with PORTAL_TEST_CLOCK, libfaketime fakes the machine
  // date for this runner but cannot run Chromium: the browser takes the
  // runner's (faked) clock. Otherwise both read the same real clock.
  if (process.env.FAKETIME) await context.clock.install({ time: Date.now() });
  await page.goto('/en/events');
  await contentReady(page);
  // Read the real date from the browser itself, as the app does.
  const today = await page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  await expect(main(page).getByRole('heading', { level: 2 }).first()).toHaveText(monthTitle(today.slice(0, 7)));
  const grid = main(page).getByRole('grid');
  await expect(grid.locator('[aria-current="date"]')).toHaveCount(1);
  await expect(grid.locator('[aria-current="date"]')).toHaveAttribute('data-date', today);
  await expect(grid.locator('td[tabindex="0"]')).toHaveAttribute('data-date', today);
});
