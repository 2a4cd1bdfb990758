// Post-build step: writes the app shell's file list and a build version into
// the staged service worker (sw.js), so it precaches exactly this build.
//
// The list is read, not guessed: index.html itself, every local file its tags
// reference (src and href: stylesheet, module preload, wasm preload, icons,
// manifest, a loader script), and the local .js/.wasm files named inside
// index.html's inline scripts and inside the referenced scripts that are not
// wasm-bindgen output (Trunk's loader, inline or extracted). Only files that
// exist in the staged directory are listed; /api/ is never precached.
// The version is a hash of the list and of each file's bytes, so every build
// with a different shell yields a byte-different sw.js (and so an update);
// `index` is index.html's SHA-256, checked by the worker at install.
//
// Must run after any step that rewrites index.html (loader extraction) and
// before compression (the .br/.gz of sw.js must be of the final file).
// Usage: node tools/post-build/precache.mjs <staging dir>
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? '');
const fail = (message) => {
  console.error(`precache: ${message}`);
  process.exit(1);
};
if (!process.argv[2] && !process.env.TRUNK_STAGING_DIR) fail('usage: precache.mjs <staging dir>');

const swPath = join(dir, 'sw.js');
if (!existsSync(swPath)) fail(`${swPath} is missing (index.html must copy assets/sw.js)`);
const html = readFileSync(join(dir, 'index.html'), 'utf8');

/** `/path` of a local file in the staged dir for a URL as written, or null. */
function localFile(url) {
  if (!url || /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) || /^[a-z]+:/i.test(url)) return null;
  const clean = decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\.?\//, '');
  if (!clean || clean.startsWith('api/')) return null;
  const full = normalize(join(dir, clean));
  if (!full.startsWith(dir + sep) || !existsSync(full) || !statSync(full).isFile()) return null;
  return '/' + clean.split(sep).join('/');
}

const shell = new Set(['/index.html']);
const scripts = [];

// Attribute values (quoted or not: Trunk minifies) of src and href.
for (const m of html.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
  const file = localFile(m[1] ?? m[2] ?? m[3]);
  if (file && file !== '/sw.js') {
    shell.add(file);
    if (file.endsWith('.js')) scripts.push(file);
  }
}

// Quoted local .js/.wasm names inside inline scripts and loader scripts.
const quoted = (source) =>
  [...source.matchAll(/["'`]([^"'`\s]+\.(?:js|wasm))["'`]/g)].map((m) => localFile(m[1])).filter(Boolean);
const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('\n');
for (const file of quoted(inline)) shell.add(file);
for (const script of scripts) {
  // wasm-bindgen's own glue is large and names nothing we need; a loader is small.
  const source = readFileSync(join(dir, script.slice(1)), 'utf8');
  if (source.length < 20_000) for (const file of quoted(source)) shell.add(file);
}

// Every route's code (split-app.mjs): every view works offline after the
// first visit, not only the one the reader arrived at.
const chunksPath = join(dir, 'wasm-chunks.json');
if (existsSync(chunksPath)) {
  const chunks = JSON.parse(readFileSync(chunksPath, 'utf8'));
  for (const url of [chunks.split, ...Object.values(chunks.groups).flat()]) {
    const file = localFile(url);
    if (!file) fail(`wasm-chunks.json names ${url}, which is not in the build`);
    shell.add(file);
  }
}

const list = [...shell].sort();
if (!list.some((f) => f.endsWith('.wasm'))) fail(`no .wasm found from index.html: ${list.join(', ')}`);
if (!list.some((f) => f.endsWith('.js'))) fail(`no .js found from index.html: ${list.join(', ')}`);

const hash = createHash('sha256');
for (const file of list) {
  hash.update(file + '\0');
  hash.update(readFileSync(join(dir, file.slice(1))));
}
const version = hash.digest('hex').slice(0, 16);

const sw = readFileSync(swPath, 'utf8');
const pattern = /^const BUILD = \{[^\n]*\};$/m;
if (!pattern.test(sw)) fail('sw.js has no one-line `const BUILD = {…};` to rewrite');
// The worker checks at install that the index.html it fetched is this one.
const index = createHash('sha256').update(readFileSync(join(dir, 'index.html'))).digest('hex');
const line = `const BUILD = ${JSON.stringify({ version, shell: list, index })};`;
writeFileSync(swPath, sw.replace(pattern, () => line));
console.log(`precache: sw.js version ${version}, ${list.length} files: ${list.join(' ')}`);
