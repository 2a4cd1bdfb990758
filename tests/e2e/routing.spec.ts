// URLs as a contract: the root redirect, not-found views, malformed
// parameters, and what each route puts in <title> and the meta tags.
import {
  cardTitles,
  contentReady,
  expect,
  h1,
  main,
  newsPage,
  test,
  titleOf,
  UI,
  type Lang,
} from './fixtures';
import type { Page } from '@playwright/test';

const en = UI.en;

test.describe('the root redirects by browser language', () => {
  for (const [locale, lang] of [
    ['en-GB', 'en'],
    ['ru-RU', 'ru'],
    ['be-BY', 'be'],
    ['de-DE', 'en'],
  ] as const) {
    test.describe(() => {
      test.use({ locale });
      test(`${locale} → /${lang}/`, async ({ page }) => {
        await page.goto('/');
        await expect(page).toHaveURL(new RegExp(`/${lang}/$`));
        await contentReady(page);
        await expect(h1(page)).toHaveText(UI[lang].siteName);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
      });
    });
  }
});

async function expectNotFound(page: Page, homeHref = '/en/') {
  await expect(h1(page)).toHaveText(en.notFound);
  await expect(page).toHaveTitle(titleOf('en', en.notFound));
  const home = main(page).getByRole('link', { name: en.backHome });
  await expect(home).toBeVisible();
  await expect(home).toHaveAttribute('href', homeHref);
  // The shell (navigation) is still there: the reader is not stranded.
  await expect(page.getByRole('navigation', { name: en.mainNav })).toBeVisible();
}

test('an unknown article slug shows not found with a link home', async ({ page }) => {
  await page.goto('/en/news/no-such-story');
  await expectNotFound(page);
  await main(page).getByRole('link', { name: en.backHome }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(h1(page)).toHaveText(en.siteName);
});

test('a malformed article slug shows not found', async ({ page }) => {
  await page.goto('/en/news/Not_A%20Slug');
  await expectNotFound(page);
});

test('an unknown path shows not found', async ({ page }) => {
  const response = await page.goto('/en/nope');
  expect(response?.status()).toBe(404); // the prerendered not-found page
  await expectNotFound(page);
});

test('an unknown language shows not found in English', async ({ page }) => {
  await page.goto('/de/news');
  await expectNotFound(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(main(page).getByRole('article')).toHaveCount(0);
});

test('an unknown category says so, keeps one h1 and links to all news', async ({ page }) => {
  await page.goto('/en/news?category=no-such-category');
  await expect(main(page).getByText(en.categoryMissing)).toBeVisible();
  await expect(main(page).getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(main(page).getByRole('link', { name: en.allNews, exact: true })).toHaveAttribute('href', '/en/news');
  await expect(cardTitles(page)).toHaveCount(0);
});

test('?page=-1 is corrected to page 1 with a notice', async ({ page, request }) => {
  const first = await newsPage(request, 'en', 1);
  await page.goto('/en/news?page=-1');
  await contentReady(page);
  await expect(h1(page)).toHaveText(en.news);
  await expect(page.getByRole('status').filter({ hasText: en.corrected(en.news) })).toBeVisible();
  await expect(cardTitles(page).first()).toHaveText(first.items[0].title);
  await expect(
    page.getByRole('navigation', { name: en.pages }).getByRole('link', { name: en.pageN(1), exact: true }),
  ).toHaveAttribute('aria-current', 'page');
});

test('a valid page has no correction notice', async ({ page }) => {
  await page.goto('/en/news?page=2');
  await contentReady(page);
  await expect(cardTitles(page).first()).toBeVisible();
  await expect(page.getByText(en.corrected(en.news))).toHaveCount(0);
});

test('?page=99 says there is no such page and links to the first', async ({ page, request }) => {
  const first = await newsPage(request, 'en', 1);
  expect(first.total_pages).toBeLessThan(99);
  await page.goto('/en/news?page=99');
  await expect(main(page).getByText(en.pageMissing(99), { exact: true })).toBeVisible();
  await expect(cardTitles(page)).toHaveCount(0);
  const link = main(page).getByRole('link', { name: en.firstPage });
  await expect(link).toHaveAttribute('href', '/en/news');
  await link.click();
  await expect(page).toHaveURL(/\/en\/news$/);
  await expect(cardTitles(page).first()).toHaveText(first.items[0].title);
});

async function meta(page: Page, selector: string) {
  const tags = page.locator(`head meta[${selector}]`);
  await expect(tags, `one ${selector}`).toHaveCount(1);
  return (await tags.getAttribute('content')) ?? '';
}

async function expectMeta(page: Page, title: string, ogTitle: string) {
  await expect(page).toHaveTitle(title);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', ogTitle);
  expect(await meta(page, 'property="og:title"')).toBe(ogTitle);
  expect((await meta(page, 'property="og:description"')).trim().length).toBeGreaterThan(20);
  expect(await meta(page, 'name="description"')).toBe(await meta(page, 'property="og:description"'));
  expect(await meta(page, 'property="og:url"')).toBe(page.url());
}

test('each route has its own <title> and Open Graph tags', async ({ page, request }) => {
  const check = async (lang: Lang) => {
    const { items } = await newsPage(request, lang);
    const site = UI[lang].siteName;

    await page.goto(`/${lang}/`);
    await contentReady(page);
    await expectMeta(page, site, site);

    await page.goto(`/${lang}/news`);
    await contentReady(page);
    await expectMeta(page, titleOf(lang, UI[lang].news), UI[lang].news);

    await page.goto(`/${lang}/news/${items[0].slug}`);
    await contentReady(page);
    await expectMeta(page, titleOf(lang, items[0].title), items[0].title);
    expect(await meta(page, 'property="og:type"')).toBe('article');
    expect(await meta(page, 'property="og:description"')).toBe(items[0].lead);
    // The preview image is in the page as served (prerender.spec.ts).
  };
  await check('en');
  await check('ru');

  await page.goto('/en/nope');
  await expectMeta(page, titleOf('en', en.notFound), en.notFound);
});

test('title and meta follow in-app navigation', async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  await page.goto('/en/');
  await contentReady(page);
  await expectMeta(page, en.siteName, en.siteName);

  await page.getByRole('navigation', { name: en.mainNav }).getByRole('link', { name: en.news }).click();
  await expect(page).toHaveURL(/\/en\/news$/);
  await expectMeta(page, titleOf('en', en.news), en.news);

  await cardTitles(page).first().click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${items[0].slug}$`));
  await expectMeta(page, titleOf('en', items[0].title), items[0].title);
  expect(await meta(page, 'property="og:type"')).toBe('article');
});
