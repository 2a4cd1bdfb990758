// What a reader's browser fetches before a view can run, measured on a
// built dist/: brotli quality 11 per file, as compress.mjs ships it and
// nginx serves it. Used by size-report.mjs (printed) and budget.spec.ts
// (checked). Deterministic: the same build gives the same bytes.
//
// - `shell`: what every page loads: index.html and the files its tags name
//   (stylesheets, icon, the module preloads, the wasm preload, a loader
//   script and what Trunk's inline loader imports).
// - `groups`: the app's wasm is cut into groups of views
//   (tools/post-build/split-app.mjs, wasm-chunks.json); a page's first load
//   is the shell plus its group's chunks.
// - `widgets`: each partner widget's frame page (embed/{widget}/index.html)
//   and the files it names.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;
export const WIDGET_BUDGET_BYTES = 40 * 1024;

export function brotliSize(raw) {
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }).length;
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

// What a browser fetches on first load (apple-touch-icon is fetched only
// when a page is added to a home screen, so it is not counted).
const FIRST_LOAD_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'modulepreload', 'preload']);

/** The local files an HTML page makes the browser fetch at once, with why. */
function namedBy(html, page) {
  const found = new Map([[page, 'document']]);
  const add = (url, why) => {
    if (!url || /^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return; // not ours
    const path = decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\.?\//, '');
    if (path && !found.has(path)) found.set(path, why);
  };
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
  return found;
}

/** Rows { path, why, raw, brotli } of the files, and the names missing from dist. */
function measure(dist, files) {
  const rows = [];
  const missing = [];
  for (const [path, why] of files) {
    const file = join(dist, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.push(`${path} (${why})`);
      continue;
    }
    const raw = readFileSync(file);
    rows.push({ path, why, raw: raw.length, brotli: brotliSize(raw) });
  }
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, brotli: sum.brotli + r.brotli }), { raw: 0, brotli: 0 });
  return { rows, total, missing };
}

export function firstLoad(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const shell = measure(dist, namedBy(html, 'index.html'));

  const groups = [];
  let allWasm = null;
  const chunksPath = join(dist, 'wasm-chunks.json');
  if (existsSync(chunksPath)) {
    const chunks = JSON.parse(readFileSync(chunksPath, 'utf8'));
    const sizes = new Map();
    const sizeOf = (url) => {
      if (!sizes.has(url)) sizes.set(url, brotliSize(readFileSync(join(dist, url.replace(/^\//, '')))));
      return sizes.get(url);
    };
    for (const [group, files] of Object.entries(chunks.groups)) {
      const brotli = files.reduce((sum, url) => sum + sizeOf(url), 0);
      groups.push({ group, files: files.length, brotli, firstLoad: shell.total.brotli + brotli });
    }
    allWasm = sizeOf(chunks.main) + [...sizes.entries()].filter(([url]) => url !== chunks.main).reduce((s, [, b]) => s + b, 0);
  }

  const widgets = [];
  const embed = join(dist, 'embed');
  if (existsSync(embed)) {
    for (const widget of readdirSync(embed).sort()) {
      const page = join('embed', widget, 'index.html');
      if (!existsSync(join(dist, page))) continue;
      const measured = measure(dist, namedBy(readFileSync(join(dist, page), 'utf8'), page));
      widgets.push({ widget, ...measured });
    }
  }
  return { shell, groups, allWasm, widgets };
}
