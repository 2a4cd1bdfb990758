// First-load size report for a built dist/: the files a reader's browser
// fetches before the app can render (index.html, the JS and wasm that
// Trunk's tags reference, CSS, favicon), raw and brotli-compressed (quality
// 11, as a CDN would serve them), against the 150 KB brotli budget.
// Over budget prints a warning; it never fails.
// Usage: node tests/e2e/size-report.mjs [dist]   (npm run size-report -- <dist>)
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = resolve(process.argv[2] ?? 'dist');

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch (error) {
  console.error(`size-report: cannot read ${join(dist, 'index.html')}: ${error.message}`);
  process.exit(2);
}

/** Attributes of an HTML start tag, quoted or not (Trunk minifies). */
function attributes(source) {
  const attrs = {};
  const pattern = /([^\s=\/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of source.matchAll(pattern)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

// What a browser fetches on first load (apple-touch-icon is fetched only when a page is
// added to a home screen, so it is not counted).
const FIRST_LOAD_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'modulepreload', 'preload']);
const found = new Map(); // path → why it is loaded
const add = (url, why) => {
  if (!url || /^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return; // not ours
  const path = decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\.?\//, '');
  if (path && !found.has(path)) found.set(path, why);
};

found.set('index.html', 'document');
for (const [, tag, attrSource] of html.matchAll(/<(link|script)\b([^>]*)>/gi)) {
  const attrs = attributes(attrSource);
  if (tag.toLowerCase() === 'script') {
    if (attrs.src) add(attrs.src, 'script');
    continue;
  }
  const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
  if (rels.some((rel) => FIRST_LOAD_RELS.has(rel))) add(attrs.href, rels.join(' '));
}
// Trunk's inline loader: import init from '/x.js'; init({ module_or_path: '/x_bg.wasm' }).
for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
  for (const m of body.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)) {
    add(m[1] ?? m[2], 'module import');
  }
  for (const m of body.matchAll(/['"]([^'"\s]+\.wasm)['"]/g)) add(m[1], 'wasm');
}

const rows = [];
let missing = 0;
for (const [path, why] of found) {
  const file = join(dist, path);
  let raw;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    raw = readFileSync(file);
  } catch {
    console.warn(`warning: ${path} (${why}) is referenced by index.html but missing from ${dist}`);
    missing++;
    continue;
  }
  const brotli = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }).length;
  rows.push({ path, why, raw: raw.length, brotli });
}

const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, brotli: sum.brotli + r.brotli }), { raw: 0, brotli: 0 });
const n = (bytes) => bytes.toLocaleString('en-US');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(5, ...rows.map((r) => r.path.length));
const line = (a, b, c, d) => `${a.padEnd(width)}  ${b.padStart(11)}  ${c.padStart(11)}  ${d}`;

console.log(`First load of ${dist}`);
console.log(line('file', 'raw bytes', 'brotli', 'loaded as'));
console.log('-'.repeat(width + 40));
for (const r of rows) console.log(line(r.path, n(r.raw), n(r.brotli), r.why));
console.log('-'.repeat(width + 40));
console.log(line('total', n(total.raw), n(total.brotli), `${kb(total.raw)} raw, ${kb(total.brotli)} brotli`));
console.log('');

const share = ((total.brotli / BUDGET_BYTES) * 100).toFixed(0);
if (total.brotli > BUDGET_BYTES) {
  console.log(
    `WARNING: first load is ${kb(total.brotli)} brotli, over the ${kb(BUDGET_BYTES)} budget by ${kb(total.brotli - BUDGET_BYTES)} (${share}% of budget).`,
  );
} else {
  console.log(
    `Budget: ${kb(total.brotli)} brotli of ${kb(BUDGET_BYTES)} (${share}%), ${kb(BUDGET_BYTES - total.brotli)} to spare.`,
  );
}
if (missing > 0) console.log(`WARNING: ${missing} referenced file(s) missing from the build.`);
