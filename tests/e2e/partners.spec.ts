// The partners page (/{lang}/partners): the widget builder keeps its state
// in the URL, its preview is the snippet run by embed.js, and the copied
// snippet, pasted on a partner's page, makes the same widget. Plus the
// payload budget of each widget frame (everything the iframe loads, brotli).
import { brotliCompressSync, constants } from 'node:zlib';
import { axe, test, expect, h1, apiJson, type Lang } from './fixtures';

const PARTNER = process.env.E2E_PARTNER_URL!;
/** The frame query without the per-iframe parts (`id`, `origin`). */
function widgetQuery(src: string): string {
  const url = new URL(src);
  url.searchParams.delete('id');
  url.searchParams.delete('origin');
  url.searchParams.sort();
  return `${url.origin}${url.pathname}?${url.searchParams}`;
}

test('the builder: options in the URL, preview from the snippet, copied snippet makes the same widget', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/en/partners');
  await expect(h1(page)).toHaveText('Widgets for your site');
  const preview = page.locator('.partners__preview iframe');
  await expect(preview).toHaveAttribute('src', /\/embed\/news\?/);

  await page.getByRole('radio', { name: 'Upcoming events' }).check();
  await page.getByLabel('Number of items').selectOption('3');
  await page.getByLabel('Region').selectOption('grodno');
  // Changing a filter with the keyboard keeps the reader in that control.
  await page.getByLabel('Category').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]category=[a-z-]+/);
  await expect(page.getByLabel('Category')).toBeFocused();
  await page.getByLabel('Category').selectOption('');
  await page.getByLabel('Widget language').selectOption('ru');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page).toHaveURL(/\/en\/partners\?widget=events&limit=3&region=grodno&lang=ru&theme=dark$/);

  await expect(preview).toHaveAttribute('src', /\/embed\/events\?/);
  const previewSrc = (await preview.getAttribute('src'))!;
  expect(new URL(previewSrc).origin).toBe(baseURL);
  const frame = page.frameLocator('.partners__preview iframe');
  await expect(frame.locator('h2.w-heading')).toHaveText('Ближайшие события');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');

  // The snippet on screen is what lands on the clipboard.
  const shown = (await page.locator('.partners__snippet').textContent())!;
  expect(shown).toContain('data-widget="events"');
  expect(shown).toContain(`src="${baseURL}/embed.js"`);
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Snippet copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);

  // Reload: the builder comes back as it was.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Upcoming events' })).toBeChecked();
  await expect(page.getByLabel('Region')).toHaveValue('grodno');
  await expect(page.getByLabel('Widget language')).toHaveValue('ru');

  // Pasted on a partner's page (another origin), the copied snippet makes
  // the widget the preview showed.
  await page.goto(`${PARTNER}/blank.html`);
  await page.evaluate((html) => {
    const host = document.getElementById('paste')!;
    host.insertAdjacentHTML('beforeend', html);
    // insertAdjacentHTML does not run scripts: add the pasted one for real.
    const pasted = host.querySelector('script')!;
    const script = document.createElement('script');
    script.src = pasted.src;
    pasted.replaceWith(script);
  }, copied);
  const pastedFrame = page.locator('iframe.portal-widget-frame');
  await expect(pastedFrame).toHaveCount(1);
  expect(widgetQuery((await pastedFrame.getAttribute('src'))!)).toBe(widgetQuery(previewSrc));
  await expect(page.frameLocator('iframe.portal-widget-frame').locator('h2.w-heading')).toHaveText('Ближайшие события');
});

test('the site widget picks a site, and the snippet names it', async ({ page, request }) => {
  await page.goto('/be/partners?widget=site&slug=mir-castle-complex');
  const site = await apiJson<{ name: string }>(request, 'be/sites/mir-castle-complex.json');
  await expect(page.getByLabel('Месца', { exact: true })).toHaveValue('mir-castle-complex');
  await expect(page.locator('.partners__snippet')).toContainText(`>${site.name} у даведніку Партала Беларусі</a>`);
  await expect(page.frameLocator('.partners__preview iframe').locator('h2.w-heading')).toHaveText(site.name);
  // Without a slug in the URL the first listed site is chosen, so the
  // preview never shows an empty widget.
  await page.goto('/en/partners?widget=site');
  await expect(page).toHaveURL(/widget=site&slug=[a-z0-9-]+/);
  await expect(page.frameLocator('.partners__preview iframe').locator('article.w-site')).toBeVisible();
});

test('bad builder parameters fall back to defaults', async ({ page }) => {
  await page.goto('/en/partners?widget=weather&limit=999&lang=xx&theme=neon');
  await expect(page.getByRole('radio', { name: 'Latest news' })).toBeChecked();
  await expect(page.getByRole('radio', { name: "As the reader's system" })).toBeChecked();
  await expect(page.locator('.partners__preview iframe')).toHaveAttribute('src', /\/embed\/news\?/);
});

for (const lang of ['en', 'ru'] as Lang[]) {
  test(`axe: the partners page (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/partners?widget=events`);
    await expect(page.frameLocator('.partners__preview iframe').locator('.w-list, .w-status').first()).toBeVisible();
    const results = await axe(page)
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('payload', () => {
  // What a widget's iframe loads, in brotli (quality 11, as served): the
  // frame page, its CSS, JS and wasm, the API documents and pictures.
  const BUDGET = 40 * 1024;
  const widgets = [
    ['news', '/embed/news?lang=en&limit=5'],
    ['events', '/embed/events?lang=ru&limit=5'],
    ['site', '/embed/site?lang=be&slug=mir-castle-complex'],
  ];
  for (const [name, path] of widgets) {
    test(`the ${name} widget loads under 40 KB brotli`, async ({ page }) => {
      const bodies = new Map<string, Buffer>();
      page.on('response', async (response) => {
        if (response.status() !== 200) return;
        try {
          bodies.set(new URL(response.url()).pathname, await response.body());
        } catch {
          // A body that is gone (a redirect) adds nothing.
        }
      });
      await page.goto(path);
      await expect(page.locator('main#widget')).not.toHaveAttribute('aria-busy', 'true');
      await expect(page.locator('main#widget :is(.w-list, article.w-site)')).toBeVisible();
      await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => {}))));
      await page.waitForLoadState('networkidle');
      let total = 0;
      const rows: string[] = [];
      for (const [file, body] of bodies) {
        const size = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
        total += size;
        rows.push(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${file}`);
      }
      console.log(`${name} widget payload (brotli): ${(total / 1024).toFixed(1)} KB of 40 KB\n${rows.join('\n')}`);
      expect(bodies.size).toBeGreaterThan(4);
      expect(total).toBeLessThanOrEqual(BUDGET);
    });
  }
});
