#!/usr/bin/env node
// Where a page's blocking time goes: loads each URL once in Debian's
// Chromium with the CPU slowed 4x (Lighthouse's mobile factor), records a
// trace for 6 s after `load`, and prints every long task of the page's main
// thread (over 50 ms) with its time split by kind: wasm compiled on first
// call (V8 compiles each wasm function lazily, on the main thread), the
// app's code running (calls into its JS glue and wasm), style and layout,
// paint, and the rest; then the sum of each task's time past 50 ms (what
// total blocking time counts, from the first paint on; this sums from the
// start). A report run by hand, never a test: one load on a shared machine.
//
// Usage: node tests/bench/main-thread.mjs URL... (serve a build first, e.g.
//   node tests/e2e/nginx.mjs dist 4480, then http://127.0.0.1:4480/en/)
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../../tools/chromium.mjs';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node tests/bench/main-thread.mjs URL...');
  process.exit(2);
}

const KINDS = [
  ['wasm compiled on first call', (name) => name === 'wasm.CompileLazy'],
  ['wasm streamed and instantiated', (name) => name.startsWith('wasm.') || name.startsWith('v8.wasm')],
  ['app code', (name) => name === 'FunctionCall' || name === 'v8.callFunction' || name === 'TimerFire'],
  ['style and layout', (name) => /Layout|StyleSheet|RecalculateStyle|UpdateLayoutTree/.test(name)],
  ['paint', (name) => /Paint|Layerize|Commit|Rasteri/.test(name)],
];
const kindOf = (name) => KINDS.find(([, matches]) => matches(name))?.[0] ?? 'other';

async function trace(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const dir = mkdtempSync(join(tmpdir(), 'main-thread-'));
  const path = join(dir, 'trace.json');
  await browser.startTracing(page, {
    path,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm'],
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(6000);
  await browser.stopTracing();
  await context.close();
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
  rmSync(dir, { recursive: true, force: true });
  return events.filter((event) => event.ph === 'X' && event.dur > 0);
}

/** The renderer's main thread: the one that parsed the page's HTML. */
function mainThread(events) {
  const parses = new Map();
  for (const event of events) {
    if (event.name !== 'ParseHTML') continue;
    const thread = `${event.pid}:${event.tid}`;
    parses.set(thread, (parses.get(thread) ?? 0) + 1);
  }
  const [thread] = [...parses].sort((a, b) => b[1] - a[1])[0] ?? [];
  return events.filter((event) => `${event.pid}:${event.tid}` === thread);
}

/** Self time (µs) by kind of `task` and the events nested in it (the task's own time is "other"). */
function composition(task, events) {
  const inside = events
    .filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byKind = new Map();
  const stack = [];
  const add = (event, micros) => byKind.set(kindOf(event.name), (byKind.get(kindOf(event.name)) ?? 0) + micros);
  // Events nest: walk them in start order with a stack, subtracting each
  // event's time from its parent's.
  for (const event of inside) {
    while (stack.length && event.ts >= stack.at(-1).ts + stack.at(-1).dur) stack.pop();
    if (stack.length) add(stack.at(-1), -event.dur);
    add(event, event.dur);
    stack.push(event);
  }
  return byKind;
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const url of urls) {
    const events = mainThread(await trace(browser, url));
    const start = Math.min(...events.map((event) => event.ts));
    const tasks = events.filter((event) => event.name === 'RunTask' && event.dur > 50_000);
    const blocking = new Map();
    console.log(`\n${url} (CPU 4x slower)`);
    for (const task of tasks) {
      const share = composition(task, events);
      const parts = [...share].filter(([, micros]) => micros > 1000).sort((a, b) => b[1] - a[1]);
      console.log(
        `  at ${((task.ts - start) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(0)} ms: ` +
          parts.map(([kind, micros]) => `${kind} ${(micros / 1000).toFixed(0)}`).join(', '),
      );
      // The part past 50 ms, shared out in proportion to the task's kinds.
      const over = task.dur - 50_000;
      const total = [...share.values()].reduce((sum, micros) => sum + Math.max(micros, 0), 0) || 1;
      for (const [kind, micros] of share) {
        blocking.set(kind, (blocking.get(kind) ?? 0) + (over * Math.max(micros, 0)) / total);
      }
    }
    const sum = [...blocking.values()].reduce((a, b) => a + b, 0);
    console.log(`  past 50 ms: ${(sum / 1000).toFixed(0)} ms in ${tasks.length} long tasks`);
    for (const [kind, micros] of [...blocking].sort((a, b) => b[1] - a[1])) {
      if (micros >= 1000) console.log(`    ${kind}: ${(micros / 1000).toFixed(0)} ms`);
    }
  }
} finally {
  await browser.close();
}
