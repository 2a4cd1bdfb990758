// Post-build step: builds the partner widgets' frame (crates/widgets) and
// writes it into the staged dist under /embed/:
//
//   embed/{news,events,site}/index.html   the frame page of each widget
//   embed/widgets-<hash>.js / _bg.wasm    wasm-bindgen's output, content-hashed
//   embed/frame-<hash>.js                 starts it (no inline script: CSP)
//   embed/widget-<hash>.css               the widgets' styles (assets/embed/)
//   embed.js                              minified in release builds (terser)
//
// A separate, tiny wasm rather than the Leptos app: a widget iframe must load
// under 40 KB brotli. Release builds are optimised like the app (release
// profile, wasm-opt -Oz, the JS glue minified by terser); dev builds skip both. The frame pages copy the
// app's <meta name="portal-api-base"> so both read the same API.
//
// Usage: node tools/post-build/widgets.mjs <staged dist dir>
// (run.sh passes $TRUNK_STAGING_DIR). Needs cargo, wasm-bindgen and, for
// release, wasm-opt and terser on PATH (scripts/setup installs them;
// both come from node_modules/.bin).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.argv[2];
if (!dist) {
  console.error('usage: widgets.mjs <staged dist dir>');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const WIDGETS = ['news', 'events', 'site'];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

// 1. The wasm, built like the app (the workspace's release profile).
const profile = release ? 'release' : 'debug';
run('cargo', [
  'build', '--quiet', '--locked', '-p', 'portal-widgets', '--lib',
  '--target', 'wasm32-unknown-unknown', ...(release ? ['--release'] : []),
]);
const targetDir = process.env.CARGO_TARGET_DIR || join(repo, 'target');
const built = join(targetDir, 'wasm32-unknown-unknown', profile, 'portal_widgets.wasm');

// 2. JS bindings, then (release) size optimisation.
const scratch = mkdtempSync(join(tmpdir(), 'portal-widgets-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', scratch, '--out-name', 'widgets', built]);
  const wasmPath = join(scratch, 'widgets_bg.wasm');
  if (release) run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue', wasmPath, '-o', wasmPath]);

  // 3. Content-hashed names, like Trunk's `name-<16 hex>.ext`.
  const out = join(dist, 'embed');
  mkdirSync(out, { recursive: true });
  const hashed = (name, ext, bytes) => {
    const file = `${name}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;
    writeFileSync(join(out, file), bytes);
    return `/embed/${file}`;
  };
  const wasm = readFileSync(wasmPath);
  const wasmHash = createHash('sha256').update(wasm).digest('hex').slice(0, 16);
  const wasmUrl = `/embed/widgets-${wasmHash}_bg.wasm`;
  writeFileSync(join(dist, wasmUrl), wasm);
  const gluePath = join(scratch, 'widgets.js');
  if (release) run('terser', [gluePath, '--module', '--compress', '--mangle', '--output', gluePath]);
  const glueUrl = hashed('widgets', '.js', readFileSync(gluePath));
  const startUrl = hashed(
    'frame',
    '.js',
    `import init from '${glueUrl}';\ninit({ module_or_path: '${wasmUrl}' });\n`,
  );
  const cssUrl = hashed('widget', '.css', readFileSync(join(repo, 'assets/embed/widget.css')));

  // 4. The frame pages.
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  // Quoted or not: release builds minify index.html.
  const apiBase = /<meta\b[^>]*\bname=["']?portal-api-base\b[^>]*>/.exec(index)?.[0];
  if (!apiBase) throw new Error('index.html has no <meta name="portal-api-base">');
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
${apiBase}
<title>Belarus Portal</title>
<link rel="stylesheet" href="${cssUrl}">
<link rel="modulepreload" href="${glueUrl}">
<link rel="preload" href="${wasmUrl}" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="${startUrl}"></script>
</head>
<body>
<main id="widget"></main>
</body>
</html>
`;
  for (const widget of WIDGETS) {
    mkdirSync(join(out, widget), { recursive: true });
    writeFileSync(join(out, widget, 'index.html'), page);
  }
  // 5. embed.js, which Trunk copied as written: minified in place for
  // partners' pages (the readable source is assets/embed.js).
  if (release) {
    const embed = join(dist, 'embed.js');
    run('terser', [embed, '--compress', '--mangle', '--output', embed]);
  }
  console.log(`widgets: ${WIDGETS.join(', ')} → ${wasmUrl} (${wasm.length} bytes)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
