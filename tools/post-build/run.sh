#!/bin/sh
# Trunk's post-build hook: turns the staged build into what we deploy.
# Runs in order, every build (dev and release) unless a step says otherwise;
# any failure fails the build. One script per step, in this order:
#   1. publish content/ as the static JSON API    (crates/publisher)
#   1a. cut the app's wasm at its lazy routes and put the pieces in place
#      of Trunk's glue and wasm (split-app.mjs): before anything reads the
#      names in index.html
#   2. move Trunk's inline loader script into loader-<hash>.js, so the CSP
#      needs no 'unsafe-inline'                   (extract-loader.mjs)
#   2a. the stylesheets become one file, so the first image need not wait
#      for a connection (merge-css.mjs)
#   2b. an HTML page for every public URL, rendered by the app's own views
#      from step 1's API, with sitemap.xml and robots.txt (crates/prerender):
#      index.html is its template, so after step 2
#   3. write the app shell's file list and build version into the staged
#      service worker sw.js                      (precache.mjs): it must see
#      the final file names and index.html, so after step 2
#   4. build the partner widgets' frame into embed/ (widgets.mjs): it copies
#      the API base from the staged index.html
#   …  any new step goes here, BEFORE compression
#   last. precompress to .br and .gz, release builds only (compress.mjs):
#      it must stay last so every file it compresses is final.
set -eu
: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
here=$(dirname "$0")

# 1. content API (PORTAL_CONTENT: another content folder, e.g. for a preview)
cargo run --quiet --locked -p portal-publisher -- build --content "${PORTAL_CONTENT:-content}" --out "$TRUNK_STAGING_DIR/api/v1"

# 1a. the app's wasm in chunks (replaces Trunk's glue and wasm)
node "$here/split-app.mjs" "$TRUNK_STAGING_DIR"

# 2. inline scripts → hashed files
node "$here/extract-loader.mjs" "$TRUNK_STAGING_DIR"

# 2a. one stylesheet
node "$here/merge-css.mjs" "$TRUNK_STAGING_DIR"

# 2b. prerendered pages (PORTAL_PUBLIC_ORIGIN: the origin of absolute URLs)
cargo run --quiet --locked -p portal-prerender -- --dist "$TRUNK_STAGING_DIR"

# 3. service worker precache list (after step 2, before compression)
node "$here/precache.mjs" "$TRUNK_STAGING_DIR"

# 4. partner widgets (a separate small wasm) → embed/
node "$here/widgets.mjs" "$TRUNK_STAGING_DIR"

# Last: precompression. Skipped for dev builds (TRUNK_PROFILE=debug, set by
# Trunk 0.21) to keep `trunk serve` rebuilds fast; brotli 11 of the wasm takes
# a few seconds.
if [ "${TRUNK_PROFILE:-}" = release ]; then
  node "$here/compress.mjs" "$TRUNK_STAGING_DIR"
fi
