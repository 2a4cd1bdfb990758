// How every script of this repo launches a browser: Debian's Chromium (never
// one downloaded by a tool), headless-safe flags, and no background traffic
// (this machine's network refuses it).
// Chromium never runs under libfaketime (it stalls there): when the tests run
// with a faked machine date (scripts/test with PORTAL_TEST_CLOCK), the
// browser gets the environment without it and the specs hand it the date.
const browserEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')),
);

export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  env: browserEnv,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
