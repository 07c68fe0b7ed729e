// On the page: finding cards, upgrading each as it nears the viewport, the public API, and the
// registry that lets several copies (or versions) of this script share one page.

import { CoreClient } from './client.mjs';
import { Cause } from './core.mjs';
import { coalesced, drawSoon, isCardPage, runs } from './frames.mjs';
import { pageSettled } from './gate.mjs';
import { langOf, loadLabels } from './i18n.mjs';
import { styles } from './styles.mjs';
import { applyTheme, darkQuery } from './view.mjs';

/** @typedef {import('../factcard.js').FactcardAPI} FactcardAPI */
/**
 * Shared by every copy of the script on a page, as window[Symbol.for('factcard')].
 * @typedef {{ versions: Record<string, FactcardAPI>, active?: FactcardAPI, rescan?: () => void, wasmUrl?: string }} Registry
 */

// The version is set in one place, the VERSION file at the top of the repository: web/assemble.mjs
// writes it here in factcard.js, so this module on its own says it was never assembled.
export const VERSION = '0.0.0-unassembled';
const SELECTOR = 'blockquote.fact-card[data-story][data-claim],fact-card[story][claim]';
const AHEAD = 600; // px: start loading this far before a card scrolls into view

/** @type {CoreClient} */
let client;
/** @type {IntersectionObserver | null} */
let observer = null;
const seen = new WeakSet(); // elements already observed or upgraded
const warned = new Set();

/** @param {Element} el */
const isElementForm = (el) => el.localName === 'fact-card';
/** @param {Element} el */
const storyOf = (el) => el.getAttribute(isElementForm(el) ? 'story' : 'data-story');
/** @param {Element} el */
const claimOf = (el) => el.getAttribute(isElementForm(el) ? 'claim' : 'data-claim');

/**
 * With the document as root, the look-ahead margin also works inside an iframe (the implicit
 * root there is the visible part of the frame, which ignores rootMargin). Browsers from before
 * 2020 reject a Document root: they get the implicit one.
 * @param {IntersectionObserverCallback} onEntries
 */
function lookAhead(onEntries) {
  const rootMargin = `${AHEAD}px 0px`;
  try {
    return new IntersectionObserver(onEntries, { root: document, rootMargin });
  } catch {
    return new IntersectionObserver(onEntries, { rootMargin });
  }
}

/** @param {Element} el */
function watch(el) {
  if (seen.has(el)) return;
  seen.add(el);
  if (observer) observer.observe(el);
  else upgrade(/** @type {HTMLElement} */ (el));
}

function scan() {
  for (const el of document.querySelectorAll(SELECTOR)) watch(el);
}

/** @param {string} message */
function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * @param {Element} el
 * @param {'render' | 'error'} type
 * @param {object} detail
 */
function emit(el, type, detail) {
  el.dispatchEvent(new CustomEvent(`factcard:${type}`, { bubbles: true, detail }));
}

// Parsing the stylesheet is paid in its own task while the first story loads, rather than
// inside the frame that draws the first card (language data: see CoreClient.locale).
let warm = false;
function warmUp() {
  if (warm) return;
  warm = true;
  setTimeout(styles);
}

/**
 * Loads the card's story, locale and words, then has it drawn; on failure the fallback stays, with one
 * warning per cause and a factcard:error event.
 * @param {HTMLElement} el
 * @returns {Promise<void>}
 */
async function upgrade(el) {
  seen.add(el);
  if (observer) observer.unobserve(el); // render(el) before it scrolled near: draw it once
  const run = (runs.get(el) || 0) + 1;
  runs.set(el, run);
  el.dataset.factcard = 'loading';
  try {
    await pageSettled(); // not before the page's own largest paint (gate.mjs)
    warmUp();
    const story = storyOf(el) || '';
    const url = story.startsWith('#') ? story : new URL(story, document.baseURI).href; // "#id": data in the page
    const tag = langOf(el);
    // The card's words are in their table before it is drawn: never another language's, never blank.
    const labels = loadLabels(tag, client.wasmUrl(), client.priority).catch((err) => warnOnce(`factcard: ${err.message}`));
    const [loaded, lang] = await Promise.all([client.story(url), client.locale(tag), labels]);
    const claim = claimOf(el);
    const card = loaded.byClaim.get(/** @type {string} */ (claim));
    if (!card) throw new Cause(`no claim "${claim}" in ${url}`);
    await drawSoon({ el, run, card, loaded, lang });
    if (runs.get(el) !== run) return;
    el.dataset.factcard = 'ready';
    emit(el, 'render', { card, story: loaded.story });
  } catch (err) {
    if (runs.get(el) !== run) return;
    const message = `factcard: ${err instanceof Cause ? err.message : `cannot render a card (${/** @type {Error} */ (err).message})`}`;
    warnOnce(message);
    el.dataset.factcard = 'failed';
    emit(el, 'error', { message });
  }
}

function applyThemes() {
  for (const el of document.querySelectorAll(SELECTOR)) applyTheme(el);
}

/**
 * The first copy on a page does the work; later ones only ask it to look for cards again (they may
 * follow new markup), at most once a frame however many copies run (a page may paste one script
 * tag per card).
 */
export function startPage() {
  const registry = /** @type {Registry} */ (/** @type {any} */ (window)[Symbol.for('factcard')] ||= { versions: {} });
  if (registry.active) {
    registry.versions[VERSION] ||= registry.active;
    (registry.rescan || registry.active.scan)();
    return;
  }
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript || document.querySelector('script[src*="factcard.js"]'));
  const wasmNextToScript = new URL('factcard.wasm', script ? script.src : document.baseURI).href;
  // A module has no currentScript: factcard.mjs sets registry.wasmUrl (read when first needed).
  // Low fetch priority, except on a card page, where the card is what the reader came for.
  client = new CoreClient(script && script.src, () => String(registry.wasmUrl || wasmNextToScript), isCardPage() ? 'auto' : 'low');
  observer = 'IntersectionObserver' in window ? lookAhead((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      /** @type {IntersectionObserver} */ (observer).unobserve(entry.target);
      upgrade(/** @type {HTMLElement} */ (entry.target));
    }
  }) : null;
  const rescanSoon = listen();
  const api = publicApi();
  registry.active = api;
  registry.versions[VERSION] = api;
  registry.rescan = rescanSoon;
  window.factcard = api;

  // Nothing starts before the observer's first report (not even the worker, which fetches this
  // file again), and then not before the page's own largest paint (upgrade, gate.mjs): loading and
  // compiling the core while the page itself still loaded delayed its Largest Contentful Paint by
  // 0.4-0.8 s under Lighthouse (tests/bench/perf/NOTES.md).
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}

/**
 * <fact-card>, cards added later (client-side rendering, infinite scroll) and live theme switches.
 * @returns {() => void} a rescan at the next frame
 */
function listen() {
  if (!customElements.get('fact-card')) {
    customElements.define('fact-card', class extends HTMLElement {
      static get observedAttributes() { return ['story', 'claim']; }
      connectedCallback() { if (this.matches(SELECTOR)) watch(this); }
      attributeChangedCallback() {
        if (!this.isConnected || !this.matches(SELECTOR)) return;
        if (runs.has(this)) upgrade(this);
        else watch(this);
      }
    });
  }
  const rescanSoon = coalesced((next) => requestAnimationFrame(next), scan);
  new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes')) applyThemes();
    if (records.some((r) => r.addedNodes.length)) rescanSoon();
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  darkQuery().addEventListener('change', applyThemes);
  return rescanSoon;
}

/** @returns {FactcardAPI} window.factcard (web/README.md, "Events and API") */
function publicApi() {
  return {
    version: VERSION,
    scan,
    /** Upgrade (or redraw) one card now, without waiting for it to scroll near. */
    render: (el) => upgrade(/** @type {HTMLElement} */ (el)),
    /** Forget loaded stories and redraw every card drawn so far (after a story file changed). */
    refresh() {
      client.forget();
      warned.clear();
      for (const el of document.querySelectorAll(SELECTOR)) if (runs.has(el)) upgrade(/** @type {HTMLElement} */ (el));
      scan();
    },
    /** Compute cards from a story or bundle (string or UTF-8 bytes), as `factcard cards` would. */
    cards: (input) => client.computeCards({ bytes: typeof input === 'string' ? new TextEncoder().encode(input) : input, where: 'input' }),
  };
}
