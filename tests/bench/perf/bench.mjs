#!/usr/bin/env node
// @ts-check
// factcard's performance benchmark (./run bench; not part of ./run test).
//
//   node tests/bench/perf/bench.mjs [--quick] [--only SECTION,...] [--sizes N,...] [--runs N] [--out DIR] [--dist DIR]
//   node tests/bench/perf/bench.mjs --render [--out DIR]   (PERFORMANCE.md again from DIR/performance.json and NOTES.md)
//
// Needs ./run build and ./run dist (dist/factcard/ is made from web/ and build-wasm/ when
// missing) and `npm ci` in tests/bench/perf (Lighthouse 12, playwright-core, lite-youtube-embed);
// the extraction figures use tests/node_modules (chrono-node, compromise). Installs nothing.
//
// Sections: bytes, page (Lighthouse), requests, first-card, core, wasm, extraction, heavy.
// --dist DIR measures the widget in DIR (factcard.js and factcard.wasm) instead of dist/factcard/,
// e.g. an older build for a before/after comparison (alternate the runs: the machine drifts).
// The page figures come twice: served compressed (brotli or gzip, as a CDN sends them) and not.
// Generated data (fixed seeds) and scratch files go to build/bench/. Writes DIR/PERFORMANCE.md
// and DIR/performance.json: DIR is docs/ for a full run, build/bench/ for --quick or --only
// (a partial run never overwrites the full report).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { heavyPage, pageCost, prepareSite, requestsAndFirstCard, VIEWPORT } from './browser.mjs';
import { coreThroughput, extraction, wasmVsNative } from './core.mjs';
import { CHROMIUM, DIST, FACTCARD, HERE, ROOT, WORK, compileHelper, machine, rel, run } from './lib.mjs';
import { renderMarkdown, renderTable } from './report.mjs';
import { widgetBytes } from './sizes.mjs';
import { startServer } from '../../../demo/serve.mjs';

const ALL = ['bytes', 'page', 'requests', 'first-card', 'core', 'wasm', 'extraction', 'heavy'];

function parseArgs(argv) {
  const o = { quick: false, only: ALL, sizes: null, runs: null, out: null, render: false, dist: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--sizes') o.sizes = argv[++i].split(',').map(Number);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--render') o.render = true;
    else if (a === '--dist') o.dist = path.resolve(argv[++i]);
    else {
      console.error('usage: node tests/bench/perf/bench.mjs [--quick] [--only SECTION,...] [--sizes N,...] [--runs N] [--out DIR] [--dist DIR]');
      console.error(`sections: ${ALL.join(', ')}`);
      process.exit(2);
    }
  }
  const unknown = o.only.filter((s) => !ALL.includes(s));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${ALL.join(', ')}`);
  o.runs ||= o.quick ? 1 : 5;
  o.out ||= !o.render && (o.quick || o.only !== ALL || o.sizes) ? WORK : path.join(ROOT, 'docs');
  return o;
}

// dist/factcard/ as ./run dist writes it, when it is missing.
// Returns a warning when dist/ is older than what it is made from.
function ensureDist() {
  const wasmDir = path.join(ROOT, 'build-wasm', 'wasm');
  const js = path.join(ROOT, 'build', 'web', 'factcard.min.js'); // web/assemble.mjs's, minified by ./run build
  const sources = { 'factcard.js': js, 'factcard.wasm': path.join(wasmDir, 'factcard.wasm'), 'factcard-story.wasm': path.join(wasmDir, 'factcard-story.wasm') };
  if (Object.keys(sources).every((name) => fs.existsSync(path.join(DIST, name)))) {
    const stale = Object.entries(sources).filter(([name, source]) => fs.existsSync(source)
      && !fs.readFileSync(source).equals(fs.readFileSync(path.join(DIST, name)))).map(([name]) => name);
    if (!stale.length) return null;
    const warning = `dist/factcard/ ${stale.join(' and ')} differ from build/web/ and build-wasm/: measured as they are in dist/ (run ./run dist to refresh)`;
    console.log(`warning: ${warning}`);
    return warning;
  }
  const missing = Object.values(sources).filter((f) => !fs.existsSync(f)).map(rel);
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run ./run build first`);
  console.log('dist/factcard/ is missing or incomplete: copying build/web/factcard.js and build-wasm/wasm/*.wasm (as ./run dist does)');
  fs.mkdirSync(DIST, { recursive: true });
  for (const [name, source] of Object.entries(sources)) fs.copyFileSync(source, path.join(DIST, name));
  const labels = path.join(ROOT, 'build', 'web', 'labels'); // the tables other than English (web/assemble.mjs)
  if (fs.existsSync(labels)) fs.cpSync(labels, path.join(DIST, 'labels'), { recursive: true });
  return null;
}

// A key and certificate for 127.0.0.1, made once with openssl, for the HTTP/2 server (Chromium is
// told to accept it: see lighthouse() in browser.mjs).
function selfSignedCertificate() {
  const dir = path.join(WORK, 'tls');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  if (!fs.existsSync(cert)) {
    fs.mkdirSync(dir, { recursive: true });
    run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert]);
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function method(o, pageSettings) {
  return [
    `Generated stories: \`tests/bench/perf/gen-story.mjs\`, a seeded PRNG (mulberry32, seed 1; the heavy page's stories seeds 100–109): entities (70 % people with 1–4 aliases incl. diacritic variants and title + name, organisations, places), ~1 source per 10 claims over up to 400 outlets (5 % unknown), claims of all four kinds with 1–4 pieces of evidence, \`who\` by id (80 %), alias or name, 55 % of claims in topic groups of 2–5 that mostly agree (and merge) and in 1 group of 6 conflict. Indented by two spaces, as \`factcard\` saves stories.`,
    `Processes (\`factcard build\`, \`validate\`, \`cards\`, the bare parse) run under \`tests/bench/perf/measure.cpp\`: wall time from fork to exit, peak memory from \`wait4\`'s \`ru_maxrss\` (on a timeout, \`VmHWM\` just before the kill), address space capped (RLIMIT_AS) so a run that would exhaust the machine fails instead; stdout to /dev/null. Build output goes to a RAM disk (/dev/shm) when it fits, so disk write-back stays out of the numbers.`,
    `The bare parse: \`tests/bench/perf/bare_parse.cpp\` (g++ -O2 -std=c++17): read the file, \`nlohmann::ordered_json::parse\` it into a DOM, exit. Speed ratio = bare parse wall time ÷ build wall time.`,
    o.runs === 1 ? 'Each timed thing: one warm-up run, then one run; Lighthouse: one run per page; time to first card: one page load.' : `Each timed thing: one warm-up run, then the median of ${o.runs} runs (3 when one run takes over 10 s, 1 when over 60 s); Lighthouse: ${o.runs} runs per page, alternating pages; time to first card: ${Math.max(o.runs, 7)} page loads.`,
    `Browser figures: Debian's Chromium (\`${CHROMIUM}\`, headless, the flags of docs/ARCHITECTURE.md), viewport ${VIEWPORT.width}×${VIEWPORT.height} (Lighthouse's mobile screen), pages served by \`demo/serve.mjs --csp\` from \`build/bench/site\` (a copy of \`build/site\` with \`dist/factcard/\`; \`article-fallback.html\` is \`article.html\` without its script tags; \`article-long.html\` puts the article's paragraphs twice above the first card, and \`article-long-fallback.html\` is that without its script tags). Lighthouse compares each page with its fallback. Lighthouse runs three times over: against a server that compresses as a CDN does (brotli, else gzip, for text and the wasm: the headline figures), against one that sends files as they are ("uncompressed"), both HTTP/1.1, and against the compressing one over HTTP/2 with TLS (a self-signed certificate Chromium is told to accept), as CDNs serve; the driven-browser figures use the compressed HTTP/1.1 server. Lighthouse: ${pageSettings || 'mobile, simulated throttling'}.`,
    'Widget bytes: each file of `dist/factcard/` compressed on its own (gzip level 9, brotli quality 11, node\'s zlib), as a server that precompresses sends them; KB = 1,024 bytes.',
    'Time to first card: in one page load, t0 = factcard.js\'s first statement (its first read of the shared registry, seen by an init script), t1 = the first `factcard:render` event (the card is in the DOM at the start of the frame that paints it); ratio = (t1 − t0) ÷ first-contentful-paint of the same load (the fallback\'s first paint).',
    'Heavy page: `build/bench/site/heavy/heavy.html`, 1,000 snippets exactly as `factcard build` wrote them (each with its script tag), 100 from each of 10 bundles, interleaved; each page read twice, one screen per 100 ms to the end: once under a Chromium trace (saved as `build/bench/heavy.trace.json`, which opens in DevTools), where a main-thread task counts as the widget\'s when factcard.js code or wasm compilation runs inside it; once untraced for memory (tracing costs renderer memory): JS heap after a forced GC (CDP `HeapProfiler.collectGarbage`, `Performance.getMetrics`), the wasm instance\'s memory, the renderer process\'s RSS and peak RSS (VmHWM) from /proc.',
  ];
}

function notes(o) {
  const file = path.join(HERE, 'NOTES.md');
  return fs.existsSync(file) && !o.quick ? fs.readFileSync(file, 'utf8') : null;
}

// Only the Markdown again, from the numbers of the last run (after NOTES.md changed).
function render(o) {
  const saved = JSON.parse(fs.readFileSync(path.join(o.out, 'performance.json'), 'utf8'));
  const options = { ...o, ...saved.options };
  fs.writeFileSync(path.join(o.out, 'PERFORMANCE.md'), renderMarkdown({ ...saved, options, notes: notes(options) }));
  console.log(`wrote ${rel(path.join(o.out, 'PERFORMANCE.md'))} from ${rel(path.join(o.out, 'performance.json'))}`);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.render) return render(o);
  const want = (s) => o.only.includes(s);
  if (!fs.existsSync(FACTCARD)) throw new Error('build/cli/factcard is missing: run ./run build first');
  const distWarning = o.dist ? null : ensureDist();
  compileHelper('measure');
  compileHelper('bare_parse');
  const info = machine();
  if (distWarning) info.warning = distWarning;
  console.log(`factcard performance bench${o.quick ? ' (quick)' : ''}: ${info.cores} cores, ${info.cpu}, load ${info.loadAverage}`);
  console.log(Object.entries(info.tools).map(([k, v]) => `${k} ${v}`).join(' · '));

  const figures = [];
  const data = {};
  let pageSettings = null;
  const section = async (name, fn) => {
    console.log(`\n== ${name}`);
    const started = Date.now();
    try {
      const r = await fn();
      figures.push(...r.figures);
      data[name] = r.data;
      pageSettings ||= r.settings;
    } catch (err) {
      console.log(`  failed: ${err.stack || err.message}`);
      figures.push({ section: name === 'requests' || name === 'first-card' ? 'page' : name, key: `${name}.error`, what: `${name}: could not measure`, value: null, display: err.message.split('\n')[0], target: null, met: false, command: `node tests/bench/perf/bench.mjs --only ${name}` });
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  };

  if (want('bytes')) await section('bytes', () => widgetBytes());

  const browserSections = ['page', 'requests', 'first-card', 'heavy'].filter(want);
  if (browserSections.length) {
    prepareSite({ ...o, dist: o.dist || DIST });
    // The same site three times: compressed (as a CDN serves it), raw, and compressed over
    // HTTP/2 with TLS (as a CDN speaks it: one connection for every request).
    const root = path.join(WORK, 'site');
    const { server, url } = await startServer({ root, port: 0, csp: true, compress: true });
    const raw = await startServer({ root, port: 0, csp: true, compress: false });
    const h2 = await startServer({ root, port: 0, csp: true, compress: true, tls: selfSignedCertificate() });
    try {
      if (want('page')) await section('page', () => pageCost({ ...o, bases: { compressed: url, uncompressed: raw.url, 'compressed, HTTP/2': h2.url } }));
      if (want('requests') || want('first-card')) {
        await section('requests', async () => {
          const r = await requestsAndFirstCard({ ...o, base: url });
          const keep = (f) => (f.key === 'page.first-card-ratio' ? want('first-card') : want('requests'));
          return { ...r, figures: r.figures.filter(keep) };
        });
      }
      if (want('heavy')) await section('heavy', () => heavyPage({ ...o, base: url }));
    } finally {
      server.close();
      raw.server.close();
      h2.server.close();
    }
  }

  let bundles = {};
  if (want('core') || want('wasm')) {
    await section('core', () => {
      // wasm alone only needs the bundles of two sizes
      const sizes = o.sizes || (want('core') ? null : o.quick ? [1000] : [10000, 100000]);
      const r = coreThroughput({ ...o, sizes, runs: want('core') ? o.runs : 1 });
      bundles = r.bundles;
      return want('core') ? r : { figures: [], data: r.data };
    });
  }
  if (want('wasm')) await section('wasm', () => wasmVsNative({ ...o, bundles }));
  if (want('extraction') || want('wasm')) {
    await section('extraction', async () => {
      const r = await extraction(o);
      return { ...r, figures: r.figures.filter((f) => (f.section === 'wasm' ? want('wasm') : want('extraction'))) };
    });
  }

  // Sections in the report's order, whatever order they ran in.
  const order = ['bytes', 'page', 'core', 'wasm', 'extraction', 'heavy'];
  figures.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  console.log(renderTable(figures));

  info.loadAverageEnd = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const lines = method(o, pageSettings);
  fs.mkdirSync(o.out, { recursive: true });
  fs.writeFileSync(path.join(o.out, 'PERFORMANCE.md'), renderMarkdown({ machine: info, options: o, figures, notes: notes(o), method: lines }));
  fs.writeFileSync(path.join(o.out, 'performance.json'), `${JSON.stringify({ machine: info, options: { quick: o.quick, runs: o.runs, only: o.only, dist: o.dist && rel(o.dist) }, method: lines, figures, data }, null, 2)}\n`);
  const missed = figures.filter((f) => f.met === false).length;
  console.log(`\n${figures.filter((f) => f.met === true).length} targets met, ${missed} missed`);
  console.log(`wrote ${rel(path.join(o.out, 'PERFORMANCE.md'))} and ${rel(path.join(o.out, 'performance.json'))}`);
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err.message}`);
  process.exit(1);
});
