// Keyboard use: skip link, navigation and pager by Tab, the share button,
// and focus on the new view's heading after following a link.
import { cardTitles, contentReady, expect, h1, main, newsPage, tabTo, test, UI } from './fixtures';

const en = UI.en;

test('Tab from the top reaches the skip link, the main nav and the pager', async ({ page }) => {
  await page.goto('/en/news');
  await contentReady(page);

  const skip = page.getByRole('link', { name: en.skip });
  expect(await tabTo(page, skip, 1), 'the skip link is the first stop').toBe(1);
  await expect(skip).toBeInViewport(); // visible when focused

  const nav = page.getByRole('navigation', { name: en.mainNav });
  await tabTo(page, nav.getByRole('link', { name: en.home }), 5);
  await tabTo(page, nav.getByRole('link', { name: en.news }), 1);

  const pager = page.getByRole('navigation', { name: en.pages });
  await tabTo(page, pager.getByRole('link', { name: en.pageN(1), exact: true }));
  await tabTo(page, pager.getByRole('link', { name: en.pageN(2), exact: true }), 1);
  await expect(pager.getByRole('link', { name: en.pageN(2), exact: true })).toBeFocused();

  // Enter follows the focused pager link.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/news\?page=2$/);
  await expect(pager.getByRole('link', { name: en.pageN(2), exact: true })).toHaveAttribute('aria-current', 'page');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/en/');
  await contentReady(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: en.skip })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(main(page)).toBeFocused();
  await expect(page).toHaveURL(/\/en\/$/);
  // The next Tab continues inside the main content, not in the header.
  await page.keyboard.press('Tab');
  await expect(main(page).locator(':focus')).toHaveCount(1);
});

test.describe('sharing an article', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    // Headless Chromium on Linux has no share sheet, so the button takes the
    // copy-link path; make sure of it on any Chromium build.
    await context.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
  });

  test('Tab reaches the share button; activating it copies the link', async ({ page, request }) => {
    const { items } = await newsPage(request, 'en');
    await page.goto(`/en/news/${items[0].slug}`);
    await contentReady(page);

    const share = main(page).getByRole('button', { name: en.copyLink });
    await tabTo(page, share, 60);
    await expect(page.getByText(en.linkCopied)).toHaveCount(0);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status').filter({ hasText: en.linkCopied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });
});

test('after following a link, focus is on the new view heading', async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/');
  await contentReady(page);
  // A fresh load leaves focus alone.
  await expect(h1(page)).not.toBeFocused();

  await page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: en.news }).click();
  await expect(page).toHaveURL(/\/en\/news$/);
  await expect(h1(page)).toHaveText(en.news);
  await expect(h1(page)).toBeFocused();

  await cardTitles(page).first().click();
  await expect(h1(page)).toHaveText(items[0].title);
  await expect(h1(page)).toBeFocused();

  // Keyboard activation too: focus the breadcrumb "News" link and press Enter.
  const crumb = page.getByRole('navigation', { name: en.breadcrumbs }).getByRole('link', { name: en.news });
  await crumb.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/news$/);
  await expect(h1(page)).toHaveText(en.news);
  await expect(h1(page)).toBeFocused();
});
