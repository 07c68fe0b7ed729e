// Where the wasm core runs: in a worker started from factcard.js itself, or on the page when no
// worker may run. Both sides use what is here; the page's side of the conversation is client.mjs.

import { call, compileUrl, instantiate } from './wasm.mjs';
import { readBundle } from './cards.mjs';

/** @typedef {import('./wasm.mjs').CoreExports} CoreExports */
/** @typedef {import('./cards.mjs').CardsAnswer} CardsAnswer */

/** An error whose message already says what went wrong and where. */
export class Cause extends Error {}
/** The wasm could not be used here at all (another place, the page instead of a worker, may do better). */
export class Unavailable extends Cause {}

/**
 * One request to the core: a story file or bundle to fetch ({url}), bytes to compute ({bytes,
 * where}), or a language to resolve and load the Intl data of ({lang}). `priority` is the fetch
 * priority of what it loads ('low' on an article page: the page's own resources come first).
 * @typedef {{ url?: string, bytes?: Uint8Array, where?: string, lang?: string, priority?: RequestPriority }} Request
 */

/**
 * @typedef {object} Core one compiled module and one live instance for one wasm URL
 * @property {() => Promise<CoreExports>} ready
 * @property {(bytes: Uint8Array, where: string) => Promise<CardsAnswer | null>} compute the cards, or
 *   null when the module asks for another (see readBundle)
 */

/**
 * How a module's cards are read: factcard.wasm's field by field (cards.mjs), factcard-story.wasm's
 * as the JSON text its fc_cards answers.
 * @typedef {(x: CoreExports, bytes: Uint8Array) => CardsAnswer | null} CardsReader
 */

/** @type {CardsReader} */
const readCardsText = (x, bytes) => JSON.parse(call(x, 'fc_cards', bytes));

/**
 * Made when first needed; the instance is dropped after a trap so that the next call starts clean.
 * @param {string} url
 * @param {CardsReader} read
 * @param {RequestPriority} [priority] of the wasm's fetch
 * @returns {Core}
 */
export function wasmCore(url, read, priority = 'auto') {
  /** @type {Promise<WebAssembly.Module> | null} */
  let modulePromise = null;
  /** @type {Promise<CoreExports> | null} */
  let instancePromise = null;
  const loadModule = () => (modulePromise ||= compileUrl(url, { priority }).catch((err) => {
    throw new Unavailable(`cannot use ${url} (${err.message}); cards keep their plain fallback`);
  }));
  const ready = () => (instancePromise ||= loadModule().then(instantiate));
  return {
    ready,
    async compute(bytes, where) {
      const x = await ready();
      try {
        // Objects: the worker posts them as they are (a structured clone costs the page about
        // what parsing the same cards as text would).
        return read(x, bytes);
      } catch (err) {
        instancePromise = null;
        throw new Cause(`the core failed on ${where} (${/** @type {Error} */ (err).message})`);
      }
    },
  };
}

/**
 * factcard-story.wasm, beside the page's module whatever that is called (a relative URL is the
 * page's or, in the worker, this script's, as fetch would resolve it).
 * @param {string} url of factcard.wasm
 */
export function storyWasmUrl(url) {
  return new URL('factcard-story.wasm', new URL(url, location.href)).href;
}

/**
 * The page's module, factcard.wasm, which reads bundles only (what embedded cards use), and the
 * story-file module, fetched only when the first asks for it (a story file): it alone holds
 * name resolution, merging and contradictions, so pages of bundles never download them. The core
 * decides what an input is, with the reader that loads it, so a story file is never mistaken
 * for a bundle (or the reverse) by a guess from its name or first bytes.
 * @param {string} url of factcard.wasm
 * @param {RequestPriority} [priority] of the modules' fetches
 * @returns {Core}
 */
export function pageCores(url, priority = 'auto') {
  const bundles = wasmCore(url, readBundle, priority);
  /** @type {Core | null} */
  let stories = null;
  return {
    ready: bundles.ready,
    async compute(bytes, where) {
      const cards = await bundles.compute(bytes, where);
      if (cards) return cards;
      stories ||= wasmCore(storyWasmUrl(url), readCardsText, priority);
      return stories.compute(bytes, where);
    },
  };
}

/**
 * @param {string} url
 * @param {RequestPriority} [priority] a browser without fetch priorities ignores it
 * @returns {Promise<Uint8Array>}
 */
async function fetchBytes(url, priority = 'auto') {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', priority });
  } catch (err) {
    throw new Cause(`cannot fetch ${url} (${/** @type {Error} */ (err).message})`);
  }
  if (!res.ok) throw new Cause(`cannot load ${url} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The Intl locale for a language tag ('en' where Intl knows none), its data loaded. A process
 * loads its first language data in 40-100 ms: done in the worker, that cost leaves the page's
 * main thread, and the data it loads is shared with the page.
 * @param {string} tag
 * @returns {string}
 */
export function resolveLocale(tag) {
  let locale;
  try {
    [locale] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
  } catch { /* not a valid language tag */ }
  locale ||= 'en';
  try {
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(0);
    new Intl.NumberFormat(locale).format(1);
    new Intl.PluralRules(locale).select(1);
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(['a', 'b']);
  } catch { /* an older browser without one of them: the card does without the head start */ }
  return locale;
}

/**
 * Answers one request: a locale for {lang}, else the cards of the story or bundle.
 * @param {Core} core
 * @param {Request} request
 * @returns {Promise<string | CardsAnswer | null>}
 */
export async function serve(core, { url, bytes, where, lang, priority }) {
  if (lang) return resolveLocale(lang);
  if (url) [bytes] = await Promise.all([fetchBytes(url, priority), core.ready()]);
  return core.compute(/** @type {Uint8Array} */ (bytes), /** @type {string} */ (url || where));
}

/**
 * In the worker, this file only answers requests: {id, wasm, ...request} -> {id, result | error}.
 * @param {DedicatedWorkerGlobalScope} scope
 */
export function answerRequests(scope) {
  /** @type {Map<string, Core>} */
  const cores = new Map(); // wasm URL -> its cores
  scope.onmessage = async ({ data: { id, wasm, ...request } }) => {
    if (!cores.has(wasm)) cores.set(wasm, pageCores(wasm, request.priority));
    try {
      scope.postMessage({ id, result: await serve(/** @type {Core} */ (cores.get(wasm)), request) });
    } catch (err) {
      const message = /** @type {Error} */ (err).message;
      scope.postMessage({ id, error: message, cause: err instanceof Cause, unavailable: err instanceof Unavailable });
    }
  };
}
