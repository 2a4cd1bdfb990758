// The travel guide: the landing with its five sections, filters that
// combine, live in the URL and move the map's pins, a site page (gallery
// with a keyboard lightbox, facts, locator map, nearby, JSON-LD), unknown
// slugs, and axe in every language. Data comes from the API.
import { axe, apiJson, contentReady, expect, h1, LANGS, main, test } from './fixtures';
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
