#!/usr/bin/env node
// Publish benchmark: for each N, a twenty-year archive of N generated
// articles with events and sites in the sample's proportions
// (tools/generate-content.mjs N), published by the publisher built for speed
// (target/publisher/portal-publisher, built once here with
// `cargo build --profile publisher --locked -p portal-publisher`). Prints a Markdown
// table: what was published, wall time, peak memory, the files and bytes
// written, the English search index raw and brotli (quality 11, as
// tools/post-build/compress.mjs ships it) and the largest file. The index is
// en/search.json; a publisher that splits it into en/search/ is reported as
// the folder's total over its files (brotli per file, as served) and its
// index.json.
//
// A report, never a test: nothing is compared with a budget. The exit status
// is 1 only when the publisher (or the generator, or the build) fails. A
// publisher stopped by --timeout is a row of the report ("stopped after …"),
// not a failure. Each row is printed as soon as its N is done.
//
// Each N is published four times: into a fresh directory with an empty
// cache (cold: every link preview drawn, every article checked); again with
// nothing changed (the cache knows the tree: an update in place that writes
// nothing); after one English article in the middle of the archive is
// edited (title and a paragraph: what an editor's next publish costs; the
// cell says how many files the update wrote; the file is put back after);
// after one English article dated the build day is added (an editor's most
// common publish: it lands on top of every feed and is the newest search
// document; removed after); and with --clean (a whole new tree swapped in, the cache warm). Peak
// memory is the cold run's. The publisher's per-stage timings
// (PORTAL_PUBLISHER_TIMINGS) of every run go to stderr. Then `portal-publisher
// watch` is started on the same tree and cache (its first publish an update
// that writes nothing), told the same edit and then the article put back:
// the cell gives the time from the telling to the summary line of each, and
// the larger peak of the two publishes (VmHWM, reset before each through
// /proc/<pid>/clear_refs), not counting the first.
//
// Peak memory is the publisher's maximum resident set size, from GNU time
// (`/usr/bin/time -v`, the kernel's ru_maxrss of that one process). Without
// /usr/bin/time it is VmHWM (the kernel's own high-water mark) read from
// /proc/<pid>/status every 20 ms while the publisher runs; the table says
// which. Wall time is measured here around the publisher's process.
//
// Usage: node tests/bench/publish.mjs [N ...] [--events E] [--sites S] [--keep] [--dir DIR] [--timeout S]
//   N            article counts (default 1000), e.g. 1000 10000 100000
//   --events E, --sites S
//                generated events and sites for every N (default: in the
//                sample's proportion to N; 0: only the sample's own)
//   --keep       keep the generated content and the published trees, and
//                reuse content generated earlier by the same generator from
//                the same content/
//   --dir DIR    where to work (default: a fresh temporary directory; with
//                --keep, $TMPDIR/portal-publish-bench). Without --keep what
//                the run wrote there is removed at the end.
//   --timeout S  stop a publisher still running after S seconds
// Environment: PORTAL_BUILD_DATE is set to tests/e2e/pinned-date, so every
// run publishes the same tree.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let keep = false;
let dirArg;
let timeoutSeconds = Infinity;
const counts = [];
const extra = [];
for (let k = 2; k < process.argv.length; k++) {
  const arg = process.argv[k];
  if (arg === '--keep') keep = true;
  else if (arg === '--events' || arg === '--sites') {
    const value = process.argv[++k];
    if (!/^\d+$/.test(value ?? '')) usage(`${arg} needs a count`);
    extra.push(arg, value);
  }
  else if (arg === '--dir') dirArg = process.argv[++k] ?? usage('--dir needs a directory');
  else if (arg === '--timeout') {
    timeoutSeconds = Number(process.argv[++k]);
    if (!(timeoutSeconds > 0)) usage('--timeout needs a number of seconds');
  }
  else if (/^\d+$/.test(arg) && Number(arg) >= 1) counts.push(Number(arg));
  else usage(`unknown argument ${JSON.stringify(arg)}`);
}
if (counts.length === 0) counts.push(1000);

function usage(problem) {
  console.error(`publish bench: ${problem}\nusage: node tests/bench/publish.mjs [N ...] [--events E] [--sites S] [--keep] [--dir DIR] [--timeout S]`);
  process.exit(2);
}

const log = (line) => console.error(`publish bench: ${line}`);
const buildDate = readFileSync(join(root, 'tests/e2e/pinned-date'), 'utf8').trim();
const generator = join(root, 'tools/generate-content.mjs');
const publisher = join(root, 'target/publisher/portal-publisher');
const gnuTime = '/usr/bin/time';
const haveGnuTime = existsSync(gnuTime) && spawnSync(gnuTime, ['-v', 'true'], { stdio: 'ignore' }).status === 0;

const work = resolve(dirArg ?? (keep ? join(tmpdir(), 'portal-publish-bench') : mkdtempSync(join(tmpdir(), 'portal-publish-bench-'))));
// Without --keep: what this run writes, and the folder itself when the run made it.
const written = [];
if (!existsSync(work) || !dirArg) written.push(work);
mkdirSync(work, { recursive: true });
const ours = (path) => (written.push(path), path);
let cleaned = false;
const cleanUp = () => {
  if (keep || cleaned) return;
  cleaned = true;
  for (const path of written.reverse()) rmSync(path, { recursive: true, force: true });
};
// The running publisher (or GNU time around it), stopped with the run;
// `watch` runs without GNU time.
let running;
let runningUnderTime = false;
process.on('exit', () => {
  if (running && running.exitCode === null && running.signalCode === null) {
    const pid = runningUnderTime ? childOf(running.pid) : running.pid;
    if (pid) process.kill(pid, 'SIGTERM');
  }
  cleanUp();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

const fail = (message) => {
  console.error(`publish bench: ${message}`);
  process.exit(1);
};

// The publisher, built once.
log('cargo build --profile publisher --locked -p portal-publisher');
const build = spawnSync('cargo', ['build', '--profile', 'publisher', '--locked', '-p', 'portal-publisher'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (build.status !== 0) fail('the publisher did not build');

/** Every file under `dir`: count, bytes and the largest. */
function walk(dir) {
  const total = { files: 0, bytes: 0, largest: { path: '', bytes: -1 } };
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const bytes = statSync(full).size;
        total.files++;
        total.bytes += bytes;
        if (bytes > total.largest.bytes) total.largest = { path: relative(dir, full), bytes };
      }
    }
  };
  visit(dir);
  return total;
}

/** What the content holds: article files by language, event and site folders. */
function contentCounts(dir) {
  const folders = (name) => readdirSync(join(dir, name), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const news = folders('news');
  let en = 0;
  let articles = 0;
  for (const slug of news) {
    for (const file of readdirSync(join(dir, 'news', slug))) {
      if (!/^(en|ru|be)\.md$/.test(file)) continue;
      articles++;
      if (file === 'en.md') en++;
    }
  }
  return { en, articles, events: folders('events').length, sites: folders('sites').length };
}

/** Content for N, generated (or, with --keep, reused when the same generator made it). */
function content(n) {
  const dir = ours(join(work, `content-${[n, ...extra].join('').replace(/--/g, '-')}`));
  const stamp = ours(`${dir}.stamp`);
  const hash = createHash('sha256').update(readFileSync(generator));
  for (const file of readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    const path = join(file.parentPath ?? file.path, file.name);
    hash.update(relative(root, path)).update(readFileSync(path));
  }
  const want = `${[n, ...extra].join(' ')} ${hash.digest('hex')}`;
  if (keep && existsSync(dir) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    log(`reusing ${dir}`);
    return dir;
  }
  rmSync(stamp, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [generator, String(n), dir, ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (run.status !== 0) fail(`tools/generate-content.mjs ${n} failed`);
  log(`${run.stdout.trim()} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  writeFileSync(stamp, want);
  return dir;
}

/** A child process of `pid`, from /proc. */
function childOf(pid) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

// The sample's photographs are developed where a default build keeps them
// (Trunk's hook and the tests have usually done it already): "cold" below
// means no cached articles, terms or tree, not minutes of photo encoding
// that do not grow with the archive.
const photoCache = join(
  process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(process.env.HOME ?? tmpdir(), '.cache'),
  'portal-publisher',
  'photos',
);

/** Runs the publisher: exit, wall time, peak RSS in KiB, its output. */
function publish(contentDir, outDir, cacheDir, extraArgs = []) {
  const env = { ...process.env, PORTAL_BUILD_DATE: buildDate, PORTAL_PUBLISHER_TIMINGS: '1' };
  const publisherArgs = ['build', '--content', contentDir, '--out', outDir, '--cache', cacheDir, '--photo-cache', photoCache, ...extraArgs];
  const timeFile = ours(join(work, 'time.txt'));
  const [command, commandArgs] = haveGnuTime
    ? [gnuTime, ['-v', '-o', timeFile, publisher, ...publisherArgs]]
    : [publisher, publisherArgs];
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    runningUnderTime = haveGnuTime;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let hwm = 0;
    let timedOut = false;
    const timer =
      timeoutSeconds < Infinity
        ? setTimeout(() => {
            timedOut = true;
            // The publisher itself (under GNU time, its only child); GNU time
            // then reports and exits.
            const pid = haveGnuTime ? childOf(child.pid) : child.pid;
            if (pid) process.kill(pid, 'SIGTERM');
          }, timeoutSeconds * 1000)
        : undefined;
    const poll = haveGnuTime
      ? undefined
      : setInterval(() => {
          try {
            const kib = Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB$/m)?.[1] ?? 0);
            hwm = Math.max(hwm, kib);
          } catch {
            // gone between two polls
          }
        }, 20);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(poll);
      clearTimeout(timer);
      let peakKib = hwm;
      if (haveGnuTime) {
        const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
        peakKib = Number(report.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] ?? 0);
        // GNU time writes its own "Command exited with non-zero status" line.
        if (code === 0) {
          const status = report.match(/Exit status: (\d+)/)?.[1];
          if (status && status !== '0') code = Number(status);
        }
      }
      done({ code, signal, timedOut, seconds, peakKib, output: output.trimEnd() });
    });
  });
}

/** Raw and brotli size of a file, as served. */
function rawAndBrotli(path) {
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  }).length;
  return { raw: data.length, br };
}

/** The English search index's cell: en/search.json, or the en/search/ folder. */
function searchIndex(langDir) {
  const single = join(langDir, 'search.json');
  if (existsSync(single)) {
    const { raw, br } = rawAndBrotli(single);
    return `${size(raw)} / ${size(br)}`;
  }
  const dir = join(langDir, 'search');
  if (!existsSync(dir)) return 'none';
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const total = { raw: 0, br: 0 };
  let index;
  for (const file of files) {
    const path = join(file.parentPath ?? file.path, file.name);
    const sizes = rawAndBrotli(path);
    total.raw += sizes.raw;
    total.br += sizes.br;
    if (path === join(dir, 'index.json')) index = sizes;
  }
  const indexCell = index ? `; index.json ${size(index.raw)} / ${size(index.br)}` : '';
  return `en/search/: ${thousands(files.length)} files, ${size(total.raw)} / ${size(total.br)}${indexCell}`;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (bytes) => (bytes >= 1024 * 1024 ? mib(bytes) : kib(bytes));
const duration = (s) => (s >= 60 ? `${Math.floor(s / 60)} min ${(s % 60).toFixed(0)} s` : `${s.toFixed(1)} s`);
const thousands = (n) => n.toLocaleString('en-US');

/** Edits the English article in the middle of the archive; returns how to put it back. */
function editOneArticle(contentDir) {
  const file = middleArticle(contentDir);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original.replace('title = "', 'title = "Edited: ')}\nA paragraph the editor added about the river.\n`);
  return () => writeFileSync(file, original);
}

/** Adds an English article dated the build day (a copy of the middle one
 * under a new slug and title); returns how to remove it. */
function addTodaysArticle(contentDir) {
  const slugs = readdirSync(join(contentDir, 'news')).sort();
  const original = readFileSync(join(contentDir, 'news', slugs[Math.floor(slugs.length / 2)], 'en.md'), 'utf8');
  const folder = join(contentDir, 'news', 'bench-added-today');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'en.md'),
    original
      .replace('title = "', 'title = "Added today: ')
      .replace(/^published = .*$/m, `published = "${buildDate}T09:00:00+03:00"`),
  );
  return () => rmSync(folder, { recursive: true, force: true });
}

/** The path of `file` relative to the content directory, as `watch` is told. */
const told = (contentDir, file) => relative(contentDir, file).split('\\').join('/');

/** The middle English article's file. */
function middleArticle(contentDir) {
  const slugs = readdirSync(join(contentDir, 'news')).sort();
  return join(contentDir, 'news', slugs[Math.floor(slugs.length / 2)], 'en.md');
}

/** `portal-publisher watch` on the tree: the edit of editOneArticle told,
 * then the file put back and told; each timed from the telling to its
 * summary line. */
function watchEdit(contentDir, outDir, cacheDir) {
  const env = { ...process.env, PORTAL_BUILD_DATE: buildDate };
  delete env.PORTAL_PUBLISHER_TIMINGS;
  const args = ['watch', '--content', contentDir, '--out', outDir, '--cache', cacheDir, '--photo-cache', photoCache];
  const child = spawn(publisher, args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  running = child;
  runningUnderTime = false;
  let errors = '';
  let buffered = '';
  const lines = [];
  let waiting;
  const settle = (outcome) => {
    const waiter = waiting;
    waiting = undefined;
    waiter?.(outcome);
  };
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      lines.push(buffered.slice(0, at));
      buffered = buffered.slice(at + 1);
    }
    if (waiting && lines.length) settle({ line: lines.shift() });
  });
  child.stderr.on('data', (chunk) => {
    errors += chunk;
    if (errors.includes('nothing was written')) settle({ error: errors });
  });
  child.on('close', () => settle({ error: `watch ended: ${errors}` }));
  const next = () =>
    lines.length ? Promise.resolve({ line: lines.shift() }) : new Promise((resolve) => (waiting = resolve));
  const peakKib = () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB$/m)?.[1] ?? 0);
  const tell = async (path) => {
    try {
      writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    } catch {
      // The peak then counts from the process's start.
    }
    const started = performance.now();
    child.stdin.write(`${path}\n\n`);
    const outcome = await next();
    if (outcome.error) throw new Error(outcome.error);
    return { seconds: (performance.now() - started) / 1000, summary: outcome.line, peakKib: peakKib() };
  };
  return (async () => {
    try {
      const first = await next();
      if (first.error) throw new Error(first.error);
      const file = middleArticle(contentDir);
      const putBack = editOneArticle(contentDir);
      let edit;
      try {
        edit = await tell(told(contentDir, file));
      } finally {
        putBack();
      }
      const back = await tell(told(contentDir, file));
      child.stdin.end();
      const code = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('close', resolve)));
      if (code !== 0) throw new Error(`watch exited with ${code}: ${errors}`);
      return { edit, back };
    } catch (error) {
      child.kill('SIGTERM');
      throw error;
    }
  })();
}

/** The summary's "(N written, …)" of an update, or what the run did instead. */
function writtenBy(run) {
  if (run.timedOut) return `stopped after ${duration(run.seconds)}`;
  const written = run.output.match(/updated in place \(([\d]+) written, ([\d]+) removed/);
  const what = written ? `${thousands(Number(written[1]))} written, ${thousands(Number(written[2]))} removed` : 'not an update';
  return `${duration(run.seconds)} (${what})`;
}

const header = ['articles (en)', 'total articles', 'events', 'sites', 'publish time (cold)', 'again, unchanged (update)', 'one article edited (update)', 'one article added today (update)', 'again --clean (warm cache)', 'one article edited, told to watch (edit, put back; peak)', 'peak memory', 'files', 'bytes', 'en/search.json (raw / br)', 'largest file'];
console.log(
  `Publish benchmark (publisher profile, PORTAL_BUILD_DATE=${buildDate}; peak memory: ${haveGnuTime ? 'GNU time max RSS' : 'VmHWM polled from /proc'}; ` +
    'total articles: files in en, ru and be; events and sites: folders; KB/MB = 1024/1024² bytes)\n',
);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => ' --- ').join('|')}|`);
for (const n of counts) {
  const contentDir = content(n);
  const have = contentCounts(contentDir);
  const outDir = join(ours(join(work, `site-${n}`)), 'api', 'v1');
  rmSync(join(work, `site-${n}`), { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  const cacheDir = ours(join(work, `cache-${n}`));
  rmSync(cacheDir, { recursive: true, force: true });
  log(`publishing ${n} (PORTAL_BUILD_DATE=${buildDate})`);
  const run = await publish(contentDir, outDir, cacheDir);
  const counted = [thousands(have.en), thousands(have.articles), thousands(have.events), thousands(have.sites)];
  if (run.timedOut) {
    log(`stopped the publisher for N = ${n} after ${duration(run.seconds)} (--timeout ${timeoutSeconds})`);
    console.log(`| ${[...counted, `stopped after ${duration(run.seconds)}`, '–', '–', '–', '–', '–', `≥ ${mib(run.peakKib * 1024)}`, '–', '–', '–', '–'].join(' | ')} |`);
  } else if (run.code !== 0) {
    console.error(run.output);
    fail(`the publisher failed for N = ${n} (${run.signal ? `signal ${run.signal}` : `exit status ${run.code}`}) after ${duration(run.seconds)}`);
  } else {
    log(`cold:\n${run.output}`);
    const tree = walk(outDir);
    log(`publishing ${n} again with the cache warm`);
    const again = await publish(contentDir, outDir, cacheDir);
    if (again.code !== 0 && !again.timedOut) {
      console.error(again.output);
      fail(`the second publish failed for N = ${n}`);
    }
    log(`warm, unchanged:\n${again.output}`);
    const putBack = editOneArticle(contentDir);
    log(`publishing ${n} with one article edited`);
    const edited = await publish(contentDir, outDir, cacheDir);
    putBack();
    if (edited.code !== 0 && !edited.timedOut) {
      console.error(edited.output);
      fail(`the publish after an edit failed for N = ${n}`);
    }
    log(`one article edited:\n${edited.output}`);
    const remove = addTodaysArticle(contentDir);
    log(`publishing ${n} with one article added today`);
    const added = await publish(contentDir, outDir, cacheDir);
    remove();
    if (added.code !== 0 && !added.timedOut) {
      console.error(added.output);
      fail(`the publish after adding an article failed for N = ${n}`);
    }
    log(`one article added today:\n${added.output}`);
    log(`publishing ${n} again with --clean`);
    const clean = await publish(contentDir, outDir, cacheDir, ['--clean']);
    if (clean.code !== 0 && !clean.timedOut) {
      console.error(clean.output);
      fail(`the --clean publish failed for N = ${n}`);
    }
    log(`--clean:\n${clean.output}`);
    log(`publishing ${n} with watch, one article edited and told, then put back`);
    let watched;
    try {
      watched = await watchEdit(contentDir, outDir, cacheDir);
    } catch (error) {
      fail(`watch failed for N = ${n}: ${error.message}`);
    }
    log(`watch, one article edited:\n${watched.edit.summary}\nput back:\n${watched.back.summary}`);
    const watchWritten = watched.edit.summary.match(/\(([\d]+) written, ([\d]+) removed/);
    const watchPeak = Math.max(watched.edit.peakKib, watched.back.peakKib);
    const row = [
      ...counted,
      duration(run.seconds),
      writtenBy(again),
      writtenBy(edited),
      writtenBy(added),
      clean.timedOut ? `stopped after ${duration(clean.seconds)}` : duration(clean.seconds),
      `${duration(watched.edit.seconds)}, ${duration(watched.back.seconds)} (${watchWritten ? `${watchWritten[1]} written, ${watchWritten[2]} removed` : 'not an update'}; ${mib(watchPeak * 1024)})`,
      mib(run.peakKib * 1024),
      thousands(tree.files),
      mib(tree.bytes),
      searchIndex(join(outDir, 'en')),
      `${tree.largest.path} (${size(tree.largest.bytes)})`,
    ];
    console.log(`| ${row.join(' | ')} |`);
  }
  if (!keep) for (const dir of [join(work, `site-${n}`), cacheDir]) rmSync(dir, { recursive: true, force: true });
}
if (keep) console.log(`\nkept in ${work}`);
