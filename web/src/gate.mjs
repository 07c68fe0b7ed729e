// When the widget may start its own loading (the core, the bundle, the worker): only after the
// page's own Largest Contentful Paint, so that nothing the widget does competes with it.
// Lighthouse's simulated LCP counts every request and main-thread task that began before the
// observed LCP, multiplied by its throttling: loading the core then cost the demo article
// +400 ms of LCP (tests/bench/perf/NOTES.md). Whichever comes first opens the gate:
// - the first 'largest-contentful-paint' entry: the page's candidate has painted;
// - the load event and then an idle moment (with a timeout: a busy page may never be idle), for a
//   browser without LCP entries (Firefox before 122, Safari);
// - in a browser with LCP entries, the load event, NO_LCP_WAIT and then an idle moment, for a page
//   whose candidate is never reported (nothing contentful in view, or a tab loaded hidden). Load
//   can fire before the first frame is painted, and an idle moment can come before that frame's
//   LCP entry: without the wait the widget then started loading tens of ms before the page's paint.
// On a card page the card is the content and its own LCP: no waiting there.

import { isCardPage } from './frames.mjs';

const IDLE_TIMEOUT = 500; // ms after load: at most this long for an idle moment
const NO_LCP_WAIT = 1000; // ms after load before a browser that reports LCP is taken to have none

/** @type {Promise<void> | null} */
let opened = null;

/** @returns {Promise<void>} resolved once the widget may load and compute */
export function pageSettled() {
  return (opened ||= isCardPage() ? Promise.resolve() : new Promise(waitForPage));
}

/** @param {() => void} open */
function waitForPage(open) {
  /** @type {PerformanceObserver | null} */
  let lcp = null;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    if (lcp) lcp.disconnect();
    open();
  };
  if (reportsLcp()) {
    // buffered: a candidate that painted before this script ran counts too.
    lcp = new PerformanceObserver(go);
    lcp.observe({ type: 'largest-contentful-paint', buffered: true });
  }
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(go, { timeout: IDLE_TIMEOUT }) : setTimeout(go, 0));
  const loaded = lcp ? () => setTimeout(idle, NO_LCP_WAIT) : idle;
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
}

/** @returns {boolean} whether this browser reports 'largest-contentful-paint' entries */
function reportsLcp() {
  try {
    return typeof PerformanceObserver === 'function'
      && (PerformanceObserver.supportedEntryTypes || []).includes('largest-contentful-paint');
  } catch {
    return false;
  }
}
