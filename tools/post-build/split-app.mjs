// Post-build step: cuts the app's wasm at its lazy routes (src/lazy_pages.rs)
// so the first load carries the shell and one group of views, and the other
// groups arrive when the reader goes there (or earlier: see src/prefetch.rs).
//
// Trunk builds the app and runs wasm-bindgen on the whole module; the split
// has to happen before wasm-bindgen, on the wasm cargo linked (with
// `--emit-relocs`, see build.rs). So this step starts again from cargo's
// output and replaces Trunk's glue and wasm in the staged build:
//   1. crates/wasm-split cuts target/…/portal.wasm into the main module, one
//      module per group of routes and chunks of code shared between groups,
//      and writes split.js, which fetches and links them into the main module;
//   2. wasm-bindgen on the main module (`--keep-lld-exports`: the chunks link
//      to its exports);
//   3. release builds: wasm-opt -Oz on every module (Trunk's own wasm-opt is
//      off for the app, `data-wasm-opt="0"` in index.html) and terser on both
//      scripts (Trunk leaves the glue unminified);
//   4. content-hashed names in Trunk's pattern (`name-<16 hex>.ext`, cached as
//      immutable by deploy/nginx.conf): `portal-<h>.js` and `portal-<h>_bg.wasm`
//      (the glue and main module, named by one hash because they import each
//      other with split.js), `portal-split-<h>.js`, `portal-<chunk>-<h>.wasm`;
//   5. index.html names the new files (its preload links with their SRI
//      hashes recomputed, plus a module preload of split.js so the glue's
//      import does not wait for a round trip), and `wasm-chunks.json` lists
//      each group's files in load order (read by precache.mjs, the
//      prerenderer's preload links and tests/e2e/size-report.mjs).
//
// Must run before extract-loader.mjs (Trunk's inline loader names the glue
// and the wasm) and before anything that reads index.html.
// Usage: node tools/post-build/split-app.mjs <staged dist dir>
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: split-app.mjs <staged dist dir>');
  process.exit(2);
}
const fail = (message) => {
  console.error(`split-app: ${message}`);
  process.exit(1);
};
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
// wasm-opt warns once per chunk about the name section the split writes
// (local names, which it does not read); the rest of what it says is shown.
const runQuietly = (command, args) => {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  const said = (result.stderr ?? '').split('\n').filter((line) => line && !/unknown name subsection/.test(line));
  if (said.length > 0) console.error(said.join('\n'));
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (${result.error?.message ?? `status ${result.status}`})`);
};
const hex16 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const release = process.env.TRUNK_PROFILE === 'release';
const targetDir = process.env.CARGO_TARGET_DIR || 'target';
const input = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'portal.wasm');
if (!existsSync(input)) fail(`${input} is missing (cargo's output for the app)`);
const work = join(targetDir, 'wasm-split');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// 1. split
run('cargo', ['run', '--quiet', '--locked', '-p', 'portal-wasm-split', '--', input, work]);
const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8'));

// 2. bindgen of the main module
const bindgen = join(work, 'bindgen');
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-typescript',
  '--out-dir', bindgen, '--out-name', 'portal', join(work, 'main.wasm'),
]);

// 3. optimise
// The features rustc's wasm32 target uses by default; wasm-opt must accept them.
const FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
const optimised = (path) => {
  if (!release) return readFileSync(path);
  const out = `${path}.opt`;
  runQuietly('wasm-opt', ['-Oz', ...FEATURES, path, '-o', out]);
  return readFileSync(out);
};
const minified = (path) =>
  release
    ? execFileSync('terser', [path, '--module', '--compress', '--mangle'], { maxBuffer: 64 << 20 })
    : readFileSync(path);

// 4. names
const chunkNames = new Map(); // chunk_7 → portal-chunk-7-<h>.wasm
const chunkBytes = new Map();
for (const file of readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm')) {
  const bytes = optimised(join(work, file));
  const base = file.replace(/\.wasm$/, '');
  const name = `portal-${base.replace(/_/g, '-')}-${hex16(bytes)}.wasm`;
  chunkNames.set(base, name);
  chunkBytes.set(name, bytes);
}
const mainWasm = optimised(join(bindgen, 'portal_bg.wasm'));

const GLUE = '__PORTAL_GLUE__';
const SPLIT = '__PORTAL_SPLIT__';
let splitJs = readFileSync(join(work, 'split.js'), 'utf8').replace(
  /(\bfrom\s*)"\.\/main\.js"/g,
  (_, from) => `${from}"./${GLUE}"`,
);
if (!splitJs.includes(GLUE)) fail('split.js does not import the glue as "./main.js"');
splitJs = splitJs.replace(/"\.\/([A-Za-z0-9_]+)\.wasm"/g, (whole, base) => {
  const name = chunkNames.get(base);
  if (!name) fail(`split.js names ${base}.wasm, which the split did not write`);
  return `"./${name}"`;
});
// Only the module specifiers: the wasm's own import namespace stays "./split.js".
const glueJs = readFileSync(join(bindgen, 'portal.js'), 'utf8').replace(
  /(\bfrom\s*)"\.\/split\.js"/g,
  (_, from) => `${from}"./${SPLIT}"`,
);
if (!glueJs.includes(SPLIT)) fail('the glue does not import split.js: were the routes split?');

const hash = hex16(mainWasm, glueJs, splitJs);
const glueName = `portal-${hash}.js`;
const wasmName = `portal-${hash}_bg.wasm`;
const splitName = `portal-split-${hash}.js`;
writeFileSync(join(work, 'glue.js'), glueJs.split(SPLIT).join(splitName));
writeFileSync(join(work, 'split-final.js'), splitJs.split(GLUE).join(glueName));
const glue = minified(join(work, 'glue.js'));
const split = minified(join(work, 'split-final.js'));

// 5. the staged build
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const trunkName = (pattern, what) => {
  const found = new Set([...html.matchAll(pattern)].map((m) => m[0]));
  if (found.size !== 1) fail(`expected one ${what} in index.html, found ${[...found].join(', ') || 'none'}`);
  return [...found][0];
};
// Trunk writes its hash without leading zeros: 15 hex digits at times.
const oldGlue = trunkName(/portal-[0-9a-f]{1,16}\.js/g, "Trunk's glue");
const oldWasm = trunkName(/portal-[0-9a-f]{1,16}_bg\.wasm/g, "Trunk's wasm");
html = html.split(oldGlue).join(glueName).split(oldWasm).join(wasmName);

// The preloads' SRI (quoted or not: Trunk minifies index.html).
const withIntegrity = (name, bytes) => {
  const tag = new RegExp(`<link\\b[^>]*/${name.replace(/\./g, '\\.')}[^>]*>`, 'g');
  html = html.replace(tag, (link) =>
    link.replace(/integrity=("?)sha(?:256|384|512)-[A-Za-z0-9+/=]+\1/, (_, q) => `integrity=${q}${sri(bytes)}${q}`),
  );
};
withIntegrity(glueName, glue);
withIntegrity(wasmName, mainWasm);
const gluePreload = new RegExp(`<link\\b[^>]*/${glueName.replace(/\./g, '\\.')}[^>]*>`);
if (!gluePreload.test(html)) fail(`no preload link of ${glueName} in index.html`);
html = html.replace(
  gluePreload,
  (link) => `${link}<link rel="modulepreload" crossorigin href="/${splitName}" integrity="${sri(split)}">`,
);

for (const old of [oldGlue, oldWasm]) rmSync(join(dir, old), { force: true });
writeFileSync(join(dir, glueName), glue);
writeFileSync(join(dir, wasmName), mainWasm);
writeFileSync(join(dir, splitName), split);
for (const [name, bytes] of chunkBytes) writeFileSync(join(dir, name), bytes);
writeFileSync(indexPath, html);

const groups = {};
for (const [group, files] of Object.entries(manifest)) {
  groups[group] = files.map((base) => {
    const name = chunkNames.get(base);
    if (!name) fail(`the split's manifest names ${base}, which it did not write`);
    return `/${name}`;
  });
}
const list = { glue: `/${glueName}`, main: `/${wasmName}`, split: `/${splitName}`, groups };
writeFileSync(join(dir, 'wasm-chunks.json'), `${JSON.stringify(list, null, 2)}\n`);
console.log(
  `split-app: main ${mainWasm.length} B, ${chunkBytes.size} chunks in ${Object.keys(groups).length} groups` +
    (release ? ' (optimised, minified)' : ''),
);
