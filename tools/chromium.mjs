// How every script of this repo launches a browser: Debian's Chromium (never
// one downloaded by a tool), headless-safe flags, and no background traffic
// (this machine's network refuses it).
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
