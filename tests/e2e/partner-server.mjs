// A partner's site for the widget tests: serves tests/e2e/partner/*.html on
// another origin than the portal (http://localhost:<port>, where the portal
// is http://127.0.0.1:<its port>), with {{PORTAL}} in the pages replaced by
// the portal's origin, as a partner pasting our snippet would have it.
// Usage: node tests/e2e/partner-server.mjs <port> <portal origin>
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), 'partner');
const port = Number(process.argv[2]);
const portal = process.argv[3];
if (!port || !portal) {
  console.error('usage: partner-server.mjs <port> <portal origin>');
  process.exit(2);
}

createServer(async (request, response) => {
  const path = new URL(request.url, 'http://partner').pathname;
  const name = path === '/' ? 'index.html' : path.slice(1);
  if (!/^[a-z0-9-]+\.html$/.test(name)) {
    response.writeHead(404).end('not found');
    return;
  }
  try {
    const html = (await readFile(join(root, name), 'utf8')).replaceAll('{{PORTAL}}', portal);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  } catch {
    response.writeHead(404).end('not found');
  }
}).listen(port, () => console.log(`partner site on http://localhost:${port} (portal ${portal})`));
