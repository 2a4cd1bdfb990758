#!/usr/bin/env node
// Does the reader's side stay flat as the archive grows? Serves a built
// dist/ with nginx and the shipped site config (tests/e2e/nginx.mjs), each
// time with another published API tree in place of dist/api/v1, opens the
// same pages in Chromium and counts the API documents each page fetches and
// their bytes (decoded: a big tree made by hand has no .br files beside its
// JSON, so transfer sizes would compare compressed with raw). Pages: the
// home page, the news feed, its 40th page, the archive day of the oldest
// news, and a search of a word from the oldest article's title.
//
// A report, never a test. Service workers are blocked so that precaching
// does not count as a page's own fetches.
//
// Usage: node tests/bench/archive-pages.mjs DIST TREE [TREE ...]
//   DIST  a build (trunk build --release); its own api/v1 is the sample
//   TREE  another published tree (the --out of portal-publisher), e.g. a
//         100,000-article archive from tools/generate-content.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tools/chromium.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [distArg, ...treeArgs] = process.argv.slice(2);
if (!distArg) {
  console.error('usage: node tests/bench/archive-pages.mjs DIST TREE [TREE ...]');
  process.exit(2);
}
const dist = resolve(distArg);
const trees = [join(dist, 'api/v1'), ...treeArgs.map((tree) => resolve(tree))];
for (const tree of trees) {
  if (!existsSync(join(tree, 'en/news/page/1.json'))) {
    console.error(`archive-pages: ${tree} is not a published tree (no en/news/page/1.json)`);
    process.exit(1);
  }
}
const port = 4300 + (process.pid % 500);
const origin = `http://127.0.0.1:${port}`;
const scratch = mkdtempSync(join(tmpdir(), 'portal-archive-pages-'));
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** dist/ with `tree` as its api/v1: every other entry a symbolic link. */
function siteWith(tree, n) {
  const root = join(scratch, `site-${n}`);
  mkdirSync(join(root, 'api'), { recursive: true });
  for (const entry of readdirSync(dist)) {
    if (entry !== 'api') symlinkSync(join(dist, entry), join(root, entry));
  }
  for (const entry of readdirSync(join(dist, 'api'))) {
    if (entry !== 'v1') symlinkSync(join(dist, 'api', entry), join(root, 'api', entry));
  }
  symlinkSync(tree, join(root, 'api/v1'));
  return root;
}

/** The pages to open in `tree`: the oldest day and a word of its first title. */
function pagesOf(tree) {
  const days = readJson(join(tree, 'en/news/archive/index.json'));
  const list = Array.isArray(days) ? days : (days.days ?? []);
  const oldest = list.map((day) => (typeof day === 'string' ? day : day.date)).sort()[0];
  const day = readJson(join(tree, `en/news/archive/${oldest}.json`));
  const title = (day.items ?? day.articles ?? [])[0]?.title ?? 'castle';
  const word = title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5)[0] ?? title.split(' ')[0];
  return [
    ['home', '/en/'],
    ['news feed', '/en/news'],
    ['news feed, page 40', '/en/news?page=40'],
    [`archive day ${oldest}`, `/en/news/archive/${oldest}`],
    [`search "${word.toLowerCase()}"`, `/en/search?q=${encodeURIComponent(word.toLowerCase())}`],
  ];
}

async function serve(root) {
  const nginx = spawn(process.execPath, [join(repo, 'tests/e2e/nginx.mjs'), root, String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return nginx;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  nginx.kill('SIGTERM');
  throw new Error('nginx did not come up');
}

/** Opens `path`, waits for the network to settle; API documents and bytes. */
async function measure(browser, path) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      const path = new URL(response.url()).pathname.replace('/api/v1/', '');
      bodies.push(response.body().then((body) => [path, body.length], () => [path, 0]));
    }
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const sizes = await Promise.all(bodies);
  await context.close();
  const largest = sizes.sort((a, b) => b[1] - a[1])[0];
  return {
    documents: sizes.length,
    bytes: sizes.reduce((sum, [, bytes]) => sum + bytes, 0),
    largest: largest ? `${largest[0]} (${kb(largest[1])})` : '–',
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const results = [];
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const [n, tree] of trees.entries()) {
    const articles = readJson(join(tree, 'en/news/page/1.json')).total_items ?? '?';
    const nginx = await serve(siteWith(tree, n));
    try {
      const rows = [];
      for (const [name, path] of pagesOf(tree)) rows.push({ name, path, ...(await measure(browser, path)) });
      results.push({ tree, articles, rows });
    } finally {
      nginx.kill('SIGTERM');
      await new Promise((done) => nginx.on('exit', done));
    }
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log('API documents each page fetches (decoded bytes; service workers blocked; 390 px wide)\n');
for (const { tree, articles, rows } of results) {
  console.log(`${tree} (en articles: ${articles})\n`);
  console.log('| page | documents | bytes | largest |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(`| ${row.name} (${row.path}) | ${row.documents} | ${kb(row.bytes)} | ${row.largest} |`);
  }
  console.log('');
}
