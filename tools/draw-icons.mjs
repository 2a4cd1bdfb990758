// Draws the app icons (assets/icons/*.png) from the one source, assets/icon.svg
// (the brand mark, as in assets/favicon.svg), with Playwright and Debian's
// Chromium. The PNGs are committed; run this after changing the source:
//
//   node tools/draw-icons.mjs
//
//   icon-192.png, icon-512.png   the mark as drawn (rounded square, transparent corners)
//   icon-maskable-512.png        full-bleed brand red, the mark inside the 80 % safe
//                                circle (platforms crop maskable icons to any shape)
//   apple-touch-icon.png         180 px, opaque, padded like the maskable one (iOS
//                                rounds the corners itself and shows transparency as black)
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const out = join(root, 'assets/icons');
mkdirSync(out, { recursive: true });

const BRAND = '#a4262c';
// On the brand-red bleed the mark's red square disappears; only its white
// diamonds must lie inside the maskable safe circle (radius 40 % of the icon).
// They reach 11/32 of the mark's side from its centre, so at 80 % of the icon
// they reach 27.5 %: well inside, with room to spare.
const SAFE = 0.8;

const icons = [
  { file: 'icon-192.png', size: 192, padded: false },
  { file: 'icon-512.png', size: 512, padded: false },
  { file: 'icon-maskable-512.png', size: 512, padded: true },
  { file: 'apple-touch-icon.png', size: 180, padded: true },
];

const svg = (px) => source.replace('<svg ', `<svg width="${px}" height="${px}" `);

function page({ size, padded }) {
  const inner = padded ? Math.round(size * SAFE) : size;
  const background = padded ? BRAND : 'transparent';
  return `<!doctype html><html><head><style>
    html, body { margin: 0; width: ${size}px; height: ${size}px; background: ${background}; }
    body { display: grid; place-items: center; }
    svg { display: block; }
  </style></head><body>${svg(inner)}</body></html>`;
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const icon of icons) {
    const context = await browser.newContext({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    const tab = await context.newPage();
    await tab.setContent(page(icon));
    await tab.screenshot({ path: join(out, icon.file), omitBackground: !icon.padded });
    await context.close();
    console.log(`assets/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
