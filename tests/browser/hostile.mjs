#!/usr/bin/env node
// @ts-check
// Hostile host pages and a heavy page, in Debian's Chromium driven by playwright-core.
//   node tests/browser/hostile.mjs --site build/site [--factcard build/cli/factcard] [--out build/hostile]
//                                  [--only hostile|heavy] [--chromium /usr/bin/chromium]
//
// Hostile hosts: a few cards of the demo bundle, pasted as `factcard build` writes them, drawn in a
// baseline page and in pages whose CSS fights them (tests/browser/hostile/*.css), in an iframe,
// with two script tags, and right to left. Every page gives each card the same width at a whole
// pixel, and the cards are drawn just below the viewport (so at their own height, not the
// fallback's). Each card's element screenshot is compared with the baseline's, pixel by pixel.
// "Looks the same" means: same size, and at most TOLERANCE of its pixels differ by more than
// CHANNEL_DELTA in a colour channel, not counting the four corner squares of the card's border
// radius nor a fractional last row or column, where the page's own background shows through (on
// the dark page it must). A dark page does not darken the card: the card keeps its own theme
// unless the page sets data-theme or the reader prefers dark, so the dark page must match the
// light baseline. Right to left is checked as a mirror instead (the text itself is not mirrored,
// so pixels cannot match): direction, the status border on the right, the status at the right and
// the date at the left, and the baseline's size. A themed card (--factcard-* set) is the negative
// control: it must differ. Each variant also checks that its hostile setting took effect.
//
// Heavy page: 1,000 cards from 10 generated bundles (tests/bench/perf: writeStory via
// prepareSite), read top to bottom; every card drawn once, no error, each bundle and the wasm
// fetched once, the wasm fetched once, by the widget's one worker, and never compiled on the page.
// No timing is asserted.
//
// Prints one line per variant and card group; exits 1 when anything fails. Screenshots and diff
// images go to --out (default: next to the site, in hostile/).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from '../../demo/serve.mjs';
import { prepareSite } from '../bench/perf/browser.mjs';
import { SELECTOR, createReport, launchChromium, parseArgs, requireSiteFiles, requireTools, serve } from './harness.mjs';
import { decodePng, encodePng } from './hostile/png.mjs';

const CSS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'hostile');
// Cards of demo/article.html: each status (contested, corroborated, single source), each kind
// (event, quote, figure), with and without a date, one with five sources.
const CARDS = ['putin-arrives-mongolia', 'icc-warrant', 'peskov-carefully-prepared', 'batdorj-accomplice',
  'mongolia-petroleum-imports'];
const CHANNEL_DELTA = 32; // a pixel differs when a channel moves by more than this (of 255)
const TOLERANCE = 0.002; // share of differing pixels allowed per card
const HEAVY_CARDS = 1000;
const HEAVY_BUNDLES = 10;

// Each variant: its page (html attributes, extra stylesheet, script tags), how to tell that the
// hostile setting really took effect, and how its cards are judged.
const VARIANTS = [
  { name: 'baseline', compare: 'self' },
  { name: 'all-unset', css: 'all-unset.css', what: '* { all: unset }',
    applied: (p) => p.hostDisplay === 'inline' && p.slotDisplay === 'block' },
  { name: 'overflow-auto', css: 'overflow-auto.css', what: '* { overflow: auto }', applied: (p) => p.hostOverflow === 'auto' },
  { name: 'flex-divs', css: 'flex-divs.css', what: 'div { display: flex !important }', applied: (p) => p.slotDisplay === 'flex' },
  { name: 'root-10px', css: 'root-10px.css', what: ':root { font-size: 10px }', applied: (p) => p.rootFont === '10px' },
  { name: 'root-32px', css: 'root-32px.css', what: ':root { font-size: 32px }', applied: (p) => p.rootFont === '32px' },
  { name: 'dark', css: 'dark.css', what: 'color-scheme: dark, dark background',
    applied: (p) => p.colorScheme === 'dark' && p.bodyBackground === 'rgb(13, 17, 23)' },
  { name: 'iframe', frame: true, what: 'the cards inside an iframe', applied: (p) => p.inFrame },
  { name: 'two-scripts', scripts: 2, what: 'two factcard.js script tags', applied: (p) => p.scripts === 2 },
  { name: 'rtl', dir: 'rtl', what: '<html dir="rtl">', compare: 'mirror', applied: (p) => p.pageDirection === 'rtl' },
  { name: 'themed', css: 'themed.css', what: 'negative control: --factcard-bg and --factcard-accent set', compare: 'differ',
    applied: () => true },
];

// ---------- options and reporting ----------

const report = createReport('hostile');
// The verdict first, as this script's checks read: line(ok, text, detail).
const line = (ok, text, detail) => report.check(text, ok, detail);

function parseOptions() {
  const options = parseArgs({
    name: 'hostile.mjs',
    usage: 'usage: node tests/browser/hostile.mjs --site DIR [--factcard PATH] [--out DIR] [--only hostile|heavy] [--chromium PATH]',
    options: { site: null, factcard: null, out: null, only: null },
    values: { only: (value) => (['hostile', 'heavy'].includes(value) ? value : undefined) },
    site: true,
  });
  // A site at build-x/site sits next to its CLI at build-x/cli/factcard.
  options.factcard ||= join(options.site, '..', 'cli', 'factcard');
  options.out ||= join(options.site, '..', 'hostile');
  return options;
}

// ---------- the pages ----------

// The snippet `factcard build` wrote for a card, without its script tag (each page adds its own).
function snippet(site, id) {
  const html = readFileSync(join(site, 'embed', `${id}.html`), 'utf8');
  return html.replace(/\s*<script src="[^"]*factcard\.js"[^>]*><\/script>\s*/g, '\n').trim();
}

// Pages live at the site's root, so the snippets' relative story and script URLs work unchanged.
function variantPage(site, variant) {
  if (variant.frame) {
    return page({ title: 'cards in an iframe', css: [], body: '<iframe class="frame" src="/__hostile-baseline.html" title="cards"></iframe>' });
  }
  const slots = CARDS.map((id) => `<div class="slot">\n${snippet(site, id)}\n</div>`).join('\n');
  const scripts = '<script src="factcard/factcard.js" async></script>\n'.repeat(variant.scripts || 1);
  return page({
    title: `hostile host: ${variant.name}`,
    dir: variant.dir,
    css: variant.css ? [variant.css] : [],
    body: `<div class="spacer"></div>\n${slots}\n${scripts}`,
  });
}

/** @param {{ title: string, dir?: string, css: string[], body: string }} parts */
function page({ title, dir, css, body }) {
  const links = ['base.css', ...css].map((f) => `<link rel="stylesheet" href="/__hostile__/${f}">`).join('\n');
  return `<!doctype html>
<html lang="${dir === 'rtl' ? 'ar' : 'en'}"${dir ? ` dir="${dir}"` : ''}>
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="/favicon.ico">
${links}
</head>
<body>
${body}
</body>
</html>
`;
}

// Serves the variant pages and their stylesheets on the site's origin, under its strict CSP.
async function routeVariants(context, site) {
  await context.route(/\/__hostile(-[\w-]+\.html|__\/[\w-]+\.css)$/, (route) => {
    const path = new URL(route.request().url()).pathname;
    const headers = { 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-cache' };
    const css = /^\/__hostile__\/([\w-]+\.css)$/.exec(path);
    if (css) {
      const file = join(CSS_DIR, css[1]);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: 'text/css', headers, body: readFileSync(file) });
    }
    const variant = VARIANTS.find((v) => path === `/__hostile-${v.name}.html`);
    if (!variant) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: variantPage(site, variant) });
  });
}

// ---------- in the page ----------

// Brings each card in turn to 300 px below the viewport, inside the widget's look-ahead, and waits
// for it: the widget draws it there as on any page, off screen, so the card takes its own height
// rather than the fallback's (a card drawn on screen keeps the fallback's height, which the host
// page's styles decide). A card the look-ahead misses is drawn with factcard.render(), so the
// comparison still runs; returns how many were (the caller fails on any).
async function drawAll(frame) {
  await frame.waitForFunction(() => window.factcard && typeof window.factcard.render === 'function', null, { timeout: 15000 });
  const count = await frame.evaluate((selector) => document.querySelectorAll(selector).length, SELECTOR);
  let rendered = 0;
  for (let i = 0; i < count; i++) {
    const started = await frame.evaluate(async ([selector, index]) => {
      const el = document.querySelectorAll(selector)[index];
      scrollTo(0, scrollY + el.getBoundingClientRect().top - innerHeight - 300);
      for (let frames = 0; frames < 30 && !el.dataset.factcard; frames++) await new Promise((done) => requestAnimationFrame(done));
      if (el.dataset.factcard) return true;
      window.factcard.render(el);
      return false;
    }, [SELECTOR, i]);
    if (!started) rendered++;
    await frame.waitForFunction(([selector, index]) => ['ready', 'failed'].includes(document.querySelectorAll(selector)[index].dataset.factcard),
      [SELECTOR, i], { timeout: 15000 });
  }
  return rendered;
}

// Runs in the frame: what the page did to the host, and each card's geometry.
function probe(selector) {
  const host = document.querySelector(selector);
  const style = (el) => getComputedStyle(el);
  const cards = [...document.querySelectorAll(selector)].map((el) => {
    const card = el.shadowRoot && el.shadowRoot.querySelector('.card');
    if (!card) return { claim: el.dataset.claim, state: el.dataset.factcard || 'untouched' };
    const box = card.getBoundingClientRect();
    const cs = style(card);
    const status = card.querySelector('.status').getBoundingClientRect();
    const when = card.querySelector('.when')?.getBoundingClientRect() || null;
    const overflowing = [...card.querySelectorAll('*')].filter((e) => e.getClientRects().length
      && (e.getBoundingClientRect().left < box.left - 0.5 || e.getBoundingClientRect().right > box.right + 0.5)).length;
    return {
      claim: el.dataset.claim,
      state: el.dataset.factcard,
      width: box.width,
      height: box.height,
      fontSize: cs.fontSize,
      direction: cs.direction,
      radius: parseFloat(cs.borderTopLeftRadius) || 0,
      borderLeft: parseFloat(cs.borderLeftWidth),
      borderRight: parseFloat(cs.borderRightWidth),
      statusGapRight: box.right - status.right,
      statusGapLeft: status.left - box.left,
      whenGapLeft: when ? when.left - box.left : null,
      whenGapRight: when ? box.right - when.right : null,
      overflowing,
    };
  });
  return {
    inFrame: window !== window.top,
    scripts: document.querySelectorAll('script[src*="factcard.js"]').length,
    hostDisplay: style(host).display,
    hostOverflow: style(host).overflow,
    slotDisplay: style(host.parentElement).display,
    rootFont: style(document.documentElement).fontSize,
    colorScheme: style(document.documentElement).colorScheme,
    bodyBackground: style(document.body).backgroundColor,
    pageDirection: style(document.documentElement).direction,
    cards,
  };
}

// ---------- comparing pictures ----------

// Share of differing pixels and the largest channel difference, or a size mismatch; writes a diff
// image (differing pixels red over a faded baseline) to diffFile. Compared: the whole pixels of
// the card's box (a fractional last row or column is part page), less the corner squares.
function comparePictures(a, b, { corner, width: boxWidth, height: boxHeight }, diffFile) {
  if (a.width !== b.width || a.height !== b.height) {
    return { sizeMismatch: `${b.width}x${b.height} instead of ${a.width}x${a.height}`, share: 1, maxDelta: 255 };
  }
  const { width, height } = a;
  const diff = new Uint8Array(width * height * 4);
  const [w, h] = [Math.min(width, Math.floor(boxWidth)), Math.min(height, Math.floor(boxHeight))];
  const skipped = (x, y) => x >= w || y >= h || ((x < corner || x >= w - corner) && (y < corner || y >= h - corner));
  let differing = 0;
  let compared = 0;
  let maxDelta = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const grey = 255 - ((255 - (a.data[i] + a.data[i + 1] + a.data[i + 2]) / 3) >> 2);
      diff[i] = diff[i + 1] = diff[i + 2] = grey;
      diff[i + 3] = 255;
      if (skipped(x, y)) continue;
      compared++;
      const delta = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]),
        Math.abs(a.data[i + 2] - b.data[i + 2]), Math.abs(a.data[i + 3] - b.data[i + 3]));
      maxDelta = Math.max(maxDelta, delta);
      if (delta > CHANNEL_DELTA) {
        differing++;
        diff[i] = 230;
        diff[i + 1] = diff[i + 2] = 0;
      }
    }
  }
  if (differing) writeFileSync(diffFile, encodePng({ width, height, data: diff }));
  return { share: differing / compared, differing, maxDelta };
}

const percent = (share) => `${(share * 100).toFixed(3)}%`;

// ---------- hostile hosts ----------

// Scrolls the card into view first and lets the widget finish whatever that starts (a card drawn
// by factcard.render() is drawn again when it nears the viewport), then takes its picture.
async function shoot(frame, claim, file) {
  const card = frame.locator(`blockquote[data-claim="${claim}"]`).locator('.card');
  try {
    await card.scrollIntoViewIfNeeded();
    await frame.waitForFunction(async (selector) => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return document.querySelector(selector).dataset.factcard === 'ready';
    }, `blockquote[data-claim="${claim}"]`, { timeout: 10000 });
    return decodePng(await card.screenshot({ path: file, scale: 'css', timeout: 10000 }));
  } catch (err) {
    throw new Error(`no screenshot: ${err.message.split('\n')[0]}`);
  }
}

// Loads one variant, draws its cards and takes their pictures: { state (null if the page broke),
// pictures by claim, problems }.
async function renderVariant(context, base, variant, out) {
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && m.text().startsWith('factcard:'))) problems.push(`console: ${m.text()}`);
  });
  try {
    await tab.goto(`${base}__hostile-${variant.name}.html`);
    let frame = tab.mainFrame();
    if (variant.frame) {
      await tab.waitForSelector('iframe.frame');
      frame = await (await tab.$('iframe.frame')).contentFrame();
      await frame.waitForLoadState();
    }
    const rendered = await drawAll(frame);
    const state = await frame.evaluate(probe, SELECTOR);
    state.rendered = rendered;
    const notReady = state.cards.filter((c) => c.state !== 'ready');
    if (notReady.length) problems.push(`cards not drawn: ${notReady.map((c) => `${c.claim} (${c.state})`).join(', ')}`);
    const pictures = new Map();
    for (const card of state.cards) {
      if (card.state !== 'ready') continue;
      try {
        pictures.set(card.claim, await shoot(frame, card.claim, join(out, `${variant.name}-${card.claim}.png`)));
      } catch (err) {
        pictures.set(card.claim, { error: err.message });
      }
    }
    return { state, pictures, problems };
  } catch (err) {
    problems.push(err.message.split('\n')[0]);
    return { state: null, pictures: new Map(), problems };
  } finally {
    await tab.close();
  }
}

function judgePixels(variant, result, baseline, out) {
  /** @type {Array<{ claim: string, share: number, note: string, sizeMismatch?: string, maxDelta?: number, differing?: number }>} */
  const rows = CARDS.map((claim) => {
    const a = baseline.pictures.get(claim);
    const b = result.pictures.get(claim);
    if (!a || a.error || !b || b.error) return { claim, share: 1, note: (b && b.error) || (a && a.error) || 'no picture' };
    const box = baseline.state.cards.find((c) => c.claim === claim);
    const r = comparePictures(a, b, { corner: Math.ceil(box.radius) + 1, width: box.width, height: box.height },
      join(out, `diff-${variant.name}-${claim}.png`));
    return { claim, ...r, note: r.sizeMismatch || `${percent(r.share)} (max delta ${r.maxDelta})` };
  });
  const worst = Math.max(...rows.map((r) => r.share));
  const detail = rows.map((r) => `${r.claim}: ${r.note}`).join('\n');
  const fonts = [...new Set(result.state.cards.map((c) => c.fontSize))].join(', ');
  if (variant.compare === 'differ') {
    return line(rows.every((r) => r.share > TOLERANCE),
      `${variant.name}: every card differs from the baseline as it must (least ${percent(Math.min(...rows.map((r) => r.share)))}) [${variant.what}]`, detail);
  }
  const sized = rows.filter((r) => r.sizeMismatch).length;
  const worstText = sized ? `${sized} of ${rows.length} cards have another size` : `worst card differs in ${percent(worst)} of its pixels`;
  return line(worst <= TOLERANCE, `${variant.name}: ${worstText} (tolerance ${percent(TOLERANCE)}; card font ${fonts}) [${variant.what}]`,
    `${detail}\ndiff images: ${out}/diff-${variant.name}-*.png`);
}

// Right to left: the card mirrors its frame (status bar and status on the right, date on the
// left) and keeps the baseline's size and its text inside its box.
function judgeMirror(variant, result, baseline) {
  const problems = [];
  for (const card of result.state.cards) {
    const base = baseline.state.cards.find((c) => c.claim === card.claim);
    const bad = [];
    if (card.direction !== 'rtl') bad.push(`direction ${card.direction}`);
    if (!(card.borderRight > card.borderLeft)) bad.push(`status border not on the right (${card.borderLeft} | ${card.borderRight})`);
    if (Math.abs(card.statusGapRight - base.statusGapLeft) > 1) bad.push(`status ${card.statusGapRight}px from the right, baseline ${base.statusGapLeft}px from the left`);
    if (card.whenGapLeft !== null && Math.abs(card.whenGapLeft - base.whenGapRight) > 1) bad.push(`date ${card.whenGapLeft}px from the left, baseline ${base.whenGapRight}px from the right`);
    if (Math.abs(card.width - base.width) > 0.5 || Math.abs(card.height - base.height) > 1) bad.push(`size ${card.width}x${card.height}, baseline ${base.width}x${base.height}`);
    if (card.overflowing) bad.push(`${card.overflowing} elements stick out of the card`);
    if (bad.length) problems.push(`${card.claim}: ${bad.join('; ')}`);
  }
  return line(!problems.length, `${variant.name}: ${result.state.cards.length - problems.length} of ${result.state.cards.length} cards mirrored (status bar right, date left, baseline size) [${variant.what}]`,
    problems.join('\n'));
}

async function hostileHosts(browser, base, site, out) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
  await routeVariants(context, site);
  try {
    let baseline = null;
    for (const variant of VARIANTS) {
      const result = await renderVariant(context, base, variant, out);
      if (!result.state || result.problems.length) {
        line(false, `${variant.name}: the cards did not render cleanly [${variant.what || 'baseline'}]`, result.problems.join('\n'));
        if (variant.compare === 'self') return;
        continue;
      }
      if (variant.compare === 'self') {
        baseline = result;
        const sizes = result.state.cards.map((c) => `${c.claim} ${c.width}x${c.height}`).join(', ');
        line(result.state.cards.every((c) => c.fontSize === '15px'), `baseline: ${result.state.cards.length} cards drawn at 15px (${sizes})`,
          JSON.stringify(result.state.cards.map((c) => c.fontSize)));
        continue;
      }
      if (!variant.applied(result.state)) {
        const { cards, ...page } = result.state;
        line(false, `${variant.name}: the hostile setting did not take effect, so this variant proves nothing [${variant.what}]`, JSON.stringify(page));
        continue;
      }
      // The look-ahead must start every card 300 px below the viewport, in an iframe as well.
      line(!result.state.rendered, `${variant.name}: the look-ahead started all ${result.state.cards.length} cards 300 px below the viewport`,
        `${result.state.rendered} needed factcard.render()`);
      if (variant.compare === 'mirror') judgeMirror(variant, result, baseline);
      else judgePixels(variant, result, baseline, out);
    }
  } finally {
    await context.close();
  }
}

// ---------- the heavy page ----------

// Installed before any page script: every way to compile or instantiate a wasm module, counted.
function countWasm() {
  const counts = (window.__wasm = {});
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const real = WebAssembly[name];
    counts[name] = 0;
    WebAssembly[name] = function (...args) {
      counts[name]++;
      return real.apply(this, args);
    };
  }
  for (const name of ['Module', 'Instance']) {
    counts[`new ${name}`] = 0;
    WebAssembly[name] = new Proxy(WebAssembly[name], {
      construct(target, args, newTarget) {
        counts[`new ${name}`]++;
        return Reflect.construct(target, args, newTarget);
      },
    });
  }
}

// Installed before any page script: render and error events.
function countWidget() {
  const t = { renders: 0, drawnTwice: 0, errors: [] };
  window.__heavy = t;
  const drawn = new WeakSet();
  addEventListener('factcard:render', (e) => {
    t.renders++;
    if (drawn.has(e.target)) t.drawnTwice++;
    drawn.add(e.target);
  }, true);
  addEventListener('factcard:error', (e) => t.errors.push(e.detail.message), true);
}

const compiles = (c) => c.compile + c.compileStreaming + c.instantiateStreaming + c['new Module'];
const instances = (c) => c.instantiate + c.instantiateStreaming + c['new Instance'];

// Reads the page to the end, in the page: before each step down, every card that has come within
// the widget's look-ahead (600 px) so far must be drawn (or failed). A step is shorter than the
// look-ahead zone, so no card can be skipped: a card that never starts stops the reading.
function readToEnd(selector) {
  const els = [...document.querySelectorAll(selector)];
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const settled = (el) => el.dataset.factcard === 'ready' || el.dataset.factcard === 'failed';
  return (async () => {
    for (let next = 0, since = performance.now(); ;) {
      while (next < els.length && els[next].getBoundingClientRect().top < innerHeight + 600) {
        if (settled(els[next])) {
          next++;
          since = performance.now();
        } else if (performance.now() - since > 30000) { // a hang, not a speed limit: nothing moved for 30 s
          const box = els[next].getBoundingClientRect();
          throw new Error(`card ${next + 1} of ${els.length} (${els[next].dataset.claim}) is not drawn: state ${
            els[next].dataset.factcard || 'untouched'}, ${Math.round(box.top)} px from the top of the viewport (${innerHeight} px high)`);
        } else {
          await frame();
        }
      }
      if (scrollY + innerHeight >= document.documentElement.scrollHeight - 2) return;
      scrollBy(0, innerHeight + 1000);
      await frame();
    }
  })();
}

async function heavyPage(browser, options) {
  const work = join(options.out, 'heavy-work');
  const site = prepareSite({ quick: false, source: options.site, dist: join(options.site, 'factcard'), factcard: options.factcard, work });
  const server = await serve(site, { csp: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
  await context.addInitScript(countWasm);
  await context.addInitScript(countWidget);
  const tab = await context.newPage();
  const workers = [];
  tab.on('worker', (worker) => workers.push(worker));
  const requests = new Map();
  const problems = [];
  tab.on('request', (r) => requests.set(r.url(), (requests.get(r.url()) || 0) + 1));
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('console', (m) => { if (m.type() === 'error' || m.text().startsWith('factcard:')) problems.push(`console ${m.type()}: ${m.text()}`); });
  try {
    await tab.goto(`${server.url}heavy/heavy.html`);
    await tab.evaluate(readToEnd, SELECTOR);
    await tab.waitForFunction((selector) => [...document.querySelectorAll(selector)].every((el) => el.dataset.factcard === 'ready'
      || el.dataset.factcard === 'failed'), SELECTOR, { timeout: 20000 }).catch(() => {});
    const got = await tab.evaluate((selector) => {
      const els = [...document.querySelectorAll(selector)];
      return {
        cards: els.length,
        ready: els.filter((el) => el.dataset.factcard === 'ready').length,
        shadowCards: els.filter((el) => el.shadowRoot && el.shadowRoot.querySelector('.card')).length,
        bundles: new Set(els.map((el) => new URL(el.dataset.story, document.baseURI).href)).size,
        scripts: document.querySelectorAll('script[src*="factcard.js"]').length,
        ...window.__heavy,
        wasm: window.__wasm,
      };
    }, SELECTOR);
    const count = (test) => [...requests].filter(([u]) => test(u));
    const bundleRequests = count((u) => /\.cards\.json$/.test(u));
    const wasmRequests = count((u) => /\.wasm$/.test(u)).reduce((n, [, k]) => n + k, 0);
    const scriptRequests = count((u) => /factcard\.js$/.test(u)).reduce((n, [, k]) => n + k, 0);
    // The widget's worker compiles what it fetched, once per fetch: its fetches tell.
    const workerFetches = await Promise.all(workers.map((worker) => worker.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\.wasm$/.test(e.name)).length)));
    line(got.cards === HEAVY_CARDS && got.bundles === HEAVY_BUNDLES && got.ready === HEAVY_CARDS && got.shadowCards === HEAVY_CARDS
      && got.renders === HEAVY_CARDS && !got.drawnTwice && !got.errors.length && !problems.length,
    `heavy: ${got.ready} of ${got.cards} cards from ${got.bundles} bundles drawn, ${got.renders} factcard:render events, ${got.errors.length} errors (page has ${got.scripts} script tags)`,
    [`${got.shadowCards} shadow roots with a card, ${got.drawnTwice} drawn twice`, ...got.errors.slice(0, 5), ...problems.slice(0, 5)].join('\n'));
    line(bundleRequests.length === HEAVY_BUNDLES && bundleRequests.every(([, k]) => k === 1),
      `heavy: each of the ${bundleRequests.length} bundles fetched once (${bundleRequests.map(([, k]) => k).join(' ')})`,
      bundleRequests.map(([u, k]) => `${k}x ${u}`).join('\n'));
    line(wasmRequests === 1 && workers.length === 1 && workerFetches[0] === 1 && !compiles(got.wasm) && !instances(got.wasm),
      `heavy: the wasm fetched ${wasmRequests}x, by the widget's ${workers.length} worker (${workerFetches.join(', ')}x), none compiled or instantiated on the page (factcard.js requested ${scriptRequests}x)`,
      JSON.stringify({ page: got.wasm, workerFetches }));
  } finally {
    await context.close();
    server.close();
  }
}

// ---------- main ----------

async function main() {
  const options = parseOptions();
  requireSiteFiles('hostile.mjs', options.site, ['article.html', 'factcard/factcard.js', 'factcard/factcard.wasm',
    ...CARDS.map((id) => `embed/${id}.html`)]);
  if (options.only !== 'hostile' && !existsSync(options.factcard)) {
    console.error(`hostile.mjs: ${options.factcard} is missing (the heavy page builds its bundles with it); pass --factcard`);
    process.exit(2);
  }
  requireTools('hostile.mjs');
  mkdirSync(options.out, { recursive: true });
  for (const file of readdirSync(options.out)) if (file.startsWith('diff-')) rmSync(join(options.out, file)); // from an earlier run
  const server = await serve(options.site, { csp: true });
  const { browser, close } = await launchChromium(options.chromium);
  try {
    for (const [name, run] of /** @type {Array<[string, () => Promise<unknown>]>} */ ([['hostile', () => hostileHosts(browser, server.url, options.site, options.out)], ['heavy', () => heavyPage(browser, options)]])) {
      if (options.only && options.only !== name) continue;
      try {
        await run();
      } catch (err) {
        line(false, `${name} ran to the end`, err.stack || err.message);
      }
    }
  } finally {
    await close();
    server.close();
  }
  report.info(`screenshots and diff images in ${options.out}`);
  report.finish();
}

main().catch(report.crash);
