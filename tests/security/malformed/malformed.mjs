#!/usr/bin/env node
// @ts-check
// Malformed input: `factcard validate` on every file of the corpus make_malformed.mjs writes (in a
// temporary directory), then a page whose cards point at a few of them, in Chromium.
//   node tests/security/malformed/malformed.mjs [--factcard build/cli/factcard]
//        [--wasm build-wasm/wasm/factcard.wasm] [--chromium /usr/bin/chromium] [--keep DIR] [--only SUBSTRING]
// CLI, for each file: no crash, no hang (5 s), exit 1 for broken files (0 for the valid-but-weird
// ones), every diagnostic is FILE:LINE:COL: MESSAGE within the file, one of them at the broken
// spot with the expected message, and peak RSS below 20x the file size + 64 MB.
// Page: the fallback stays (visible, no empty shadow root), one console warning per broken file
// with the CLI's first position and message, and the valid cards still render.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../demo/serve.mjs';
import { writeCorpus } from './make_malformed.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..', '..');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const TIMEOUT_S = 5;
const TIME = '/usr/bin/time';
const started = Date.now();

let passed = 0;
let failed = 0;
/**
 * @param {string} name
 * @param {unknown} ok
 * @param {unknown} [detail] text, or a list of lines
 */
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  const text = Array.isArray(detail) ? detail.slice(0, 10).join('\n') + (detail.length > 10 ? `\n... and ${detail.length - 10} more` : '') : String(detail);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && text ? `\n     ${text.replace(/\n/g, '\n     ')}` : ''}`);
  return ok;
}
const info = (text) => console.log(`INFO ${text}`);

function parseArgs(argv) {
  const options = {
    factcard: join(ROOT, 'build', 'cli', 'factcard'),
    wasm: join(ROOT, 'build-wasm', 'wasm', 'factcard.wasm'),
    widget: join(ROOT, 'build', 'web', 'factcard.js'), // as web/assemble.mjs writes it
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    keep: null,
    only: null,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options) || argv[i + 1] === undefined) {
      console.error('usage: node tests/security/malformed/malformed.mjs [--factcard CLI] [--wasm factcard.wasm] [--widget factcard.js] [--chromium PATH] [--keep DIR] [--only SUBSTRING]');
      process.exit(2);
    }
    options[key] = key === 'only' ? argv[i + 1] : resolve(argv[i + 1]);
  }
  for (const key of ['factcard', 'wasm', 'widget']) {
    if (!existsSync(options[key])) {
      console.error(`malformed: no ${key} at ${options[key]} (./run build first)`);
      process.exit(2);
    }
  }
  return options;
}

// ---------- positions, as the core counts them: lines from 1, columns in code points from 1 ----------

// The line and column of a byte offset (a byte order mark on line 1 takes no column).
function locate(data, offset) {
  let line = 1;
  let start = 0;
  for (let i = data.indexOf(10); i !== -1 && i < offset; i = data.indexOf(10, i + 1)) {
    line++;
    start = i + 1;
  }
  if (start === 0 && offset >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
  let column = 1;
  for (let i = start; i < offset && i < data.length; i++) if ((data[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}
const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);

// ---------- the CLI ----------

function validate(factcard, file, work) {
  const rss = join(work, 'rss.txt');
  const haveTime = existsSync(TIME);
  const cmd = haveTime ? TIME : 'timeout';
  const args = [...(haveTime ? ['-v', '-o', rss, 'timeout'] : []), String(TIMEOUT_S), factcard, 'validate', file];
  const t0 = Date.now();
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: (TIMEOUT_S + 5) * 1000 });
  const ms = Date.now() - t0;
  let kb = null;
  if (haveTime && existsSync(rss)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(rss, 'utf8'));
    if (m) kb = Number(m[1]);
  }
  return { status: run.status, signal: run.signal, stdout: run.stdout || '', stderr: run.stderr || '', ms, kb };
}

// Every line of stderr is a diagnostic (FILE:LINE:COL: MESSAGE) or the count (FILE: N errors).
function diagnostics(stderr, file) {
  const list = [];
  const bad = [];
  for (const line of stderr.split('\n')) {
    if (!line) continue;
    const rest = line.startsWith(`${file}:`) ? line.slice(file.length + 1) : null;
    const m = rest && /^(\d+):(\d+): ([^]+)$/.exec(rest);
    if (m) list.push({ line: Number(m[1]), column: Number(m[2]), message: m[3] });
    else if (!(rest && /^ \d+ errors?$/.test(rest))) bad.push(line.slice(0, 200));
  }
  return { list, bad };
}

function cliChecks(options, dir, manifest, work) {
  const stats = { files: 0, bytes: 0, maxRatio: 0, slowest: { ms: 0 }, firsts: new Map() };
  for (const c of manifest) {
    const file = join(dir, c.file);
    const data = readFileSync(file);
    const r = validate(options.factcard, file, work);
    stats.files++;
    stats.bytes += data.length;
    if (r.ms > stats.slowest.ms) stats.slowest = { ms: r.ms, name: c.name };
    const problems = [];
    if (r.status === 124 || r.signal) problems.push(`hang: killed after ${TIMEOUT_S} s`);
    else if (r.status > 128) problems.push(`crash: signal ${r.status - 128}`);
    else if (r.status !== c.expect) problems.push(`exit ${r.status}, want ${c.expect}`);
    const { list, bad } = diagnostics(r.stderr, file);
    if (c.expect === 1) {
      if (bad.length) problems.push(`not FILE:LINE:COL: MESSAGE: ${bad[0]}`);
      if (!list.length) problems.push('no diagnostic with a position');
      const end = locate(data, data.length);
      const outside = list.filter((d) => d.line < 1 || d.column < 1 || !before(d, end));
      if (outside.length) problems.push(`position outside the file: ${outside[0].line}:${outside[0].column} (file ends at ${end.line}:${end.column})`);
      const long = list.find((d) => Buffer.byteLength(d.message) > 400);
      if (long) problems.push(`a message of ${Buffer.byteLength(long.message)} bytes: ${long.message.slice(0, 100)}...`);
      const pattern = c.message ? new RegExp(c.message) : null;
      const from = c.span && locate(data, c.span[0]);
      const to = c.span && locate(data, c.span[1]);
      const fits = (d) => (!pattern || pattern.test(d.message)) && (!c.span || (before(from, d) && before(d, to)));
      if (list.length && !list.some(fits)) {
        problems.push(`no diagnostic${pattern ? ` matching /${c.message}/` : ''}${c.span ? ` at ${from.line}:${from.column}..${to.line}:${to.column}` : ''}; got `
          + list.slice(0, 3).map((d) => `${d.line}:${d.column}: ${d.message.slice(0, 120)}`).join(' | '));
      }
      if (list.length) stats.firsts.set(c.file, list[0]);
    } else if (r.stderr.trim() || !/: valid (story|bundle) /.test(r.stdout)) {
      problems.push(`not accepted cleanly: ${(r.stderr || r.stdout).slice(0, 200)}`);
    }
    let memory = '';
    if (r.kb !== null) {
      const limit = 20 * data.length + 64 * 1048576;
      const peak = r.kb * 1024;
      if (data.length >= 1048576) stats.maxRatio = Math.max(stats.maxRatio, peak / data.length);
      memory = `, ${(peak / 1048576).toFixed(0)} MB peak`;
      if (peak > limit) problems.push(`peak RSS ${(peak / 1048576).toFixed(0)} MB > 20x the file + 64 MB (${(limit / 1048576).toFixed(0)} MB)`);
    }
    const size = data.length >= 1048576 ? `${(data.length / 1048576).toFixed(1)} MB` : `${data.length} B`;
    check(`validate ${c.name} (${size}): exit ${r.status}${c.expect ? `, ${list.length} diagnostics` : ''}, ${r.ms} ms${memory}`
      // eslint-disable-next-line no-control-regex -- a message may carry control characters: shown as ?
      + `${c.expect && list.length ? `; first ${list[0].line}:${list[0].column}: ${list[0].message.slice(0, 70).replace(/[\u0000-\u001f\u2028\u2029]/g, '?')}` : ''}`,
    !problems.length, problems);
  }
  return stats;
}

// ---------- the widget ----------

// Broken files two cards each point at, a valid bundle and a valid file with a BOM.
const PAGE_CASES = ['bundle-truncated-50pc', 'bundle-type-cards.0.corroboration=-1', 'bundle-nesting-10000-arrays', 'bundle-utf8-overlong-slash',
  'story-dup-what', 'story-nul-raw-in-string', 'story-value-1e400', 'story-name-collision-accents', 'bom-only', 'story-surrogate-lone-high',
  'story-100k-claims-one-line-all-wrong', 'bundle-100k-evidence-last-bad', 'story-nul-then-garbage'];
const PAGE_VALID = ['bundle-valid', 'bundle-bom-valid', 'story-valid', 'story-alias-self'];

async function pageChecks(options, dir, manifest, work, firsts) {
  let chromium;
  try {
    ({ chromium } = createRequire(join(ROOT, 'tests', 'package.json'))('playwright-core'));
  } catch {
    return check('page: playwright-core is installed in tests/ (npm ci)', false);
  }
  const site = join(work, 'site');
  mkdirSync(join(site, 'factcard'), { recursive: true });
  copyFileSync(options.widget, join(site, 'factcard', 'factcard.js'));
  copyFileSync(options.wasm, join(site, 'factcard', 'factcard.wasm'));
  // story files: the module beside it, as the wasm build writes both
  copyFileSync(join(dirname(options.wasm), 'factcard-story.wasm'), join(site, 'factcard', 'factcard-story.wasm'));
  copyFileSync(join(ROOT, 'demo', 'favicon.ico'), join(site, 'favicon.ico'));
  const byName = new Map(manifest.map((c) => [c.name, c]));
  const cards = [];
  const bad = [];
  for (const name of [...PAGE_CASES, ...PAGE_VALID]) {
    const c = byName.get(name);
    if (!c) continue;
    const url = `/${c.kind === 'bundle' ? `${c.file.replace(/\.json$/, '')}.cards.json` : c.file}`;
    copyFileSync(join(dir, c.file), join(site, url));
    const claim = name === 'story-alias-self' ? 'arrives' : 'greets';
    for (let k = 0; k < (c.expect ? 2 : 1); k++) cards.push({ name, url, claim, valid: !c.expect });
    if (c.expect) bad.push({ name, url, first: firsts.get(c.file) });
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>malformed</title><link rel="icon" href="/favicon.ico"></head><body>
${cards.map((c, i) => `<blockquote class="fact-card" id="c${i}" data-story="${c.url}" data-claim="${c.claim}"><p>Fallback ${i} for ${c.name}</p><footer>fallback footer</footer></blockquote>`).join('\n')}
<script src="/factcard/factcard.js" async></script></body></html>`;
  writeFileSync(join(site, 'index.html'), html);
  const server = await startServer({ root: site, port: 0, csp: true });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    const log = { warnings: [], errors: [] };
    page.on('console', (m) => (m.type() === 'warning' ? log.warnings : m.type() === 'error' ? log.errors : []).push(m.text()));
    page.on('pageerror', (e) => log.errors.push(e.message));
    const t0 = Date.now();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.factcard, null, { timeout: 10000 });
    await page.evaluate(() => Promise.all([...document.querySelectorAll('blockquote.fact-card')].map((el) => window.factcard.render(el))));
    await page.waitForFunction(() => [...document.querySelectorAll('blockquote.fact-card')].map((el) => /** @type {HTMLElement} */ (el))
      .every((el) => el.dataset.factcard === 'ready' || el.dataset.factcard === 'failed'), null, { timeout: 30000 });
    const ms = Date.now() - t0;
    await page.waitForTimeout(200);
    const shown = await page.evaluate(() => [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('blockquote.fact-card'))].map((el) => ({
      state: el.dataset.factcard,
      card: !!(el.shadowRoot && el.shadowRoot.querySelector('.card')),
      emptyShadow: !!el.shadowRoot && !el.shadowRoot.querySelector('.card'),
      fallbackVisible: el.querySelector('p').getClientRects().length > 0 && el.getBoundingClientRect().height > 10,
    })));
    const problems = [];
    shown.forEach((s, i) => {
      const c = cards[i];
      if (c.valid && (s.state !== 'ready' || !s.card)) problems.push(`${c.name}: valid, but state ${s.state}`);
      if (!c.valid && s.state !== 'failed') problems.push(`${c.name}: state ${s.state}, want failed`);
      if (!c.valid && (s.emptyShadow || s.card || !s.fallbackVisible)) problems.push(`${c.name}: the fallback is not shown`);
    });
    check(`page: ${cards.length} cards on ${bad.length} broken files and ${PAGE_VALID.length} valid ones settle in ${ms} ms; broken ones keep a visible fallback, valid ones render`,
      !problems.length, problems);
    const warnings = [];
    for (const b of bad) {
      const mine = log.warnings.filter((w) => w.includes(`${b.url}:`) || w.includes(`${b.url} `));
      const want = b.first ? `${b.url}:${b.first.line}:${b.first.column}: ${b.first.message}` : null;
      if (mine.length !== 1) warnings.push(`${b.name}: ${mine.length} warnings (${mine.map((w) => w.slice(0, 100)).join(' | ')})`);
      else if (!mine[0].startsWith('factcard: ')) warnings.push(`${b.name}: ${mine[0].slice(0, 120)}`);
      else if (want && !mine[0].includes(want)) warnings.push(`${b.name}: ${mine[0].slice(0, 160)}\n  want the CLI's first diagnostic ${want.slice(0, 160)}`);
    }
    const others = log.warnings.filter((w) => !bad.some((b) => w.includes(b.url)));
    if (others.length) warnings.push(...others.map((w) => `other warning: ${w.slice(0, 160)}`));
    check(`page: one "factcard: URL:LINE:COL: MESSAGE" warning per broken file (${bad.length}), with the CLI's first position and message`,
      !warnings.length, warnings);
    check('page: no page errors or console errors', !log.errors.length, log.errors);
  } catch (err) {
    check('page: the checks ran to the end', false, err.stack || err.message);
  } finally {
    if (browser) await browser.close();
    server.server.close();
  }
  return bad.length;
}

// ---------- main ----------

// --keep DIR: reuse DIR only if it is empty or was written by this script before.
function keepDir(dir) {
  if (existsSync(dir) && readdirSync(dir).length && !existsSync(join(dir, '.factcard-malformed'))) {
    console.error(`malformed: --keep ${dir} is not empty and was not written by this script; not touching it`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.factcard-malformed'), '');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const work = options.keep || mkdtempSync(join(tmpdir(), 'factcard-malformed-'));
  if (options.keep) keepDir(work);
  const dir = join(work, 'corpus');
  let manifest = writeCorpus(dir);
  if (options.only) manifest = manifest.filter((c) => c.name.includes(options.only));
  if (!existsSync(TIME)) info(`no ${TIME}: peak memory is not measured`);
  let stats;
  let broken = 0;
  try {
    stats = cliChecks(options, dir, manifest, work);
    if (!options.only) broken = Number(await pageChecks(options, dir, manifest, work, stats.firsts));
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
  info(`${stats.files} files, ${(stats.bytes / 1048576).toFixed(0)} MB; slowest ${stats.slowest.name} ${stats.slowest.ms} ms;`
    + ` highest peak RSS / file size of the files over 1 MB: ${stats.maxRatio.toFixed(1)}x`);
  console.log(`malformed: ${manifest.length} files (${manifest.filter((c) => c.expect === 0).length} valid-but-weird)`
    + `${broken ? ` + a page on ${broken} of them` : ''}; ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err.stack || err.message);
  console.log(`malformed: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
