#!/usr/bin/env node
// Builds tools/size-floor as the app is built for release (cargo, then
// wasm-bindgen, wasm-opt -Oz with the features split-app.mjs passes, terser
// on the glue) and prints its wasm and JS, raw and brotli 11 as nginx
// serves them. A report run by hand (it takes minutes): the figure is the
// floor any Portal page pays before the app's own code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliSize } from '../../tests/e2e/first-load.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const target = join(root, 'target', 'size-floor');
const out = join(target, 'out');
const bin = join(root, 'node_modules', '.bin');
const run = (command, args, cwd = here) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

run('cargo', ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown',
  '--target-dir', target]);
mkdirSync(out, { recursive: true });
run('wasm-bindgen', [join(target, 'wasm32-unknown-unknown', 'release', 'size-floor.wasm'),
  '--out-dir', out, '--target', 'web', '--no-typescript']);
run(join(bin, 'wasm-opt'), ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
  '--enable-multivalue', join(out, 'size-floor_bg.wasm'), '-o', join(out, 'floor.wasm')]);
run(join(bin, 'terser'), [join(out, 'size-floor.js'), '--module', '--compress', '--mangle',
  '-o', join(out, 'floor.js')]);

let total = 0;
for (const name of ['floor.wasm', 'floor.js']) {
  const path = join(out, name);
  const brotli = brotliSize(readFileSync(path));
  total += brotli;
  console.log(`${name}: ${statSync(path).size} bytes raw, ${(brotli / 1024).toFixed(1)} KB brotli`);
}
console.log(`wasm and JS: ${(total / 1024).toFixed(1)} KB brotli`);
