/*! factcard.js: embeddable fact cards (who, what, when, source). Plain ES2020, no build step.
 * Upgrades <blockquote class="fact-card" data-story data-claim> and <fact-card story claim> into
 * cards computed by factcard.wasm (shipped next to this file) once they near the viewport.
 * Embedding, theming (--factcard-* properties, ::part names), events and API: web/README.md. */
(() => {
  'use strict';
  const VERSION = '0.1.0';

  // ---------- the wasm core: in a worker started from this same file, or on the page ----------

  class Cause extends Error {} // an error whose message already says what went wrong and where
  class Unavailable extends Cause {} // the wasm could not be used here at all (another place may do better)

  // One compiled module and one live instance per wasm URL, made when first needed.
  function wasmCore(url) {
    let modulePromise = null;
    let instancePromise = null; // dropped after a trap so the next call starts clean
    const loadModule = () => (modulePromise ||= (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      // Streaming compilation needs the application/wasm MIME type; some servers get it wrong.
      return /^application\/wasm\b/.test(res.headers.get('content-type') || '')
        ? WebAssembly.compileStreaming(res)
        : WebAssembly.compile(await res.arrayBuffer());
    })().catch((err) => {
      throw new Unavailable(`cannot use ${url} (${err.message}); cards keep their plain fallback`);
    }));
    const instance = () => (instancePromise ||= loadModule().then(async (module) => {
      let exports;
      const made = await WebAssembly.instantiate(module, importsFor(module, () => exports.memory));
      exports = made.exports;
      if (exports._initialize) exports._initialize();
      return exports;
    }));
    return {
      ready: instance,
      async compute(bytes, where) {
        const x = await instance();
        try {
          return callCore(x, bytes);
        } catch (err) {
          instancePromise = null;
          throw new Cause(`the core failed on ${where} (${err.message})`);
        }
      },
    };
  }

  // The module imports a few Emscripten/WASI functions. Each gets a quiet stub: the core must not
  // print into the host page's console, and exiting or aborting becomes an ordinary JS error.
  function importsFor(module, memory) {
    const imports = {};
    for (const { module: ns, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind !== 'function') continue;
      let stub = () => 0;
      if (/exit|abort/.test(name)) {
        stub = () => { throw new Error(`core called ${name}`); };
      } else if (name === 'fd_write') {
        // Report every byte as written (and drop it): libc retries a short write forever.
        stub = (fd, iovs, count, writtenPtr) => {
          const view = new DataView(memory().buffer);
          let total = 0;
          for (let i = 0; i < count; i++) total += view.getUint32(iovs + 8 * i + 4, true);
          view.setUint32(writtenPtr, total, true);
          return 0;
        };
      }
      (imports[ns] ||= {})[name] = stub;
    }
    return imports;
  }

  // UTF-8 bytes in, JSON text out: {story, cards} or {errors: [{line, column, message}]}. Text, so a
  // worker need not parse it; the page's JSON.parse costs about what receiving objects would.
  function callCore(x, bytes) {
    const input = x.fc_alloc(bytes.length + 1);
    if (!input) throw new Error('out of memory');
    let output = 0;
    try {
      const memory = new Uint8Array(x.memory.buffer);
      memory.set(bytes, input);
      memory[input + bytes.length] = 0;
      output = x.fc_cards(input, bytes.length);
      const after = new Uint8Array(x.memory.buffer); // the call may have grown memory
      return new TextDecoder().decode(after.subarray(output, after.indexOf(0, output)));
    } finally {
      x.fc_free(input);
      if (output) x.fc_free(output);
    }
  }

  async function fetchBytes(url) {
    let res;
    try {
      res = await fetch(url, { credentials: 'same-origin' });
    } catch (err) {
      throw new Cause(`cannot fetch ${url} (${err.message})`);
    }
    if (!res.ok) throw new Cause(`cannot load ${url} (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  }

  // The Intl locale for a language tag ('en' where Intl knows none), its data loaded. A process
  // loads its first language data in 40-100 ms: done in the worker, that cost leaves the page's
  // main thread, and the data it loads is shared with the page.
  function resolveLocale(tag) {
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

  // One request to the core: {url} (a story file or bundle to fetch), {bytes, where}, or {lang}.
  // The cards come back as JSON text (see computeCards).
  async function serve(core, { url, bytes, where, lang }) {
    if (lang) return resolveLocale(lang);
    if (url) [bytes] = await Promise.all([fetchBytes(url), core.ready()]);
    return core.compute(bytes, url || where);
  }

  // In the worker, this file only answers requests: {id, wasm, ...request} -> {id, result | error}.
  if (typeof document === 'undefined') {
    if (typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope) {
      const cores = new Map(); // wasm URL -> core
      self.onmessage = async ({ data: { id, wasm, ...request } }) => {
        if (!cores.has(wasm)) cores.set(wasm, wasmCore(wasm));
        try {
          postMessage({ id, result: await serve(cores.get(wasm), request) });
        } catch (err) {
          postMessage({ id, error: err.message, cause: err instanceof Cause, unavailable: err instanceof Unavailable });
        }
      };
    }
    return;
  }

  // ---------- on the page ----------

  // Several copies (or versions) of this script on one page share a registry: the first one to run
  // does the work; later ones only ask it to look for cards again (they may follow new markup), at
  // most once a frame however many copies run (a page may paste one script tag per card).
  const registry = (window[Symbol.for('factcard')] ||= { versions: {} });
  if (registry.active) {
    registry.versions[VERSION] ||= registry.active;
    (registry.rescan || registry.active.scan)();
    return;
  }

  const SELECTOR = 'blockquote.fact-card[data-story][data-claim],fact-card[story][claim]';
  const AHEAD = 600; // px: start loading this far before a card scrolls into view
  const script = document.currentScript || document.querySelector('script[src*="factcard.js"]');
  const WASM_NEXT_TO_SCRIPT = new URL('factcard.wasm', script ? script.src : document.baseURI).href;
  // A module has no currentScript: factcard.mjs sets registry.wasmUrl (read when first needed).
  const wasmUrl = () => String(registry.wasmUrl || WASM_NEXT_TO_SCRIPT);

  const seen = new WeakSet(); // elements already observed or upgraded
  const runs = new WeakMap(); // element -> number of its latest upgrade, so a stale one gives way
  const bundles = new Map(); // absolute story URL -> Promise of { story, byClaim, byId }
  const warned = new Set();

  // The core runs in a worker when this page lets the script start one from its own file: then
  // neither compiling and running the wasm nor loading language data holds up the page. That needs
  // the script on the page's origin, a CSP that allows it as a worker (script-src 'self' does) and,
  // under Trusted Types, a policy named "factcard". Otherwise, or if the worker fails, on the page.
  let onPage = null;
  const runOnPage = (request) => (request.lang
    ? new Promise((next) => setTimeout(next)).then(() => resolveLocale(request.lang)) // a task of its own
    : serve((onPage ||= wasmCore(wasmUrl())), request));
  let worker; // undefined until first needed; null when the page runs the core itself
  const pending = new Map(); // request id -> { answer, redo }
  let lastId = 0;

  function ask(request) {
    const w = worker === undefined ? (worker = startWorker()) : worker;
    if (!w) return runOnPage(request);
    return new Promise((resolve, reject) => {
      const id = ++lastId;
      const redo = () => runOnPage(request).then(resolve, reject);
      pending.set(id, { redo, answer(data) {
        if (data.unavailable) redo(); // e.g. a worker CSP without 'wasm-unsafe-eval'
        else if (data.error) reject(data.cause ? new Cause(data.error) : new Error(data.error));
        else resolve(data.result);
      } });
      w.postMessage({ id, wasm: wasmUrl(), ...request });
    });
  }

  function startWorker() {
    const src = script && script.src;
    // Only this very file may run as the worker: a bundle that includes factcard.js is the host's.
    if (!src || typeof Worker !== 'function' || !/\/factcard(\.min)?\.js$/.test(new URL(src).pathname)
      || new URL(src).origin !== location.origin) return null;
    let w;
    try {
      w = new Worker(scriptUrl(src), { name: 'factcard' });
    } catch {
      return null;
    }
    w.onmessage = ({ data }) => {
      const request = pending.get(data.id);
      pending.delete(data.id);
      if (request) request.answer(data);
    };
    // The file failed to load or run as a worker (a CSP may forbid it): the page runs the core.
    w.onerror = w.onmessageerror = (event) => {
      if (event.preventDefault) event.preventDefault();
      w.terminate();
      worker = null;
      const left = [...pending.values()];
      pending.clear();
      for (const request of left) request.redo();
    };
    return w;
  }

  // Under Trusted Types, `new Worker(url)` takes a TrustedScriptURL: this policy makes one, for this
  // file only. A page whose trusted-types list lacks "factcard" refuses the policy; a plain URL is
  // then tried, which only works where Trusted Types are not enforced.
  function scriptUrl(src) {
    try {
      if (window.trustedTypes) return trustedTypes.createPolicy('factcard', { createScriptURL: () => src }).createScriptURL('');
    } catch { /* refused by the page's CSP */ }
    return src;
  }

  // The parsed answer of the core for {url} or {bytes, where}.
  async function computeCards(request) {
    const text = await ask(request);
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new Cause(`the core failed on ${request.url || request.where} (${err.message})`);
    }
  }

  async function loadStory(url) {
    const result = await computeCards({ url });
    if (result.errors) {
      const [first] = result.errors;
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
      throw new Cause(`${url}:${first.line}:${first.column}: ${first.message}${more}`);
    }
    const byClaim = new Map();
    const byId = new Map();
    for (const card of result.cards) {
      byId.set(card.id, card);
      for (const id of [card.id, ...(card.claims || [])]) if (!byClaim.has(id)) byClaim.set(id, card);
    }
    return { story: result.story || {}, byClaim, byId };
  }

  function story(url) {
    if (!bundles.has(url)) bundles.set(url, loadStory(url));
    return bundles.get(url);
  }

  // ---------- finding and upgrading cards ----------

  const isElementForm = (el) => el.localName === 'fact-card';
  const storyOf = (el) => el.getAttribute(isElementForm(el) ? 'story' : 'data-story');
  const claimOf = (el) => el.getAttribute(isElementForm(el) ? 'claim' : 'data-claim');

  const observer = 'IntersectionObserver' in window ? lookAhead((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      upgrade(entry.target);
    }
  }) : null;

  // With the document as root, the look-ahead margin also works inside an iframe (the implicit
  // root there is the visible part of the frame, which ignores rootMargin). Browsers from before
  // 2020 reject a Document root: they get the implicit one.
  function lookAhead(onEntries) {
    const rootMargin = `${AHEAD}px 0px`;
    try {
      return new IntersectionObserver(onEntries, { root: document, rootMargin });
    } catch {
      return new IntersectionObserver(onEntries, { rootMargin });
    }
  }

  function watch(el) {
    if (seen.has(el)) return;
    seen.add(el);
    if (observer) observer.observe(el);
    else upgrade(el);
  }

  function scan() {
    for (const el of document.querySelectorAll(SELECTOR)) watch(el);
  }

  function warnOnce(message) {
    if (warned.has(message)) return;
    warned.add(message);
    console.warn(message);
  }

  function emit(el, type, detail) {
    el.dispatchEvent(new CustomEvent(`factcard:${type}`, { bubbles: true, detail }));
  }

  // Cards are drawn at the start of a frame, when that frame's scroll position is known (whether a
  // card is on screen must hold for the frame that shows it). A frame draws its cards together, all
  // reads then all writes, so the page is laid out twice per frame rather than a few times per card
  // (on a long page each layout costs milliseconds). The cards' DOM is built before, detached, in
  // tasks of their own of at most 4 ms, and a frame takes at most 16 built cards (their style and
  // layout cost about as much again): many cards arriving at once are spread over tasks and frames
  // and never hold up the page.
  const BUILD_MS = 4;
  const CARDS_PER_FRAME = 16;
  const unbuilt = []; // cards to build: { el, run, card, loaded, lang, resolve, reject }
  const due = []; // built cards waiting for a frame (the same jobs, with their view)

  function drawSoon(job) {
    return new Promise((resolve, reject) => {
      unbuilt.push({ ...job, resolve, reject });
      buildSoon();
    });
  }

  // `run` once at the next `schedule`, however many times this is called before then.
  function coalesced(schedule, run) {
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
      const job = unbuilt.shift();
      if (isStale(job)) job.resolve();
      else if (attempt(job, build)) due.push(job);
    }
    if (unbuilt.length) buildSoon();
    if (due.length) askFrame();
  }

  const isStale = (job) => runs.get(job.el) !== job.run; // a newer upgrade of this card follows

  function drawFrame() {
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

  // One step for one card; an error fails that card only. False when it failed or did nothing.
  function attempt(job, step) {
    try {
      return step(job) ?? true;
    } catch (err) {
      job.reject(err);
      return false;
    }
  }

  // Parsing the stylesheet is paid in its own task while the first story loads, rather than
  // inside the frame that draws the first card (language data: see localeOf).
  let warm = false;
  function warmUp() {
    if (warm) return;
    warm = true;
    setTimeout(styles);
  }

  async function upgrade(el) {
    seen.add(el);
    if (observer) observer.unobserve(el); // render(el) before it scrolled near: draw it once
    warmUp();
    const run = (runs.get(el) || 0) + 1;
    runs.set(el, run);
    el.dataset.factcard = 'loading';
    try {
      const url = new URL(storyOf(el) || '', document.baseURI).href;
      const [loaded, lang] = await Promise.all([story(url), localeOf(el)]);
      const claim = claimOf(el);
      const card = loaded.byClaim.get(claim);
      if (!card) throw new Cause(`no claim "${claim}" in ${url}`);
      await drawSoon({ el, run, card, loaded, lang });
      if (runs.get(el) !== run) return;
      el.dataset.factcard = 'ready';
      emit(el, 'render', { card, story: loaded.story });
    } catch (err) {
      if (runs.get(el) !== run) return;
      const message = `factcard: ${err instanceof Cause ? err.message : `cannot render a card (${err.message})`}`;
      warnOnce(message);
      el.dataset.factcard = 'failed';
      emit(el, 'error', { message });
    }
  }

  // ---------- drawing ----------

  let sheet = null;
  function styles() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }

  // Swap the fallback for the card without moving the page. Off screen, the card takes its natural
  // height: nothing visible moves. A card drawn while it is on screen keeps the fallback's height as
  // its minimum and, if it needs more, first hides its source list behind the sources button, then
  // (rarely) clips to that height behind a "Show full card" button: growing on a click is not a
  // layout shift, growing by itself is. Each step below only reads the page or only writes it.

  // Build the card before touching the host: a shadow root left empty by an error would hide the fallback.
  function build(job) {
    job.words = wordsFor(job.el, job.lang);
    job.view = cardView(job.card, job.loaded, job.lang, job.words);
  }

  // Reads where the fallback is and, on screen, its gaps to the boxes before and after it.
  function place(job) {
    const box = job.el.getBoundingClientRect();
    job.height = box.height;
    job.onScreen = box.bottom > 0 && box.top < innerHeight && box.height > 40;
    job.above = box.bottom <= 0;
    if (!job.onScreen) return;
    job.prev = boxNear(job.el, 'previousElementSibling');
    job.next = boxNear(job.el, 'nextElementSibling');
    job.gaps = gapsOf(job);
  }

  function swap(job) {
    const { el } = job;
    const root = el.shadowRoot || el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    el.style.minHeight = job.onScreen ? `${job.height}px` : '';
    root.replaceChildren(job.view);
    applyTheme(el);
  }

  // The nearest box before or after el that is not its ancestor (script tags have none).
  function boxNear(el, side) {
    for (let node = el; node; node = node.parentElement) {
      for (let near = node[side]; near; near = near[side]) if (near.getClientRects().length) return near;
    }
    return null;
  }

  // The space between the card and the boxes around it: other cards drawn in the same frame may
  // move it, but only its own margins change these.
  function gapsOf({ el, prev, next }) {
    const box = el.getBoundingClientRect();
    const above = prev ? prev.getBoundingClientRect().bottom : document.documentElement.getBoundingClientRect().top;
    return [box.top - above, next ? next.getBoundingClientRect().top - box.bottom : 0];
  }

  // Cards drawn on screen: rounds of reads then writes, for all of them at once, until each has
  // the fallback's height and gaps. The gap between two such cards is the lower one's to keep.
  function settle(jobs) {
    const drawn = new Set(jobs.map((job) => job.el));
    for (const job of jobs) job.ownsBottom = !drawn.has(job.next);
    for (let round = 0; jobs.length && round < 5; round++) {
      jobs = jobs.filter((job) => attempt(job, look));
      // Heights first: a card still too tall moves its own gaps and its neighbours'.
      jobs = jobs.some((job) => job.over > 0.5)
        ? jobs.filter((job) => job.over <= 0.5 || attempt(job, fit))
        : jobs.filter((job) => attempt(job, fix));
    }
  }

  // The card's own height (its host may be stretched, in a grid row for one).
  function look(job) {
    const { el, view } = job;
    job.over = job.clipped ? 0 : view.getBoundingClientRect().height - job.height;
    if (job.over > 0.5) {
      job.rows = [...view.querySelectorAll('.sources > li:not(.cut)')];
      job.bottoms = job.rows.map((row) => row.getBoundingClientRect().bottom);
      job.listTop = view.querySelector('.who').getBoundingClientRect().bottom;
    }
    const gaps = gapsOf(job);
    job.moved = [gaps[0] - job.gaps[0], job.ownsBottom ? gaps[1] - job.gaps[1] : 0];
    const style = getComputedStyle(el);
    job.margins = [parseFloat(style.marginTop), parseFloat(style.marginBottom)];
  }

  function fit(job) {
    job.trims = (job.trims || 0) + 1;
    if (job.trims > 2 || !trim(job)) {
      clip(job.view, job.height, job.words('show', null, job.words('fullCard')));
      job.clipped = true;
    }
  }

  // Returns whether it changed anything (the next round then checks the result).
  function fix(job) {
    let changed = false;
    // The fallback's first and last children may have shared their margins with the host's
    // (margin collapsing); the card does not, so restore the space above and below. Collapsed
    // margins combine by max(), so a correction may take more than one round.
    ['marginTop', 'marginBottom'].forEach((side, i) => {
      if (Math.abs(job.moved[i]) < 0.5) return;
      job.el.style[side] = `${job.margins[i] - job.moved[i]}px`;
      changed = true;
    });
    return changed;
  }

  // Hides source rows from the end, as few as their measured heights say are enough (the button
  // then offers all of them), or every row and the list's heading; false if that is not enough.
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

  // The reader asked for more: show every source row again.
  function expand(view) {
    view.classList.remove('trimmed', 'compact');
    for (const row of view.querySelectorAll('.cut')) row.classList.remove('cut');
  }

  function clip(view, height, label) {
    view.style.maxHeight = `${height}px`;
    view.classList.add('clipped');
    const button = h('button', { type: 'button', part: 'button more', 'aria-expanded': 'false' }, label);
    const shade = h('div', { class: 'more' }, button);
    const unclip = () => {
      view.style.maxHeight = '';
      expand(view);
      view.classList.remove('clipped');
      shade.remove();
    };
    button.addEventListener('click', unclip);
    // Tabbing into the hidden part opens the card too, so the focused control is never out of sight.
    view.addEventListener('focusin', (e) => { if (e.target !== button) unclip(); });
    view.append(shade);
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value != null && value !== false) el.setAttribute(name, value);
    }
    el.append(...children.flat().filter((c) => c != null && c !== false && c !== ''));
    return el;
  }

  const safeUrl = (url) => (/^https?:\/\//i.test(url || '') ? url : null);

  function cardView(card, loaded, lang, words) {
    const storyLang = loaded.story.language || null;
    const status = words(card.status, card.corroboration || 0);
    const who = card.who || {};
    const what = card.kind === 'quote' ? h('q', null, card.what) : card.what;
    const view = h('article', {
      class: `card ${card.status}`,
      part: `card ${card.status}`,
      lang: words.lang, // the card's own words; dates and numbers follow the page's language
      dir: /^(ar|fa|he|ur|ps|yi|dv|ckb|sd|ug)\b/.test(words.lang) ? 'rtl' : null,
      'aria-label': words('card', null, status.replace(' · ', words.lang === 'ar' ? '، ' : ', '), who.name || ''),
    },
    h('header', { class: 'top', part: 'header' },
      h('span', { class: 'status', part: 'status' }, status),
      card.when && h('time', {
        class: 'when', part: 'when', lang, datetime: card.when.replace(/^(~|\.\.)/, ''),
        title: card.when_text && words('says', null, card.when_text),
      },
        formatDate(card.when, lang, 'long'))),
    h('p', { class: 'what', part: 'what', lang: storyLang, dir: 'auto' }, what),
    h('p', { class: 'who', part: 'who', lang: storyLang, dir: 'auto' },
      h('b', null, who.name), who.description && `, ${who.description}`, card.where && ` · ${card.where}`));

    const groups = sourcesOf(card);
    const list = h('ul', { class: 'sources', part: 'sources', id: 'sources' },
      groups.map((group) => sourceView(group, lang, storyLang, words)));
    const count = (n) => (n > 1 ? ` (${formatNumber(n, lang)})` : '');
    const showWords = (noun, n) => words('show', null, words(noun)) + count(n);
    const hideWords = (noun) => words('hide', null, words(noun));
    const sourcesNoun = groups.length === 1 ? 'source' : 'sources';
    view.append(h('p', { class: 'label list-label' }, words(sourcesNoun) + count(groups.length)), list);

    const actions = h('div', { class: 'actions', part: 'actions' });
    const quotes = card.evidence.filter((e) => e.quote).length;
    if (quotes) {
      // In a trimmed card some sources are hidden too: the same button then shows all of them.
      const show = h('span', { class: 'if-full' }, showWords('excerpts', quotes));
      const showAll = h('span', { class: 'if-trimmed' }, showWords(sourcesNoun, groups.length));
      actions.append(toggle([show, showAll], hideWords('excerpts'), 'sources', (open) => {
        expand(view);
        list.classList.toggle('open', open);
      }));
    }
    const rivals = (card.contradicts || []).map((id) => loaded.byId.get(id)).filter(Boolean);
    if (rivals.length) {
      const noun = rivals.length === 1 ? 'conflict' : 'conflicts';
      const panel = h('section', { class: 'conflict', part: 'conflict', id: 'conflict', hidden: '' },
        h('p', { class: 'label' }, words(noun)),
        rivals.map((rival) => rivalView(rival, lang, storyLang, words)));
      actions.append(toggle(showWords(noun, rivals.length), hideWords(noun), 'conflict', (open) => {
        expand(view);
        panel.hidden = !open;
      }));
      view.append(actions, panel);
    } else if (actions.childElementCount) {
      view.append(actions);
    }
    return view;
  }

  // A real <button> with aria-expanded; `closed` may be text or nodes, `open` is text.
  function toggle(closed, open, controls, onChange) {
    const button = h('button', { type: 'button', part: 'button', 'aria-expanded': 'false', 'aria-controls': controls },
      closed);
    button.addEventListener('click', () => {
      const expanded = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(expanded));
      button.replaceChildren(...(expanded ? [open] : [closed].flat()));
      onChange(expanded);
    });
    return button;
  }

  // Several excerpts may come from one article: list the article once, with all its excerpts.
  function sourcesOf(card) {
    const groups = new Map();
    for (const ev of card.evidence || []) {
      const source = ev.source || {};
      const key = source.id || source.url || source.headline;
      if (!groups.has(key)) groups.set(key, { source, evidence: [] });
      groups.get(key).evidence.push(ev);
    }
    // Named outlets first: they are what a reader recognises and can follow.
    return [...groups.values()].sort((a, b) => !a.source.publisher - !b.source.publisher);
  }

  function sourceView({ source, evidence }, lang, storyLang, words) {
    const url = safeUrl(source.url);
    const title = source.headline || source.url || words('untitled');
    const refutes = evidence.some((e) => e.stance === 'refutes');
    return h('li', { class: 'source', part: 'source' },
      h('span', { class: 'outlet', dir: 'auto' }, source.publisher || words('unknownOutlet')),
      source.published && h('span', { class: 'date', lang }, ` · ${formatDate(source.published, lang, 'short')}`),
      refutes && h('span', { class: 'disputes', part: 'disputes' }, words('disputes')),
      url ? h('a', { class: 'headline', part: 'link', href: url, title, dir: 'auto', target: '_blank', rel: 'noopener' }, title)
        : h('span', { class: 'headline', title, dir: 'auto' }, title),
      h('ul', { class: 'excerpts', part: 'excerpts' }, evidence.filter((e) => e.quote).map((e) =>
        h('li', { class: 'excerpt', part: 'excerpt' }, h('q', { lang: storyLang, dir: 'auto' }, e.quote),
          e.speaker && e.speaker.name && h('span', { class: 'speaker' }, ` (${e.speaker.name})`)))));
  }

  function rivalView(card, lang, storyLang, words) {
    return h('div', { class: 'rival', part: 'conflict-card' },
      h('p', { class: 'what', lang: storyLang, dir: 'auto' }, card.kind === 'quote' ? h('q', null, card.what) : card.what),
      h('p', { class: 'who', dir: 'auto' }, h('b', null, (card.who || {}).name),
        card.when && ` · ${formatDate(card.when, lang, 'long')}`, ` · ${words('reportedBy', null, outletsIn(card, words))}`));
  }

  // "The Moscow Times and 2 unnamed outlets": each source without a publisher is its own outlet.
  function outletsIn(card, words) {
    const groups = sourcesOf(card);
    const named = [...new Set(groups.map((g) => g.source.publisher).filter(Boolean))];
    const unnamed = groups.filter((g) => !g.source.publisher).length;
    if (unnamed) named.push(words('unnamed', unnamed));
    const key = `list|${words.lang}`; // costly to create: once per language
    if (!formatters.has(key)) formatters.set(key, new Intl.ListFormat(words.lang, { type: 'conjunction' }));
    return formatters.get(key).format(named);
  }

  // ---------- words, dates, language, theme ----------

  // The card's own words ("$" a text, "#" a count, {a|b|…} its plural forms); see web/README.md.
  const LABELS = {
    en: {
      corroborated: 'Corroborated · # outlets', 'single-source': 'Single source', contested: 'Contested',
      card: 'Fact card, $: $', says: 'The source says \u201C$\u201D', show: 'Show $', hide: 'Hide $',
      source: 'source', sources: 'sources', excerpts: 'excerpts', fullCard: 'full card',
      conflict: 'conflicting claim', conflicts: 'conflicting claims', disputes: 'disputes this',
      unknownOutlet: 'Unknown outlet', untitled: 'Untitled article', reportedBy: 'Reported by $',
      unnamed: '{an unnamed outlet|# unnamed outlets}',
    },
    de: {
      corroborated: 'Bestätigt · # Medien', 'single-source': 'Einzelquelle', contested: 'Umstritten',
      card: 'Faktenkarte, $: $', says: 'Laut Quelle \u201E$\u201C', show: '$ zeigen', hide: '$ ausblenden',
      source: 'Quelle', sources: 'Quellen', excerpts: 'Auszüge', fullCard: 'ganze Karte',
      conflict: 'Widerspruch', conflicts: 'Widersprüche', disputes: 'widerspricht',
      unknownOutlet: 'Unbekanntes Medium', untitled: 'Ohne Titel', reportedBy: 'Berichtet von $',
      unnamed: '{einem ungenannten Medium|# ungenannten Medien}',
    },
    ru: {
      corroborated: 'Подтверждено · # {издание|издания|изданий|издания}', 'single-source': 'Один источник', contested: 'Оспаривается',
      card: 'Карточка факта, $: $', says: 'В источнике: «$»', show: 'Показать $', hide: 'Скрыть $',
      source: 'источник', sources: 'источники', excerpts: 'цитаты', fullCard: 'карточку целиком',
      conflict: 'противоречие', conflicts: 'противоречия', disputes: 'оспаривает',
      unknownOutlet: 'Неизвестное издание', untitled: 'Без заголовка', reportedBy: 'Сообщили: $',
      unnamed: '# {неназванное издание|неназванных издания|неназванных изданий|неназванного издания}',
    },
    ar: {
      corroborated: 'مؤكد · {# وسيلة إعلام|وسيلة إعلام واحدة|وسيلتا إعلام|# وسائل إعلام|# وسيلة إعلام|# وسيلة إعلام}',
      'single-source': 'مصدر واحد', contested: 'متنازع عليه',
      card: 'بطاقة حقائق، $: $', says: 'يقول المصدر: «$»', show: 'عرض $', hide: 'إخفاء $',
      source: 'المصدر', sources: 'المصادر', excerpts: 'المقتطفات', fullCard: 'البطاقة كاملة',
      conflict: 'الادعاء المخالف', conflicts: 'الادعاءات المخالفة', disputes: 'يعارضه',
      unknownOutlet: 'وسيلة إعلام مجهولة', untitled: 'بلا عنوان', reportedBy: 'بحسب $',
      unnamed: '{# وسيلة إعلام مجهولة|وسيلة إعلام مجهولة|وسيلتي إعلام مجهولتين|# وسائل إعلام مجهولة|# وسيلة إعلام مجهولة|# وسيلة إعلام مجهولة}',
    },
  };

  const plurals = new Map();
  // words(key, count, ...texts) in the nearest lang's language ("de-AT" uses de), else English.
  function wordsFor(el, lang) {
    const extra = window.factcardLabels || {};
    const tag = langOf(el).toLowerCase();
    const has = (table, l) => Object.prototype.hasOwnProperty.call(table, l); // lang="__proto__" is not a table
    const own = [tag, tag.split('-')[0]].find((l) => has(extra, l) || has(LABELS, l)) || 'en';
    const table = { ...LABELS.en, ...LABELS[own], ...extra[own] };
    const words = (key, n, ...texts) => {
      let text = table[key] ?? key ?? '';
      if (n != null) {
        if (!plurals.has(own)) plurals.set(own, new Intl.PluralRules(own)); // costly to create: once per language
        const rules = plurals.get(own);
        const used = rules.resolvedOptions().pluralCategories;
        const form = 'zero one two few many other'.split(' ').filter((c) => used.includes(c)).indexOf(rules.select(n));
        text = text.replace(/\{(.*?)\}/g, (_, forms) => forms.split('|').slice(0, form + 1).pop())
          .replace(/#/g, formatNumber(n, lang));
      }
      return text.replace(/\$/g, () => texts.shift() ?? '');
    };
    words.lang = own;
    return words;
  }

  const APPROX = { en: 'c.', de: 'ca.', fr: 'v.', es: 'h.', it: 'ca.', ru: 'ок.', ar: 'نحو' };
  // "..2024-09-02": on or before that date (a quote dated by its article).
  const BY = { en: 'by', de: 'bis', fr: 'au plus tard', es: 'a más tardar', it: 'entro', ru: 'не позднее', ar: 'بحلول' };
  const formatters = new Map();

  // "2023-03" is a month, not 1 March: show exactly the precision the date has.
  function formatDate(value, lang, monthStyle) {
    const m = /^(~|\.\.)?(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(value || '');
    if (!m) return value === 'unknown' ? '' : value || '';
    const [, bound, year, month, day] = m;
    const key = `${lang}|${monthStyle}|${month ? 1 : 0}${day ? 1 : 0}`;
    if (!formatters.has(key)) {
      const options = { timeZone: 'UTC', year: 'numeric' };
      if (month) options.month = monthStyle;
      if (day) options.day = 'numeric';
      formatters.set(key, new Intl.DateTimeFormat(lang, options));
    }
    const date = new Date(Date.UTC(2000, month ? month - 1 : 0, day ? +day : 1));
    date.setUTCFullYear(+year);
    const text = formatters.get(key).format(date);
    const base = lang.split('-')[0];
    if (bound === '~') return `${APPROX[base] || '~'} ${text}`;
    return bound ? `${BY[base] || BY.en} ${text}` : text;
  }

  function formatNumber(n, lang) {
    if (!formatters.has(lang)) formatters.set(lang, new Intl.NumberFormat(lang));
    return formatters.get(lang).format(n);
  }

  const langOf = (el) => (el.closest('[lang]') || {}).lang || document.documentElement.lang || navigator.language || 'en';
  const locales = new Map(); // language tag -> Promise of the Intl locale for it
  // The element's (or page's) language, if Intl knows it; English otherwise. Asked where the core
  // runs: a worker also loads the language data, off the page's main thread.
  function localeOf(el) {
    const tag = langOf(el);
    if (!locales.has(tag)) {
      locales.set(tag, ask({ lang: tag }).catch(() => 'en'));
    }
    return locales.get(tag);
  }

  const darkScheme = matchMedia('(prefers-color-scheme: dark)');
  function applyTheme(el) {
    const view = el.shadowRoot && el.shadowRoot.querySelector('.card');
    if (!view) return;
    const chosen = (el.closest('[data-theme]') || { dataset: {} }).dataset.theme;
    view.classList.toggle('dark', chosen === 'dark' || (chosen !== 'light' && darkScheme.matches));
  }
  function applyThemes() {
    for (const el of document.querySelectorAll(SELECTOR)) applyTheme(el);
  }

  // ---------- styles (adopted by each card's shadow root; nothing is added to the host page) ----------

  const CSS = `
:host{display:block;flex-grow:1;padding:0!important;border:0!important;background:none!important;box-shadow:none!important}
:host::before,:host::after{content:none!important;display:none!important}
[hidden]{display:none!important}
.card{all:initial;display:block;position:relative;box-sizing:border-box;min-height:inherit;overflow-wrap:break-word;
--bg:var(--factcard-bg,#fff);--fg:var(--factcard-fg,#1b1f24);--muted:var(--factcard-muted,#59636e);
--line:var(--factcard-border,#d5dae0);--accent:var(--factcard-accent,#0a58b0);--soft:var(--factcard-soft,#f3f5f8);
--ok:var(--factcard-corroborated,#1a7f37);--one:var(--factcard-single-source,#8a5a00);--bad:var(--factcard-contested,#c0302a);
--tone:var(--muted);color-scheme:light;
font:400 clamp(13px,var(--factcard-font-size,15px),18px)/1.45 var(--factcard-font,system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif);
color:var(--fg);background:var(--bg);text-align:start;
border:1px solid var(--line);border-inline-start:.3em solid var(--tone);border-radius:var(--factcard-radius,.6em);
box-shadow:var(--factcard-shadow,0 1px 3px rgba(16,24,40,.08));padding:.95em 1.15em 1em}
.card.dark{color-scheme:dark;--bg:var(--factcard-bg,#171b21);--fg:var(--factcard-fg,#e6e9ed);--muted:var(--factcard-muted,#9ba5b1);
--line:var(--factcard-border,#323a44);--accent:var(--factcard-accent,#78b4ff);--soft:var(--factcard-soft,#20262e);
--ok:var(--factcard-corroborated,#4ac26b);--one:var(--factcard-single-source,#d9a53b);--bad:var(--factcard-contested,#ff7b72)}
.corroborated{--tone:var(--ok)}.single-source{--tone:var(--one)}.contested{--tone:var(--bad)}
*{box-sizing:border-box}
p,ul{margin:0;padding:0}ul{list-style:none}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.2em 1em;margin-bottom:.45em}
.status{font-size:.75em;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--tone)}
.status::before{content:"";display:inline-block;width:.7em;height:.7em;margin-inline-end:.45em;border-radius:50%;background:currentColor}
.when{font-size:.85em;color:var(--muted)}
.what{font-size:1.13em;font-weight:650;line-height:1.35}
.who{margin-top:.35em;font-size:.88em;color:var(--muted)}.who b{font-weight:600;color:var(--fg)}
.label{margin-top:.85em;padding-top:.7em;border-top:1px solid var(--line);font-size:.72em;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.source{margin-top:.45em;font-size:.88em;line-height:1.4}
.headline{display:block;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;contain:inline-size}
.outlet{font-weight:650}.date,.speaker{color:var(--muted)}
.disputes{margin-inline-start:.5em;padding:0 .45em;border-radius:.3em;font-size:.85em;font-weight:600;color:var(--bad);border:1px solid currentColor}
a{color:var(--accent);text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
.excerpts{display:none}.open .excerpts{display:block}
.excerpt{margin:.35em 0 .15em;padding:.4em .7em;border-inline-start:.2em solid var(--line);background:var(--soft);border-radius:.25em;font-style:italic}
.actions{display:flex;flex-wrap:wrap;gap:.5em;margin-top:.85em}
button{all:unset;box-sizing:border-box;cursor:pointer;font-size:.84em;font-weight:600;line-height:1.2;color:var(--accent);
border:1px solid var(--line);border-radius:99em;padding:.4em .9em;background:var(--bg)}
button:hover{background:var(--soft)}
button::after{content:"";display:inline-block;width:.4em;height:.4em;margin-inline-start:.5em;border:solid currentColor;border-width:0 .12em .12em 0;transform:translateY(-.15em) rotate(45deg)}
button[aria-expanded=true]::after{transform:translateY(.05em) rotate(-135deg)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.conflict{margin-top:.2em}
.rival{margin-top:.5em;padding:.65em .8em;border:1px dashed var(--bad);border-radius:.4em;background:var(--soft)}
.rival .what{font-size:1em}
.cut,.compact .list-label,.compact .sources,.if-trimmed,.trimmed .if-full{display:none}.trimmed .if-trimmed{display:inline}
.clipped{overflow:hidden}
.more{position:absolute;inset:auto 0 0;display:flex;justify-content:flex-end;padding:1.4em .8em .55em;
border-radius:0 0 var(--factcard-radius,.6em) var(--factcard-radius,.6em);background:linear-gradient(transparent,var(--bg) 65%)}
`;

  // ---------- start ----------

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

  // Cards added later (client-side rendering, infinite scroll) and live theme switches.
  const rescanSoon = coalesced((next) => requestAnimationFrame(next), scan);
  new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes')) applyThemes();
    if (records.some((r) => r.addedNodes.length)) rescanSoon();
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  darkScheme.addEventListener('change', applyThemes);

  const api = {
    version: VERSION,
    scan,
    /** Upgrade (or redraw) one card now, without waiting for it to scroll near. */
    render: (el) => upgrade(el),
    /** Forget loaded stories and redraw every card drawn so far (after a story file changed). */
    refresh() {
      bundles.clear();
      warned.clear();
      for (const el of document.querySelectorAll(SELECTOR)) if (runs.has(el)) upgrade(el);
      scan();
    },
    /** Compute cards from a story or bundle (string or UTF-8 bytes), as `factcard cards` would. */
    cards: (input) => computeCards({ bytes: typeof input === 'string' ? new TextEncoder().encode(input) : input, where: 'input' }),
  };
  registry.active = api;
  registry.versions[VERSION] = api;
  registry.rescan = rescanSoon;
  window.factcard = api;

  // Nothing starts before the observer's first report (not even the worker, which fetches this
  // file again): loading and compiling the core while the page itself still loaded delayed its
  // Largest Contentful Paint by about 0.8 s under Lighthouse (NOTES.md).
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
