#!/usr/bin/env node
// @ts-check
// A card page pasted into a real WordPress (Debian's package, set up by setup.mjs), rendered in
// Debian's Chromium:
//   node tests/wordpress/wordpress.mjs --factcard build/cli/factcard --site build/site [--card ID]
//   node tests/wordpress/wordpress.mjs --cards DIR [--card ID]   (DIR already built with --base http://127.0.0.1:8080/)
// The card pages are written by `factcard build --base http://127.0.0.1:8080/` (the widget is
// copied from the site's factcard/) and served there by demo/serve.mjs with the strict CSP:
// WordPress fetches oEmbed discovery from ports 80, 443 and 8080 only. A post whose content is
// the card page's URL on its own line is published with WordPress's own functions; its public
// page must show WordPress's fallback blockquote, then the card in WordPress's sandboxed iframe
// at the height the card page posts, with no console errors anywhere.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer } from '../../demo/serve.mjs';
import { ROOT, createReport, launchChromium, parseArgs, requireTools } from '../browser/harness.mjs';
import { createPost, installProviderPlugin, startWordPress } from './setup.mjs';

const BASE = 'http://127.0.0.1:8080/'; // a port WordPress's safe HTTP client accepts
const STORY = join(ROOT, 'demo', 'stories', 'putin-mongolia-2024.json');
const report = createReport('wordpress');
const { check, info } = report;
let scenario = ''; // which way WordPress found the card: every check line names it
const expect = (name, ok, detail) => check(`${scenario}: ${name}`, ok, detail);

// The card pages, built for BASE: `factcard build`, plus the widget from the built site.
function buildCards(factcard, site) {
  const out = join(ROOT, 'build', 'wordpress', 'site');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync(factcard, ['build', STORY, '-o', out, '--base', BASE, '--site-name', 'factcard test newsroom'], { stdio: 'pipe' });
  cpSync(join(site, 'factcard'), join(out, 'factcard'), { recursive: true });
  return out;
}

// The card under test: --card, or the first card with both a page and an oEmbed file.
function pickCard(dir, wanted) {
  const cards = join(dir, 'cards');
  if (!existsSync(cards)) throw new Error(`${cards} is missing: no card pages were built`);
  const ids = readdirSync(cards).filter((f) => f.endsWith('.oembed.json')).map((f) => f.slice(0, -'.oembed.json'.length))
    .filter((id) => existsSync(join(cards, `${id}.html`))).sort();
  const id = wanted || ids[0];
  if (!ids.includes(id)) throw new Error(`no card page with an oEmbed file for "${id}" in ${cards}`);
  const oembed = JSON.parse(readFileSync(join(cards, `${id}.oembed.json`), 'utf8'));
  const claim = /<blockquote[^>]*>\s*<p>([\s\S]*?)<\/p>/.exec(oembed.html);
  return { id, url: `${BASE}cards/${id}.html`, what: claim ? decodeEntities(claim[1]).trim() : '' };
}

const decodeEntities = (text) => text.replace(/<[^>]+>/g, '')
  .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n)).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
  .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function serveCards(dir) {
  try {
    return await startServer({ root: dir, port: 8080, csp: true });
  } catch (err) {
    throw new Error(`cannot serve the card pages on port 8080 (${err.message}); WordPress fetches only from 80, 443, 8080 `
      + 'or its own port, so stop whatever listens on 8080 (./run demo?)');
  }
}

// Console errors and uncaught exceptions of the post page and of every frame, with where they came from.
function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    // Chromium asks every origin for /favicon.ico; the test WordPress has none, and that is not the card's doing.
    if (msg.type() === 'error' && !/\/favicon\.ico$/.test(msg.location().url || '')) errors.push(`console (${msg.location().url || 'page'}): ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`exception: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  return errors;
}

async function embedChecks(page, card) {
  const markup = await page.evaluate(() => {
    const iframe = document.querySelector('iframe.wp-embedded-content');
    const quote = document.querySelector('blockquote.wp-embedded-content');
    return iframe && {
      src: iframe.getAttribute('src'), sandbox: iframe.getAttribute('sandbox'), secret: iframe.getAttribute('data-secret'),
      quoteSecret: quote && quote.getAttribute('data-secret'), quoteText: quote ? quote.textContent.replace(/\s+/g, ' ').trim() : null,
      quoteFirst: !!quote && !!(quote.compareDocumentPosition(iframe) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
  expect('WordPress turned the URL into its fallback blockquote and an iframe of the card page',
    markup && markup.quoteFirst && markup.src === `${card.url}#?secret=${markup.secret}`
      && markup.quoteSecret === markup.secret, JSON.stringify(markup));
  expect('the iframe is sandboxed with allow-scripts only', markup && markup.sandbox === 'allow-scripts', markup && markup.sandbox);
  expect('the fallback blockquote says the claim', !!card.what && !!markup && !!markup.quoteText?.includes(card.what),
    JSON.stringify({ expected: card.what, quote: markup && markup.quoteText }));
}

// Waits until the card is drawn in the frame and the iframe's height has stopped changing.
async function waitForCard(page, card) {
  const frame = await waitForFrame(page, card.url);
  await frame.waitForFunction(() => document.querySelector('[data-factcard="ready"], [data-factcard="failed"]'), null, { timeout: 30000 });
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => document.querySelector('iframe.wp-embedded-content')?.getAttribute('height') || '');
    if (now && now === last) break;
    last = now;
    await page.waitForTimeout(250);
  }
  return frame;
}

async function waitForFrame(page, url) {
  for (let i = 0; i < 120; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(url));
    if (frame) return frame;
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame of ${url} in the post page`);
}

async function cardChecks(page, frame, card) {
  const inside = await frame.evaluate(() => {
    const el = document.querySelector('[data-factcard]');
    const what = el && el.shadowRoot && el.shadowRoot.querySelector('[part~="what"]');
    return {
      state: el && el.getAttribute('data-factcard'), what: what ? what.textContent.replace(/\s+/g, ' ').trim() : null,
      contentHeight: Math.ceil(document.documentElement.getBoundingClientRect().height),
      scrollHeight: document.documentElement.scrollHeight,
    };
  });
  expect('the card renders inside WordPress\'s iframe', inside.state === 'ready' && inside.what === card.what,
    JSON.stringify({ ...inside, expected: card.what }));
  const outside = await page.evaluate(() => {
    const iframe = /** @type {HTMLIFrameElement} */ (document.querySelector('iframe.wp-embedded-content'));
    const quote = document.querySelector('blockquote.wp-embedded-content');
    return {
      heightAttr: Number(iframe.getAttribute('height')), shown: Math.round(iframe.getBoundingClientRect().height),
      style: iframe.getAttribute('style'), quoteDisplay: quote && getComputedStyle(quote).display,
    };
  });
  const expected = Math.min(1000, Math.max(200, inside.contentHeight));
  expect('the iframe\'s height came from the card page\'s message and fits the card (WordPress clamps to 200-1000)',
    Math.abs(outside.heightAttr - expected) <= 4 && Math.abs(outside.shown - outside.heightAttr) <= 1 && !outside.style,
    JSON.stringify({ ...outside, cardContent: inside.contentHeight, expected }));
  expect('the frame shows the whole card: no scrolling inside it',
    inside.scrollHeight <= outside.heightAttr + 1 || outside.heightAttr === 1000, JSON.stringify({ ...inside, ...outside }));
  expect('the fallback blockquote is hidden after the first message', outside.quoteDisplay === 'none', String(outside.quoteDisplay));
}

// Publishes nothing itself: opens a published post and checks the card WordPress embedded in it.
async function postChecks(browser, post, card) {
  info(`${scenario}: post ${post.id} at ${post.link} embeds ${card.url}`);
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(post.link, { waitUntil: 'load' });
  await embedChecks(page, card);
  const frame = await waitForCard(page, card).catch(async (err) => {
    const iframe = await page.evaluate(() => document.querySelector('iframe.wp-embedded-content')?.outerHTML);
    throw new Error(`${scenario}: ${err.message}\nthe iframe: ${iframe}\nerrors so far:\n${errors.join('\n')}`);
  });
  await cardChecks(page, frame, card);
  expect('no console errors, exceptions or failed requests in the post page or the card\'s frame', !errors.length, errors);
  await page.close();
}

async function main() {
  const options = parseArgs({
    name: 'wordpress.mjs',
    usage: 'usage: node tests/wordpress/wordpress.mjs (--factcard CLI --site DIR | --cards DIR) [--card ID] [--chromium PATH]',
    options: { factcard: null, site: null, cards: null, card: null },
    values: { card: (text) => text },
  });
  if (!options.cards && !(options.factcard && options.site)) {
    console.error('wordpress.mjs: give --factcard CLI --site DIR (the built demo site), or --cards DIR');
    process.exit(2);
  }
  requireTools('wordpress.mjs');
  const dir = options.cards || buildCards(options.factcard, options.site);
  const card = pickCard(dir, options.card);
  const cards = await serveCards(dir);
  let chrome;
  try {
    const wp = await startWordPress({ log: info });
    info(`WordPress set up in ${wp.seconds.toFixed(1)} s (Debian's wordpress, MariaDB, php -S; apt-get not counted)`);
    chrome = await launchChromium(options.chromium);
    scenario = 'discovery';
    await postChecks(chrome.browser, createPost(wp.url, 'A card in a post', `${card.url}\n`), card);
    // The example plugin for publishers, with discovery turned off: WordPress must find the card through it.
    const removePlugin = installProviderPlugin();
    try {
      scenario = 'registered provider (demo/wordpress/factcard-oembed.php, no discovery)';
      await postChecks(chrome.browser, createPost(wp.url, 'A card from a registered provider', `${card.url}\n`), card);
    } finally {
      removePlugin();
    }
  } finally {
    if (chrome) await chrome.close();
    cards.server.close();
  }
  report.finish({ timed: true });
}

main().catch(report.crash);
