// axe-core accessibility checks (WCAG 2.1 A and AA) on the main views, in
// every language, once the real content (not the skeleton) has rendered.
import {
  axe,
  cardTitles,
  contentReady,
  eventsIndex,
  eventsMonth,
  expect,
  h1,
  LANGS,
  main,
  newsPage,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<ReturnType<typeof axe>['analyze']>>;

/** One line per violation and node, readable in the test output. */
function summarize(violations: AxeResults['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

async function expectNoViolations(page: Page) {
  const results = await axe(page)
    .analyze();
  // axe must have looked at a real page, not an empty one.
  expect(results.passes.length).toBeGreaterThan(10);
  expect(summarize(results.violations)).toEqual([]);
}

for (const lang of LANGS) {
  test.describe(`axe (${lang})`, () => {
    test(`home /${lang}/`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      await contentReady(page);
      await expect(main(page).getByRole('article').first().getByRole('img')).toBeVisible();
      await expectNoViolations(page);
    });

    test(`feed /${lang}/news`, async ({ page }) => {
      await page.goto(`/${lang}/news`);
      await contentReady(page);
      await expect(cardTitles(page).first()).toBeVisible();
      await expect(main(page).getByRole('navigation').first().getByRole('link').first()).toBeVisible(); // category chips
      await expectNoViolations(page);
    });

    test(`article /${lang}/news/…`, async ({ page, request }) => {
      const { items } = await newsPage(request, lang);
      await page.goto(`/${lang}/news/${items[0].slug}`);
      await contentReady(page);
      await expect(h1(page)).toHaveText(items[0].title);
      // Save for offline and Share.
      await expect(main(page).getByRole('button')).toHaveCount(2);
      await expect(main(page).getByRole('button').last()).toBeVisible();
      await expectNoViolations(page);
    });

    test(`events calendar /${lang}/events`, async ({ page, request }) => {
      const index = await eventsIndex(request, lang);
      const busiest = index.months.reduce((a, b) => (b.count > a.count ? b : a)).month;
      await page.goto(`/${lang}/events?month=${busiest}`);
      await contentReady(page);
      await expect(page.getByRole('grid').locator('a').first()).toBeAttached();
      // With a day's list open and a "+N more" expanded, too.
      await page.getByRole('grid').locator('td[tabindex="0"]').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('grid').getByRole('button').first().click().catch(() => {});
      await expectNoViolations(page);
    });

    test(`events list /${lang}/events?view=list`, async ({ page, request }) => {
      const index = await eventsIndex(request, lang);
      const [category, region] = index.months[0].pairs[0].split('/');
      await page.goto(`/${lang}/events?month=${index.months[0].month}&category=${category}&region=${region}&view=list`);
      await contentReady(page);
      await expect(main(page).locator('.event-list').getByRole('link').first()).toBeVisible();
      await expectNoViolations(page);
    });

    test(`event /${lang}/events/…`, async ({ page, request }) => {
      const index = await eventsIndex(request, lang);
      const bucket = await eventsMonth(request, lang, index.months[0].month);
      const event = bucket.items[0];
      await page.goto(`/${lang}/events/${event.slug}`);
      await contentReady(page);
      await expect(h1(page)).toHaveText(event.title);
      await expectNoViolations(page);
    });
  });
}
