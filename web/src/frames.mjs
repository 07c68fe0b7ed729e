// The frame scheduler: each card is built (detached, in short tasks), then swapped for its
// fallback at the start of a frame without moving the page (web/README.md, "No layout shift").
//
// Cards are drawn at the start of a frame, when that frame's scroll position is known (whether a
// card is on screen must hold for the frame that shows it). A frame draws its cards together, all
// reads then all writes, so the page is laid out twice per frame rather than a few times per card
// (on a long page each layout costs milliseconds). The cards' DOM is built before, detached, in
// tasks of their own of at most 4 ms, and a frame takes at most 16 built cards (their style and
// layout cost about as much again): many cards arriving at once are spread over tasks and frames
// and never hold up the page.

import { wordsFor } from './i18n.mjs';
import { styles } from './styles.mjs';
import { applyTheme, cardView, clip } from './view.mjs';

/** @typedef {import('../factcard.js').Card} Card */
/** @typedef {import('./client.mjs').Loaded} Loaded */
/** @typedef {import('./i18n.mjs').Words} Words */

/**
 * One card on its way from loaded data to the page. upgrade() (page.mjs) makes it with the fields
 * up to `reject`; each later field is written by the step named and read by the ones after it.
 * Several steps only read the page and others only write it (see drawFrame).
 * @typedef {object} Job
 * @property {HTMLElement} el the card element (the blockquote or <fact-card>)
 * @property {number} run which upgrade of `el` this is: a newer one makes it stale (isStale)
 * @property {Card} card
 * @property {Loaded} loaded the story the card is from (its language; rival cards by id)
 * @property {string} lang the Intl locale of dates and numbers
 * @property {(value?: undefined) => void} resolve drawn, or given way to a newer upgrade
 * @property {(err: unknown) => void} reject a step failed: the fallback stays
 * @property {Words} words build: the card's own words
 * @property {HTMLElement} view build: the card's <article>, detached until swap
 * @property {number} height place: the fallback's height, the card's minimum when on screen
 * @property {boolean} onScreen place: visible now (and over 40 px): it must not change height
 * @property {boolean} above place: wholly above the viewport (gets a frame of its own)
 * @property {Element | null} prev place, on screen: the nearest box before the card
 * @property {Element | null} next place, on screen: the nearest box after the card
 * @property {[number, number]} gaps place, on screen: the space to prev and to next
 * @property {boolean} ownsBottom settle: the gap below is this card's to keep (next is not drawn in this frame)
 * @property {number} over look: how much taller than `height` the card is
 * @property {Element[]} rows look, when over: the source rows still shown
 * @property {number[]} bottoms look, when over: each row's bottom
 * @property {number} listTop look, when over: where the source list starts
 * @property {[number, number]} moved look: how far each gap moved
 * @property {[number, number]} margins look: the host's computed top and bottom margins
 * @property {number} trims fit: how many times rows were trimmed
 * @property {boolean} clipped fit: clipped behind "Show full card"
 */

/** Whether this is a page of one card (`factcard build`'s cards/<id>.html, see cardpage.mjs). */
export const isCardPage = () => document.documentElement.hasAttribute('data-factcard-page');

/** @typedef {Pick<Job, 'el' | 'run' | 'card' | 'loaded' | 'lang'>} Order what upgrade() asks to draw */

const BUILD_MS = 4;
const CARDS_PER_FRAME = 16;
/** @type {Job[]} */
const unbuilt = []; // cards to build
/** @type {Job[]} */
const due = []; // built cards waiting for a frame

/** @type {WeakMap<Element, number>} element -> number of its latest upgrade, so a stale one gives way */
export const runs = new WeakMap();

/**
 * Draws the card at a coming frame; resolves when drawn or when a newer upgrade took over.
 * @param {Order} order
 * @returns {Promise<void>}
 */
export function drawSoon(order) {
  return new Promise((resolve, reject) => {
    unbuilt.push(/** @type {Job} */ ({ ...order, resolve, reject }));
    buildSoon();
  });
}

/**
 * `run` once at the next `schedule`, however many times this is called before then.
 * @param {(next: () => void) => void} schedule
 * @param {() => void} run
 * @returns {() => void}
 */
export function coalesced(schedule, run) {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    schedule(() => {
      asked = false;
      run();
    });
  };
}

const buildSoon = coalesced((next) => setTimeout(next), buildSome);
const askFrame = coalesced((next) => requestAnimationFrame(next), drawFrame);

function buildSome() {
  const start = performance.now();
  while (unbuilt.length && performance.now() - start < BUILD_MS) {
    const job = /** @type {Job} */ (unbuilt.shift());
    if (isStale(job)) job.resolve();
    else if (attempt(job, build)) due.push(job);
  }
  if (unbuilt.length) buildSoon();
  if (due.length) askFrame();
}

/** @param {Job} job */
const isStale = (job) => runs.get(job.el) !== job.run; // a newer upgrade of this card follows

function drawFrame() {
  /** @type {Job[]} */
  const batch = [];
  for (const job of due.splice(0, CARDS_PER_FRAME)) {
    if (isStale(job)) job.resolve();
    else batch.push(job);
  }
  let rest = batch.filter((job) => attempt(job, place));
  // Cards above the viewport get a frame of their own: scroll anchoring keeps the page still as
  // they grow only if the node it anchors to (often in a card on screen) is not swapped in the
  // same frame. The others wait for the next frame, and are placed again there.
  const later = rest.some((job) => job.above) ? rest.filter((job) => !job.above) : [];
  if (later.length) rest = rest.filter((job) => job.above);
  rest = rest.filter((job) => attempt(job, swap));
  settle(rest.filter((job) => job.onScreen));
  for (const job of batch) if (!later.includes(job)) job.resolve();
  due.unshift(...later);
  if (due.length) askFrame();
}

/**
 * One step for one card; an error fails that card only. False when it failed or did nothing.
 * @param {Job} job
 * @param {(job: Job) => boolean | void} step
 * @returns {boolean}
 */
function attempt(job, step) {
  try {
    return step(job) ?? true;
  } catch (err) {
    job.reject(err);
    return false;
  }
}

// Swap the fallback for the card without moving the page. Off screen, the card takes its natural
// height: nothing visible moves. A card drawn while it is on screen keeps the fallback's height as
// its minimum and, if it needs more, first hides its source list behind the sources button, then
// (rarely) clips to that height behind a "Show full card" button: growing on a click is not a
// layout shift, growing by itself is. Each step below only reads the page or only writes it.

/**
 * Build the card before touching the host: a shadow root left empty by an error would hide the fallback.
 * @param {Job} job
 */
function build(job) {
  job.words = wordsFor(job.el, job.lang);
  job.view = cardView(job.card, job.loaded, job.lang, job.words);
}

/**
 * Reads where the fallback is and, on screen, its gaps to the boxes before and after it.
 * @param {Job} job
 */
function place(job) {
  const box = job.el.getBoundingClientRect();
  job.height = box.height;
  // A card page (cardpage.mjs) holds nothing the card could move: it takes its natural height.
  job.onScreen = box.bottom > 0 && box.top < innerHeight && box.height > 40 && !isCardPage();
  job.above = box.bottom <= 0;
  if (!job.onScreen) return;
  job.prev = boxNear(job.el, 'previousElementSibling');
  job.next = boxNear(job.el, 'nextElementSibling');
  job.gaps = gapsOf(job);
}

/** @param {Job} job */
function swap(job) {
  const { el } = job;
  const root = el.shadowRoot || el.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styles()];
  el.style.minHeight = job.onScreen ? `${job.height}px` : '';
  root.replaceChildren(job.view);
  applyTheme(el);
}

/**
 * The nearest box before or after el that is not its ancestor (script tags have none).
 * @param {Element} el
 * @param {'previousElementSibling' | 'nextElementSibling'} side
 * @returns {Element | null}
 */
function boxNear(el, side) {
  for (let node = /** @type {Element | null} */ (el); node; node = node.parentElement) {
    for (let near = node[side]; near; near = near[side]) if (near.getClientRects().length) return near;
  }
  return null;
}

/**
 * The space between the card and the boxes around it: other cards drawn in the same frame may
 * move it, but only its own margins change these.
 * @param {Pick<Job, 'el' | 'prev' | 'next'>} job
 * @returns {[number, number]}
 */
function gapsOf({ el, prev, next }) {
  const box = el.getBoundingClientRect();
  const above = prev ? prev.getBoundingClientRect().bottom : document.documentElement.getBoundingClientRect().top;
  return [box.top - above, next ? next.getBoundingClientRect().top - box.bottom : 0];
}

/**
 * Cards drawn on screen: rounds of reads then writes, for all of them at once, until each has
 * the fallback's height and gaps. The gap between two such cards is the lower one's to keep.
 * @param {Job[]} jobs
 */
function settle(jobs) {
  const drawn = new Set(jobs.map((job) => job.el));
  for (const job of jobs) job.ownsBottom = !drawn.has(/** @type {HTMLElement} */ (job.next));
  for (let round = 0; jobs.length && round < 5; round++) {
    jobs = jobs.filter((job) => attempt(job, look));
    // Heights first: a card still too tall moves its own gaps and its neighbours'.
    jobs = jobs.some((job) => job.over > 0.5)
      ? jobs.filter((job) => job.over <= 0.5 || attempt(job, fit))
      : jobs.filter((job) => attempt(job, fix));
  }
}

/**
 * The card's own height (its host may be stretched, in a grid row for one).
 * @param {Job} job
 */
function look(job) {
  const { el, view } = job;
  job.over = job.clipped ? 0 : view.getBoundingClientRect().height - job.height;
  if (job.over > 0.5) {
    job.rows = [...view.querySelectorAll('.sources > li:not(.cut)')];
    job.bottoms = job.rows.map((row) => row.getBoundingClientRect().bottom);
    job.listTop = /** @type {Element} */ (view.querySelector('.who')).getBoundingClientRect().bottom;
  }
  const gaps = gapsOf(job);
  job.moved = [gaps[0] - job.gaps[0], job.ownsBottom ? gaps[1] - job.gaps[1] : 0];
  const style = getComputedStyle(el);
  job.margins = [parseFloat(style.marginTop), parseFloat(style.marginBottom)];
}

/** @param {Job} job */
function fit(job) {
  job.trims = (job.trims || 0) + 1;
  if (job.trims > 2 || !trim(job)) {
    clip(job.view, job.height, job.words.say('show', null, job.words.say('fullCard')));
    job.clipped = true;
  }
}

/**
 * Returns whether it changed anything (the next round then checks the result).
 * @param {Job} job
 */
function fix(job) {
  let changed = false;
  // The fallback's first and last children may have shared their margins with the host's
  // (margin collapsing); the card does not, so restore the space above and below. Collapsed
  // margins combine by max(), so a correction may take more than one round.
  /** @type {const} */ (['marginTop', 'marginBottom']).forEach((side, i) => {
    if (Math.abs(job.moved[i]) < 0.5) return;
    job.el.style[side] = `${job.margins[i] - job.moved[i]}px`;
    changed = true;
  });
  return changed;
}

/**
 * Hides source rows from the end, as few as their measured heights say are enough (the button
 * then offers all of them), or every row and the list's heading; false if that is not enough.
 * @param {Job} job
 */
function trim({ view, rows, bottoms, listTop, over }) {
  if (!rows.length) return false;
  const end = bottoms[bottoms.length - 1];
  let keep = rows.length - 1;
  while (keep && end - bottoms[keep - 1] < over - 0.5) keep--;
  view.classList.add('trimmed');
  for (const row of rows.slice(keep)) row.classList.add('cut');
  if (!keep) view.classList.add('compact');
  return end - (keep ? bottoms[keep - 1] : listTop) >= over - 0.5;
}
