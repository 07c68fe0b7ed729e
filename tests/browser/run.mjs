#!/usr/bin/env node
// @ts-check
// Browser tests for the widget (factcard.js, assembled from web/src/) and the demo pages, in Debian's Chromium driven by playwright-core.
//   node tests/browser/run.mjs --site build/site [--artifacts build/test-artifacts] [--chromium /usr/bin/chromium]
// The site (from demo/build-site.mjs) is served with the strict Content-Security-Policy of the
// demo; the fixture pages in tests/browser/fixtures/ are served on the same origin under
// /__fixtures__/. Few page loads, many assertions each; one PASS/FAIL line per check, then
// "N passed, M failed", and a non-zero exit status when anything failed.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from '../../demo/serve.mjs';
import { assembleWidget } from '../../web/assemble.mjs';
import { textFragmentUrl } from '../../web/src/fragment.mjs';
import { deskChecks } from './desk.mjs';
import { editorChecks } from './editor.mjs';
import {
  ROOT, SELECTOR, axeSource, axeViolations, createReport, launchChromium, parseArgs, requireSiteFiles, requireTools, serve,
} from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NO_WASM_CSP = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

const report = createReport('browser');
const { check, info } = report;

// ---------- what the cards should say, from the bundle ----------

function loadBundle(site) {
  const name = readFileSync(join(site, 'article.html'), 'utf8').match(/data-story="([^"]+\.cards\.json)"/)[1];
  const bundle = JSON.parse(readFileSync(join(site, name), 'utf8'));
  const entities = new Map(bundle.entities.map((e) => [e.id, e]));
  const sources = new Map(bundle.sources.map((s) => [s.id, s]));
  const cards = bundle.cards.map((card) => ({
    ...card,
    who: entities.get(card.who),
    evidence: card.evidence.map((e) => ({ ...e, source: sources.get(e.source) })),
  }));
  const byClaim = new Map();
  for (const card of cards) for (const id of [card.id, ...card.claims]) if (!byClaim.has(id)) byClaim.set(id, card);
  return { name, bundle, cards, byClaim };
}

// English (en-US, the demo pages' "en") at the date's own precision.
function expectedDate(value) {
  const m = /^(~?)(\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(value || '');
  if (!m) return '';
  const [, approx, year, month, day] = m;
  let text = year;
  if (month && day) text = `${MONTHS[+month - 1]} ${+day}, ${year}`;
  else if (month) text = `${MONTHS[+month - 1]} ${year}`;
  return approx ? `c. ${text}` : text;
}

function expectedCard(card) {
  const groups = new Map();
  for (const e of card.evidence) {
    if (!groups.has(e.source.id)) groups.set(e.source.id, { source: e.source, quotes: [] });
    groups.get(e.source.id).quotes.push(e.quote);
  }
  const sources = [...groups.values()].map(({ source, quotes }) => ({
    outlet: source.publisher || 'Unknown outlet',
    headline: source.headline || source.url || 'Untitled article',
    href: /^https?:\/\//i.test(source.url || '') ? source.url : null,
    excerpts: quotes,
    // each excerpt links to its passage in the article (a text fragment), the headline to the article
    passages: quotes.map((q) => (/^https?:\/\//i.test(source.url || '') ? textFragmentUrl(source.url, q) : null)),
  }));
  const status = { corroborated: `${card.corroboration} outlets`, contested: 'Contested', 'single-source': 'Single source' }[card.status];
  return { what: card.what, whoName: card.who.name, whoRole: card.who.description || '', when: expectedDate(card.when), sources, status };
}

const sortSources = (list) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// Compares what each card shows (read in the page) with the bundle; returns a list of problems.
function compareCards(shown, data) {
  const problems = [];
  for (const s of shown) {
    const card = data.byClaim.get(s.claim);
    if (!card) {
      problems.push(`${s.claim}: not in the bundle`);
      continue;
    }
    if (s.state !== 'ready') {
      problems.push(`${s.claim}: state ${s.state}`);
      continue;
    }
    const want = expectedCard(card);
    const bad = [];
    if (s.what !== want.what) bad.push(`what ${JSON.stringify(s.what)} != ${JSON.stringify(want.what)}`);
    if (s.whoName !== want.whoName) bad.push(`who ${JSON.stringify(s.whoName)} != ${JSON.stringify(want.whoName)}`);
    if (want.whoRole && !s.who.includes(want.whoRole)) bad.push(`role missing: ${want.whoRole}`);
    if ((s.when || '') !== want.when) bad.push(`when ${JSON.stringify(s.when)} != ${JSON.stringify(want.when)}`);
    if (!s.status.includes(want.status)) bad.push(`status ${JSON.stringify(s.status)} lacks ${want.status}`);
    if (!s.label.toLowerCase().includes(card.status.replace('-', ' '))) bad.push(`aria-label lacks the status: ${s.label}`);
    const a = JSON.stringify(sortSources(s.sources));
    const b = JSON.stringify(sortSources(want.sources));
    if (a !== b) bad.push(`sources differ:\n  shown ${a}\n  want  ${b}`);
    if (bad.length) problems.push(`${s.claim}: ${bad.join('; ')}`);
  }
  return problems;
}

// Runs in the page: what each card element shows.
function readCards(selector) {
  const text = (el) => (el ? el.textContent : null);
  return [...document.querySelectorAll(selector)].map((el) => {
    const claim = el.getAttribute('data-claim') || el.getAttribute('claim');
    const root = el.shadowRoot;
    const base = { id: el.id, claim, state: el.dataset.factcard || 'untouched' };
    const card = root && root.querySelector('.card');
    if (!card) return base;
    return {
      ...base,
      label: card.getAttribute('aria-label') || '',
      status: text(card.querySelector(':scope > .top .status')),
      when: text(card.querySelector(':scope > .top .when')),
      whenAttr: card.querySelector(':scope > .top .when')?.getAttribute('datetime') || null,
      what: text(card.querySelector(':scope > .what')),
      who: text(card.querySelector(':scope > .who')),
      whoName: text(card.querySelector(':scope > .who b')),
      sources: [...card.querySelectorAll(':scope > .sources > .source')].map((li) => ({
        outlet: text(li.querySelector('.outlet')),
        headline: text(li.querySelector('.headline')),
        href: li.querySelector('a.headline')?.getAttribute('href') || null,
        excerpts: [...li.querySelectorAll('.excerpt q')].map((q) => q.textContent),
        passages: [...li.querySelectorAll('.excerpt')].map((x) => x.querySelector('a.passage')?.getAttribute('href') || null),
      })),
    };
  });
}

// ---------- page helpers ----------

// Installed before any page script: CSP violations, layout shifts, widget events, wasm compiled
// on the page itself (rather than in the widget's worker).
function instrument() {
  const t = { violations: [], shift: 0, shifts: [], renders: [], errors: [], wasmOnPage: 0 };
  window.__test = t;
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      t.wasmOnPage++;
      return original.apply(this, args);
    };
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    t.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {PerformanceEntry & { hadRecentInput: boolean, value: number }} */ (entry);
      if (shift.hadRecentInput) continue;
      t.shift += shift.value;
      t.shifts.push({ value: shift.value, at: Math.round(entry.startTime) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  t.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) t.longTasks.push({ at: Math.round(entry.startTime), ms: Math.round(entry.duration) });
  }).observe({ type: 'longtask', buffered: true });
  const who = (el) => el.id || el.getAttribute('data-claim') || el.getAttribute('claim');
  document.addEventListener('factcard:render', (e) => t.renders.push({ who: who(e.target), at: performance.now() }), true);
  document.addEventListener('factcard:error', (e) => t.errors.push({ who: who(e.target), message: e.detail.message }), true);
}

class Harness {
  constructor(context, base, site, data) {
    this.context = context;
    this.base = base;
    this.site = site;
    this.data = data;
    /** @type {string | null} another origin serving the site, for fixtures that load from a CDN */
    this.cdn = null;
    // (as assembled, or as esbuild minified it for dist/factcard/: a site may ship either)
    const js = readFileSync(join(site, 'factcard', 'factcard.js'), 'utf8');
    this.widgetVersion = (js.match(/VERSION = '([^']+)'/) || js.match(/="(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)"/) || [])[1];
  }

  // Fixture pages with {{placeholders}} filled from the real bundle, served on the site's origin.
  fixture(name) {
    const cards = this.data.cards;
    const pick = (test) => (cards.find(test) || cards[0]).id;
    const values = {
      bundle: `/${this.data.name}`,
      bundlefile: this.data.name,
      cdn: this.cdn || '/', // another origin serving the site (crossOriginChecks)
      storyfile: `/stories/${this.data.bundle.story.id}.json`,
      script: '/factcard/factcard.js',
      claim0: pick((c) => c.status === 'corroborated'),
      claim1: pick((c) => c.status === 'single-source'),
      claim2: pick((c) => c.kind === 'quote'),
      contested: pick((c) => c.contradicts.length > 0),
      monthclaim: pick((c) => /^\d{4}-\d\d$/.test(c.when || '')),
      yearclaim: pick((c) => /^\d{4}$/.test(c.when || '')),
      dayclaim: pick((c) => /^\d{4}-\d\d-\d\d$/.test(c.when || '')),
    };
    this.values = values;
    return readFileSync(join(FIXTURES, name), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);
  }

  /** @param {string} path @param {{ colorScheme?: 'light' | 'dark', viewport?: { width: number, height: number }, setup?: (page: any) => Promise<void> }} [options] */
  async open(path, { colorScheme = 'light', viewport = { width: 1280, height: 900 }, setup } = {}) {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    const log = { console: [], pageErrors: [], requests: [], workers: [] };
    page.on('worker', (w) => log.workers.push(new URL(w.url()).pathname));
    page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => log.pageErrors.push(e.message));
    page.on('request', (r) => log.requests.push(r.url()));
    await page.addInitScript(instrument);
    await page.route('**/__fixtures__/**', (route) => this.serveFixture(route));
    if (setup) await setup(page);
    await page.goto(new URL(path, this.base).href);
    page.log = log;
    return page;
  }

  async serveFixture(route) {
    const url = new URL(route.request().url());
    const name = url.pathname.replace(/^\/__fixtures__\//, '');
    const policies = { 'no-wasm': NO_WASM_CSP, 'no-worker': `${STRICT_CSP}; trusted-types 'none'` };
    const csp = policies[url.searchParams.get('csp') || ''] || STRICT_CSP;
    if (name === 'v2/factcard.js') {
      // "Another version" of the widget on the same page, arriving a little later.
      await new Promise((done) => setTimeout(done, 300));
      const js = readFileSync(join(this.site, 'factcard', 'factcard.js'), 'utf8')
        .split(`'${this.widgetVersion}'`).join("'99.0.0-test'").split(`"${this.widgetVersion}"`).join('"99.0.0-test"');
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: js });
    }
    if (name === 'v2/factcard.wasm') {
      return route.fulfill({ status: 200, contentType: 'application/wasm', body: readFileSync(join(this.site, 'factcard', 'factcard.wasm')) });
    }
    if (name === 'many.html') {
      // 1,000 cards on one page, cycling through every claim of the bundle.
      const claims = this.data.cards.map((c) => c.id);
      const cards = Array.from({ length: 1000 }, (_, i) => `<blockquote class="fact-card" data-story="/${this.data.name}" data-claim="${claims[i % claims.length]}"><p>Card ${i + 1}</p><footer>fallback</footer></blockquote>`);
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>1,000 cards</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="fixtures.css"></head><body><h1>1,000 cards</h1>${cards.join('\n')}<script src="/factcard/factcard.js" async></script></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': csp }, body });
    }
    const file = join(FIXTURES, name);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const types = { html: 'text/html; charset=utf-8', css: 'text/css', json: 'application/json' };
    const type = types[name.split('.').pop()] || 'application/octet-stream';
    const body = name.endsWith('.html') ? this.fixture(name) : readFileSync(file);
    return route.fulfill({ status: 200, contentType: type, headers: { 'Content-Security-Policy': csp }, body });
  }
}

// Scrolls to the bottom a screen at a time, the way a reader would, then waits for every card
// to settle (drawn, or failed with its fallback).
async function scrollThrough(page) {
  for (let y = 0; ; ) {
    const { height, view } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, view: innerHeight }));
    if (y > height) break;
    await page.mouse.wheel(0, Math.round(view * 0.7));
    y += Math.round(view * 0.7);
    await page.waitForTimeout(60);
  }
  await settle(page);
}

async function settle(page, timeout = 20000) {
  await page.waitForFunction((selector) => [...document.querySelectorAll(selector)]
    .every((el) => el.dataset.factcard === 'ready' || el.dataset.factcard === 'failed'), SELECTOR, { timeout });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const widgetWarnings = (page) => page.log.console.filter((m) => m.type === 'warning' && m.text.startsWith('factcard:'));
const consoleErrors = (page) => page.log.console.filter((m) => m.type === 'error').map((m) => m.text);
const counted = (page, test) => page.log.requests.filter(test).length;
const isWasm = (url) => url.endsWith('/factcard.wasm');
const isStoryWasm = (url) => url.endsWith('/factcard-story.wasm'); // story files only
const isStory = (url) => /\.cards\.json$|\/stories\/[^/]+\.json$/.test(url);
const isLabels = (url) => new URL(url).pathname.startsWith('/factcard/labels/'); // tables other than English

// ---------- the checks ----------

function staticChecks(site) {
  const shipped = readFileSync(join(site, 'factcard', 'factcard.js'), 'utf8');
  const assembled = readFileSync(join(ROOT, 'build', 'web', 'factcard.js'), 'utf8');
  const sources = readdirSync(join(ROOT, 'web', 'src')).map((f) => readFileSync(join(ROOT, 'web', 'src', f), 'utf8'));
  const forbidden = ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write'];
  const found = forbidden.filter((word) => [shipped, ...sources].some((text) => text.includes(word)));
  check('static: the shipped JS and web/src/ have no eval(, new Function or HTML-string sinks', !found.length, found.join(', '));
  check('static: the site ships the factcard.js that web/assemble.mjs writes from web/src/ now', shipped === assembled && assembled === assembleWidget(),
    shipped === assembled ? 'build/web/factcard.js is older than web/src/: ./run build' : 'the site is older than build/web/: ./run build');
  const js = gzipSync(shipped, { level: 9 }).length;
  const wasm = gzipSync(readFileSync(join(site, 'factcard', 'factcard.wasm')), { level: 9 }).length;
  const storyWasm = gzipSync(readFileSync(join(site, 'factcard', 'factcard-story.wasm')), { level: 9 }).length;
  info(`widget gzip, a page of bundles: factcard.js ${js} B + factcard.wasm ${wasm} B = ${js + wasm} B (goal 40960 B); `
    + `a story file adds factcard-story.wasm ${storyWasm} B`);
}

async function articleChecks(h, artifacts) {
  const page = await h.open('/article.html');
  const before = counted(page, (u) => isWasm(u) || isStory(u));
  await scrollThrough(page);
  const shown = await page.evaluate(readCards, SELECTOR);
  const t = await page.evaluate(() => window.__test);
  check(`article: all ${shown.length} cards render with the bundle's who / what / when / sources`,
    shown.length >= 6 && !compareCards(shown, h.data).length, compareCards(shown, h.data).join('\n') || `only ${shown.length} cards`);
  check('article: no layout shift while cards upgrade during scrolling (CLS 0)', t.shift === 0,
    `CLS ${t.shift.toFixed(4)}: ${JSON.stringify(t.shifts)}`);
  check('article: zero CSP violations under the strict policy', !t.violations.length, t.violations.join('\n'));
  check('article: no console errors, page errors or widget warnings',
    !consoleErrors(page).length && !page.log.pageErrors.length && !widgetWarnings(page).length,
    [...consoleErrors(page), ...page.log.pageErrors, ...widgetWarnings(page).map((m) => m.text)].join('\n'));
  check('article: the wasm is fetched once and the bundle once for all cards',
    counted(page, isWasm) === 1 && counted(page, isStory) === 1,
    `wasm ${counted(page, isWasm)}, bundles ${counted(page, isStory)} (${before} before scrolling)`);
  check('article: a page of bundles never requests the story-file module (factcard-story.wasm)',
    counted(page, isStoryWasm) === 0, page.log.requests.filter(isStoryWasm).join(', '));
  check('article: an English page fetches no label table (factcard/labels/)', counted(page, isLabels) === 0,
    page.log.requests.filter(isLabels).join(', '));
  check('article: each card is drawn exactly once (several script tags on the page)',
    t.renders.length === shown.length, `${t.renders.length} render events for ${shown.length} cards`);
  check('article: the core runs in one worker started from factcard.js (Trusted Types enforced); no wasm on the page',
    page.log.workers.length === 1 && page.log.workers[0] === '/factcard/factcard.js' && t.wasmOnPage === 0,
    JSON.stringify({ workers: page.log.workers, wasmOnPage: t.wasmOnPage }));

  // Keyboard: Tab from the top of the page to the first excerpts button, Enter and Space toggle it.
  await page.evaluate(() => scrollTo(0, 0));
  await page.evaluate(() => document.activeElement && /** @type {HTMLElement} */ (document.activeElement).blur());
  let reached = null;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const host = /** @type {HTMLElement | null} */ (document.activeElement);
      const inner = host && host.shadowRoot && host.shadowRoot.activeElement;
      return inner && inner.matches('button[aria-controls=sources]') ? (host.id || host.dataset.claim) : null;
    });
  }
  const toggleState = () => page.evaluate(() => {
    const button = document.activeElement.shadowRoot.activeElement;
    const excerpt = document.activeElement.shadowRoot.querySelector('.excerpt');
    return { expanded: button.getAttribute('aria-expanded'), excerptVisible: !!excerpt && excerpt.getClientRects().length > 0 };
  });
  if (check('keyboard: Tab reaches the excerpts button (a real <button>) inside a card', !!reached)) {
    const closed = await toggleState();
    await page.keyboard.press('Enter');
    const opened = await toggleState();
    await page.keyboard.press(' ');
    const closedAgain = await toggleState();
    check('keyboard: Enter and Space toggle aria-expanded and show / hide the excerpts',
      closed.expanded === 'false' && !closed.excerptVisible && opened.expanded === 'true' && opened.excerptVisible
        && closedAgain.expanded === 'false',
      JSON.stringify({ closed, opened, closedAgain }));
  }

  // The contested card's conflicting claim is one click away.
  const conflict = await page.evaluate((selector) => {
    const host = [...document.querySelectorAll(selector)].find((el) => el.shadowRoot?.querySelector('button[aria-controls=conflict]'));
    if (!host) return null;
    const button = host.shadowRoot.querySelector('button[aria-controls=conflict]');
    const panel = host.shadowRoot.querySelector('#conflict');
    const hiddenBefore = panel.hidden;
    button.click();
    return { hiddenBefore, expanded: button.getAttribute('aria-expanded'), visible: panel.getClientRects().length > 0, text: panel.textContent };
  }, SELECTOR);
  check('contested: one click shows the conflicting claim',
    conflict && conflict.hiddenBefore && conflict.expanded === 'true' && conflict.visible && conflict.text.length > 20, JSON.stringify(conflict));

  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'article-light.png') });
  const card = page.locator('blockquote.fact-card[data-factcard=ready]').nth(1);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: join(artifacts, 'card-light.png') });
  await card.locator('button[aria-controls=sources]').click();
  await card.screenshot({ path: join(artifacts, 'card-light-open.png') });
  const contested = page.locator('blockquote.fact-card[data-factcard=ready]').first();
  await contested.scrollIntoViewIfNeeded();
  await contested.screenshot({ path: join(artifacts, 'card-contested-open.png') });
  await page.close();
}

async function storyChecks(h, artifacts) {
  const page = await h.open('/story.html');
  await scrollThrough(page);
  const shown = await page.evaluate(readCards, SELECTOR);
  const t = await page.evaluate(() => window.__test);
  const claims = new Set(shown.map((s) => s.claim));
  const missing = h.data.cards.filter((c) => !claims.has(c.id)).map((c) => c.id);
  check(`story page: every card of the bundle is on the page (${h.data.cards.length})`, !missing.length, missing.join(', '));
  const problems = compareCards(shown, h.data);
  check(`story page: all ${shown.length} cards render with the right who / what / when / sources`, !problems.length,
    problems.slice(0, 8).join('\n'));
  const structure = await page.evaluate(() => ({
    matrixRows: document.querySelectorAll('.matrix tbody tr').length,
    matrixColumns: document.querySelectorAll('.matrix thead th').length - 1,
    versus: document.querySelectorAll('.versus').length,
    timeline: [...document.querySelectorAll('.timeline time')].map((el) => el.getAttribute('datetime')),
  }));
  const sourceCount = h.data.bundle.sources.length;
  const contestedPairs = h.data.cards.filter((c) => c.contradicts.length).length;
  check('story page: sources × claims matrix, contested claims side by side, timeline',
    structure.matrixRows === h.data.cards.length && structure.matrixColumns === sourceCount
      && (contestedPairs === 0 || structure.versus > 0)
      && structure.timeline.length === h.data.cards.filter((c) => c.when && c.when !== 'unknown').length,
    JSON.stringify({ ...structure, timeline: structure.timeline.length }));
  check('story page: no layout shift, no CSP violations, no console errors',
    t.shift === 0 && !t.violations.length && !consoleErrors(page).length && !page.log.pageErrors.length,
    JSON.stringify({ cls: t.shift, violations: t.violations, errors: consoleErrors(page), pageErrors: page.log.pageErrors }));
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'story-light.png') });
  await page.close();
}

async function themeChecks(h, artifacts) {
  const page = await h.open('/article.html', { colorScheme: 'dark' });
  await scrollThrough(page);
  const background = (selector) => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => {
    const card = el.shadowRoot.querySelector('.card');
    const [r, g, b] = getComputedStyle(card).backgroundColor.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }), selector);
  const dark = await background('blockquote.fact-card');
  check('dark: cards follow prefers-color-scheme: dark', dark.every((l) => l < 0.25), JSON.stringify(dark));
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'article-dark.png') });
  const card = page.locator('blockquote.fact-card').nth(1);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: join(artifacts, 'card-dark.png') });

  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  await page.waitForTimeout(50);
  const forcedLight = await background('blockquote.fact-card');
  await page.evaluate(() => {
    delete document.documentElement.dataset.theme;
    /** @type {HTMLElement} */ (document.querySelector('blockquote.fact-card')).dataset.theme = 'light';
  });
  await page.waitForTimeout(50);
  const one = await background('blockquote.fact-card');
  check('theme: a live data-theme attribute (page or card) switches cards between dark and light',
    forcedLight.every((l) => l > 0.8) && one[0] > 0.8 && one.slice(1).every((l) => l < 0.25),
    JSON.stringify({ forcedLight, one }));
  await page.close();
}

async function rtlAndLanguageChecks(h, artifacts) {
  const rtl = await h.open('/__fixtures__/rtl.html');
  await settle(rtl);
  const r = await rtl.evaluate(() => {
    const card = document.querySelector('#rtl-card').shadowRoot.querySelector('.card');
    const style = getComputedStyle(card);
    return {
      direction: style.direction,
      startBorderOnRight: parseFloat(style.borderRightWidth) > parseFloat(style.borderLeftWidth),
      when: card.querySelector('.when')?.textContent || '',
    };
  });
  check('rtl: the card inherits dir=rtl (status bar on the right) and formats dates in Arabic',
    r.direction === 'rtl' && r.startBorderOnRight && /[\u0600-\u06FF\u0660-\u0669]/.test(r.when), JSON.stringify(r));
  await rtl.screenshot({ path: join(artifacts, 'rtl.png'), fullPage: true });
  await rtl.close();

  const page = await h.open('/__fixtures__/languages.html');
  await settle(page);
  const when = await page.evaluate(() => Object.fromEntries([.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.fact-card'))]
    .map((el) => [el.id, el.shadowRoot?.querySelector('.when')?.textContent ?? `(${el.dataset.factcard})`])));
  const card = (claim) => h.data.cards.find((c) => c.id === claim);
  const month = card(h.values.monthclaim).when;
  const [y, m] = month.split('-').map(Number);
  const de = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'][m - 1];
  const problems = [];
  const expect = (id, ok, what) => { if (!ok) problems.push(`${id}: ${JSON.stringify(when[id])} (${what})`); };
  expect('lang-en', when['lang-en'] === `${MONTHS[m - 1]} ${y}`, `${MONTHS[m - 1]} ${y}`);
  expect('lang-de', when['lang-de'] === `${de} ${y}`, `${de} ${y}`);
  expect('lang-ru', /[а-я]/i.test(when['lang-ru']) && when['lang-ru'].includes(String(y)) && !/\b\d{1,2}\b/.test(when['lang-ru'].replace(String(y), '')), 'Russian month and year, no day');
  expect('lang-ar', /[\u0600-\u06FF]/.test(when['lang-ar']), 'Arabic');
  expect('lang-mn', !!when['lang-mn'] && !when['lang-mn'].startsWith('('), 'a date, whatever locale Intl falls back to');
  expect('lang-bad', when['lang-bad'] === `${MONTHS[m - 1]} ${y}`, 'English for an invalid tag');
  expect('year-en', when['year-en'] === expectedDate(card(h.values.yearclaim).when), expectedDate(card(h.values.yearclaim).when));
  expect('day-en', when['day-en'] === expectedDate(card(h.values.dayclaim).when), expectedDate(card(h.values.dayclaim).when));
  check('dates: each at its precision (year, month, day) in en, de, ru, ar; mn and a bad tag fall back cleanly',
    !problems.length, problems.join('\n'));
  await updatesChecks(page, artifacts);
  check('dates: no warnings or errors on the language page', !widgetWarnings(page).length && !consoleErrors(page).length,
    JSON.stringify(page.log.console));
  await page.close();
}

// The label tables other than English (factcard/labels/<lang>.json, web/labels/) are fetched only
// for cards in their language, once each, and the card waits for its table: never drawn with
// another language's words, nor blank. Without the file the card is English (and says so in its
// lang). window.factcardLabels still goes over the tables, and adds languages.
async function labelChecks(h) {
  const read = (page) => page.evaluate(() => Object.fromEntries(['lang-en', 'lang-de', 'lang-ru', 'lang-ar', 'lang-mn', 'lang-bad', 'updates-de']
    .map((id) => {
      const el = /** @type {HTMLElement} */ (document.getElementById(id));
      const card = el.shadowRoot?.querySelector('.card');
      return [id, { state: el.dataset.factcard, lang: card?.getAttribute('lang'), status: card?.querySelector('.top .status')?.textContent || '',
        button: card?.querySelector('button')?.textContent || '' }];
    })));
  const WORDS = { en: /^(Corroborated|Single source|Contested)/, de: /^(Bestätigt|Einzelquelle|Umstritten)/, ru: /^[А-Яа-яё ·\d]+$/, ar: /^[\u0600-\u06FF ·\d\u0660-\u0669]+$/ };
  const WANT = { 'lang-en': 'en', 'lang-de': 'de', 'lang-ru': 'ru', 'lang-ar': 'ar', 'lang-mn': 'en', 'lang-bad': 'en', 'updates-de': 'de' };
  const wrong = (cards, want) => Object.entries(want).filter(([id, lang]) => cards[id].state !== 'ready' || cards[id].lang !== lang
    || !/** @type {Record<string, RegExp>} */ (WORDS)[lang].test(cards[id].status)).map(([id, lang]) => `${id}: ${JSON.stringify(cards[id])}, want ${lang}`);
  const fetched = (page) => page.log.requests.filter(isLabels).map((u) => new URL(u).pathname).sort();

  // Each table answered 800 ms late: a card drawn before its table arrived would stay English.
  const slow = await h.open('/__fixtures__/languages.html', { setup: (p) => p.route('**/factcard/labels/**', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.continue();
  }) });
  await settle(slow);
  const cards = await read(slow);
  check('labels: cards in de, ru and ar wait for their table (answered 800 ms late) and show its words; mn and a bad tag English',
    !wrong(cards, WANT).length, wrong(cards, WANT).join('\n'));
  check('labels: each table the page needs is fetched once (ar, de, ru), none for en or mn, with no warning',
    JSON.stringify(fetched(slow)) === JSON.stringify(['/factcard/labels/ar.json', '/factcard/labels/de.json', '/factcard/labels/ru.json'])
      && !widgetWarnings(slow).length && !consoleErrors(slow).length, JSON.stringify({ fetched: fetched(slow), warnings: widgetWarnings(slow) }));
  await slow.close();

  const missing = await h.open('/__fixtures__/languages.html', { setup: (p) => p.route('**/factcard/labels/**', (route) => route.abort()) });
  await settle(missing);
  const english = await read(missing);
  const allEnglish = Object.fromEntries(Object.keys(WANT).map((id) => [id, 'en']));
  const warned = widgetWarnings(missing).map((m) => m.text);
  check('labels: when a table cannot be fetched, its cards are drawn in English (lang="en"), one warning per table',
    !wrong(english, allEnglish).length && warned.length === 3 && warned.every((w) => /labels\/(ar|de|ru)\.json.*English/.test(w)),
    [...wrong(english, allEnglish), ...warned].join('\n'));
  await missing.close();

  const custom = await h.open('/__fixtures__/languages.html', { setup: (p) => p.addInitScript(() => {
    window.factcardLabels = {
      de: { corroborated: 'GEPRÜFT · #', 'single-source': 'GEPRÜFT · 1', contested: 'GEPRÜFT · ?' },
      mn: { corroborated: 'MN #', 'single-source': 'MN 1', contested: 'MN ?' },
    };
  }) });
  await settle(custom);
  const own = await read(custom);
  const ok = own['lang-de'].lang === 'de' && own['lang-de'].status.startsWith('GEPRÜFT') && own['lang-de'].button.includes('zeigen')
    && own['lang-mn'].lang === 'mn' && own['lang-mn'].status.startsWith('MN ') && own['lang-ru'].lang === 'ru';
  check('labels: window.factcardLabels goes over a fetched table (de: its words, the rest from labels/de.json) and adds a language (mn)',
    ok && !fetched(custom).includes('/factcard/labels/mn.json'), JSON.stringify({ de: own['lang-de'], mn: own['lang-mn'], fetched: fetched(custom) }));
  await custom.close();
}

// The two cards of languages.html whose inline story has updates (both claims merge into one
// card): "Updated <newest day>" in the page's language, the notes, newest first, one click away,
// and a note that looks like markup stays text.
async function updatesChecks(page, artifacts) {
  const read = () => page.evaluate(() => Object.fromEntries(['updates-en', 'updates-de'].map((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    const details = root?.querySelector('details.updates');
    return [id, {
      summary: details?.querySelector('summary')?.textContent || '',
      open: !!(/** @type {HTMLDetailsElement | null | undefined} */ (details))?.open,
      notes: [...(details?.querySelectorAll('.update') || [])].map((li) => li.textContent),
      noteVisible: !!details?.querySelector('.update')?.checkVisibility(),
      markup: !!root?.querySelector('img'),
    }];
  })));
  const closed = await read();
  const en = closed['updates-en'], de = closed['updates-de'];
  check('updates: "Updated" and the newest day in the page\'s language (en, de); the notes hidden until asked',
    en.summary === 'Updated Sep 5, 2024' && de.summary === 'Aktualisiert am 5. Sept. 2024' && !en.open && !en.noteVisible,
    JSON.stringify(closed));
  check('updates: the union of the merged claims\' notes, newest first, each once, markup kept as text',
    en.notes.length === 2 && en.notes[0] === "Sep 5, 2024 <img src=x onerror=alert(1)> AP's report added"
      && en.notes[1].startsWith('Sep 3, 2024 Date corrected') && !en.markup && !de.markup, JSON.stringify(en.notes));
  await page.evaluate(() => {
    const summary = document.getElementById('updates-en')?.shadowRoot?.querySelector('summary');
    summary?.scrollIntoView();
    summary?.click();
  });
  const opened = (await read())['updates-en'];
  check('updates: one click on the summary shows the notes', opened.open && opened.noteVisible, JSON.stringify(opened));
  await page.locator('#updates-en').screenshot({ path: join(artifacts, 'updates.png') });
}

async function hostileChecks(h, artifacts) {
  const page = await h.open('/__fixtures__/hostile.html');
  await settle(page);
  const measure = () => page.evaluate(() => {
    const host = document.querySelector('#hostile-card');
    const card = host.shadowRoot.querySelector('.card');
    const style = getComputedStyle(card);
    const what = getComputedStyle(card.querySelector('.what'));
    const hostStyle = getComputedStyle(host);
    return {
      fontSize: parseFloat(style.fontSize),
      letterSpacing: style.letterSpacing,
      transform: style.textTransform,
      whatColor: what.color,
      hostPadding: hostStyle.paddingTop,
      hostBorder: hostStyle.borderTopWidth,
      before: getComputedStyle(host, '::before').content,
      height: host.getBoundingClientRect().height,
    };
  });
  const big = await measure();
  await page.screenshot({ path: join(artifacts, 'hostile-css.png'), fullPage: true });
  await page.evaluate(() => { document.documentElement.style.fontSize = '10px'; });
  const small = await measure();
  const ok = (m) => m.fontSize >= 13 && m.fontSize <= 18 && m.letterSpacing === 'normal' && m.transform === 'none'
    && m.whatColor !== 'rgb(255, 0, 0)' && m.hostPadding === '0px' && m.hostBorder === '0px' && m.before === 'none';
  check('host CSS: hostile page styles and a root font size of 32px or 10px leave the card intact (13-18px text)',
    ok(big) && ok(small), JSON.stringify({ big, small }));
  await page.close();
}

async function failureChecks(h) {
  const page = await h.open('/__fixtures__/failures.html');
  await settle(page);
  const states = await page.evaluate(() => Object.fromEntries([.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.fact-card'))].map((el) => [el.id, {
    state: el.dataset.factcard,
    fallbackVisible: !el.shadowRoot && el.querySelector('p').getClientRects().length > 0,
  }])));
  const warnings = widgetWarnings(page).map((m) => m.text);
  const failedIds = ['missing-1', 'missing-2', 'bad-json', 'unknown-claim'];
  check('failures: bundle 404, bad JSON and an unknown claim id keep their fallback visible',
    failedIds.every((id) => states[id].state === 'failed' && states[id].fallbackVisible), JSON.stringify(states));
  check('failures: the other cards on the page still render',
    states['good-1'].state === 'ready' && states['good-2'].state === 'ready', JSON.stringify(states));
  const one = (test) => warnings.filter(test).length === 1;
  check('failures: exactly one warning per cause, naming it (3 causes, 4 failed cards)',
    warnings.length === 3 && one((w) => /no-such-story\.cards\.json.*404/.test(w))
      && one((w) => /bad\.cards\.json:\d+:\d+/.test(w)) && one((w) => /no claim "no-such-claim"/.test(w)),
    warnings.join('\n'));
  const errors = await page.evaluate(() => window.__test.errors.map((e) => e.who));
  check('failures: a factcard:error event reaches each failed card', failedIds.every((id) => errors.includes(id)), errors.join(', '));
  await page.close();
}

async function wasmBlockedChecks(h) {
  // Blocked by the network (an ad blocker, a proxy, an outage).
  const page = await h.open('/article.html', { setup: (p) => p.route('**/factcard.wasm', (route) => route.abort()) });
  await scrollThrough(page);
  const states = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => ({
    state: el.dataset.factcard,
    fallbackVisible: !el.shadowRoot && el.querySelector('p').getClientRects().length > 0 && el.textContent.trim().length > 20,
  })), SELECTOR);
  const warnings = widgetWarnings(page).map((m) => m.text);
  check('wasm blocked (network): every fallback stays visible',
    states.length > 0 && states.every((s) => s.state === 'failed' && s.fallbackVisible), JSON.stringify(states));
  check('wasm blocked (network): exactly one warning, naming factcard.wasm',
    warnings.length === 1 && warnings[0].includes('factcard.wasm'), warnings.join('\n'));
  const shift = await page.evaluate(() => window.__test.shift);
  check('wasm blocked (network): no layout shift', shift === 0, `CLS ${shift}`);
  await page.close();

  // Blocked by the site's policy (no 'wasm-unsafe-eval', sent with every response, so the worker
  // cannot compile it either and the page tries, and fails, in its turn).
  const noWasm = await serve(h.site, { csp: NO_WASM_CSP });
  const csp = await h.open(`${noWasm.url}__fixtures__/languages.html?csp=no-wasm`);
  await settle(csp);
  const cspStates = await csp.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => el.dataset.factcard), SELECTOR);
  const cspWarnings = widgetWarnings(csp).map((m) => m.text);
  check('wasm blocked (CSP without wasm-unsafe-eval): fallbacks stay, exactly one warning',
    cspStates.every((s) => s === 'failed') && cspWarnings.length === 1 && cspWarnings[0].includes('factcard.wasm'),
    JSON.stringify({ cspStates, cspWarnings }));
  await csp.close();
  noWasm.close();

  // No worker allowed (a trusted-types list without "factcard"): the core runs on the page.
  const noPolicy = await serve(h.site, { csp: `${STRICT_CSP}; trusted-types 'none'` });
  const page2 = await h.open(`${noPolicy.url}article.html`);
  await scrollThrough(page2);
  const t2 = await page2.evaluate(() => window.__test);
  const states2 = await page2.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => el.dataset.factcard), SELECTOR);
  check('no worker (trusted-types \'none\'): every card renders with the core on the page, no warnings',
    states2.length > 0 && states2.every((s) => s === 'ready') && !page2.log.workers.length && t2.wasmOnPage > 0
      && !widgetWarnings(page2).length && !page2.log.pageErrors.length,
    JSON.stringify({ states2, workers: page2.log.workers, wasmOnPage: t2.wasmOnPage, warnings: widgetWarnings(page2), errors: page2.log.pageErrors }));
  await page2.close();
  noPolicy.close();
}

// The widget, the wasm and the bundle on a CDN (another origin, which sends CORS headers): the
// cards render; the worker, which must come from the page's origin, is not started, so the core
// runs on the page. The page comes from a server of its own, not from page.route: Chromium counts
// a response Playwright made up as public, and refuses its requests to 127.0.0.1 (Private
// Network Access).
async function crossOriginChecks(h, _artifacts, cdn) {
  const cdnOrigin = new URL(cdn).origin;
  h.cdn = cdn;
  const dir = mkdtempSync(join(tmpdir(), 'factcard-cross-origin-'));
  writeFileSync(join(dir, 'index.html'), h.fixture('cross-origin.html'));
  copyFileSync(join(FIXTURES, 'fixtures.css'), join(dir, 'fixtures.css'));
  h.cdn = null;
  // The publisher's policy names its CDN for scripts and fetches, and nothing else.
  const csp = STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${cdnOrigin}`) + `; connect-src 'self' ${cdnOrigin}`;
  const news = await serve(dir, { csp });
  try {
    const page = await h.open(news.url);
    await scrollThrough(page);
    const t = await page.evaluate(() => window.__test);
    const states = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => el.dataset.factcard), SELECTOR);
    const fromCdn = page.log.requests.filter((u) => new URL(u).origin === cdnOrigin).map((u) => new URL(u).pathname);
    check('cross-origin: widget, wasm and bundle from another origin render every card',
      states.length === 2 && states.every((s) => s === 'ready')
        && ['/factcard/factcard.js', '/factcard/factcard.wasm', `/${h.data.name}`].every((p) => fromCdn.includes(p)),
      JSON.stringify({ states, fromCdn }));
    check('cross-origin: no worker (it must come from the page\'s origin); the page\'s core takes over, quietly',
      !page.log.workers.length && t.wasmOnPage > 0 && !widgetWarnings(page).length && !consoleErrors(page).length
        && !page.log.pageErrors.length && !t.violations.length,
      JSON.stringify({ workers: page.log.workers, wasmOnPage: t.wasmOnPage, warnings: widgetWarnings(page), errors: consoleErrors(page), violations: t.violations }));
    await page.close();
  } finally {
    news.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// The widget loads nothing before the page's own Largest Contentful Paint (web/src/gate.mjs): on
// the article, whose first card is within the look-ahead at once, the worker, the bundle and the
// wasm are requested only after the first LCP entry is delivered. Both sides read the system clock
// (Date.now() in the page when the entry arrives, in node when a request is seen): the entry's
// startTime is on the page's monotonic clock, whose offset from Date.now() drifts by several ms.
// The widget's own observer may be called a few ms before this test's (both for the same entry):
// CLOCK_SLACK_MS allows for that and for the clocks' rounding, far below the hundreds of ms a load
// before paint would show.
const CLOCK_SLACK_MS = 20;
async function afterPaintChecks(h) {
  /** @type {Array<{ url: string, at: number }>} */
  const timed = [];
  const page = await h.open('/article.html', { setup: async (p) => {
    p.on('request', (r) => timed.push({ url: r.url(), at: Date.now() }));
    await p.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((list) => {
        for (let i = 0; i < list.getEntries().length; i++) window.__lcp.push(Date.now());
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
  } });
  await page.waitForFunction(() => window.__test.renders.length > 0, null, { timeout: 20000 });
  const lcp = await page.evaluate(() => window.__lcp[0]);
  const scripts = timed.filter((r) => r.url.endsWith('/factcard.js'));
  const widget = [...timed.filter((r) => isWasm(r.url) || isStory(r.url)), ...scripts.slice(1)]; // [0]: the page's tag
  const early = widget.filter((r) => !(r.at >= lcp - CLOCK_SLACK_MS));
  check('after paint: the worker, bundle and wasm are requested only after the page\'s first LCP entry',
    widget.length >= 2 && !early.length,
    JSON.stringify({ lcp, requests: widget.map((r) => ({ url: new URL(r.url).pathname, afterLcpMs: Math.round(r.at - lcp) })) }));
  await page.close();
}

async function lazyChecks(h) {
  const page = await h.open('/__fixtures__/lazy.html');
  await page.waitForTimeout(1200);
  const early = page.log.requests.filter((u) => isWasm(u) || isStory(u));
  check('lazy: nothing is fetched for cards far below the fold', !early.length, early.join('\n'));
  await scrollThrough(page);
  const t = await page.evaluate(() => window.__test);
  const states = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => el.dataset.factcard), SELECTOR);
  check('lazy: the cards render once scrolled near (blockquote, <fact-card>, a story file with no build step)',
    states.length === 4 && states.every((s) => s === 'ready'), JSON.stringify(states));
  const bundles = page.log.requests.filter((u) => u.endsWith('.cards.json')).length;
  check('lazy: one wasm fetch and one fetch per bundle, however many cards use it; the story file\'s module once',
    counted(page, isWasm) === 1 && bundles === 1 && counted(page, isStoryWasm) === 1,
    `wasm ${counted(page, isWasm)}, story module ${counted(page, isStoryWasm)}, bundle ${bundles}`);
  const registry = await page.evaluate(() => ({
    version: window.factcard && window.factcard.version,
    versions: Object.keys(window[Symbol.for('factcard')].versions),
  }));
  check('versions: with two versions on the page the first loader wins and each card is drawn once',
    registry.version === h.widgetVersion && registry.versions.includes('99.0.0-test') && t.renders.length === 4,
    JSON.stringify({ ...registry, renders: t.renders.length }));
  check('lazy: no layout shift, no console errors',
    t.shift === 0 && !consoleErrors(page).length && !page.log.pageErrors.length,
    JSON.stringify({ cls: t.shift, errors: consoleErrors(page), pageErrors: page.log.pageErrors }));

  // The public API: render() redraws on demand, cards() computes from story text.
  const api = await page.evaluate(async () => {
    const el = document.querySelector('blockquote.fact-card');
    let event = null;
    el.addEventListener('factcard:render', (e) => { event = /** @type {CustomEvent} */ (e).detail.card.id; }, { once: true });
    await window.factcard.render(el);
    const result = await window.factcard.cards('{"factcard": 1, "story": {"id": "x"}, "entities": [], "sources": [], "claims": [}');
    const errors = 'errors' in result ? result.errors : null;
    return { event, errors: Array.isArray(errors) && errors.length > 0 };
  });
  check('api: factcard.render(el) redraws and dispatches factcard:render; factcard.cards() reports errors',
    !!api.event && api.errors, JSON.stringify(api));
  await page.close();
}

// A page whose cards come from a story file (and one from a bundle): factcard.wasm (bundles only)
// asks for factcard-story.wasm, which the worker fetches once, and the cards are those of the
// bundle the story builds to. Then the same under no worker (the core on the page), and with
// factcard-story.wasm blocked: the story file's cards keep their fallback, the bundle's renders.
async function storyFileChecks(h) {
  for (const [label, query] of [['worker', ''], ['on the page', '?csp=no-worker']]) {
    const page = await h.open(`/__fixtures__/story-file.html${query}`);
    await scrollThrough(page);
    const shown = await page.evaluate(readCards, SELECTOR);
    const t = await page.evaluate(() => window.__test);
    const where = query ? !page.log.workers.length && t.wasmOnPage > 0 : page.log.workers.length === 1 && t.wasmOnPage === 0;
    // (refusing the worker's policy is what trusted-types 'none' reports, as a console error and a violation)
    const quiet = query || (!consoleErrors(page).length && !t.violations.length);
    check(`story file (${label}): its ${shown.length} cards render as the bundle's, with factcard.wasm and factcard-story.wasm fetched once each`,
      shown.length === 4 && !compareCards(shown, h.data).length && counted(page, isWasm) === 1 && counted(page, isStoryWasm) === 1
        && where && !widgetWarnings(page).length && !page.log.pageErrors.length && quiet,
      JSON.stringify({ problems: compareCards(shown, h.data), wasm: page.log.requests.filter((u) => u.endsWith('.wasm')),
        workers: page.log.workers, wasmOnPage: t.wasmOnPage, warnings: widgetWarnings(page), errors: consoleErrors(page), violations: t.violations }));
    await page.close();
  }
  const blocked = await h.open('/__fixtures__/story-file.html', { setup: (p) => p.route('**/factcard-story.wasm', (route) => route.abort()) });
  await scrollThrough(blocked);
  const states = await blocked.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => ({
    id: el.id, state: el.dataset.factcard, fallbackVisible: !el.shadowRoot && el.textContent.trim().length > 20,
  })), SELECTOR);
  const warnings = widgetWarnings(blocked).map((m) => m.text);
  check('story file, factcard-story.wasm blocked: its cards keep their fallback, the bundle\'s card renders, one warning naming it',
    states.length === 4 && states.every((s) => (s.id === 'from-bundle' ? s.state === 'ready' : s.state === 'failed' && s.fallbackVisible))
      && warnings.length === 1 && warnings[0].includes('factcard-story.wasm'),
    JSON.stringify({ states, warnings }));
  await blocked.close();
}

// A page with 1,000 cards: only the cards near the viewport are drawn, and drawing them while the
// reader scrolls moves nothing. Long tasks are reported, not asserted: on a loaded 2-core machine
// their length says more about the machine than about the widget.
async function manyCardsChecks(h) {
  const page = await h.open('/__fixtures__/many.html');
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => window.__test);
  const states = await page.evaluate((selector) => {
    const all = [...document.querySelectorAll(selector)];
    const count = (state) => all.filter((el) => el.dataset.factcard === state).length;
    return { ready: count('ready'), failed: count('failed'), untouched: all.filter((el) => !el.dataset.factcard).length };
  }, SELECTOR);
  info(`1,000 cards: ${states.ready} drawn while scrolling, ${states.untouched} still waiting; main-thread tasks over 50 ms: ${
    t.longTasks.length ? t.longTasks.map((task) => `${task.ms} ms at ${task.at} ms`).join(', ') : 'none'}`);
  check('1,000 cards: only cards near the viewport are drawn, none fail, nothing moves',
    states.ready > 20 && states.untouched > 500 && !states.failed && t.shift === 0,
    JSON.stringify({ states, cls: t.shift }));
  check('1,000 cards: one fetch of factcard.wasm, none of the story-file module',
    counted(page, isWasm) === 1 && counted(page, isStoryWasm) === 0, page.log.requests.filter((u) => u.endsWith('.wasm')).join(', '));
  await page.close();
}

// axe-core over the rendered article and story pages, cards included (their open shadow roots).
// axe compiles its message templates with new Function, so these pages come from a second server
// without the CSP; everything else above runs under it.
async function accessibilityChecks(h, artifacts, plainBase) {
  const axe = axeSource();
  for (const path of ['/article.html', '/story.html']) {
    const page = await h.open(new URL(path, plainBase).href);
    await scrollThrough(page);
    await page.evaluate(() => scrollTo(0, 0));
    // One card of each kind opened, so excerpts and conflicting claims are checked too.
    await page.evaluate((selector) => {
      for (const el of document.querySelectorAll(selector)) {
        for (const b of el.shadowRoot ? el.shadowRoot.querySelectorAll('button') : []) b.click();
        if (el.shadowRoot && el.shadowRoot.querySelector('.rival')) break;
      }
    }, SELECTOR);
    await page.evaluate(axe);
    const violations = await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    check(`accessibility: axe-core finds no WCAG 2.1 A/AA violations on ${path.slice(1)} with its cards`,
      !violations.length, violations.join('\n'));
    await page.close();
  }
}

// The story editor (tests/browser/editor.mjs; also runs on its own).
async function editorGroup(h, artifacts, plainBase) {
  await editorChecks({ context: h.context, base: h.base, plainBase, site: h.site, artifacts, check, info });
}

// The editor as a newsroom's desk (tests/browser/desk.mjs): sessions, tabs, files, the second day.
async function deskGroup(h, artifacts) {
  await deskChecks({ context: h.context, base: h.base, site: h.site, factcard: join(ROOT, 'build', 'cli', 'factcard'), artifacts, check, info });
}

async function timing(h) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const page = await h.open('/article.html');
    await page.waitForFunction(() => window.__test.renders.length > 0, null, { timeout: 20000 });
    times.push(await page.evaluate(() => window.__test.renders[0].at));
    await page.close();
  }
  times.sort((a, b) => a - b);
  info(`first card on the article appears ${Math.round(times[2])} ms after navigation start (median of 5: ${times.map(Math.round).join(', ')})`);
}

// ---------- main ----------

async function main() {
  const options = parseArgs({
    name: 'run.mjs',
    usage: 'usage: node tests/browser/run.mjs --site DIR [--artifacts DIR] [--chromium PATH]',
    options: { site: null, artifacts: join(ROOT, 'build', 'test-artifacts') },
    site: true,
  });
  requireSiteFiles('run.mjs', options.site, ['article.html', 'story.html', 'factcard/factcard.js', 'factcard/factcard.wasm',
    'factcard/factcard-story.wasm']);
  requireTools('run.mjs');
  mkdirSync(options.artifacts, { recursive: true });
  const data = loadBundle(options.site);
  staticChecks(options.site);

  const strict = await serve(options.site, { csp: true });
  const plain = await serve(options.site, { csp: false });
  let chrome;
  try {
    chrome = await launchChromium(options.chromium, { persistent: true });
    const h = new Harness(chrome.context, strict.url, options.site, data);
    for (const group of [articleChecks, storyChecks, themeChecks, rtlAndLanguageChecks, labelChecks, hostileChecks, failureChecks,
      wasmBlockedChecks, crossOriginChecks, afterPaintChecks, lazyChecks, storyFileChecks, manyCardsChecks, accessibilityChecks, editorGroup,
      deskGroup]) {
      try {
        await group(h, options.artifacts, plain.url);
      } catch (err) {
        check(`${group.name} ran to the end`, false, err.stack || err.message);
      }
    }
    await timing(h).catch((err) => info(`timing skipped: ${err.message}`));
  } finally {
    if (chrome) await chrome.close();
    strict.close();
    plain.close();
  }
  info(`screenshots in ${options.artifacts}`);
  report.finish();
}

main().catch(report.crash);
