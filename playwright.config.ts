// End-to-end tests: the built app (dist/) served by Debian's nginx with the
// shipped site config (deploy/nginx.conf, started by tests/e2e/nginx.mjs),
// driven in Debian's Chromium. Nothing downloads a browser of its own.
//
//   E2E_DIST=/tmp/e2e-dist E2E_PORT=4173 npx playwright test
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tools/chromium.mjs';

const dist = process.env.E2E_DIST || 'dist';
const port = Number(process.env.E2E_PORT || 4173);
const baseURL = `http://127.0.0.1:${port}`;
// For specs that need it outside a test (beforeAll hooks).
process.env.E2E_BASE_URL = baseURL;
// A partner's site for the widget tests, on another origin (and site): see
// tests/e2e/partner-server.mjs. Specs read it from E2E_PARTNER_URL.
const partnerPort = port + 1;
process.env.E2E_PARTNER_URL = `http://localhost:${partnerPort}`;

if (!existsSync(resolve(dist, 'index.html'))) {
  throw new Error(
    `No build in ${resolve(dist)} (index.html missing). Build first: trunk build --release [--dist <folder>] and set E2E_DIST.`,
  );
}

// The specs pin the browser's clock to tests/e2e/pinned-date; a build published
// on another day would show other upcoming events and recurrences. The events
// feed's DTSTAMP is the publisher's build date.
const pinned = readFileSync('tests/e2e/pinned-date', 'utf8').trim();
const feed = resolve(dist, 'api/v1/en/events/calendar.ics');
const stamp = existsSync(feed) ? /DTSTAMP:(\d{4})(\d{2})(\d{2})/.exec(readFileSync(feed, 'utf8')) : null;
if (!stamp || `${stamp[1]}-${stamp[2]}-${stamp[3]}` !== pinned) {
  throw new Error(
    `The build in ${resolve(dist)} was not published on the tests' pinned date ${pinned} (tests/e2e/pinned-date). ` +
      `Build with PORTAL_BUILD_DATE=${pinned} trunk build --release (scripts/test does).`,
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'en-GB',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    video: 'off',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `node tests/e2e/nginx.mjs ${JSON.stringify(dist)} ${port}`,
      url: `${baseURL}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node tests/e2e/partner-server.mjs ${partnerPort} ${baseURL}`,
      url: `http://localhost:${partnerPort}/index.html`,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
