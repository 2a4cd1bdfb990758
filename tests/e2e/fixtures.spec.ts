// The shared fixture must be able to fail a test: these tests make the page
// report a panic or throw, and are expected to fail (test.fail). If the
// fixture stopped catching them, Playwright would report them as
// "expected to fail, but passed".
import { contentReady, expect, test } from './fixtures';

test('a logged Rust panic fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/en/');
  await contentReady(page);
  await page.evaluate(() =>
    console.error('panicked at src/pages/home.rs:1:1:\ncalled `Option::unwrap()` on a `None` value'),
  );
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an uncaught error in the page fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/en/');
  await contentReady(page);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError('unreachable');
    });
  });
  await page.waitForTimeout(100);
});
