// A tiny dependency-free static file server for the end-to-end tests.
//
//   import { serve } from './serve.mjs';
//   const site = await serve('dist', '/briefing/sim/');   // site.url = http://127.0.0.1:PORT/briefing/sim/
//   ...
//   await site.close();
//
// or from a shell:   node tests/e2e/serve.mjs DIR [PREFIX] [PORT]
//
// It serves only files under DIR, only under the URL path PREFIX (everything else is 404),
// answers a directory with its index.html, and refuses any path that would leave DIR.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** The Content-Type for a file name. */
export function mimeType(fileName) {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** '/' stays '/'; 'briefing/sim' and '/briefing/sim' become '/briefing/sim/'. */
export function normalizePrefix(prefix = '/') {
  let p = String(prefix);
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function isInside(root, candidate) {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Serves directory `dir` under URL path `prefix` on 127.0.0.1.
 * `port` 0 (the default) lets the OS choose a free port.
 * Resolves to `{ url, port, close }`; `url` ends with the prefix, e.g. http://127.0.0.1:41234/briefing/sim/.
 */
export async function serve(dir, prefix = '/', port = 0) {
  const root = await realpath(resolve(dir));
  if (!(await stat(root)).isDirectory()) throw new Error(`serve: ${root} is not a directory`);
  const base = normalizePrefix(prefix);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      }
      const { pathname, search } = new URL(req.url, 'http://localhost');

      // The prefix itself without its trailing slash: redirect, so relative URLs resolve.
      if (base !== '/' && pathname === base.slice(0, -1)) {
        return send(res, 301, 'moved\n', { Location: base + search });
      }
      if (!pathname.startsWith(base)) return send(res, 404, 'not found (outside the served prefix)\n');

      let rest;
      try {
        rest = decodeURIComponent(pathname.slice(base.length));
      } catch {
        return send(res, 400, 'bad request (invalid percent-encoding)\n');
      }
      if (rest.includes('\0')) return send(res, 400, 'bad request\n');
      // Reject any '..' segment outright (also as '\' on Windows-style paths), then double-check
      // that the resolved file, symlinks followed, is inside the root.
      if (rest.split(/[\\/]/).includes('..')) return send(res, 403, 'forbidden\n');

      let file = join(root, rest);
      if (!isInside(root, file)) return send(res, 403, 'forbidden\n');

      let info;
      try {
        file = await realpath(file);
        if (!isInside(root, file)) return send(res, 403, 'forbidden\n');
        info = await stat(file);
      } catch {
        return send(res, 404, 'not found\n');
      }
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) return send(res, 301, 'moved\n', { Location: `${pathname}/${search}` });
        file = join(file, 'index.html');
        try {
          info = await stat(file);
        } catch {
          return send(res, 404, 'not found (no index.html)\n');
        }
      }
      if (!info.isFile()) return send(res, 404, 'not found\n');

      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, `internal error: ${err.message}\n`);
      else res.destroy();
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const actualPort = server.address().port;

  let closing;
  return {
    url: `http://127.0.0.1:${actualPort}${base}`,
    port: actualPort,
    close() {
      closing ??= new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.(); // keep-alive connections from the browser
      });
      return closing;
    },
  };
}

// CLI: node tests/e2e/serve.mjs DIR [PREFIX] [PORT]
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, prefix = '/', port = '0'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tests/e2e/serve.mjs DIR [PREFIX] [PORT]');
    process.exit(2);
  }
  const site = await serve(dir, prefix, Number(port));
  console.log(`serving ${resolve(dir)} at ${site.url}  (Ctrl-C to stop)`);
  const stop = () => site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
