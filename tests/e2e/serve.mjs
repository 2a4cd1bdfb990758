// Serves a built dist/ over HTTP the way a production host should: files as
// they are, app routes fall back to index.html, and /api/ or asset paths that
// do not exist are real 404s (never the app shell).
// Usage: node tests/e2e/serve.mjs [dist] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8080);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {}
  return null;
}

function send(res, status, body, type) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(body);
}

createServer(async (req, res) => {
  try {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = await fileAt(urlPath);
    if (file) {
      return send(res, 200, await readFile(file), types[extname(file)] ?? 'application/octet-stream');
    }
    // Missing data or a missing asset is a 404; any other path is an app route.
    if (urlPath.startsWith('/api/') || extname(urlPath) !== '') {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    return send(res, 200, await readFile(join(root, 'index.html')), types['.html']);
  } catch (err) {
    send(res, 500, String(err), 'text/plain; charset=utf-8');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}`);
});
