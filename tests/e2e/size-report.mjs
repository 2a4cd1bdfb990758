// First-load size report for a built dist/ (see first-load.mjs for what is
// counted): the files every page loads, then what each group of views adds
// (the app's wasm is cut into groups, tools/post-build/split-app.mjs), and
// each partner widget's frame, against the budgets (150 KB brotli a page,
// 40 KB a widget frame). Over budget prints a warning; it never fails (the
// budgets are checked by budget.spec.ts).
// Usage: node tests/e2e/size-report.mjs [dist]   (npm run size-report -- <dist>)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUDGET_BYTES, firstLoad, WIDGET_BUDGET_BYTES } from './first-load.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`size-report: cannot read ${join(dist, 'index.html')}`);
  process.exit(2);
}
const { shell, groups, allWasm, widgets } = firstLoad(dist);

const n = (bytes) => bytes.toLocaleString('en-US');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(24, ...shell.rows.map((r) => r.path.length));
const line = (a, b, c, d) => `${a.padEnd(width)}  ${b.padStart(11)}  ${c.padStart(11)}  ${d}`;
const rule = () => console.log('-'.repeat(width + 40));

console.log(`First load of ${dist}`);
console.log(line('file', 'raw bytes', 'brotli', 'loaded as'));
rule();
for (const r of shell.rows) console.log(line(r.path, n(r.raw), n(r.brotli), r.why));
rule();
console.log(line('total', n(shell.total.raw), n(shell.total.brotli), `${kb(shell.total.raw)} raw, ${kb(shell.total.brotli)} brotli`));
console.log('');

const budgets = [];
if (groups.length > 0) {
  console.log('Every page loads the files above; each group of views adds its chunks:');
  console.log(line('group', 'chunks', 'brotli', 'first load, brotli'));
  rule();
  for (const g of groups) {
    console.log(line(g.group, n(g.files), n(g.brotli), kb(g.firstLoad)));
    budgets.push([`the ${g.group} group`, g.firstLoad, BUDGET_BYTES]);
  }
  console.log(`All the app's wasm (the main module and every chunk once): ${kb(allWasm)} brotli.`);
  console.log('');
} else {
  budgets.push(['every page', shell.total.brotli, BUDGET_BYTES]);
}

if (widgets.length > 0) {
  console.log('Partner widget frames:');
  for (const w of widgets) {
    console.log(line(`embed/${w.widget}`, n(w.total.raw), n(w.total.brotli), `${w.rows.length} files`));
    budgets.push([`the ${w.widget} widget frame`, w.total.brotli, WIDGET_BUDGET_BYTES]);
  }
  console.log('');
}

for (const [what, bytes, budget] of budgets) {
  const share = ((bytes / budget) * 100).toFixed(0);
  if (bytes > budget) {
    console.log(`WARNING: the first load of ${what} is ${kb(bytes)} brotli, over the ${kb(budget)} budget by ${kb(bytes - budget)} (${share}% of budget).`);
  } else {
    console.log(`Budget: ${what} ${kb(bytes)} brotli of ${kb(budget)} (${share}%), ${kb(budget - bytes)} to spare.`);
  }
}
const missing = [...shell.missing, ...widgets.flatMap((w) => w.missing)];
for (const name of missing) console.log(`WARNING: ${name} is referenced but missing from the build.`);
