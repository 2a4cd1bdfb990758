// Photographs: the reader's browser gets a <picture> with AVIF, WebP and
// JPEG at every width and the `sizes` of the place, the hero first and the
// rest lazily, the credit with its licence, and no layout shift.
import { axe, contentReady, expect, main, test } from './fixtures';

// content/media/hilltop-sunset.jpg: a phone-like file (stored on its side
// with EXIF orientation 6), the hero of this article.
const SLUG = 'minsk-planetarium-orionid-meteor-evenings';

test.use({ viewport: { width: 390, height: 844 } });

test('an article hero photo: AVIF sized for a phone, eager, with its credit and licence', async ({ page, diagnostics }) => {
  const images: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (/\/media\/photos\//.test(response.url())) {
      images.push({ url: response.url(), bytes: (await response.body().catch(() => Buffer.alloc(0))).length });
    }
  });
  await page.goto(`/en/news/${SLUG}`);
  await contentReady(page);
  const hero = main(page).locator('.article__hero');
  const sources = hero.locator('picture source');
  await expect(sources).toHaveCount(2);
  await expect(sources.nth(0)).toHaveAttribute('type', 'image/avif');
  await expect(sources.nth(1)).toHaveAttribute('type', 'image/webp');
  for (const [index, ext] of [[0, 'avif'], [1, 'webp']] as const) {
    const srcset = (await sources.nth(index).getAttribute('srcset')) ?? '';
    expect(srcset.split(', ').map((c) => c.split(' ')[1])).toEqual(['320w', '640w', '960w', '1280w', '1920w']);
    expect(srcset).toMatch(new RegExp(`/api/v1/media/photos/hilltop-sunset-[0-9a-f]{8}/320\\.${ext} 320w`));
    await expect(sources.nth(index)).toHaveAttribute('sizes', '(min-width: 50rem) 48rem, 100vw');
  }
  const img = hero.locator('img');
  await expect(img).toHaveCount(1);
  // Upright: the stored file is 1600×2400, shown 2400×1600.
  await expect(img).toHaveAttribute('width', '2400');
  await expect(img).toHaveAttribute('height', '1600');
  await expect(img).toHaveAttribute('loading', 'eager');
  await expect(img).toHaveAttribute('fetchpriority', 'high');
  await expect(img).toHaveAttribute('src', /\/hilltop-sunset-[0-9a-f]{8}\/1280\.jpg$/);
  // 390 CSS px at a device pixel ratio of 1: the 640 px AVIF.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.currentSrc : ''))).toMatch(/\/640\.avif$/);
  await expect(hero.locator('figcaption')).toContainText('Photo: Aitzol Berasategi · CC BY 4.0');
  // One picture was fetched for the hero, not every width.
  const heroFiles = images.filter((i) => /hilltop-sunset/.test(i.url)).map((i) => i.url.split('/').pop());
  expect(heroFiles).toEqual(['640.avif']);
  expect(diagnostics.cspViolations).toEqual([]);
  expect(await axe(page).analyze().then((r) => r.violations)).toEqual([]);
});

test('cards show the 16:9 crop, lazily, sized for the grid', async ({ page }) => {
  await page.goto('/en/news');
  await contentReady(page);
  const card = main(page)
    .getByRole('article')
    .filter({ has: page.locator('img[src*="/media/photos/"]') })
    .first();
  const img = card.locator('img');
  await expect(img).toHaveAttribute('srcset', /\/wide-320\.jpg 320w/);
  await expect(img).toHaveAttribute('sizes', /100vw$/);
  const width = Number(await img.getAttribute('width'));
  const height = Number(await img.getAttribute('height'));
  expect(Math.round((width * 9) / 16)).toBe(height);
  await expect(card.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /wide-640\.avif 640w/);
});

test('no layout shift while photos load', async ({ page }) => {
  await page.goto(`/en/news/${SLUG}`);
  await contentReady(page);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 1500);
      }),
  );
  expect(shift).toBeLessThanOrEqual(0.02);
});

test("a site's first photo spans the page and loads first; the lightbox's widths load only when it opens", async ({ page }) => {
  await page.goto('/en/sites/belovezhskaya-pushcha');
  await contentReady(page);
  const first = main(page).locator('.gallery__thumbs li').first();
  await expect(first.locator('img')).toHaveAttribute('loading', 'eager');
  await expect(first.locator('source[type="image/avif"]')).toHaveAttribute('sizes', '(min-width: 75rem) 71rem, 100vw');
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox.locator('img')).toHaveCount(0);
  await first.getByRole('button').click();
  await expect(lightbox).toBeVisible();
  await expect(lightbox.locator('source[type="image/avif"]')).toHaveAttribute('sizes', '100vw');
  await expect(lightbox.locator('figcaption')).toContainText('CC BY-SA 3.0');
  await page.keyboard.press('Escape');
  await expect(lightbox.locator('img')).toHaveCount(0);
});
