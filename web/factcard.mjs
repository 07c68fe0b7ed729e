/*! factcard.mjs: the ES module entry of factcard, for bundlers, import maps and <script type="module">.
 * It runs factcard.js (the classic script) once: a page that also has the classic tag still has a
 * single widget, whichever loads first. Types: factcard.d.ts; API and events: README.md. */
import './factcard.js';

const registry = /** @type {any} */ (window)[Symbol.for('factcard')];
// A module has no document.currentScript to find factcard.wasm by. Bundlers that understand
// `new URL(…, import.meta.url)` (webpack 5, Parcel, Vite) copy the file and rewrite the URL.
// factcard.js reads it when the first card nears the viewport, so setting it after the import is in time;
// a value the page set first (its own copy of the wasm) is kept.
// Bundled into a classic script (esbuild's default IIFE), import.meta is empty: factcard.js then
// looks for the wasm next to its script tag, as the classic script does.
if (!registry.wasmUrl && import.meta.url) registry.wasmUrl = new URL('./factcard.wasm', import.meta.url).href;

const api = registry.active;

/** The version of the widget that is doing the work on this page. */
export const version = api.version;
/** Look for new cards now (they still load lazily). */
export const scan = () => api.scan();
/** Upgrade or redraw one card now; resolves once it is drawn or has failed (see its events). */
export const render = (/** @type {Element} */ element) => api.render(element);
/** Forget loaded stories and redraw every card drawn so far. */
export const refresh = () => api.refresh();
/** Run the core on a story file or bundle: resolves to {story, cards} or {errors}. */
export const cards = (/** @type {string | Uint8Array} */ input) => api.cards(input);
