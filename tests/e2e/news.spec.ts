// Reading the news: home, the feed and its pager, articles, categories.
import {
  article,
  cardTitles,
  contentReady,
  expect,
  firstParagraph,
  h1,
  main,
  newsPage,
  test,
  UI,
} from './fixtures';

const en = UI.en;

test('home shows the latest news: a lead story and a grid', async ({ page, request, diagnostics }) => {
  const latest = await newsPage(request, 'en');

  await page.goto('/en/');
  await contentReady(page);
  await expect(h1(page)).toHaveText(en.siteName);

  const section = page.getByRole('region', { name: en.latest });
  await expect(section).toBeVisible();
  const stories = section.getByRole('article');
  await expect(stories).toHaveCount(Math.min(7, latest.items.length));

  // Newest first: the lead is the latest article, the grid follows in order.
  const titles = section.getByRole('article').getByRole('heading', { level: 3 });
  await expect(titles).toHaveText(latest.items.slice(0, 7).map((item) => item.title));

  // The lead story is the big one.
  const lead = await stories.nth(0).boundingBox();
  const next = await stories.nth(1).boundingBox();
  expect(lead && next, 'stories are laid out').toBeTruthy();
  expect(lead!.width * lead!.height).toBeGreaterThan(1.5 * next!.width * next!.height);

  // Every story has a picture with a text alternative.
  for (const image of await stories.getByRole('img').all()) {
    await expect(image).toHaveAttribute('alt', /\S/);
  }

  await expect(section.getByRole('link', { name: en.allNews }).first()).toHaveAttribute('href', '/en/news');
  // A clean load says nothing alarming in the console.
  expect(diagnostics.consoleErrors).toEqual([]);
  expect(diagnostics.cspViolations).toEqual([]);
});

test('feed: page 2 from the pager, open an article, Back returns to page 2', async ({ page, request }) => {
  const [first, second] = await Promise.all([newsPage(request, 'en', 1), newsPage(request, 'en', 2)]);
  expect(first.total_pages, 'sample content has several feed pages').toBeGreaterThan(1);

  await page.goto('/en/news');
  await contentReady(page);
  await expect(h1(page)).toHaveText(en.news);
  await expect(cardTitles(page).first()).toHaveText(first.items[0].title);

  const pager = page.getByRole('navigation', { name: en.pages });
  await expect(pager.getByRole('link', { name: en.pageN(1), exact: true })).toHaveAttribute('aria-current', 'page');
  await pager.getByRole('link', { name: en.pageN(2), exact: true }).click();

  await expect(page).toHaveURL(/\/en\/news\?page=2$/);
  await expect(pager.getByRole('link', { name: en.pageN(2), exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(cardTitles(page).first()).toHaveText(second.items[0].title);
  const firstTitleOnPage2 = await cardTitles(page).first().innerText();
  expect(firstTitleOnPage2).not.toBe(first.items[0].title);

  await cardTitles(page).first().click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${second.items[0].slug}$`));
  await expect(h1(page)).toHaveText(firstTitleOnPage2);

  await page.goBack();
  await expect(page).toHaveURL(/\/en\/news\?page=2$/);
  await expect(h1(page)).toHaveText(en.news);
  await expect(cardTitles(page).first()).toHaveText(firstTitleOnPage2);
  await expect(pager.getByRole('link', { name: en.pageN(2), exact: true })).toHaveAttribute('aria-current', 'page');
});

test('reload on an article deep link renders the article', async ({ page, request }) => {
  const { items } = await newsPage(request, 'en', 2);
  const story = await article(request, 'en', items[3].slug);

  await page.goto(`/en/news/${story.slug}`);
  await contentReady(page);
  await page.reload();
  await contentReady(page);

  await expect(page).toHaveURL(new RegExp(`/en/news/${story.slug}$`));
  await expect(h1(page)).toHaveText(story.title);
  const body = main(page).getByRole('article');
  await expect(body.getByText(story.lead, { exact: true })).toBeVisible();
  await expect(body.getByText(firstParagraph(story), { exact: true })).toBeVisible();

  const crumbs = page.getByRole('navigation', { name: en.breadcrumbs });
  await expect(crumbs.getByRole('link')).toHaveText([en.home, en.news, story.category.name]);
  await expect(crumbs.getByRole('link', { name: en.home })).toHaveAttribute('href', '/en/');
  await expect(crumbs.getByRole('link', { name: en.news })).toHaveAttribute('href', '/en/news');
  await expect(crumbs.getByRole('link', { name: story.category.name })).toHaveAttribute(
    'href',
    `/en/news?category=${story.category.slug}`,
  );
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(story.title);
});

test('a category chip filters the feed and survives reload', async ({ page, request }) => {
  const sport = await request.get('/api/v1/en/news/category/sport/page/1.json');
  expect(sport.ok()).toBeTruthy();
  const sportTitles: string[] = (await sport.json()).items.map((i: { title: string }) => i.title);

  await page.goto('/en/news');
  await contentReady(page);
  const chips = page.getByRole('navigation', { name: en.categories });
  await expect(chips.getByRole('link', { name: en.all, exact: true })).toHaveAttribute('aria-current', 'page');

  await chips.getByRole('link', { name: 'Sport', exact: true }).click();

  const check = async () => {
    await expect(page).toHaveURL(/\/en\/news\?category=sport$/);
    await expect(h1(page)).toHaveText(en.categoryTitle('Sport'));
    await expect(chips.getByRole('link', { name: 'Sport', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(chips.getByRole('link', { name: en.all, exact: true })).not.toHaveAttribute('aria-current');
    await expect(chips.locator('[aria-current]')).toHaveCount(1);
    await expect(cardTitles(page)).toHaveText(sportTitles);
    // Each story is labelled with the category it was filtered by.
    for (const card of await main(page).getByRole('article').all()) {
      await expect(card.getByRole('link', { name: 'Sport', exact: true })).toBeVisible();
    }
  };
  await check();
  await page.reload();
  await contentReady(page);
  await check();
  await expect(page).toHaveTitle(`${en.categoryTitle('Sport')} — ${en.siteName}`);
});
