// The travel guide: the landing with its five sections, filters that
// combine, live in the URL and move the map's pins, a site page (gallery
// with a keyboard lightbox, facts, locator map, nearby, JSON-LD), unknown
// slugs, and axe in every language. Data comes from the API.
import { axe, apiJson, contentReady, expect, h1, LANGS, main, pinClock, tabTo, test } from './fixtures';
import type { APIRequestContext, Page } from '@playwright/test';

type Summary = {
  slug: string;
  name: string;
  section: { slug: string; name: string };
  region: { slug: string; name: string };
};
type Index = {
  sections: { slug: string; name: string; count: number }[];
  regions: { slug: string; name: string; count: number }[];
  items: Summary[];
};
type SiteDoc = Summary & {
  gallery: { alt: string }[];
  unesco?: { year: number };
  nearby: { site: Summary; distance_km: number }[];
};

const index = (request: APIRequestContext, lang = 'en') => apiJson<Index>(request, `${lang}/sites/index.json`);
const pins = (page: Page) => main(page).locator('.belarus-map__pin');
const cards = (page: Page) => main(page).locator('.site-card');

test('the guide opens with its five sections, a map and every site', async ({ page, request }) => {
  const data = await index(request);
  await page.goto('/en/sites');
  await contentReady(page);
  await expect(h1(page)).toHaveText('Travel guide');
  const sections = main(page).getByRole('navigation', { name: 'Sections of the guide' }).first().getByRole('link');
  await expect(sections).toHaveCount(5);
  await expect(sections).toHaveText(data.sections.map((s) => s.name));
  await expect(cards(page)).toHaveCount(data.items.length);
  await expect(pins(page)).toHaveCount(data.items.length);
  // Pins are links named after their site.
  await expect(pins(page).first()).toHaveAttribute('aria-label', data.items[0].name);
});

test('filters combine, live in the URL, survive reload and move the pins', async ({ page, request }) => {
  const data = await index(request);
  const pick = data.items.find((s) => s.section.slug === 'unesco') ?? data.items[0];
  const both = data.items.filter((s) => s.section.slug === pick.section.slug && s.region.slug === pick.region.slug);
  await page.goto('/en/sites');
  await contentReady(page);
  await main(page).getByRole('navigation', { name: 'Sections of the guide' }).first().getByRole('link', { name: pick.section.name }).click();
  await expect(page).toHaveURL(`/en/sites?category=${pick.section.slug}`);
  const inSection = data.items.filter((s) => s.section.slug === pick.section.slug).length;
  await expect(pins(page)).toHaveCount(inSection);
  await main(page).getByRole('navigation', { name: 'Region' }).getByRole('link', { name: pick.region.name, exact: true }).click();
  const url = `/en/sites?category=${pick.section.slug}&region=${pick.region.slug}`;
  await expect(page).toHaveURL(url);
  await expect(pins(page)).toHaveCount(both.length);
  await expect(cards(page)).toHaveCount(both.length);
  await page.reload();
  await contentReady(page);
  await expect(pins(page)).toHaveCount(both.length);
  // A pin leads to its site.
  await pins(page).first().click();
  await expect(page).toHaveURL(/\/en\/sites\/[a-z0-9-]+$/);
});

test('a site page shows its gallery, facts, map and nearby sites', async ({ page, request }) => {
  const data = await index(request);
  const unesco = data.items.find((s) => s.section.slug === 'unesco')!;
  const site = await apiJson<SiteDoc>(request, `en/sites/${unesco.slug}.json`);
  await page.goto(`/en/sites/${unesco.slug}`);
  await contentReady(page);
  await expect(h1(page)).toHaveText(site.name);
  await expect(main(page).getByRole('region', { name: 'Gallery' }).getByRole('button')).toHaveCount(site.gallery.length);
  const facts = main(page).getByRole('region', { name: 'Facts' });
  await expect(facts.getByText(String(site.unesco!.year), { exact: true })).toBeVisible();
  await expect(main(page).getByRole('region', { name: 'Where it is' }).locator('svg')).toBeVisible();
  const nearby = main(page).getByRole('region', { name: 'Nearby' }).getByRole('listitem');
  await expect(nearby).toHaveCount(site.nearby.length);
  await expect(nearby.first()).toContainText(`${site.nearby[0].distance_km.toFixed(1)} km`);
  // Its schema.org data is in the page as served: prerender.spec.ts.
});

test('the lightbox opens, moves with the arrow keys and closes with Escape', async ({ page, request }) => {
  const data = await index(request);
  let slug = data.items[0].slug;
  for (const item of data.items) {
    const doc = await apiJson<SiteDoc>(request, `en/sites/${item.slug}.json`);
    if (doc.gallery.length > 1) {
      slug = item.slug;
      break;
    }
  }
  const site = await apiJson<SiteDoc>(request, `en/sites/${slug}.json`);
  await page.goto(`/en/sites/${slug}`);
  await contentReady(page);
  const thumb = main(page).getByRole('region', { name: 'Gallery' }).getByRole('button').first();
  await thumb.click();
  const dialog = page.getByRole('dialog', { name: 'Gallery' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img')).toHaveAttribute('alt', site.gallery[0].alt);
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('img')).toHaveAttribute('alt', site.gallery[1 % site.gallery.length].alt);
  await expect(dialog.locator('.lightbox__count')).toHaveText(`${site.gallery.length > 1 ? 2 : 1} / ${site.gallery.length}`);
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('img')).toHaveAttribute('alt', site.gallery[0].alt);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(thumb).toBeFocused();
});

test('the header menu links to each section of the guide', async ({ page, request }) => {
  const data = await index(request);
  await page.goto('/en/news');
  await contentReady(page);
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Sections of the travel guide' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('navigation', { name: 'Sections of the travel guide' });
  await expect(menu.getByRole('link')).toHaveCount(5);
  await menu.getByRole('link', { name: 'UNESCO World Heritage' }).click();
  await expect(page).toHaveURL('/en/sites?category=unesco');
  await expect(menu).toBeHidden();
  await expect(cards(page)).toHaveCount(data.items.filter((s) => s.section.slug === 'unesco').length);
});

test('an unknown site is a not-found page', async ({ page }) => {
  await page.goto('/en/sites/no-such-place');
  await expect(h1(page)).toHaveText('Page not found');
});

for (const lang of LANGS) {
  test(`axe: the guide and a site page (${lang})`, async ({ page, request }) => {
    const data = await index(request, lang);
    for (const path of [`/${lang}/sites`, `/${lang}/sites/${data.items[0].slug}`]) {
      await page.goto(path);
      await contentReady(page);
      const results = await axe(page).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
    }
  });
}

// Opening hours (issue 16). The clock is pinned to Friday 20 November 2026,
// noon in Minsk (fixtures.ts). In the sample content the war museum keeps
// `Tu-Su 10:00-18:00; Mo off`, the open-air places are `24/7`, the rest are
// unknown. Expectations are read from the published rules, not from the app.
type Rule = { dates?: unknown[]; days?: string[]; holidays?: boolean; times: { from: number; to: number }[] };
type Opening = { rules: Rule[] };
type HoursSummary = Summary & { opening?: Opening };
const MUSEUM = 'great-patriotic-war-museum';
const status = (page: Page) => main(page).locator('.opening-status');

test.describe('opening hours', () => {
  // Some tests answer API documents themselves (page.route); a worker
  // would answer them from its cache.
  test.use({ serviceWorkers: 'block', timezoneId: 'Europe/Minsk' });

  test('a site page says open now, with its week table and note', async ({ page, request }) => {
    const site = await apiJson<SiteDoc & { opening: Opening; hours: string }>(request, `en/sites/${MUSEUM}.json`);
    expect(site.opening.rules.length).toBeGreaterThan(0);
    await page.goto(`/en/sites/${MUSEUM}`);
    await contentReady(page);
    await expect(status(page)).toHaveText('Open now · closes at 18:00');
    const table = main(page).getByRole('table', { name: 'Opening hours' });
    await expect(table.getByRole('row', { name: 'Monday Closed' })).toBeVisible();
    await expect(table.getByRole('row', { name: 'Tuesday – Sunday 10:00–18:00' })).toBeVisible();
    await expect(main(page).getByText('Times are Minsk time (UTC+3).')).toBeVisible();
    await expect(main(page).getByText(site.hours)).toBeVisible();
    // No public-holiday rule: no holiday row and no holiday list.
    await expect(main(page).getByText(/Public holidays/)).toHaveCount(0);
  });

  test('the status follows the clock while the page stays open', async ({ page }) => {
    await page.clock.setSystemTime(new Date('2026-11-20T17:59:30+03:00'));
    await page.goto(`/en/sites/${MUSEUM}`);
    await contentReady(page);
    await expect(status(page)).toHaveText('Open now · closes at 18:00');
    await page.clock.runFor(60_000);
    await expect(status(page)).toHaveText('Closed now · opens tomorrow at 10:00');
    // Sunday evening: Monday is the closed day.
    await page.clock.setSystemTime(new Date('2026-11-22T19:00:00+03:00'));
    await page.reload();
    await contentReady(page);
    await expect(status(page)).toHaveText('Closed now · opens on Tuesday at 10:00');
  });

  test('Russian and Belarusian say it in their words', async ({ page }) => {
    await page.goto(`/ru/sites/${MUSEUM}`);
    await contentReady(page);
    await expect(status(page)).toHaveText('Сейчас открыто · закроется в 18:00');
    await expect(main(page).getByRole('row', { name: 'Понедельник Закрыто' })).toBeVisible();
    await page.goto(`/be/sites/${MUSEUM}`);
    await contentReady(page);
    await expect(status(page)).toHaveText('Зараз адчынена · зачыніцца ў 18:00');
  });

  test('cards say open or nothing, and unknown hours say so on the page', async ({ page, request }) => {
    const data = (await index(request)) as unknown as { items: HoursSummary[] };
    const known = data.items.filter((s) => s.opening);
    const unknown = data.items.filter((s) => !s.opening);
    expect(known.length).toBeGreaterThan(1);
    expect(unknown.length).toBeGreaterThan(0);
    await page.goto('/en/sites');
    await contentReady(page);
    const card = (slug: string) => cards(page).filter({ has: page.locator(`a[href="/en/sites/${slug}"]`) });
    await expect(card(MUSEUM).locator('.opening-status')).toHaveText('Open now · closes at 18:00');
    const always = known.find((s) => s.opening!.rules.length === 1 && s.opening!.rules[0].times[0]?.to === 1440)!;
    await expect(card(always.slug).locator('.opening-status')).toHaveText('Open round the clock');
    await expect(card(unknown[0].slug).locator('.opening-status')).toHaveCount(0);
    await expect(cards(page).locator('.opening-status')).toHaveCount(known.length);
    await page.goto(`/en/sites/${unknown[0].slug}`);
    await contentReady(page);
    await expect(main(page).getByText('Opening hours are not known yet; check with the site before you go.')).toBeVisible();
    // A souvenir is a craft, not a place: no hours fact at all.
    const souvenir = unknown.find((s) => s.section.slug === 'souvenirs')!;
    await page.goto(`/en/sites/${souvenir.slug}`);
    await contentReady(page);
    await expect(main(page).getByRole('region', { name: 'Facts' })).toBeVisible();
    await expect(main(page).getByText('Opening hours', { exact: true })).toHaveCount(0);
  });

  test('the reader sees their own time when their zone differs', async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', serviceWorkers: 'block' });
    await pinClock(context);
    const page = await context.newPage();
    await page.goto(`/en/sites/${MUSEUM}`);
    await contentReady(page);
    await expect(status(page)).toHaveText('Open now · closes at 18:00 Minsk time (16:00 your time)');
    await context.close();
  });

  test('"Open now" and "Open on a date" filter, combine and count what is left out', async ({ page, request }) => {
    const data = (await index(request)) as unknown as { items: HoursSummary[] };
    const known = data.items.filter((s) => s.opening);
    const unknownCount = data.items.length - known.length;
    // At Friday noon every known sample site is open: the museum (Tu-Su) and the 24/7 places.
    await page.goto('/en/sites');
    await contentReady(page);
    await main(page).getByRole('navigation', { name: 'Opening' }).getByRole('link', { name: 'Open now' }).click();
    await expect(page).toHaveURL('/en/sites?open=now');
    await expect(cards(page)).toHaveCount(known.length);
    await expect(pins(page)).toHaveCount(known.length);
    await expect(main(page).getByRole('status').filter({ hasText: 'Open now, by Minsk time' })).toContainText(
      `${unknownCount} places with unknown hours are not included`,
    );
    // Monday: closed-on-Monday rules drop out.
    const closedMondays = known.filter((s) => s.opening!.rules.some((r) => r.days?.includes('mo') && r.times.length === 0));
    expect(closedMondays.map((s) => s.slug)).toContain(MUSEUM);
    await page.goto('/en/sites?open=2026-11-23');
    await contentReady(page);
    await expect(main(page).getByText('Open on Monday, 23 November 2026')).toBeVisible();
    await expect(cards(page)).toHaveCount(known.length - closedMondays.length);
    await expect(cards(page).filter({ has: page.locator(`a[href="/en/sites/${MUSEUM}"]`) })).toHaveCount(0);
    // Combined with a section: the filter stays when the section changes.
    const memorials = known.filter((s) => s.section.slug === 'memorials');
    await main(page).getByRole('navigation', { name: 'Sections of the guide' }).last().getByRole('link', { name: memorials[0].section.name }).click();
    await expect(page).toHaveURL('/en/sites?category=memorials&open=2026-11-23');
    await expect(cards(page)).toHaveCount(memorials.length - closedMondays.filter((s) => s.section.slug === 'memorials').length);
  });

  test('a public holiday closes a site whose rules say so', async ({ page, request }) => {
    // The sample museum has no holiday rule; this test gives it one.
    const data = (await index(request)) as unknown as { items: HoursSummary[] };
    const known = data.items.filter((s) => s.opening);
    const holidayRules: Opening = {
      rules: [
        { days: ['tu', 'we', 'th', 'fr', 'sa', 'su'], times: [{ from: 600, to: 1080 }] },
        { days: ['mo'], times: [] },
        { holidays: true, times: [] },
      ],
    };
    await page.route('**/api/v1/en/sites/index.json', async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      for (const item of json.items) if (item.slug === MUSEUM) item.opening = holidayRules;
      await route.fulfill({ response, json });
    });
    await page.route(`**/api/v1/en/sites/${MUSEUM}.json`, async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      json.opening = holidayRules;
      await route.fulfill({ response, json });
    });
    // Christmas, Friday 25 December 2026: the museum is closed.
    await page.goto('/en/sites?open=2026-12-25');
    await contentReady(page);
    await expect(cards(page)).toHaveCount(known.length - 1);
    // Christmas Eve it is open.
    await page.goto('/en/sites?open=2026-12-24');
    await contentReady(page);
    await expect(cards(page)).toHaveCount(known.length);
    // Radunitsa 2027 is Tuesday 11 May.
    await page.goto('/en/sites?open=2027-05-11');
    await contentReady(page);
    await expect(cards(page)).toHaveCount(known.length - 1);
    await page.goto(`/en/sites/${MUSEUM}`);
    await contentReady(page);
    await expect(main(page).getByRole('row', { name: 'Public holidays Closed' })).toBeVisible();
    await expect(main(page).getByText(/Radunitsa/)).toBeVisible();
  });

  test('a malformed opening value is corrected with a notice', async ({ page, request }) => {
    const data = await index(request);
    const inSection = data.items.filter((s) => s.section.slug === 'unesco').length;
    await page.goto('/en/sites?category=unesco&open=someday');
    await contentReady(page);
    await expect(main(page).getByRole('status').first()).toContainText('a filter we could not use');
    await expect(cards(page)).toHaveCount(inSection);
    await page.goto('/en/sites?open=2026-02-30');
    await contentReady(page);
    await expect(main(page).getByRole('status').first()).toContainText('a filter we could not use');
    await expect(cards(page)).toHaveCount(data.items.length);
  });

  test('the opening filter works from the keyboard', async ({ page }) => {
    await page.goto('/en/sites');
    await contentReady(page);
    const now = main(page).getByRole('navigation', { name: 'Opening' }).getByRole('link', { name: 'Open now' });
    await tabTo(page, now, 200);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/en/sites?open=now');
    await contentReady(page);
    // The list is drawn anew; focus is back on the chip the reader used.
    await expect(now).toBeFocused();
    const field = main(page).getByLabel('Open on');
    await tabTo(page, field, 3);
    // The browser's own date widget orders its parts by the system's
    // locale, so the value is filled in rather than typed digit by digit.
    await field.fill('2026-11-23');
    // Tab walks the field's parts, then reaches the button.
    await tabTo(page, main(page).getByRole('button', { name: 'Show' }), 5);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/en/sites?open=2026-11-23');
    await expect(main(page).getByText('Open on Monday, 23 November 2026')).toBeVisible();
    await expect(main(page).getByLabel('Open on')).toHaveValue('2026-11-23');
    await expect(main(page).getByLabel('Open on')).toBeFocused();
  });

  for (const lang of LANGS) {
    test(`axe: the filtered guide and the museum's hours (${lang})`, async ({ page }) => {
      for (const path of [`/${lang}/sites?open=now`, `/${lang}/sites/${MUSEUM}`]) {
        await page.goto(path);
        await contentReady(page);
        const results = await axe(page).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
      }
    });
  }
});
