// First-load size report for a built dist/: the files a reader's browser
// fetches before the app can render (index.html, the JS and wasm that
// Trunk's tags reference, CSS, favicon), raw and brotli-compressed (quality
// 11, as a CDN would serve them), against the 150 KB brotli budget.
// Over budget prints a warning; it never fails. The app's wasm is cut into
// groups of routes (tools/post-build/split-app.mjs, wasm-chunks.json): the
// table is what every page loads, and a second table adds, for each group,
// the chunks its views need (fetched when the reader first goes there).
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

const brotliOf = (raw) =>
  brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }).length;

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
  const brotli = brotliOf(raw);
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

// The app's wasm in groups of routes (split-app.mjs): what each group adds.
let chunks = null;
try {
  chunks = JSON.parse(readFileSync(join(dist, 'wasm-chunks.json'), 'utf8'));
} catch {
  // One wasm: every route loads the files above and nothing else.
}
const firstLoads = [['every route', total.brotli]];
if (chunks) {
  console.log('Every page loads the files above; each group of routes adds its chunks:');
  console.log(line('group', 'chunks', 'brotli', 'first load, brotli'));
  console.log('-'.repeat(width + 40));
  firstLoads.length = 0;
  let allChunks = 0;
  const counted = new Set();
  for (const [group, files] of Object.entries(chunks.groups)) {
    let sum = 0;
    for (const url of files) {
      const bytes = brotliOf(readFileSync(join(dist, url.replace(/^\//, ''))));
      sum += bytes;
      if (!counted.has(url)) {
        counted.add(url);
        allChunks += bytes;
      }
    }
    firstLoads.push([`the ${group} group`, total.brotli + sum]);
    console.log(line(group, n(files.length), n(sum), kb(total.brotli + sum)));
  }
  const main = rows.find((r) => `/${r.path}` === chunks.main)?.brotli ?? 0;
  console.log(`All the app's wasm (the main module and every chunk once): ${kb(main + allChunks)} brotli.`);
  console.log('');
}

for (const [what, bytes] of firstLoads) {
  const share = ((bytes / BUDGET_BYTES) * 100).toFixed(0);
  if (bytes > BUDGET_BYTES) {
    console.log(
      `WARNING: the first load of ${what} is ${kb(bytes)} brotli, over the ${kb(BUDGET_BYTES)} budget by ${kb(bytes - BUDGET_BYTES)} (${share}% of budget).`,
    );
  } else {
    console.log(`Budget: ${what} ${kb(bytes)} brotli of ${kb(BUDGET_BYTES)} (${share}%), ${kb(BUDGET_BYTES - bytes)} to spare.`);
  }
}
if (missing > 0) console.log(`WARNING: ${missing} referenced file(s) missing from the build.`);
