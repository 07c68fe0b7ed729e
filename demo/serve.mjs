#!/usr/bin/env node
// @ts-check
// A tiny static file server for the demo site and the tests (no dependencies), which serves the
// files the way a publisher's CDN should (docs/PUBLISHING.md, "Serving the files"):
//   node demo/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--csp] [--raw]
// - CORS: every file may be read from any origin (a widget on a newsroom's page fetches bundles
//   and the wasm from the CDN; a card page framed with sandbox="allow-scripts" has an opaque origin);
// - caching: versioned URLs are immutable, everything else revalidates by ETag after 5 minutes
//   (bundles, card pages, oEmbed files, so that a correction reaches readers quickly) or at once
//   (the demo's own pages);
// - compression: brotli or gzip for every text file and the wasm, as Accept-Encoding allows.
// --csp sends the strict Content-Security-Policy a careful publisher would use, so the demo
// shows that the widget works under it; --raw sends every file uncompressed (the benchmark's
// uncompressed figures). Import startServer() to run it inside another script.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300';
export const REVALIDATE = 'no-cache';

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
  '.csv': 'text/csv; charset=utf-8',
};
// Worth compressing: text, and the wasm (about a third of its size under brotli). Images are not.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.jsonld', '.wasm', '.svg', '.txt', '.csv']);

// ---------- which cache policy a URL gets ----------

// A URL is versioned when its content can never change under it: a `?v=` query, a directory
// named like a version (/factcard/1.4.0/factcard.js, so the wasm found next to the script is
// versioned too), or a content hash in the file name (factcard.3f9a2c1b.js).
export function isVersioned(url) {
  if (url.searchParams.has('v')) return true;
  return /\/v?\d+\.\d+\.\d+[^/]*\//.test(url.pathname) || /\.[0-9a-f]{8,}\.[a-z]+$/i.test(url.pathname);
}

// What the server publishes (bundles, card pages, oEmbed files, JSON-LD, the widget unversioned)
// may be cached briefly by browsers and CDNs; the demo's own pages are revalidated every time.
function cachePolicy(url, relPath) {
  if (isVersioned(url)) return IMMUTABLE;
  const path = relPath.split(sep).join('/');
  const published = /\.(cards\.json|oembed\.json|jsonld|wasm)$/.test(path) || /(^|\/)factcard\.js$/.test(path)
    || path.startsWith('cards/');
  return published ? SHORT : REVALIDATE;
}

// ---------- files, their ETags and compressed bytes, cached in memory ----------

/** @typedef {{ mtimeMs: number, size: number, body: Buffer, hash: string, encoded: Map<string, Buffer> }} Entry */
/** @type {Map<string, Entry>} */
const files = new Map();

async function loadFile(path) {
  const info = await stat(path);
  const cached = files.get(path);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
  const body = await readFile(path);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 24);
  const entry = { mtimeMs: info.mtimeMs, size: info.size, body, hash, encoded: new Map() };
  files.set(path, entry);
  return entry;
}

function encode(entry, encoding) {
  let bytes = entry.encoded.get(encoding);
  if (!bytes) {
    bytes = encoding === 'br'
      ? brotliCompressSync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.size } })
      : gzipSync(entry.body, { level: 9 });
    entry.encoded.set(encoding, bytes);
  }
  return bytes;
}

// The best encoding the client accepts: br, then gzip, else none ("q=0" refuses one).
export function chooseEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name) accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*') : 0)) > 0;
  return ['br', 'gzip'].find(ok) || null;
}

// If-None-Match matches when it names this content, whatever encoding the stored copy had.
function notModified(header, hash) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => {
    const m = /^\s*(?:W\/)?"([0-9a-f]+)(?:-(?:br|gzip))?"\s*$/.exec(tag);
    return !!m && m[1] === hash;
  });
}

// ---------- answering ----------

// Resolves a URL path inside root, or null when it would step outside it.
function fileFor(root, pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : null;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin', // so pages with COEP may load them too
};

async function answer({ root, csp, compress }, req, res) {
  /** @type {Record<string, string>} */
  const headers = { ...CORS, 'X-Content-Type-Options': 'nosniff' };
  if (csp) headers['Content-Security-Policy'] = csp;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...headers, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': '86400' });
    res.end();
    return;
  }
  const url = new URL(req.url, 'http://x');
  let file = fileFor(root, url.pathname);
  let entry;
  try {
    if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) throw new Error('not served');
    entry = await loadFile(file);
  } catch {
    res.writeHead(404, { ...headers, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  const ext = extname(file).toLowerCase();
  const encoding = compress && COMPRESSIBLE.has(ext) ? chooseEncoding(req.headers['accept-encoding']) : null;
  headers['Content-Type'] = TYPES[ext] || 'application/octet-stream';
  headers['Cache-Control'] = cachePolicy(url, relative(root, file));
  headers['ETag'] = `"${entry.hash}${encoding ? `-${encoding}` : ''}"`;
  if (compress && COMPRESSIBLE.has(ext)) headers['Vary'] = 'Accept-Encoding';
  if (notModified(req.headers['if-none-match'], entry.hash)) {
    delete headers['Content-Type'];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = encoding ? encode(entry, encoding) : entry.body;
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts serving root; resolves to { server, url } once listening (port 0 picks a free port).
 * `compress: false` sends every file as it is (the benchmark's uncompressed figures). With `tls`
 * (a key and certificate, PEM) it speaks HTTP/2 over TLS, as CDNs do (HTTP/1.1 to clients that
 * ask for it): one connection carries every request, where HTTP/1.1 opens up to six.
 * @param {{ root: string, port?: number, host?: string, csp?: boolean | string, compress?: boolean, tls?: { key: string | Buffer, cert: string | Buffer } }} options
 * @returns {Promise<{ server: import('node:http').Server | import('node:http2').Http2SecureServer, url: string }>}
 */
export function startServer({ root, port = 8080, host = '127.0.0.1', csp = false, compress = true, tls }) {
  const options = { root: resolve(root), csp: csp === true ? STRICT_CSP : csp || null, compress };
  /** @param {any} req @param {any} res */
  const handle = (req, res) => {
    answer(options, req, res).catch(() => res.destroy());
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      done({ server, url: `${tls ? 'https' : 'http'}://${host}:${actual}/` });
    });
  });
}

function parseArgs(argv) {
  const options = { root: null, port: 8080, host: '127.0.0.1', csp: false, compress: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--host') options.host = argv[++i];
    else if (arg === '--csp') options.csp = true;
    else if (arg === '--raw') options.compress = false;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (!options.root && !arg.startsWith('--')) options.root = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!options.help && (!options.root || !Number.isInteger(options.port))) {
    throw new Error('usage: node demo/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--csp] [--raw]');
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log('usage: node demo/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--csp] [--raw]');
    } else {
      const { url } = await startServer(options);
      console.log(`serving ${resolve(options.root)} at ${url}${options.csp ? ' (strict CSP)' : ''}`);
    }
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
}
