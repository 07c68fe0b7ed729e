#!/usr/bin/env node
// @ts-check
// The demo server serves files as a publisher's CDN should (docs/PUBLISHING.md, "Serving the
// files"): CORS, caching by version, ETag revalidation, brotli and gzip. No browser: raw HTTP
// requests (node:http, which, unlike fetch, leaves Content-Encoding to us) against a small
// site made in a temporary directory.
//   node tests/serving/serving.mjs
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { IMMUTABLE, REVALIDATE, SHORT, chooseEncoding, startServer } from '../../demo/serve.mjs';
import { createReport } from '../browser/harness.mjs';

const report = createReport('serving');
const { check } = report;

// Text that compresses, and bytes that look like a wasm module.
const widget = `/* factcard */\n${'function card(){return "fact";}\n'.repeat(400)}`;
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000, 7)]);
const FILES = {
  'index.html': '<!doctype html><title>demo</title><p>demo page</p>',
  'factcard/factcard.js': widget,
  'factcard/factcard.wasm': wasm,
  'factcard/1.4.0/factcard.js': widget,
  'story.cards.json': JSON.stringify({ cards: Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, what: 'said' })) }),
  'cards/c1.html': '<!doctype html><title>card</title><blockquote>fact</blockquote>',
  'cards/c1.oembed.json': '{"version":"1.0","type":"rich","html":"<blockquote>fact</blockquote>"}',
  'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
};

/**
 * One raw request; the body as sent (not decoded).
 * @param {string} base
 * @param {string} path
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
function get(base, path, headers = {}) {
  return new Promise((done, fail) => {
    const req = request(new URL(path, base), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode || 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const bytesOf = (name) => Buffer.from(/** @type {any} */ (FILES[name]));

async function corsChecks(base) {
  const paths = ['story.cards.json', 'factcard/factcard.wasm', 'factcard/factcard.js', 'cards/c1.html', 'cards/c1.oembed.json'];
  const missing = [];
  for (const path of paths) {
    const res = await get(base, path, { Origin: 'https://news.example' });
    if (res.headers['access-control-allow-origin'] !== '*') missing.push(`${path}: ${res.headers['access-control-allow-origin']}`);
  }
  check('CORS: Access-Control-Allow-Origin: * on the bundle, the wasm, factcard.js, card pages and oEmbed files',
    !missing.length, missing);
  const wasmRes = await get(base, 'factcard/factcard.wasm');
  check('the wasm is application/wasm (for compileStreaming)', wasmRes.headers['content-type'] === 'application/wasm',
    String(wasmRes.headers['content-type']));
}

async function cachingChecks(base) {
  const expected = {
    'factcard/factcard.js?v=1.4.0': IMMUTABLE,
    'factcard/1.4.0/factcard.js': IMMUTABLE,
    'factcard/factcard.js': SHORT,
    'factcard/factcard.wasm': SHORT,
    'story.cards.json': SHORT,
    'cards/c1.html': SHORT,
    'cards/c1.oembed.json': SHORT,
    'index.html': REVALIDATE,
  };
  const wrong = [];
  for (const [path, policy] of Object.entries(expected)) {
    const got = (await get(base, path)).headers['cache-control'];
    if (got !== policy) wrong.push(`${path}: ${got} (expected ${policy})`);
  }
  check('Cache-Control: versioned widget URLs immutable for a year; bundles, card pages, oEmbed 5 minutes; demo pages revalidated',
    !wrong.length, wrong);
}

async function revalidationChecks(base, root) {
  const first = await get(base, 'story.cards.json');
  const etag = String(first.headers.etag || '');
  const again = await get(base, 'story.cards.json', { 'If-None-Match': etag });
  check('ETag: If-None-Match with the current tag answers 304 with no body',
    /^"[0-9a-f]+"$/.test(etag) && again.status === 304 && again.body.length === 0 && again.headers.etag === etag,
    JSON.stringify({ etag, status: again.status, length: again.body.length }));
  const brTag = String((await get(base, 'story.cards.json', { 'Accept-Encoding': 'br' })).headers.etag);
  const brAgain = await get(base, 'story.cards.json', { 'Accept-Encoding': 'br', 'If-None-Match': brTag });
  check('ETag: each encoding has its own tag, and the compressed copy revalidates too',
    brTag !== etag && brAgain.status === 304, JSON.stringify({ etag, brTag, status: brAgain.status }));

  // A correction: the file changes, its old tag no longer matches.
  writeFileSync(join(root, 'story.cards.json'), JSON.stringify({ cards: [{ id: 'c1', what: 'corrected' }] }));
  const changed = await get(base, 'story.cards.json', { 'If-None-Match': etag });
  check('ETag: after the file changes the old tag gets 200, the new content and a new tag',
    changed.status === 200 && changed.body.toString().includes('corrected') && changed.headers.etag !== etag,
    JSON.stringify({ status: changed.status, etag: changed.headers.etag }));
}

async function compressionChecks(base) {
  const bad = [];
  for (const name of ['factcard/factcard.js', 'factcard/factcard.wasm', 'cards/c1.html', 'index.html']) {
    const original = bytesOf(name);
    const br = await get(base, name, { 'Accept-Encoding': 'gzip, deflate, br' });
    const gz = await get(base, name, { 'Accept-Encoding': 'gzip' });
    const plain = await get(base, name);
    if (br.headers['content-encoding'] !== 'br' || !brotliDecompressSync(br.body).equals(original)) bad.push(`${name}: br`);
    if (gz.headers['content-encoding'] !== 'gzip' || !gunzipSync(gz.body).equals(original)) bad.push(`${name}: gzip`);
    if (plain.headers['content-encoding'] || !plain.body.equals(original)) bad.push(`${name}: identity`);
    if (br.headers.vary !== 'Accept-Encoding') bad.push(`${name}: Vary ${br.headers.vary}`);
  }
  check('compression: br and gzip bodies decode to the original bytes; none without Accept-Encoding; Vary: Accept-Encoding',
    !bad.length, bad);
  const js = await get(base, 'factcard/factcard.js', { 'Accept-Encoding': 'br' });
  check('compression: brotli makes the widget smaller', js.body.length < bytesOf('factcard/factcard.js').length / 4,
    `${js.body.length} of ${bytesOf('factcard/factcard.js').length} bytes`);
  const refused = await get(base, 'factcard/factcard.js', { 'Accept-Encoding': 'br;q=0, gzip' });
  const png = await get(base, 'logo.png', { 'Accept-Encoding': 'br, gzip' });
  check('compression: "br;q=0" is honoured; images are sent as they are',
    refused.headers['content-encoding'] === 'gzip' && !png.headers['content-encoding'] && png.body.equals(bytesOf('logo.png')),
    JSON.stringify({ refused: refused.headers['content-encoding'], png: png.headers['content-encoding'] }));
  const choices = [chooseEncoding('*'), chooseEncoding('identity'), chooseEncoding('gzip;q=0.5, br;q=0.0'), chooseEncoding('')];
  check('Accept-Encoding parsing: *, identity, q values, empty',
    JSON.stringify(choices) === JSON.stringify(['br', null, 'gzip', null]), JSON.stringify(choices));
}

async function errorChecks(base) {
  const outside = await get(base, '/../../etc/passwd');
  const encoded = await get(base, '/%2e%2e/%2e%2e/etc/passwd');
  const badEscape = await get(base, '/%E0%A4%A');
  const post = await new Promise((done) => {
    const req = request(new URL('story.cards.json', base), { method: 'POST' }, (res) => { res.resume(); done(res.statusCode); });
    req.end('x');
  });
  check('paths outside the site, bad escapes and POST get 404, never a crash',
    [outside.status, encoded.status, badEscape.status, post].every((s) => s === 404),
    JSON.stringify([outside.status, encoded.status, badEscape.status, post]));
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'factcard-serving-'));
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  const { server, url } = await startServer({ root, port: 0, csp: true });
  try {
    await corsChecks(url);
    await cachingChecks(url);
    await compressionChecks(url);
    await revalidationChecks(url, root);
    await errorChecks(url);
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
  report.finish({ timed: true });
}

main().catch(report.crash);
