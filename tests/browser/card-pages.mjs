#!/usr/bin/env node
// @ts-check
// The page `factcard build` writes per card (cards/<id>.html) and its oEmbed file, in Debian's
// Chromium driven by playwright-core.
//   node tests/browser/card-pages.mjs --site build/site --factcard build/cli/factcard [--chromium /usr/bin/chromium]
// The demo story is built afresh with --base set to where this test serves it (a strict-CSP server
// on a free port, sending Access-Control-Allow-Origin as a publisher's must for framed pages), with
// the widget and wasm of the built site. Then:
//   - every card page passes html-validate, and every oEmbed file names its page;
//   - load 1, a card page opened directly: the card draws from the page's inline data with no
//     fetch of a .json file and nothing from another origin, its meta tags say what the card says,
//     its JSON-LD parses, it fits its width with margin 0, no cookie, no console error;
//   - load 2, JavaScript off: the fallback reads as the card (claim, who, sources);
//   - load 3, axe-core (WCAG A/AA) over the drawn card (CSP bypassed: axe uses new Function);
//   - load 4, a page on another origin frames three card pages as WordPress does
//     (sandbox="allow-scripts", #?secret=…): each draws, and the parent receives
//     {message: 'height', value, secret} with its own secret and the frame's content height; at that
//     height the frame needs no scrollbar; the oEmbed height estimate is within 20% of it.
// One PASS/FAIL line per check, then "N passed, M failed"; exit status 1 when anything failed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../demo/serve.mjs';
import {
  ROOT, axeSource, axeViolations, createReport, launchChromium, parseArgs, requireSiteFiles, requireTools,
} from './harness.mjs';

const NAME = 'card-pages';
const USAGE = 'usage: node tests/browser/card-pages.mjs --site DIR --factcard CLI [--story STORY.json] [--chromium PATH]';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SITE_NAME = 'Card Page Test <Site> & "Co"';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

const report = createReport(NAME);
const { check, info } = report;

// ---------- what a card page should say, from the story's bundle ----------

/** "3 September 2024", "March 2023", "c. 2024": as format_date_en in core/src/publish.cpp. */
function dateWords(value) {
  const m = /^(~|\.\.)?(\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(value || '');
  if (!m) return '';
  const [, mark, year, month, day] = m;
  const text = [day && String(+day), month && MONTHS[+month - 1], year].filter(Boolean).join(' ');
  return (mark === '~' ? 'c. ' : mark === '..' ? 'by ' : '') + text;
}

function expectedMeta(card, entities, base) {
  const status = card.status === 'corroborated' ? `Reported by ${card.corroboration} outlets`
    : card.status === 'contested' ? 'Contested: sources disagree' : 'Single source';
  const title = card.kind === 'quote' ? `\u201C${card.what}\u201D` : card.what;
  const description = [entities.get(card.who).name, dateWords(card.when), status].filter(Boolean).join(' \u00B7 ');
  const url = `${base}cards/${card.id}.html`;
  return {
    'og:type': 'article', 'og:title': title, 'og:description': description, 'og:site_name': SITE_NAME, 'og:url': url,
    'twitter:card': 'summary', 'twitter:title': title, 'twitter:description': description, description,
    canonical: url, oembed: `${base}cards/${card.id}.oembed.json`,
  };
}

// A corroborated card, a quote and a contested one: the three shapes of title and description.
function pickCards(bundle) {
  const pick = (test) => bundle.cards.find(test);
  return [pick((c) => c.status === 'corroborated' && c.when), pick((c) => c.kind === 'quote'), pick((c) => c.status === 'contested')]
    .filter((c, i, all) => c && all.indexOf(c) === i);
}

// ---------- the build, served ----------

// A server on a free port; `cors` adds Access-Control-Allow-Origin: * to every answer, as the
// files of a framed card page need (its origin is opaque). Added beside demo/serve.mjs's own
// headers rather than in it.
async function serveDir(root, { csp, cors }) {
  const { server, url } = await startServer({ root, port: 0, csp });
  if (cors) server.prependListener('request', (_req, res) => res.setHeader('Access-Control-Allow-Origin', '*'));
  return { url, close: () => server.close() };
}

async function buildServed(options, dir) {
  const served = await serveDir(dir, { csp: true, cors: true });
  execFileSync(options.factcard, ['build', options.story, '-o', dir, '--base', served.url, '--site-name', SITE_NAME],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  mkdirSync(join(dir, 'factcard'));
  for (const file of ['factcard.js', 'factcard.wasm', 'factcard-story.wasm']) cpSync(join(options.site, 'factcard', file), join(dir, 'factcard', file));
  cpSync(join(options.site, 'favicon.ico'), join(dir, 'favicon.ico')); // Chromium asks for it: no 404 in the console
  const bundleName = readdirSync(dir).find((f) => f.endsWith('.cards.json'));
  const bundle = JSON.parse(readFileSync(join(dir, /** @type {string} */ (bundleName)), 'utf8'));
  const byId = (list) => new Map(list.map((x) => [x.id, x]));
  return { served, bundle, entities: byId(bundle.entities), sources: byId(bundle.sources) };
}

// ---------- checks without a browser ----------

async function validatePages(dir, bundle, base) {
  const { HtmlValidate } = createRequire(join(ROOT, 'tests', 'package.json'))('html-validate');
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const problems = [];
  const oembedProblems = [];
  for (const card of bundle.cards) {
    const file = join(dir, 'cards', `${card.id}.html`);
    const result = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const r of result.results) for (const m of r.messages) problems.push(`${card.id}.html:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
    const oembed = JSON.parse(readFileSync(join(dir, 'cards', `${card.id}.oembed.json`), 'utf8'));
    const page = `${base}cards/${card.id}.html`;
    if (oembed.type !== 'rich' || !oembed.html.includes(`<iframe src="${page}"`) || !/^<blockquote class="fact-card"/.test(oembed.html)
      || oembed.provider_url !== base || oembed.width <= 0 || oembed.height <= 0) oembedProblems.push(card.id);
  }
  check(`html-validate (recommended): all ${bundle.cards.length} card pages are valid`, !problems.length, problems);
  check('every oEmbed file is rich, with the blockquote and an iframe of its own page', !oembedProblems.length, oembedProblems);
}

// ---------- load 1: a card page opened directly, strict CSP ----------

async function checkDirect(browser, built, card) {
  const { served, entities } = built;
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.url}cards/${card.id}.html`);
  await page.waitForFunction(() => document.querySelector('blockquote.fact-card')?.getAttribute('data-factcard') !== 'loading'
    && document.querySelector('blockquote.fact-card')?.hasAttribute('data-factcard'), null, { timeout: 20000 });
  const seen = await page.evaluate(() => {
    const el = /** @type {HTMLElement} */ (document.querySelector('blockquote.fact-card'));
    const meta = {};
    for (const m of document.querySelectorAll('meta[property], meta[name]')) {
      meta[m.getAttribute('property') || m.getAttribute('name') || ''] = m.getAttribute('content');
    }
    const link = (rel) => document.querySelector(`link[rel="${rel}"]`)?.getAttribute('href');
    let ld = null;
    try { ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent || ''); } catch { /* checked below */ }
    return {
      state: el.dataset.factcard, text: el.shadowRoot?.textContent || '', meta, canonical: link('canonical'),
      oembed: document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute('href'),
      ld, lang: document.documentElement.lang, margin: getComputedStyle(document.body).marginTop,
      overflowX: document.documentElement.scrollWidth > innerWidth, cookie: document.cookie,
    };
  });
  const want = expectedMeta(card, entities, served.url);
  check(`direct ${card.id}: the card draws from the page's own data`, seen.state === 'ready' && seen.text.includes(card.what), seen.state);
  const jsonFetches = requests.filter((u) => /\.json(\?|$)/.test(u));
  check(`direct ${card.id}: no .json fetched, nothing from another origin`,
    !jsonFetches.length && requests.every((u) => u.startsWith(served.url)), requests);
  const wrong = Object.keys(want).filter((k) => (seen.meta[k] ?? seen[k]) !== want[k])
    .map((k) => `${k}: ${JSON.stringify(seen.meta[k] ?? seen[k])}, want ${JSON.stringify(want[k])}`);
  check(`direct ${card.id}: canonical, oEmbed link, Open Graph, Twitter and description tags`, !wrong.length, wrong);
  check(`direct ${card.id}: JSON-LD parses, a Claim of this card`, seen.ld?.['@type'] === 'Claim' && seen.ld?.identifier === card.id, JSON.stringify(seen.ld));
  check(`direct ${card.id}: lang, body margin 0, no sideways scroll, no cookie`,
    seen.lang && seen.margin === '0px' && !seen.overflowX && !seen.cookie && !(await context.cookies()).length, JSON.stringify(seen));
  check(`direct ${card.id}: no console errors (CSP included)`, !errors.length, errors);
  await context.close();
}

// ---------- load 2: JavaScript off ----------

async function checkNoScript(browser, built, card) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${built.served.url}cards/${card.id}.html`);
  const text = await page.locator('blockquote.fact-card').innerText();
  const links = await page.locator('blockquote.fact-card footer a').count();
  const who = built.entities.get(card.who).name;
  const linked = new Set(card.evidence.map((e) => e.source).filter((id) => /^https?:/.test(built.sources.get(id).url || '')));
  check(`no JS ${card.id}: the fallback shows the claim, who, the status and a link per source with an address`,
    text.includes(card.what) && text.includes(who) && /Reported by|Single source|Contested/.test(text) && links === linked.size,
    `${text}\n${links} links, want ${linked.size}`);
  await context.close();
}

// ---------- load 3: axe-core ----------

async function checkAxe(browser, built, card) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${built.served.url}cards/${card.id}.html`);
  await page.waitForFunction(() => document.querySelector('blockquote.fact-card')?.getAttribute('data-factcard') === 'ready', null, { timeout: 20000 });
  await page.evaluate(axeSource());
  const violations = await axeViolations(page, AXE_TAGS);
  check(`axe-core: the card page of ${card.id} has no violations`, !violations.length, violations);
  await context.close();
}

// ---------- load 4: framed from another origin, as WordPress frames it ----------

async function checkFramed(browser, built, cards, parentDir) {
  const secrets = cards.map((_, i) => `s3cr3t${i}X`);
  const frames = cards.map((card, i) => `<iframe sandbox="allow-scripts" title="card ${i}" width="560" height="${
    JSON.parse(readFileSync(join(built.dir, 'cards', `${card.id}.oembed.json`), 'utf8')).height
  }" src="${built.served.url}cards/${card.id}.html#?secret=${secrets[i]}"></iframe>`);
  cpSync(join(built.dir, 'favicon.ico'), join(parentDir, 'favicon.ico'));
  writeFileSync(join(parentDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>${frames.join('\n')}</body></html>`);
  const parent = await serveDir(parentDir, { csp: false, cors: false });
  const context = await browser.newContext({ viewport: { width: 700, height: 2400 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(() => {
    /** @type {any} */ (window).heightMessages = [];
    addEventListener('message', (e) => /** @type {any} */ (window).heightMessages.push({ origin: e.origin, data: e.data }));
  });
  await page.goto(parent.url);
  const framed = page.frames().filter((f) => f !== page.mainFrame());
  const states = [];
  for (const frame of framed) {
    await frame.waitForFunction(() => document.querySelector('blockquote.fact-card')?.getAttribute('data-factcard') === 'ready', null, { timeout: 20000 })
      .catch(() => {});
    states.push(await frame.evaluate(() => ({
      state: document.querySelector('blockquote.fact-card')?.getAttribute('data-factcard'),
      height: Math.ceil(document.documentElement.getBoundingClientRect().height),
      secret: location.hash,
    })));
  }
  check('framed (sandbox="allow-scripts", another origin): every card draws from its inline data',
    states.length === cards.length && states.every((s) => s.state === 'ready'), JSON.stringify(states));
  // The last height each frame reported, by its secret, once its size has settled.
  await page.waitForFunction((n) => new Set(/** @type {any} */ (window).heightMessages.map((m) => m.data.secret)).size >= n, cards.length, { timeout: 10000 }).catch(() => {});
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const messages = await page.evaluate(() => /** @type {any} */ (window).heightMessages);
  const last = secrets.map((s) => messages.filter((m) => m.data?.secret === s).pop());
  const shapeOk = messages.every((m) => m.origin === 'null' && m.data.message === 'height' && Number.isInteger(m.data.value) && m.data.value > 0
    && Object.keys(m.data).sort().join() === 'message,secret,value');
  check('framed: the parent receives {message: "height", value, secret} from the opaque origin only', messages.length && shapeOk, JSON.stringify(messages));
  const heights = cards.map((card, i) => `${card.id}: reported ${last[i]?.data.value}, content ${states[i]?.height}`);
  check('framed: each frame reports its own secret and its content height', last.every((m, i) => m && m.data.value === states[i]?.height), heights);
  // As wp-embed does: size each frame to its report; then no frame needs a scrollbar.
  await page.evaluate((values) => document.querySelectorAll('iframe').forEach((f, i) => f.setAttribute('height', String(values[i]))),
    last.map((m) => m?.data.value || 0));
  const scrolls = [];
  for (const [i, frame] of framed.entries()) {
    // The frame is in another process: its viewport follows the new size a little later.
    await frame.waitForFunction((h) => innerHeight === h, last[i]?.data.value || 0, { timeout: 5000 }).catch(() => {});
    scrolls.push(await frame.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,
      innerHeight, innerWidth })));
  }
  check('framed: at its reported height no frame scrolls', scrolls.every((s) => s.height <= s.innerHeight && s.width <= s.innerWidth),
    JSON.stringify(scrolls));
  const estimates = cards.map((card) => JSON.parse(readFileSync(join(built.dir, 'cards', `${card.id}.oembed.json`), 'utf8')).height);
  info(`oEmbed height estimate vs drawn: ${cards.map((c, i) => `${c.id} ${estimates[i]}/${last[i]?.data.value}`).join(', ')}`);
  check('framed: the oEmbed height estimates are within 20% of the drawn cards',
    estimates.every((e, i) => last[i] && Math.abs(e - last[i].data.value) <= 0.2 * last[i].data.value), JSON.stringify(estimates));
  check('framed: no console errors', !errors.length, errors);
  await context.close();
  parent.close();
}

async function main() {
  const options = parseArgs({ name: NAME, usage: USAGE, site: true,
    options: { site: null, factcard: null, story: join(ROOT, 'demo', 'stories', 'putin-mongolia-2024.json') } });
  if (!options.factcard) { console.error(USAGE); process.exit(2); }
  requireSiteFiles(NAME, options.site, ['factcard/factcard.js', 'factcard/factcard.wasm']);
  requireTools(NAME, ['playwright-core', 'axe-core', 'html-validate']);
  const dir = mkdtempSync(join(tmpdir(), 'factcard-card-pages-'));
  const parentDir = mkdtempSync(join(tmpdir(), 'factcard-card-host-'));
  const { browser, close } = /** @type {any} */ (await launchChromium(options.chromium));
  try {
    const built = { dir, ...(await buildServed(options, dir)) };
    try {
      await validatePages(dir, built.bundle, built.served.url);
      const cards = pickCards(built.bundle);
      await checkDirect(browser, built, cards[0]);
      await checkNoScript(browser, built, cards[1] || cards[0]);
      await checkAxe(browser, built, cards[0]);
      await checkFramed(browser, built, cards, parentDir);
    } finally {
      built.served.close();
    }
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(parentDir, { recursive: true, force: true });
  }
  report.finish({ timed: true });
}

main().catch(report.crash);
