// Search: from the header on any page, results as you type with the URL in
// sync, matched words marked, Cyrillic folding, keyboard use, the empty
// state, and axe. Expected results are computed from the API, not typed in.
import { axe, contentReady, expect, h1, main, newsPage, test } from './fixtures';
import type { Page } from '@playwright/test';

// Wide enough for the header to show its search field.
test.use({ viewport: { width: 1440, height: 900 } });

const field = (page: Page) => main(page).getByRole('searchbox', { name: 'Search' });
const resultLinks = (page: Page) => main(page).locator('.search-result__link');

test('searching from the header opens the results with the URL in sync', async ({ page, request }) => {
  const { items } = await newsPage(request, 'en');
  const word = items[0].title.split(' ').find((w) => w.length > 5)!.replace(/[^\p{L}]/gu, '');
  await page.goto('/en/news');
  await contentReady(page);
  const header = page.getByRole('banner').getByRole('searchbox', { name: 'Search' });
  await header.fill(word);
  await header.press('Enter');
  await expect(page).toHaveURL(`/en/search?q=${encodeURIComponent(word)}`);
  await expect(h1(page)).toHaveText('Search');
  await expect(field(page)).toHaveValue(word);
  await expect(resultLinks(page).filter({ hasText: items[0].title })).toHaveCount(1);
  // The matched word is marked in the title.
  await expect(resultLinks(page).filter({ hasText: items[0].title }).locator('mark').first()).toHaveText(word, {
    ignoreCase: true,
  });
});

test('results follow typing (debounced), the URL follows, and reload keeps them', async ({ page }) => {
  await page.goto('/en/search');
  await contentReady(page);
  await expect(field(page)).toBeFocused();
  await field(page).pressSequentially('unesc', { delay: 30 });
  await expect(page).toHaveURL('/en/search?q=unesc');
  // The parts of the index a query needs arrive after the URL changes.
  await expect(resultLinks(page).first()).toBeVisible();
  const first = await resultLinks(page).count();
  expect(first, 'a prefix finds UNESCO').toBeGreaterThan(0);
  await page.reload();
  await contentReady(page);
  await expect(field(page)).toHaveValue('unesc');
  await expect(resultLinks(page)).toHaveCount(first);
  // Grouped by kind with counts.
  await expect(main(page).getByRole('heading', { level: 2 }).first()).toContainText(/\d/);
});

test('Cyrillic is folded: е/ё, и/і and у/ў meet', async ({ page }) => {
  // "мир" (Russian spelling) finds Belarusian "Мірскі".
  await page.goto(`/be/search?q=${encodeURIComponent('мир')}`);
  await contentReady(page);
  await expect(resultLinks(page).first()).toBeVisible();
  await expect(resultLinks(page).locator('mark').first()).toHaveText(/^Мір/);
});

test('"/" focuses the search field; arrows move through results; Escape returns', async ({ page }) => {
  await page.goto('/en/');
  await contentReady(page);
  await page.keyboard.press('/');
  await expect(page.getByRole('banner').getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.goto('/en/search?q=minsk');
  await contentReady(page);
  await expect(resultLinks(page).nth(1)).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(resultLinks(page).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(resultLinks(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(resultLinks(page).nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field(page)).toBeFocused();
});

test('where the header shows only its button, "/" opens the search page', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/en/events');
  await contentReady(page);
  await page.keyboard.press('/');
  await expect(page).toHaveURL('/en/search');
  await expect(field(page)).toBeFocused();
});

test('nothing found says so and suggests words', async ({ page }) => {
  await page.goto('/en/search?q=minskxq');
  await contentReady(page);
  await expect(main(page).getByText('Nothing found for “minskxq”.')).toBeVisible();
  const suggestion = main(page).locator('.search__suggestions a').first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(/\/en\/search\?q=min/);
  await expect(resultLinks(page).first()).toBeVisible();
});

test('axe: the search page with results', async ({ page }) => {
  await page.goto(`/ru/search?q=${encodeURIComponent('минск')}`);
  await contentReady(page);
  await expect(resultLinks(page).first()).toBeVisible();
  const results = await axe(page).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a query fetches only the parts of the index it needs, and typing on reuses them', async ({ page, request }) => {
  const parts: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/api\/v1\/en\/search\/terms\/[0-9a-f]+\.json$/.test(path)) parts.push(path);
  });
  const manifest = await (await request.get('/api/v1/en/search/index.json')).json();
  await page.goto('/en/search');
  await contentReady(page);
  await field(page).pressSequentially('castl', { delay: 30 });
  await expect(page).toHaveURL('/en/search?q=castl');
  await expect(resultLinks(page).first()).toBeVisible();
  expect(parts.length, 'term shards fetched').toBeGreaterThan(0);
  expect(parts.length, 'not the whole index').toBeLessThan(manifest.shards.length);
  const before = parts.length;
  await field(page).press('e');
  await expect(page).toHaveURL('/en/search?q=castle');
  await expect(resultLinks(page).first()).toBeVisible();
  expect(parts.slice(before), 'typing on fetches nothing new').toEqual([]);
});

test('each group shows its first 20 results and "Show more" adds the next ones', async ({ page }) => {
  // "the" is in nearly every document: more than 20 events.
  await page.goto('/en/search?q=the');
  await contentReady(page);
  const events = main(page).locator('section.search-group').filter({
    has: page.getByRole('heading', { level: 2, name: /^Events/ }),
  });
  await expect(events.locator('.search-result')).toHaveCount(20);
  const total = Number(await events.locator('.search-group__count').textContent());
  expect(total).toBeGreaterThan(20);
  await events.getByRole('button', { name: 'Show more' }).click();
  await expect(events.locator('.search-result')).toHaveCount(Math.min(40, total));
  if (total <= 40) await expect(events.getByRole('button', { name: 'Show more' })).toHaveCount(0);
});
