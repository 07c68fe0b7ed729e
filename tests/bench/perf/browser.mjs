// @ts-check
// The widget in a page: Lighthouse with and without the widget, requests before the first
// scroll, time to the first card, and a heavy page of 1,000 cards from 10 bundles.
// Pages are copies of the demo site (build/site) in build/bench/site, with dist/factcard/;
// prepareSite and heavyPage take other paths as options (to measure a build of one's own).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { writeStory } from './gen-story.mjs';
import { CHROMIUM, CHROMIUM_FLAGS, DIST, FACTCARD, HERE, KiB, MiB, ROOT, WORK, median, ms, run } from './lib.mjs';

const SELECTOR = 'blockquote.fact-card[data-story][data-claim],fact-card[story][claim]';
const LOOKAHEAD = 600; // px, AHEAD in web/src/page.mjs
const VIEWPORT = { width: 412, height: 823 }; // Lighthouse's mobile screen, used by every browser figure
const SCRIPT_TAG = /[ \t]*<script src="[^"]*factcard\.js"[^>]*><\/script>\n?/g;
const HEAVY_BUNDLES = 10;

// ---------------------------------------------------------------- pages

function copyWidget(dir, dist) {
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(dist, dir, { recursive: true }); // with labels/
}

// The article's own paragraphs, to push its cards below the fold in article-long.html.
function paragraphs(html) {
  const body = html.slice(html.indexOf('<div class="article-body">'));
  return [...body.matchAll(/^<p>[\s\S]*?<\/p>$/gm)].map((m) => m[0]);
}

// 10 generated stories, 100 of each one's cards pasted as `factcard build` wrote them (each
// snippet brings its own script tag, as publishers paste them), interleaved with text.
function heavyPages(perBundle, { site, work, factcard, dist }) {
  const dir = path.join(site, 'heavy');
  copyWidget(path.join(dir, 'factcard'), dist);
  const snippets = [];
  for (let k = 0; k < HEAVY_BUNDLES; k++) {
    const storyFile = path.join(work, 'heavy', `heavy-${k}.json`);
    writeStory(storyFile, { claims: 200, seed: 100 + k, id: `heavy-${k}` });
    const out = path.join(work, 'heavy', `out-${k}`);
    fs.rmSync(out, { recursive: true, force: true });
    run(factcard, ['build', storyFile, '-o', out]);
    fs.copyFileSync(path.join(out, `heavy-${k}.cards.json`), path.join(dir, `heavy-${k}.cards.json`));
    const cards = JSON.parse(fs.readFileSync(path.join(out, `heavy-${k}.cards.json`), 'utf8')).cards.slice(0, perBundle);
    if (cards.length < perBundle) throw new Error(`heavy-${k}: only ${cards.length} cards`);
    snippets.push(cards.map((c) => fs.readFileSync(path.join(out, 'embed', `${c.id}.html`), 'utf8').trim()));
  }
  const body = [];
  for (let i = 0; i < HEAVY_BUNDLES * perBundle; i++) {
    body.push(`<p>Paragraph ${i + 1} of a long live blog: what was said, by whom, and who reported it.</p>`);
    body.push(snippets[i % HEAVY_BUNDLES][Math.floor(i / HEAVY_BUNDLES)]);
  }
  const page = (title, html) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="../favicon.ico" sizes="16x16 32x32">
<link rel="stylesheet" href="../site.css">
</head>
<body>
<main id="main" class="page"><article><h1>${title}</h1>
<div class="article-body">
${html}
</div></article></main>
</body>
</html>
`;
  const html = body.join('\n');
  const title = `${(HEAVY_BUNDLES * perBundle).toLocaleString('en-US')} fact cards from ${HEAVY_BUNDLES} bundles`;
  fs.writeFileSync(path.join(dir, 'heavy.html'), page(title, html));
  fs.writeFileSync(path.join(dir, 'heavy-fallback.html'), page(`${title} (fallback only)`, html.replace(SCRIPT_TAG, '')));
}

// Defaults: build/site, dist/factcard/, build/cli/factcard, into build/bench/.
export function prepareSite({ quick, source = path.join(ROOT, 'build', 'site'), dist = DIST, factcard = FACTCARD, work = WORK }) {
  const site = path.join(work, 'site');
  if (!fs.existsSync(path.join(source, 'article.html'))) throw new Error(`${source}/article.html is missing: run ./run build first`);
  fs.rmSync(site, { recursive: true, force: true });
  fs.cpSync(source, site, { recursive: true });
  copyWidget(path.join(site, 'factcard'), dist);
  const article = fs.readFileSync(path.join(site, 'article.html'), 'utf8');
  fs.writeFileSync(path.join(site, 'article-fallback.html'), article.replace(SCRIPT_TAG, ''));
  const filler = paragraphs(article);
  const long = article.replace('<div class="article-body">', `<div class="article-body">\n${[...filler, ...filler].join('\n\n')}\n`);
  fs.writeFileSync(path.join(site, 'article-long.html'), long);
  fs.writeFileSync(path.join(site, 'article-long-fallback.html'), long.replace(SCRIPT_TAG, ''));
  heavyPages(quick ? 10 : 100, { site, work, factcard, dist });
  return site;
}

// ---------------------------------------------------------------- Lighthouse

// Asynchronous: the page server runs in this process and must keep answering.
function spawnAsync(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
    // SIGINT first: Lighthouse then closes the Chrome it launched; SIGKILL if it does not exit.
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 10000).unref();
    }, options.timeout);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
  });
}

async function lighthouse(url, outFile) {
  const bin = path.join(HERE, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [bin, url, '--only-categories=performance', '--output=json', `--output-path=${outFile}`, '--quiet',
    '--disable-full-page-screenshot', `--chrome-flags=${[...CHROMIUM_FLAGS, ...(url.startsWith('https:') ? ['--ignore-certificate-errors'] : [])].join(' ')}`];
  const out = await spawnAsync(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180000 });
  if (out.status !== 0) throw new Error(`lighthouse failed: ${(out.stderr || '').slice(-400)}`);
  const report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const a = report.audits;
  return {
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    observedLcp: a.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? NaN,
    bytes: a['total-byte-weight']?.numericValue ?? NaN,
    fcp: a['first-contentful-paint'].numericValue,
    requests: a['network-requests'].details.items.map((i) => new URL(i.url).pathname),
    lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet,
    longTasks: (a['long-tasks']?.details?.items || []).map((t) => ({ url: new URL(t.url, url).pathname, ms: t.duration, at: t.startTime })),
    bootup: (a['bootup-time']?.details?.items || []).map((t) => ({ url: t.url, total: t.total, scripting: t.scripting })),
    settings: `${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling, Lighthouse ${report.lighthouseVersion}`,
  };
}

// The pages Lighthouse compares: each with the widget and without it (its script tags removed).
const PAIRS = {
  article: { widget: 'article.html', fallback: 'article-fallback.html' },
  long: { widget: 'article-long.html', fallback: 'article-long-fallback.html' }, // first card far below the fold
};

// Lighthouse on one pair of pages from one server, alternating pages so that drift in the
// machine's load hits both alike.
async function lighthousePair(base, pages, n, tag) {
  const dir = path.join(WORK, 'lighthouse');
  fs.mkdirSync(dir, { recursive: true });
  const results = { widget: [], fallback: [] };
  for (let i = 0; i < n; i++) {
    for (const [name, page] of Object.entries(pages)) {
      const r = await lighthouse(base + page, path.join(dir, `${path.basename(page, '.html')}-${tag.replace(/\W+/g, '-')}-${i}.json`));
      results[name].push(r);
      console.log(`  lighthouse ${page} (${tag}) #${i + 1}: TBT ${ms(r.tbt)}, CLS ${r.cls.toFixed(3)}, LCP ${ms(r.lcp)}, observed LCP ${ms(r.observedLcp)}`);
    }
  }
  return { pages, results };
}

// The figures of one pair of pages served one way (`how`: "compressed", "uncompressed").
function pageFigures({ pages, results }, n, how, command) {
  const med = (name, key) => median(results[name].map((r) => r[key]));
  const tbt = med('widget', 'tbt') - med('fallback', 'tbt');
  const cls = med('widget', 'cls');
  const lcp = med('widget', 'lcp') - med('fallback', 'lcp');
  const observed = med('widget', 'observedLcp') - med('fallback', 'observedLcp');
  const sameElement = results.widget[0].lcpElement === results.fallback[0].lcpElement;
  const base = { section: 'page', command };
  const long = pages === PAIRS.long;
  const suffix = `${long ? '-long' : ''}${how === 'compressed' ? '' : `-${how.replace(/\W+/g, '-')}`}`;
  const pair = `${pages.widget} − ${pages.fallback}`;
  const label = (what) => `${what}${long ? ', long article' : ''} (${how})`;
  return [
    { ...base, key: `page.tbt-added${suffix}`, short: label('added TBT'), what: `added Total Blocking Time, ${pair}, served ${how} (median of ${n})`, value: tbt, unit: 'ms',
      display: `${ms(tbt)} (${ms(med('widget', 'tbt'))} vs ${ms(med('fallback', 'tbt'))})`, target: '≤ 10 ms', met: tbt <= 10 },
    { ...base, key: `page.cls${suffix}`, short: label('CLS'), what: `Cumulative Layout Shift, ${pages.widget}, served ${how} (median of ${n})`, value: cls, unit: '',
      display: `${cls.toFixed(3)} (fallback only: ${med('fallback', 'cls').toFixed(3)})`, target: '0.00', met: cls < 0.005 },
    { ...base, key: `page.lcp-diff${suffix}`, short: label('added LCP'), what: `added Largest Contentful Paint (Lighthouse simulated), ${pair}, served ${how} (median of ${n})`, value: lcp, unit: 'ms',
      display: `${lcp >= 0 ? '+' : ''}${ms(lcp)} (${ms(med('widget', 'lcp'))} vs ${ms(med('fallback', 'lcp'))}; observed ${observed >= 0 ? '+' : ''}${ms(observed)}; LCP element \`${results.widget[0].lcpElement || '?'}\` in both: ${sameElement ? 'yes' : 'no'}; FCP ${ms(med('widget', 'fcp'))} vs ${ms(med('fallback', 'fcp'))}; transferred ${KiB(med('widget', 'bytes'))} vs ${KiB(med('fallback', 'bytes'))})`,
      target: '≤ 50 ms', met: lcp <= 50 },
  ];
}

// `bases`: the same site served compressed (brotli/gzip, as a CDN does) and uncompressed.
export async function pageCost({ quick, runs, bases }) {
  if (!fs.existsSync(path.join(HERE, 'node_modules', 'lighthouse'))) {
    return { figures: [{ section: 'page', key: 'page.lighthouse', what: 'Lighthouse', value: null, display: 'not run: npm ci in tests/bench/perf', target: null, met: null, command: 'cd tests/bench/perf && npm ci' }], data: null };
  }
  const n = quick ? 1 : runs;
  const lh = (page) => `node demo/serve.mjs build/bench/site --port 8080 --csp & CHROME_PATH=${CHROMIUM} tests/bench/perf/node_modules/.bin/lighthouse http://127.0.0.1:8080/${page} --only-categories=performance --disable-full-page-screenshot --chrome-flags="${CHROMIUM_FLAGS.join(' ')}"`;
  const command = `node tests/bench/perf/bench.mjs --only page   # one run: ${lh('article.html')} (and article-fallback.html, article-long.html, article-long-fallback.html; add --raw to serve.mjs for the uncompressed figures; the HTTP/2 figures come from bench.mjs only)`;
  const figures = [];
  const data = { runs: n };
  let settings = null;
  for (const [how, base] of Object.entries(bases)) {
    for (const [name, pages] of Object.entries(PAIRS)) {
      const pair = await lighthousePair(base, pages, n, how);
      figures.push(...pageFigures(pair, n, how, command));
      data[`${name}-${how}`] = pair;
      settings ||= pair.results.widget[0].settings;
    }
  }
  data.settings = settings;
  return { figures, data, settings };
}

// ---------------------------------------------------------------- in a browser we drive

async function launch() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core is missing: npm ci in tests/bench/perf');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

// Marks, in the page's own clock: when factcard.js starts (its first touch of the shared
// registry), when the first card is drawn, and the wasm instance (for its memory size).
const INSTRUMENT = () => {
  const key = Symbol.for('factcard');
  let value;
  window.__fc = { start: null, firstRender: null, renders: 0, memories: [], longTasks: [], frames: [] };
  Object.defineProperty(window, key, {
    configurable: true,
    get() { if (window.__fc.start === null) window.__fc.start = performance.now(); return value; },
    set(v) { value = v; },
  });
  addEventListener('factcard:render', () => {
    window.__fc.renders++;
    if (window.__fc.firstRender === null) window.__fc.firstRender = performance.now();
  }, true);
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    const exports = (result.instance || result).exports;
    if (exports && exports.memory) window.__fc.memories.push(exports.memory);
    return result;
  };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__fc.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.__fc.frames.push({ duration: e.duration, scripts: /** @type {any} */ (e).scripts.map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker })) });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* older browser */ }
};

const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push({ path: new URL(r.url()).pathname, at: Date.now() }));
  return { context, page, requests };
}

// Waits until no request has started for `quiet` ms.
async function settle(requests, quiet = 1500, max = 20000) {
  const start = Date.now();
  while (Date.now() - start < max) {
    const last = requests.length ? requests[requests.length - 1].at : start;
    if (Date.now() - Math.max(last, start) >= quiet) return;
    await sleep(100);
  }
}

const isWidgetRequest = (p) => /\.wasm$|\.cards\.json$|\/stories\//.test(p);
const isScript = (p) => /factcard\.js$/.test(p);

// How far below the bottom of the viewport the first card starts.
const firstCardBelowFold = (page) => page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top - innerHeight, SELECTOR);

export async function requestsAndFirstCard({ quick, runs, base }) {
  const browser = await launch();
  const figures = [];
  const data = {};
  try {
    // 1. Requests before the first scroll.
    for (const name of ['article.html', 'article-long.html']) {
      const { context, page, requests } = await newPage(browser);
      await page.goto(base + name, { waitUntil: 'load' });
      await settle(requests);
      const below = await firstCardBelowFold(page);
      const before = requests.map((r) => r.path);
      let after = null;
      if (below > LOOKAHEAD) {
        await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'end' }), SELECTOR);
        await page.waitForFunction(() => window.__fc.renders > 0, null, { timeout: 10000 }).catch(() => {});
        await settle(requests, 1000);
        after = requests.slice(before.length).map((r) => r.path);
      }
      data[name] = { firstCardBelowFoldPx: below, before, afterScroll: after };
      await context.close();
    }
    const long = data['article-long.html'];
    const early = long.before.filter(isWidgetRequest);
    const lazyCmd = 'node tests/bench/perf/bench.mjs --only requests';
    figures.push({
      section: 'page', key: 'page.requests-before-scroll', short: 'no request before a card nears', command: lazyCmd,
      what: `widget requests before the first scroll, article-long.html (first card ${Math.round(long.firstCardBelowFoldPx)} px below the fold; look-ahead ${LOOKAHEAD} px)`,
      value: early.length, unit: 'requests',
      display: `${early.length}${early.length ? ` (${early.join(', ')})` : ''}; factcard.js itself: ${long.before.filter(isScript).length}; after scrolling to the card: ${(long.afterScroll || []).filter(isWidgetRequest).join(', ') || 'none'}`,
      target: '0 until a card nears the viewport', met: early.length === 0 && (long.afterScroll || []).some(isWidgetRequest),
    });
    const art = data['article.html'];
    figures.push({
      section: 'page', key: 'page.requests-article', command: lazyCmd,
      what: `requests before the first scroll, article.html (first card ${Math.round(art.firstCardBelowFoldPx)} px below the fold: inside the look-ahead, so it loads at once)`,
      value: art.before.length, unit: 'requests', display: art.before.join(', '), target: null, met: null,
    });

    // 2. Time to the first card after the script starts, against the fallback's first paint.
    const samples = [];
    for (let i = 0; i < (quick ? 1 : Math.max(runs, 7)); i++) {
      const { context, page } = await newPage(browser);
      await page.goto(base + 'article.html', { waitUntil: 'load' });
      await page.waitForFunction(() => window.__fc.firstRender !== null, null, { timeout: 15000 });
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        start: window.__fc.start,
        card: window.__fc.firstRender,
      }));
      samples.push({ ...t, ratio: (t.card - t.start) / t.fcp });
      await context.close();
    }
    const ratio = median(samples.map((s) => s.ratio));
    const fcp = median(samples.map((s) => s.fcp));
    const toCard = median(samples.map((s) => s.card - s.start));
    data.firstCard = samples;
    figures.push({
      section: 'page', key: 'page.first-card-ratio', short: 'time to first card', command: 'node tests/bench/perf/bench.mjs --only first-card',
      what: `time to the first card after factcard.js starts ÷ the fallback's first paint, article.html (median of ${samples.length} loads)`,
      value: ratio, unit: '×', display: `${ratio.toFixed(2)}× (first card ${ms(toCard)} after the script starts; fallback first paint ${ms(fcp)} after navigation)`,
      target: '≤ 1.3×', met: ratio <= 1.3,
    });
  } finally {
    await browser.close();
  }
  return { figures, data };
}

// ---------------------------------------------------------------- the heavy page

// Renderer processes among this process's descendants; the largest is the page's.
function rendererMemory() {
  const parent = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(+pid, +stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch { /* gone */ }
  }
  const isOurs = (pid) => {
    for (let p = pid, i = 0; p > 1 && i < 20; p = parent.get(p), i++) if (p === process.pid) return true;
    return false;
  };
  let best = null;
  for (const pid of parent.keys()) {
    if (!isOurs(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (k) => +(status.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] || 0);
      const m = { pid, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
      if (!best || m.rssKb > best.rssKb) best = m;
    } catch { /* gone */ }
  }
  return best;
}

// Main-thread tasks from a Chromium trace, each marked when factcard.js (or its wasm) ran in it.
function tasksFromTrace(buffer) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents || [];
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  /** @type {Array<{ thread: string, ts: number, end: number, ms: number, widget: boolean }> & { events?: any[] }} */
  const tasks = [];
  const markers = [];
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(thread)) continue;
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur) tasks.push({ thread, ts: e.ts, end: e.ts + e.dur, ms: e.dur / 1000, widget: false });
    const data = e.args?.data || e.args?.beginData || {};
    const url = data.url || data.scriptName || data.stackTrace?.[0]?.url || '';
    if (/factcard\.js/.test(url) || /wasm/i.test(e.name)) markers.push({ thread, ts: e.ts });
  }
  markers.sort((a, b) => a.ts - b.ts);
  tasks.events = events;
  for (const t of tasks) {
    // first marker at or after the task's start
    let lo = 0, hi = markers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid].ts < t.ts) lo = mid + 1; else hi = mid;
    }
    for (let i = lo; i < markers.length && markers[i].ts <= t.end; i++) {
      if (markers[i].thread === t.thread) { t.widget = true; break; }
    }
  }
  return tasks;
}

// What a task spent its time on: the longest events inside it (DevTools' names), in ms.
function insideTask(events, task) {
  const [pid, tid] = task.thread.split(':').map(Number);
  return events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= task.ts && e.ts < task.end && e.dur > 2000 && !/RunTask/.test(e.name))
    .sort((a, b) => b.dur - a.dur).slice(0, 8)
    .map((e) => `${e.name}${e.args?.data?.url ? ` ${path.basename(e.args.data.url)}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${(e.dur / 1000).toFixed(1)}`);
}

// Loads the page, reads it to the end, and either traces the main thread or (untraced, since
// tracing itself costs renderer memory) measures memory.
async function heavyRun(browser, url, withWidget, traced, work) {
  const { context, page, requests } = await newPage(browser);
  if (traced) await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'v8.execute'] });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await settle(requests, 1000);
  // Read the page as a reader would: one screen every 100 ms to the end.
  for (;;) {
    const done = await page.evaluate(() => {
      scrollBy(0, innerHeight);
      return scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    });
    if (done) break;
    await sleep(100);
  }
  if (withWidget) {
    await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((el) => el.dataset.factcard === 'ready' || el.dataset.factcard === 'failed'), SELECTOR, { timeout: 60000 }).catch(() => {});
  }
  await sleep(1000);
  const seconds = (Date.now() - t0) / 1000;
  if (traced) {
    const trace = await browser.stopTracing();
    fs.writeFileSync(path.join(work, `${path.basename(url, '.html')}.trace.json`), trace); // opens in DevTools' Performance panel
    await context.close();
    const tasks = tasksFromTrace(trace);
    const widgetTasks = tasks.filter((t) => t.widget).sort((a, b) => b.ms - a.ms);
    return {
      seconds,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)),
      longestWidgetTaskMs: widgetTasks[0]?.ms || 0,
      widgetTasksOver50: widgetTasks.filter((t) => t.ms > 50).length,
      topWidgetTasksMs: widgetTasks.slice(0, 5).map((t) => t.ms),
      longestWidgetTasks: widgetTasks.slice(0, 5).map((t) => ({ ms: t.ms, inside: insideTask(tasks.events, t) })),
      traceBytes: trace.length,
    };
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const state = await page.evaluate((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return {
      cards: els.length,
      ready: els.filter((e) => e.dataset.factcard === 'ready').length,
      failed: els.filter((e) => e.dataset.factcard === 'failed').length,
      wasmBytes: window.__fc.memories.reduce((n, m) => n + m.buffer.byteLength, 0),
      longTasks: window.__fc.longTasks,
      frames: window.__fc.frames.filter((f) => f.scripts.some((s) => /factcard\.js/.test(s.url))).map((f) => f.duration),
    };
  }, SELECTOR);
  const renderer = rendererMemory();
  await context.close();
  return {
    seconds,
    requests: requests.length,
    scriptRequests: requests.filter((r) => isScript(r.path)).length,
    widgetRequests: requests.filter((r) => isWidgetRequest(r.path)).map((r) => r.path),
    ...state,
    jsHeapBytes: metrics.JSHeapUsedSize,
    domNodes: metrics.Nodes,
    renderer,
  };
}

export async function heavyPage({ base, work = WORK }) {
  const browser = await launch();
  let widget, fallback;
  try {
    const both = async (name, withWidget) => {
      const memory = await heavyRun(browser, `${base}heavy/${name}`, withWidget, false, work);
      const tasks = await heavyRun(browser, `${base}heavy/${name}`, withWidget, true, work);
      return { ...memory, ...tasks };
    };
    widget = await both('heavy.html', true);
    console.log(`  heavy.html: ${widget.ready}/${widget.cards} cards ready, longest widget task ${ms(widget.longestWidgetTaskMs)}, ${widget.widgetTasksOver50} over 50 ms`);
    fallback = await both('heavy-fallback.html', false);
    console.log(`  heavy-fallback.html: longest task ${ms(fallback.longestTaskMs)}`);
  } finally {
    await browser.close();
  }
  const command = 'node tests/bench/perf/bench.mjs --only heavy   # page: build/bench/site/heavy/heavy.html';
  const rss = (r) => (r.renderer ? r.renderer.rssKb * 1024 : NaN);
  const hwm = (r) => (r.renderer ? r.renderer.hwmKb * 1024 : NaN);
  const figures = [
    { section: 'heavy', key: 'heavy.longest-widget-task', short: 'long tasks on the heavy page', command,
      what: `longest main-thread task in which the widget runs, heavy.html (${widget.cards.toLocaleString('en-US')} cards, ${HEAVY_BUNDLES} bundles, read top to bottom)`,
      value: widget.longestWidgetTaskMs, unit: 'ms',
      display: `${ms(widget.longestWidgetTaskMs)}; ${widget.widgetTasksOver50} widget task(s) over 50 ms; next longest ${widget.topWidgetTasksMs.slice(1).map((t) => ms(t)).join(', ')}; page without widget: longest task ${ms(fallback.longestTaskMs)}`,
      target: 'none over 50 ms', met: widget.widgetTasksOver50 === 0 },
    { section: 'heavy', key: 'heavy.cards-ready', command, what: 'cards drawn on heavy.html', value: widget.ready, unit: 'cards',
      display: `${widget.ready} of ${widget.cards} ready, ${widget.failed} failed; factcard.js requested ${widget.scriptRequests}×; ${widget.widgetRequests.length} wasm/bundle requests`, target: null, met: null },
    { section: 'heavy', key: 'heavy.memory', command, what: 'page memory, heavy.html with the widget (after GC) vs the fallback-only page', value: widget.jsHeapBytes, unit: 'bytes',
      display: `JS heap ${MiB(widget.jsHeapBytes)} (fallback ${MiB(fallback.jsHeapBytes)}); wasm memory ${widget.wasmBytes ? MiB(widget.wasmBytes) : 'in the worker (part of the renderer RSS)'}; DOM nodes ${widget.domNodes} (fallback ${fallback.domNodes}); renderer RSS ${MiB(rss(widget))}, peak ${MiB(hwm(widget))} (fallback ${MiB(rss(fallback))}, peak ${MiB(hwm(fallback))})`,
      target: null, met: null },
  ];
  return { figures, data: { widget, fallback } };
}

export { VIEWPORT };
