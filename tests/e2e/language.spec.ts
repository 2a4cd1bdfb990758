// Languages: the switcher keeps the reader where they are; an article that
// exists only in English says so and links there.
import { article, contentReady, expect, h1, main, newsPage, test, titleOf, UI } from './fixtures';
import type { APIRequestContext } from '@playwright/test';

/** A slug published in both English and Russian. */
async function sharedSlug(request: APIRequestContext): Promise<string> {
  const { items } = await newsPage(request, 'ru');
  for (const item of items) {
    const en = await request.get(`/api/v1/en/news/${item.slug}.json`);
    if (en.ok()) return item.slug;
  }
  throw new Error('sample content has no article in both en and ru');
}

/** A slug published in English only. */
async function englishOnlySlug(request: APIRequestContext): Promise<string> {
  for (let n = 1; ; n++) {
    const page = await newsPage(request, 'en', n);
    for (const item of page.items) {
      const a = await article(request, 'en', item.slug);
      if (!a.translations.includes('ru')) return item.slug;
    }
    if (n >= page.total_pages) throw new Error('sample content has no English-only article');
  }
}

test('switching language on an article keeps the article', async ({ page, request }) => {
  const slug = await sharedSlug(request);
  const [english, russian] = await Promise.all([article(request, 'en', slug), article(request, 'ru', slug)]);
  expect(russian.title).not.toBe(english.title);

  await page.goto(`/en/news/${slug}`);
  await contentReady(page);
  await expect(h1(page)).toHaveText(english.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const switcher = page.getByRole('navigation', { name: UI.en.language });
  await expect(switcher.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
  await switcher.getByRole('link', { name: UI.ru.endonym }).click();

  await expect(page).toHaveURL(new RegExp(`/ru/news/${slug}$`));
  await expect(h1(page)).toHaveText(russian.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveTitle(titleOf('ru', russian.title));
  // The whole interface follows, not just the content.
  await expect(page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: UI.ru.news })).toBeVisible();
  await expect(main(page).getByRole('article').getByText(russian.lead, { exact: true })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: UI.ru.endonym }),
  ).toHaveAttribute('aria-current', 'true');
});

test('the switcher keeps the feed filter', async ({ page }) => {
  // BUG (src/components/header.rs:56): the switcher joins pathname and
  // location.search, which has no leading "?", giving /be/newscategory=sport.
  // Remove this line once fixed (Playwright then reports it as passing
  // unexpectedly, so it cannot be forgotten).
  await page.goto('/en/news?category=sport');
  await contentReady(page);
  await page.getByRole('navigation', { name: UI.en.language }).getByRole('link', { name: 'Беларуская' }).click();
  await expect(page).toHaveURL(/\/be\/news\?category=sport$/, { timeout: 3_000 });
  await expect(h1(page)).toHaveText(`${UI.be.news}: Спорт`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'be');
});

test('an English-only article opened in Russian links to the English version', async ({ page, request }) => {
  const slug = await englishOnlySlug(request);
  const english = await article(request, 'en', slug);

  await page.goto(`/ru/news/${slug}`);
  await expect(h1(page)).toHaveText(UI.ru.notInLanguage);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  const link = main(page).getByRole('link', { name: english.title, exact: true });
  await expect(link).toHaveAttribute('href', `/en/news/${slug}`);
  await expect(main(page).getByText(UI.ru.readInEnglish)).toBeVisible();

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${slug}$`));
  await expect(h1(page)).toHaveText(english.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
