// Post-build step (always the LAST one): writes precompressed copies next to
// every compressible file of the staged build — `<file>.br` (brotli, quality
// 11) and `<file>.gz` (gzip, level 9) — so the host serves them as they are
// (nginx: brotli_static / gzip_static, see deploy/nginx.conf) instead of
// compressing on every request or not at all.
//
// Compressible: html, js, mjs, css, wasm, json, svg, webmanifest, txt, xml, ics.
// Skipped: files under 1 KB (the headers cost more than the saving) and files
// whose compressed copy would not be smaller. Stale .br/.gz from an earlier
// run are replaced, so a copy always matches its file.
//
// Usage: node tools/post-build/compress.mjs <staged dist dir>
// (run.sh passes $TRUNK_STAGING_DIR; it runs this for release builds only).
// Plain Node 20, no dependencies.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: compress.mjs <staged dist dir>');
  process.exit(2);
}

const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt', '.xml', '.ics',
]);
const MIN_BYTES = 1024;

function* files(root) {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let count = 0;
let raw = 0;
let br = 0;
for (const path of [...files(dir)]) {
  if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
  // Never leave a copy of an older version of the file behind.
  rmSync(`${path}.br`, { force: true });
  rmSync(`${path}.gz`, { force: true });
  if (statSync(path).size < MIN_BYTES) continue;

  const data = readFileSync(path);
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]:
        extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(data, { level: 9 });
  if (brotli.length < data.length) writeFileSync(`${path}.br`, brotli);
  if (gzip.length < data.length) writeFileSync(`${path}.gz`, gzip);
  count++;
  raw += data.length;
  br += Math.min(brotli.length, data.length);
}
console.log(
  `compress: ${count} files, ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`,
);
