// The page's side of the core: it asks a worker started from this very file, or, when the page
// lets no worker run or the worker fails, runs the core itself (core.mjs). Stories and locales are
// asked once each, however many cards use them.

import { Cause, pageCores, resolveLocale, serve } from './core.mjs';

/** @typedef {import('./core.mjs').Request} Request */
/** @typedef {import('./core.mjs').Core} Core */
/** @typedef {import('../factcard.js').Card} Card */
/** @typedef {import('../factcard.js').StoryInfo} StoryInfo */

/**
 * A loaded story or bundle: its cards by any of their claim ids and by card id.
 * @typedef {object} Loaded
 * @property {StoryInfo} story
 * @property {Map<string, Card>} byClaim
 * @property {Map<string, Card>} byId
 */

/** @typedef {import('./cards.mjs').CardsAnswer} CardsAnswer */

/**
 * What the worker answers (see answerRequests in core.mjs): a locale, or cards.
 * @typedef {{ id: number, result?: string | CardsAnswer, error?: string, cause?: boolean, unavailable?: boolean }} Answer
 */

/** @typedef {{ answer: (data: Answer) => void, redo: () => void }} Pending */

// Resolves in a task of its own. The worker's answer is read and indexed in tasks of their own
// rather than one: at Lighthouse's 4x CPU slowdown the demo bundle's answer took ~100 ms in one
// (the message's deserialisation, the maps, then every waiting card's next step), which counts as
// blocking time; split, each part stays under 50 ms.
const nextTask = () => new Promise((next) => setTimeout(next));

// The core runs in a worker when this page lets the script start one from its own file: then
// neither compiling and running the wasm nor loading language data holds up the page. That needs
// the script on the page's origin, a CSP that allows it as a worker (script-src 'self' does) and,
// under Trusted Types, a policy named "factcard". Otherwise, or if the worker fails, on the page.
export class CoreClient {
  /**
   * @param {string | null} scriptSrc this script's URL, if it has a tag
   * @param {() => string} wasmUrl where factcard.wasm is (read when first needed)
   * @param {RequestPriority} priority of the core's fetches (the wasm, bundles)
   */
  constructor(scriptSrc, wasmUrl, priority) {
    this.scriptSrc = scriptSrc;
    this.wasmUrl = wasmUrl;
    this.priority = priority;
    /** @type {Core | null} */
    this.onPage = null;
    /** @type {Worker | null | undefined} undefined until first needed; null when the page runs the core */
    this.worker = undefined;
    /** @type {Map<number, Pending>} */
    this.pending = new Map(); // request id -> what to do with its answer
    this.lastId = 0;
    /** @type {Map<string, Promise<Loaded>>} */
    this.stories = new Map(); // absolute story URL -> its cards
    /** @type {Map<string, Promise<string>>} */
    this.locales = new Map(); // language tag -> the Intl locale for it
  }

  /**
   * @param {Request} request
   * @returns {Promise<any>} a locale for {lang}, else the cards (CardsAnswer)
   */
  runOnPage(request) {
    if (request.lang) {
      const { lang } = request;
      return nextTask().then(() => resolveLocale(lang));
    }
    return serve((this.onPage ||= pageCores(this.wasmUrl(), this.priority)), { ...request, priority: this.priority });
  }

  /**
   * @param {Request} request
   * @returns {Promise<any>} a locale for {lang}, else the cards (CardsAnswer)
   */
  ask(request) {
    const w = this.worker === undefined ? (this.worker = this.startWorker()) : this.worker;
    if (!w) return this.runOnPage(request);
    return new Promise((resolve, reject) => {
      const id = ++this.lastId;
      const redo = () => { this.runOnPage(request).then(resolve, reject); };
      this.pending.set(id, { redo, answer(data) {
        if (data.unavailable) redo(); // e.g. a worker CSP without 'wasm-unsafe-eval'
        else if (data.error) reject(data.cause ? new Cause(data.error) : new Error(data.error));
        else resolve(data.result);
      } });
      w.postMessage({ id, wasm: this.wasmUrl(), priority: this.priority, ...request });
    });
  }

  /** @returns {Worker | null} */
  startWorker() {
    const src = this.scriptSrc;
    // Only this very file may run as the worker: a bundle that includes factcard.js is the host's.
    if (!src || typeof Worker !== 'function' || !/\/factcard(\.min)?\.js$/.test(new URL(src).pathname)
      || new URL(src).origin !== location.origin) return null;
    let w;
    try {
      w = new Worker(/** @type {string} */ (scriptUrl(src)), { name: 'factcard' });
    } catch {
      return null;
    }
    // event.data is deserialised when first read: in a task of its own (see nextTask).
    w.onmessage = (event) => setTimeout(() => {
      const { data } = event;
      const request = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (request) request.answer(data);
    });
    // The file failed to load or run as a worker (a CSP may forbid it): the page runs the core.
    const failed = (/** @type {Event} */ event) => {
      if (event.preventDefault) event.preventDefault();
      /** @type {Worker} */ (w).terminate();
      this.worker = null;
      const left = [...this.pending.values()];
      this.pending.clear();
      for (const request of left) request.redo();
    };
    w.onerror = failed;
    w.onmessageerror = failed;
    return w;
  }

  /**
   * The core's answer for {url} or {bytes, where}: {story, cards} or {errors}.
   * @param {Request} request
   * @returns {Promise<CardsAnswer>}
   */
  computeCards(request) {
    return this.ask(request);
  }

  /**
   * The cards of a story or bundle URL, loaded once. A URL of "#id" names an element of the page
   * whose text is the story or bundle (a card page's <script type="application/json">): nothing is
   * fetched, so a page framed with an opaque origin, which could fetch no bundle, still has its data.
   * @param {string} url
   * @returns {Promise<Loaded>}
   */
  story(url) {
    let loaded = this.stories.get(url);
    if (!loaded) this.stories.set(url, (loaded = this.loadStory(url)));
    return loaded;
  }

  /**
   * @param {string} url
   * @returns {Promise<Loaded>}
   */
  async loadStory(url) {
    /** @type {any} */
    const result = await this.computeCards(url.startsWith('#') ? inlineData(url) : { url });
    await nextTask(); // the maps, and then each waiting card's next step, in a task after the parse
    if (result.errors) {
      const [first] = result.errors;
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
      throw new Cause(`${url}:${first.line}:${first.column}: ${first.message}${more}`);
    }
    const byClaim = new Map();
    const byId = new Map();
    for (const card of /** @type {Card[]} */ (result.cards)) {
      byId.set(card.id, card);
      for (const id of [card.id, ...(card.claims || [])]) if (!byClaim.has(id)) byClaim.set(id, card);
    }
    return { story: result.story || {}, byClaim, byId };
  }

  /**
   * The Intl locale for a language tag, if Intl knows it; English otherwise. Asked where the core
   * runs: a worker also loads the language data, off the page's main thread.
   * @param {string} tag
   * @returns {Promise<string>}
   */
  locale(tag) {
    let locale = this.locales.get(tag);
    if (!locale) this.locales.set(tag, (locale = this.ask({ lang: tag }).catch(() => 'en')));
    return locale;
  }

  /** Forget loaded stories (refresh()); locales stay. */
  forget() {
    this.stories.clear();
  }
}

/**
 * The request for a story held in the page: the text (never markup) of the element `#id` names.
 * @param {string} ref
 * @returns {Request}
 */
function inlineData(ref) {
  const el = document.getElementById(ref.slice(1));
  if (!el) throw new Cause(`no element ${ref} on this page holds a story`);
  return { bytes: new TextEncoder().encode(el.textContent || ''), where: ref };
}

/**
 * Under Trusted Types, `new Worker(url)` takes a TrustedScriptURL: this policy makes one, for this
 * file only. A page whose trusted-types list lacks "factcard" refuses the policy; a plain URL is
 * then tried, which only works where Trusted Types are not enforced.
 * @param {string} src
 * @returns {string | TrustedScriptURL}
 */
function scriptUrl(src) {
  try {
    if (window.trustedTypes) return window.trustedTypes.createPolicy('factcard', { createScriptURL: () => src }).createScriptURL('');
  } catch { /* refused by the page's CSP */ }
  return src;
}
