// Post-build step: the app's stylesheets (one per section in the source,
// style/*.css, each a <link> Trunk hashes) become one file,
// styles-<16 hex>.css, in their document order, so the cascade is the same.
// Why: over HTTP/1.1 a browser opens six connections per host; five
// render-blocking stylesheets beside the HTML leave the page's first image
// waiting for a free one, a whole round trip on a phone. One stylesheet
// lets it start at once. (The link keeps its SRI attribute, recomputed.)
//
// Usage: node tools/post-build/merge-css.mjs <staged dist dir>
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: merge-css.mjs <staged dist dir>');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const LINK = /<link\b[^>]*>/gi;
const hrefOf = (tag) => /\shref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)?.slice(1).find(Boolean);
const stylesheets = [...html.matchAll(LINK)]
  .map(([tag]) => tag)
  .filter((tag) => /\srel=(?:"stylesheet"|'stylesheet'|stylesheet)(?=[\s>])/i.test(tag))
  // Trunk writes its hash without leading zeros: 15 hex digits at times.
  .filter((tag) => /^\/[^/]+-[0-9a-f]{1,16}\.css$/.test(hrefOf(tag) ?? ''));
if (stylesheets.length < 2) process.exit(0);

const css = stylesheets.map((tag) => readFileSync(join(dir, hrefOf(tag).slice(1)), 'utf8')).join('\n');
const name = `styles-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
writeFileSync(join(dir, name), css);
let out = html.replace(stylesheets[0], `<link href=/${name} integrity=${integrity} rel=stylesheet>`);
for (const tag of stylesheets.slice(1)) out = out.replace(tag, '');
writeFileSync(indexPath, out);
for (const tag of stylesheets) rmSync(join(dir, hrefOf(tag).slice(1)));
console.log(`merge-css: ${stylesheets.length} stylesheets → /${name} (${css.length} bytes)`);
