// Lighthouse report for a built dist/: five pages (home, the first article of
// the news feed, the newest article with a photograph as its hero, the events
// calendar, the first guide site), each audited N
// times in a fresh headless Debian Chromium (tools/chromium.mjs) against the
// build served by nginx with the shipped site config (tests/e2e/nginx.mjs).
// Lighthouse's defaults: mobile form factor, simulated throttling (slow 4G, 4x CPU).
// Prints the median of each figure per page and writes them, with every run's
// figures, to test-results/lighthouse.json. A report, never a test: timings on
// a shared machine are noisy, so nothing is compared with a budget. A page
// that fails to audit prints its error and the others go on; the exit status
// is 0 unless the report could not start at all (no build, no Chromium, no
// Lighthouse, nginx did not come up).
//
// Usage: node tests/bench/lighthouse.mjs [dist] [--runs N] [--nginx-conf PATH] [--throttling devtools] [--out FILE]
//   dist            the build to serve (default dist)
//   --runs N        audits per page (default $LIGHTHOUSE_RUNS or 3)
//   --nginx-conf    a site config instead of deploy/nginx.conf, e.g. the one
//                   before prerendering: git show e3aa567:deploy/nginx.conf
//   --throttling    simulate (default: Lighthouse's estimate from an unthrottled
//                   load) or devtools (the load really throttled, slower;
//                   a second opinion where the simulation misjudges paints)
//   --out FILE      where the JSON goes (default test-results/lighthouse.json)
// Environment: CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_PORT (default: a free port).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../../tools/chromium.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function usage(message) {
  console.error(`lighthouse.mjs: ${message}`);
  console.error(
    'usage: node tests/bench/lighthouse.mjs [dist] [--runs N] [--nginx-conf PATH] [--throttling simulate|devtools] [--out FILE]',
  );
  process.exit(2);
}

// --- arguments ---------------------------------------------------------------
let distArg = 'dist';
let runs = Number(process.env.LIGHTHOUSE_RUNS || 3);
let nginxConf = null;
let throttling = 'simulate';
let out = join(repo, 'test-results/lighthouse.json');
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      if (i + 1 >= args.length) usage(`${arg} needs a value`);
      return args[++i];
    };
    if (arg === '--runs') runs = Number(value());
    else if (arg === '--nginx-conf') nginxConf = resolve(value());
    else if (arg === '--out') out = resolve(value());
    else if (arg === '--throttling') throttling = value();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else distArg = arg;
  }
}
if (!Number.isInteger(runs) || runs < 1) usage('the number of runs must be a whole number ≥ 1');
if (!['simulate', 'devtools'].includes(throttling)) usage('--throttling is simulate or devtools');
const dist = resolve(distArg);
const chromePath = process.env.CHROME_PATH || chromiumLaunchOptions.executablePath;

function cannotStart(message) {
  console.error(`lighthouse.mjs: ${message}`);
  process.exit(1);
}
if (!existsSync(join(dist, 'index.html'))) cannotStart(`no build in ${dist}`);
if (!existsSync(chromePath)) cannotStart(`${chromePath} not found (set CHROME_PATH, or run scripts/setup --browser)`);
if (nginxConf && !existsSync(nginxConf)) cannotStart(`${nginxConf} not found`);

let lighthouse;
try {
  lighthouse = (await import('lighthouse')).default;
} catch (error) {
  cannotStart(`cannot load Lighthouse (npm ci): ${error.message}`);
}
const lighthouseVersion = JSON.parse(
  readFileSync(join(repo, 'node_modules/lighthouse/package.json'), 'utf8'),
).version;

// --- the pages -----------------------------------------------------------------
function firstSlug(file) {
  try {
    const doc = JSON.parse(readFileSync(join(dist, 'api/v1', file), 'utf8'));
    return doc.items?.[0]?.slug ?? null;
  } catch (error) {
    console.error(`lighthouse.mjs: cannot read api/v1/${file}: ${error.message}`);
    return null;
  }
}
const article = firstSlug('en/news/page/1.json');
// The newest article whose hero is a photograph (its LCP is that photo).
function firstPhotoSlug() {
  for (let page = 1; existsSync(join(dist, `api/v1/en/news/page/${page}.json`)); page += 1) {
    const doc = JSON.parse(readFileSync(join(dist, `api/v1/en/news/page/${page}.json`), 'utf8'));
    const found = doc.items?.find((item) => item.hero?.photo);
    if (found) return found.slug;
  }
  return null;
}
const photoArticle = firstPhotoSlug();
const site = firstSlug('en/sites/index.json');
const pages = [
  { name: 'home', path: '/en/' },
  article && { name: 'article', path: `/en/news/${article}` },
  photoArticle && photoArticle !== article && { name: 'photo article', path: `/en/news/${photoArticle}` },
  { name: 'events', path: '/en/events' },
  site && { name: 'site', path: `/en/sites/${site}` },
].filter(Boolean);

// --- nginx ---------------------------------------------------------------------
function freePort() {
  return new Promise((done, failed) => {
    const server = createServer();
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}
const port = Number(process.env.LIGHTHOUSE_PORT) || (await freePort());
const origin = `http://127.0.0.1:${port}`;

const nginxArgs = [join(repo, 'tests/e2e/nginx.mjs'), dist, String(port)];
if (nginxConf) nginxArgs.push(nginxConf);
const nginx = spawn(process.execPath, nginxArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
let nginxLog = '';
let nginxExited = false;
nginx.stderr.on('data', (chunk) => {
  nginxLog += chunk;
});
nginx.on('exit', () => {
  nginxExited = true;
});

let chrome = null; // the Chromium of the audit under way
let browserVersion = null; // from the first one's /json/version
const chromeDirs = new Set();
function cleanUp() {
  if (chrome && chrome.exitCode === null && chrome.signalCode === null) killChrome(chrome, 'SIGKILL');
  for (const dir of chromeDirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // a scratch directory under the system temp dir
    }
  }
  chromeDirs.clear();
  if (!nginxExited) nginx.kill('SIGTERM');
  nginxExited = true;
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => process.exit(130));
}

async function waitForServer() {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (nginxExited) break;
    try {
      const response = await fetch(`${origin}/index.html`);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
if (!(await waitForServer())) {
  cleanUp();
  cannotStart(`nginx did not come up on ${origin}:\n${nginxLog.trim()}`);
}

// --- Chromium --------------------------------------------------------------------
// One fresh browser and profile per audit (nothing cached, no service worker).
function launchChrome() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'portal-lighthouse-'));
  chromeDirs.add(userDataDir);
  const args = [
    ...chromiumLaunchOptions.args,
    '--headless=new',
    '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`,
    '--no-default-browser-check',
    '--disable-dev-shm-usage',
    'about:blank',
  ];
  const child = spawn(chromePath, args, {
    env: chromiumLaunchOptions.env,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  chrome = child;
  return new Promise((done, failed) => {
    let log = '';
    const timer = setTimeout(() => {
      killChrome(child, 'SIGKILL');
      failed(new Error(`Chromium did not start in 30 s:\n${log.trim()}`));
    }, 30_000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        if (!browserVersion) {
          fetch(`http://127.0.0.1:${port}/json/version`)
            .then((r) => r.json())
            .then((v) => {
              browserVersion ??= v.Browser;
            })
            .catch(() => {});
        }
        done({ port, child, userDataDir });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      failed(new Error(`Chromium exited (${code ?? signal}) before it was ready:\n${log.trim()}`));
    });
  });
}

// Chromium runs in a process group of its own (detached), so its helpers
// (zygote, renderers, crashpad) end with it; only then is its profile removed.
function killChrome(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal); // the group is gone already
  }
}
async function stopChrome({ child, userDataDir }) {
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise((r) => (running() ? child.once('exit', r) : r()));
  const within = (ms) => Promise.race([exited, new Promise((r) => setTimeout(r, ms))]);
  killChrome(child, 'SIGTERM');
  await within(5_000);
  if (running()) {
    killChrome(child, 'SIGKILL');
    await within(5_000);
  }
  killChrome(child, 'SIGKILL'); // helpers left behind by a main process that exited
  if (chrome === child) chrome = null;
  try {
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    chromeDirs.delete(userDataDir);
  } catch (error) {
    console.warn(`  (could not remove ${userDataDir}: ${error.message})`);
  }
}

// --- one audit -------------------------------------------------------------------
const CATEGORIES = ['performance', 'accessibility', 'seo', 'best-practices'];
const flags = {
  logLevel: 'error',
  output: 'json',
  onlyCategories: CATEGORIES,
  formFactor: 'mobile',
  throttlingMethod: throttling, // default simulate; slow 4G, 4x CPU slowdown either way
  disableFullPageScreenshot: true,
};

const score = (lhr, id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
const value = (lhr, id) => {
  const audit = lhr.audits[id];
  return audit && typeof audit.numericValue === 'number' ? audit.numericValue : null;
};

// Lighthouse has its own timeouts (45 s for a load); this one is for a hang
// anywhere else: the browser is killed and the audit fails.
const AUDIT_TIMEOUT_MS = 180_000;

async function audit(url) {
  const browser = await launchChrome();
  let timer;
  try {
    const timeout = new Promise((_, failed) => {
      timer = setTimeout(() => {
        killChrome(browser.child, 'SIGKILL');
        failed(new Error(`no result in ${AUDIT_TIMEOUT_MS / 1000} s`));
      }, AUDIT_TIMEOUT_MS);
    });
    const result = await Promise.race([lighthouse(url, { ...flags, port: browser.port }), timeout]);
    if (!result?.lhr) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const figures = {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      seo: score(lhr, 'seo'),
      bestPractices: score(lhr, 'best-practices'),
      lcpMs: value(lhr, 'largest-contentful-paint'),
      fcpMs: value(lhr, 'first-contentful-paint'),
      cls: value(lhr, 'cumulative-layout-shift'),
      tbtMs: value(lhr, 'total-blocking-time'),
      ttiMs: value(lhr, 'interactive'),
      speedIndexMs: value(lhr, 'speed-index'),
      transferBytes: value(lhr, 'total-byte-weight'),
      requests: lhr.audits['network-requests']?.details?.items?.length ?? null,
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    };
    // Audits Lighthouse could not compute (their scores are then missing).
    const auditErrors = Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => `${a.id}: ${a.errorMessage}`);
    // What the LCP was (a prerendered node, or one the app drew).
    const lcpTable = lhr.audits['largest-contentful-paint-element']?.details?.items?.find((t) => t.items?.[0]?.node);
    const lcpNode = lcpTable?.items?.[0]?.node;
    const lcpElement = lcpNode ? `${lcpNode.selector ?? ''} ${lcpNode.snippet ?? ''}`.trim() : null;
    return {
      figures,
      lcpElement,
      warnings: [...(lhr.runWarnings ?? []), ...auditErrors],
      chrome: lhr.environment?.hostUserAgent,
    };
  } finally {
    clearTimeout(timer);
    await stopChrome(browser);
  }
}

function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

// --- run ---------------------------------------------------------------------------
const started = Date.now();
console.log(
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Lighthouse ${lighthouseVersion}, ${chromePath}, mobile, ${throttling === 'simulate' ? 'simulated' : 'devtools-throttled'} slow 4G; ${runs} run(s) per page; ` +
    `${dist} on ${origin} with ${nginxConf ?? 'deploy/nginx.conf'}`,
);
const results = [];
let userAgent = null;
for (const page of pages) {
  const url = origin + page.path;
  const entry = { ...page, url, median: null, runs: [], lcpElements: [], errors: [], warnings: [] };
  for (let i = 1; i <= runs; i++) {
    const t0 = Date.now();
    try {
      const { figures, lcpElement, warnings, chrome: ua } = await audit(url);
      userAgent ??= ua;
      entry.runs.push(figures);
      entry.lcpElements.push(lcpElement);
      for (const w of warnings) if (!entry.warnings.includes(w)) entry.warnings.push(w);
      console.log(
        `  ${page.name} run ${i}/${runs}: performance ${figures.performance ?? '–'} ` +
          `(${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      const message = error?.message ?? String(error);
      entry.errors.push(message);
      console.error(`  ${page.name} run ${i}/${runs}: FAILED: ${message}`);
    }
  }
  if (entry.runs.length > 0) {
    entry.median = Object.fromEntries(Object.keys(entry.runs[0]).map((k) => [k, median(entry.runs.map((r) => r[k]))]));
  }
  for (const w of entry.warnings) console.warn(`  ${page.name}: warning: ${w}`);
  results.push(entry);
}
const seconds = (Date.now() - started) / 1000;
cleanUp();

// --- report ------------------------------------------------------------------------
const fmt = (v, f) => (v == null ? '–' : f(v));
const s = (ms) => (ms / 1000).toFixed(2);
const columns = [
  ['page', (e) => e.name],
  ['perf', (e) => fmt(e.median?.performance, String)],
  ['LCP s', (e) => fmt(e.median?.lcpMs, s)],
  ['FCP s', (e) => fmt(e.median?.fcpMs, s)],
  ['CLS', (e) => fmt(e.median?.cls, (v) => v.toFixed(3))],
  ['TBT ms', (e) => fmt(e.median?.tbtMs, (v) => String(Math.round(v)))],
  ['TTI s', (e) => fmt(e.median?.ttiMs, s)],
  ['SI s', (e) => fmt(e.median?.speedIndexMs, s)],
  ['a11y', (e) => fmt(e.median?.accessibility, String)],
  ['SEO', (e) => fmt(e.median?.seo, String)],
  ['BP', (e) => fmt(e.median?.bestPractices, String)],
  ['KB', (e) => fmt(e.median?.transferBytes, (v) => (v / 1024).toFixed(1))],
  ['runs', (e) => `${e.runs.length}/${runs}`],
];
const rows = results.map((e) => columns.map(([, f]) => f(e)));
const widths = columns.map(([h], i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log();
console.log(line(columns.map(([h]) => h)));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(
  `\nMedians of ${runs} run(s) per page; KB = total transfer of the load (Lighthouse total-byte-weight); ` +
    `BP = best practices. ${pages.length} pages in ${seconds.toFixed(0)} s.`,
);
for (const e of results) {
  if (e.errors.length > 0) console.error(`${e.name}: ${e.errors.length} of ${runs} audit(s) failed: ${e.errors[0]}`);
}
if (!article || !site) console.error('lighthouse.mjs: no article or site slug found; those pages were skipped');

const report = {
  date: new Date().toISOString(),
  lighthouse: lighthouseVersion,
  chromium: browserVersion ?? userAgent,
  dist,
  nginxConf: nginxConf ?? join(repo, 'deploy/nginx.conf'),
  settings: { formFactor: 'mobile', throttlingMethod: throttling, throttling: 'Lighthouse default (slow 4G, 4x CPU)' },
  runsPerPage: runs,
  seconds: Math.round(seconds),
  units: { lcpMs: 'ms', fcpMs: 'ms', tbtMs: 'ms', ttiMs: 'ms', speedIndexMs: 'ms', transferBytes: 'bytes', cls: 'unitless' },
  pages: results,
};
try {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Written to ${out}`);
} catch (error) {
  console.error(`lighthouse.mjs: cannot write ${out}: ${error.message}`);
}
