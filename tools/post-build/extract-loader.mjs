// Post-build step: moves every inline script of the staged index.html into a
// content-hashed file next to it, so the Content-Security-Policy can say
// `script-src 'self'` with no 'unsafe-inline', hash or nonce (see
// deploy/nginx.conf). Trunk writes its wasm loader as an inline
// `<script type="module">`; after this step index.html has
//
//   <script type="module" src="/loader-<16 hex>.js" integrity="sha384-…"></script>
//
// with the same content in the file, same attributes (so still a module,
// still deferred), in the same place. Trunk's modulepreload/preload links and
// their SRI attributes are left as they are. The name follows Trunk's own
// `name-<16 hex>.ext` pattern, so the host caches it like every hashed file.
//
// Left inline on purpose:
//   - data blocks (`type="application/ld+json"` and other non-JS types):
//     CSP does not govern them and they cannot be external;
//   - Trunk's dev-server autoreload script (`trunk serve` only): it holds
//     placeholders the dev server fills in when it serves index.html.
//
// Usage: node tools/post-build/extract-loader.mjs <staged dist dir>
// (run.sh passes $TRUNK_STAGING_DIR). Plain Node 20, no dependencies.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: extract-loader.mjs <staged dist dir>');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');

// Public URL prefix of the build (Trunk's --public-url, "/" by default).
const publicUrl = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The value of attribute `name` in a raw attribute string (quoted or not). */
function attr(attrs, name) {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s"'>]+))?(?=\\s|$)`, 'i').exec(
    attrs,
  );
  if (!m) return null;
  return (m[1] ?? '').replace(/^["']|["']$/g, '');
}

const written = [];
const out = html.replace(SCRIPT, (whole, attrs, body) => {
  if (attr(attrs, 'src') !== null) return whole; // already external
  const type = (attr(attrs, 'type') ?? '').trim().toLowerCase();
  if (!JS_TYPES.has(type)) return whole; // a data block
  if (body.includes('{{__TRUNK_')) return whole; // dev-server autoreload
  if (body.trim() === '') return whole;
  if (attr(attrs, 'integrity') !== null || attr(attrs, 'nonce') !== null) {
    throw new Error(`inline script with integrity/nonce in ${indexPath}; not handled`);
  }

  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `loader-${hash}.js`;
  writeFileSync(join(dir, name), body);
  const sri = 'sha384-' + createHash('sha384').update(body).digest('base64');
  written.push(name);
  const kept = attrs.trim();
  return `<script${kept ? ' ' + kept : ''} src="${publicUrl}${name}" integrity="${sri}"></script>`;
});

const left = [...out.matchAll(SCRIPT)].filter(([, attrs, body]) => {
  const type = (attr(attrs, 'type') ?? '').trim().toLowerCase();
  return attr(attrs, 'src') === null && JS_TYPES.has(type) && !body.includes('{{__TRUNK_') && body.trim() !== '';
});
if (left.length > 0) throw new Error(`inline scripts left in ${indexPath}`);
if (/\son[a-z]+\s*=/i.test(out.replace(SCRIPT, ''))) {
  // Inline event handlers (onload=…) would need 'unsafe-inline' too.
  console.warn(`extract-loader: ${indexPath} seems to have an inline event handler attribute`);
}

writeFileSync(indexPath, out);
console.log(`extract-loader: ${written.length ? written.join(', ') : 'no inline scripts'}`);
