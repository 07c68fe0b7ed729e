#!/usr/bin/env node
// @ts-check
// A tiny static file server for the demo site and the browser tests (no dependencies).
//   node demo/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--csp]
// --csp sends the strict Content-Security-Policy a careful publisher would use, so the demo
// shows that the widget works under it. Import startServer() to run it inside another script.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.wasm': 'application/wasm', // needed for WebAssembly.compileStreaming
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

// Resolves a URL path inside root, or null when it would step outside it.
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function answer(root, csp, req, res) {
  const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (csp) headers['Content-Security-Policy'] = csp;
  let file = fileFor(root, new URL(req.url, 'http://x').pathname);
  try {
    if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) throw new Error('not served');
    const body = await readFile(file);
    headers['Content-Type'] = TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  }
}

/** Starts serving root; resolves to { server, url } once listening (port 0 picks a free port). */
export function startServer({ root, port = 8080, host = '127.0.0.1', csp = false }) {
  const dir = resolve(root);
  const policy = csp === true ? STRICT_CSP : csp || null;
  const server = createServer((req, res) => {
    answer(dir, policy, req, res).catch(() => res.destroy());
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      done({ server, url: `http://${host}:${actual}/` });
    });
  });
}

function parseArgs(argv) {
  const options = { root: null, port: 8080, host: '127.0.0.1', csp: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--host') options.host = argv[++i];
    else if (arg === '--csp') options.csp = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (!options.root && !arg.startsWith('--')) options.root = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!options.help && (!options.root || !Number.isInteger(options.port))) {
    throw new Error('usage: node demo/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--csp]');
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log('usage: node demo/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--csp]');
    } else {
      const { url } = await startServer(options);
      console.log(`serving ${resolve(options.root)} at ${url}${options.csp ? ' (strict CSP)' : ''}`);
    }
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
}
