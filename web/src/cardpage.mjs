// A card page (`factcard build` writes cards/<card id>.html, marked <html data-factcard-page>):
// the page fits its one card, and when framed (WordPress embeds it through oEmbed as an iframe
// sandboxed to allow-scripts) it tells the parent its height, in the message WordPress's wp-embed
// script listens for: {message: 'height', value, secret}, the secret being the one WordPress put in
// the frame's URL (#?secret=…). wp-embed then sizes the frame (200-1000 px) and swaps it for the
// blockquote. The page has no inline script or style: this is where its behaviour lives.

import { isCardPage } from './frames.mjs';

// No margins for the frame to clip or scroll; a little room for the card's shadow.
const PAGE_CSS = 'html,body{margin:0;padding:0;background:transparent}body{padding:2px 3px 6px}'
  + '.fact-card{margin:0 auto;max-width:40rem}';

/** The secret WordPress appends to a frame's URL (only letters and digits, as wp-embed checks). */
const secretOf = (/** @type {string} */ hash) => (/[#&?]secret=([A-Za-z0-9]+)/.exec(hash) || [])[1] || '';

/** The page's own sheet, adopted beside any others (a constructable sheet: a strict style-src holds). */
function adoptPageSheet() {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch { /* an older browser: the page keeps its default margins */ }
}

export function startCardPage() {
  if (!isCardPage()) return;
  adoptPageSheet();
  if (window.parent === window || typeof ResizeObserver !== 'function') return;
  const root = document.documentElement;
  const secret = secretOf(location.hash);
  let reported = 0;
  const post = () => {
    reported = Math.ceil(root.getBoundingClientRect().height);
    window.parent.postMessage({ message: 'height', value: reported, secret }, '*');
  };
  // Once at start-up and whenever wp-embed says it is ready: WordPress keeps the frame clipped
  // until it hears a height, so a size change (below) may never come.
  post();
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source === window.parent && data && data.message === 'ready' && data.secret === secret) post();
  });
  // Again on every change of size: the fallback, the card drawn, a reader opening its excerpts.
  new ResizeObserver(() => {
    if (Math.ceil(root.getBoundingClientRect().height) !== reported) post();
  }).observe(root);
}
