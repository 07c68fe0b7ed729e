// @ts-check
// Widget bytes: gzip and brotli sizes of dist/factcard/ by kind, what a page of bundles loads
// (factcard.js + factcard.wasm) and what a page of story files loads (+ factcard-story.wasm), and
// lite-youtube-embed for scale.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { DIST, HERE, KiB, ROOT, rel } from './lib.mjs';

const BUDGET_GZIP = 40 * 1024; // docs/ARCHITECTURE.md, "Budgets": everything the widget adds to a page, gzip

// gzip -9 and brotli -q 11, as a server that precompresses would send each file.
export function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const kindOf = (file) => ({ '.js': 'js', '.mjs': 'js', '.wasm': 'wasm', '.css': 'css' }[path.extname(file)] || 'other');

function sum(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

function measureFiles(files) {
  const rows = files.map((file) => ({ file, kind: kindOf(file), ...compressed(fs.readFileSync(file)) }));
  const byKind = {};
  for (const kind of ['js', 'wasm', 'css', 'other']) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length) byKind[kind] = sum(of);
  }
  return { rows, byKind, total: sum(rows) };
}

// The stylesheet factcard.js carries inside itself (adopted by each shadow root): found by its
// name in the readable file (minifying renames the constant but leaves the text as it is).
function inlineCss(jsFile) {
  const readable = path.join(ROOT, 'build', 'web', 'factcard.js');
  const text = fs.readFileSync(jsFile, 'utf8');
  const match = (/const CSS = `/.test(text) ? text : fs.existsSync(readable) ? fs.readFileSync(readable, 'utf8') : '')
    .match(/const CSS = `([\s\S]*?)`;/);
  return match ? compressed(Buffer.from(match[1])) : null;
}

export function widgetBytes() {
  const files = fs.readdirSync(DIST).filter((f) => !f.startsWith('.')).map((f) => path.join(DIST, f))
    .filter((f) => fs.statSync(f).isFile());
  const widget = measureFiles(files);
  // labels/<lang>.json: fetched only by a card in that language, so counted in no total
  const labelDir = path.join(DIST, 'labels');
  const labelFiles = fs.existsSync(labelDir) ? fs.readdirSync(labelDir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(labelDir, f)) : [];
  const labels = labelFiles.length ? measureFiles(labelFiles) : null;
  const js = files.find((f) => f.endsWith('factcard.js'));
  const css = js && inlineCss(js);

  const lite = path.join(HERE, 'node_modules', 'lite-youtube-embed', 'src');
  const liteFiles = ['lite-yt-embed.js', 'lite-yt-embed.css'].map((f) => path.join(lite, f)).filter((f) => fs.existsSync(f));
  const liteYt = liteFiles.length ? measureFiles(liteFiles) : null;

  const cmd = 'node tests/bench/perf/bench.mjs --only bytes';
  const rawCmd = (f) => `gzip -9nc ${rel(f)} | wc -c; brotli -q 11 -c ${rel(f)} | wc -c`;
  const figures = [];
  const line = (key, what, size, extra = {}) => figures.push({
    section: 'bytes', key, what,
    value: size.gzip, unit: 'bytes gzip',
    display: `${KiB(size.gzip)} gzip · ${KiB(size.brotli)} br · ${KiB(size.raw)} raw`,
    target: null, met: null, command: cmd, ...extra,
  });
  for (const row of widget.rows) line(`bytes.${path.basename(row.file)}`, `dist/factcard/${path.basename(row.file)} (${row.kind})`, row, { command: rawCmd(row.file) });
  for (const row of labels ? labels.rows : []) {
    line(`bytes.labels.${path.basename(row.file, '.json')}`, `dist/factcard/labels/${path.basename(row.file)} (only for a card in that language)`, row, { command: rawCmd(row.file) });
  }
  if (css) line('bytes.css', 'CSS (inside factcard.js; no separate file)', css, { note: 'counted in the JS figure' });
  if (!widget.byKind.css) figures.push({ section: 'bytes', key: 'bytes.css-files', what: 'CSS files', value: 0, unit: 'bytes', display: 'none (the CSS is in factcard.js)', target: null, met: null, command: `ls ${rel(DIST)}` });
  // What a page downloads: factcard-story.wasm only where a card names a story file, not a bundle.
  const storyModule = (r) => path.basename(r.file) === 'factcard-story.wasm';
  const bundlePage = sum(widget.rows.filter((r) => !storyModule(r)));
  line('bytes.total', 'a page of bundles: factcard.js + factcard.wasm (JS + wasm + CSS)', bundlePage, {
    short: 'widget bytes', target: `≤ ${KiB(BUDGET_GZIP)} gzip`, met: bundlePage.gzip <= BUDGET_GZIP,
  });
  if (widget.rows.some(storyModule)) {
    line('bytes.story-page', 'a page of story files: the above + factcard-story.wasm', widget.total);
  }
  if (liteYt) {
    line('bytes.lite-youtube-embed', 'for scale: lite-youtube-embed JS + CSS (npm)', liteYt.total,
      { command: `${cmd}   # ${liteFiles.map(rel).join(', ')}` });
  }
  return { figures, data: { widget, labels, bundlePage, inlineCss: css, liteYoutubeEmbed: liteYt, budgetGzip: BUDGET_GZIP } };
}
