/*! factcard.js: embeddable fact cards (who, what, when, source). Plain ES2020, no build step.
 * Upgrades <blockquote class="fact-card" data-story data-claim> and <fact-card story claim> into
 * cards computed by factcard.wasm (shipped next to this file) once they near the viewport.
 * Embedding, theming (--factcard-* properties, ::part names), events and API: web/README.md. */
(() => {
  'use strict';
  const VERSION = '0.1.0';

  // Several copies (or versions) of this script on one page share a registry: the first one to run
  // does the work; later ones only ask it to look for cards again (they may follow new markup).
  const registry = (window[Symbol.for('factcard')] ||= { versions: {} });
  if (registry.active) {
    registry.versions[VERSION] ||= registry.active;
    registry.active.scan();
    return;
  }

  const SELECTOR = 'blockquote.fact-card[data-story][data-claim],fact-card[story][claim]';
  const LOOKAHEAD = '600px 0px'; // start loading this far before a card scrolls into view
  const script = document.currentScript || document.querySelector('script[src*="factcard.js"]');
  const WASM_NEXT_TO_SCRIPT = new URL('factcard.wasm', script ? script.src : document.baseURI).href;
  // A module has no currentScript: factcard.mjs sets registry.wasmUrl (read when first needed).
  const wasmUrl = () => String(registry.wasmUrl || WASM_NEXT_TO_SCRIPT);

  const seen = new WeakSet(); // elements already observed or upgraded
  const runs = new WeakMap(); // element -> number of its latest upgrade, so a stale one gives way
  const bundles = new Map(); // absolute story URL -> Promise of { story, byClaim, byId }
  const warned = new Set();
  let modulePromise = null; // the compiled wasm module, once per page
  let corePromise = null; // its live instance; dropped after a trap so the next call starts clean

  // ---------- the wasm core ----------

  class Cause extends Error {} // an error whose message already says what went wrong and where

  function loadModule() {
    const url = wasmUrl();
    return (modulePromise ||= (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      // Streaming compilation needs the application/wasm MIME type; some servers get it wrong.
      return /^application\/wasm\b/.test(res.headers.get('content-type') || '')
        ? WebAssembly.compileStreaming(res)
        : WebAssembly.compile(await res.arrayBuffer());
    })().catch((err) => {
      throw new Cause(`cannot use ${url} (${err.message}); cards keep their plain fallback`);
    }));
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

  function core() {
    return (corePromise ||= loadModule().then(async (module) => {
      let exports;
      const instance = await WebAssembly.instantiate(module, importsFor(module, () => exports.memory));
      exports = instance.exports;
      if (exports._initialize) exports._initialize();
      return exports;
    }));
  }

  // UTF-8 bytes in, parsed JSON out: {story, cards} or {errors: [{line, column, message}]}.
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
      return JSON.parse(new TextDecoder().decode(after.subarray(output, after.indexOf(0, output))));
    } finally {
      x.fc_free(input);
      if (output) x.fc_free(output);
    }
  }

  async function computeCards(bytes, where) {
    const x = await core();
    try {
      return callCore(x, bytes);
    } catch (err) {
      corePromise = null;
      throw new Cause(`the core failed on ${where} (${err.message})`);
    }
  }

  // ---------- stories ----------

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

  async function loadStory(url) {
    const [bytes] = await Promise.all([fetchBytes(url), core()]);
    const result = await computeCards(bytes, url);
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

  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        upgrade(entry.target);
      }
    }, { rootMargin: LOOKAHEAD })
    : null;

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

  // Cards are measured and drawn at the start of a frame, when that frame's scroll position is
  // known (whether a card is on screen must hold for the frame that shows it), and only a few
  // per frame, so that many cards arriving at once never hold up the page.
  const frameJobs = [];
  function inFrame(job) {
    return new Promise((resolve, reject) => {
      frameJobs.push(() => {
        try {
          resolve(job());
        } catch (err) {
          reject(err);
        }
      });
      if (frameJobs.length === 1) requestAnimationFrame(runFrameJobs);
    });
  }
  function runFrameJobs() {
    const start = performance.now();
    while (frameJobs.length && performance.now() - start < 8) frameJobs.shift()();
    if (frameJobs.length) requestAnimationFrame(runFrameJobs);
  }

  // One-time costs (ICU locale data, parsing the stylesheet) paid in their own task while the
  // first story loads, rather than inside the frame that draws the first card.
  let warm = false;
  function warmUp(el) {
    if (warm) return;
    warm = true;
    setTimeout(() => {
      styles();
      formatDate('2000-01-01', locale(el), 'long');
    });
  }

  async function upgrade(el) {
    seen.add(el);
    warmUp(el);
    const run = (runs.get(el) || 0) + 1;
    runs.set(el, run);
    el.dataset.factcard = 'loading';
    try {
      const url = new URL(storyOf(el) || '', document.baseURI).href;
      const loaded = await story(url);
      const claim = claimOf(el);
      const card = loaded.byClaim.get(claim);
      if (!card) throw new Cause(`no claim "${claim}" in ${url}`);
      await inFrame(() => { if (runs.get(el) === run) paint(el, card, loaded); });
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
  // layout shift, growing by itself is.
  function paint(el, card, loaded) {
    const before = el.getBoundingClientRect();
    const onScreen = before.bottom > 0 && before.top < innerHeight && before.height > 40;
    const next = onScreen && nextBox(el);
    const nextTop = next && next.getBoundingClientRect().top;
    // Build the card before touching the host: a shadow root left empty by an error would hide the fallback.
    const lang = locale(el);
    const words = wordsFor(el, lang);
    const view = cardView(card, loaded, lang, words);
    const root = el.shadowRoot || el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    el.style.minHeight = onScreen ? `${before.height}px` : '';
    root.replaceChildren(view);
    applyTheme(el);
    if (!onScreen) return;
    const fits = () => el.getBoundingClientRect().height <= before.height + 0.5;
    // Too tall: drop source rows from the end (the button then offers all of them), then the list.
    const rows = [...view.querySelectorAll('.sources > li')];
    while (!fits() && rows.length) {
      view.classList.add('trimmed');
      rows.pop().classList.add('cut');
      if (!rows.length) view.classList.add('compact');
    }
    if (!fits()) clip(view, before.height, words('show', null, words('fullCard')));
    // The fallback's first and last children may have shared their margins with the host's
    // (margin collapsing); the card does not, so restore the space above and below.
    keepEdge(el, 'marginTop', () => el.getBoundingClientRect().top - before.top);
    if (next) keepEdge(el, 'marginBottom', () => next.getBoundingClientRect().top - nextTop);
  }

  // The next sibling that has a box (script tags have none), to see whether content below moved.
  function nextBox(el) {
    let next = el.nextElementSibling;
    while (next && !next.getClientRects().length) next = next.nextElementSibling;
    return next;
  }

  // Collapsed margins combine by max(), so a correction may take more than one step.
  function keepEdge(el, property, moved) {
    for (let step = 0; step < 3; step++) {
      const offset = moved();
      if (Math.abs(offset) < 0.5) return;
      el.style[property] = `${parseFloat(getComputedStyle(el)[property]) - offset}px`;
    }
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
      'aria-label': words('card', null, status.replace(' · ', ', '), who.name || ''),
    },
    h('header', { class: 'top', part: 'header' },
      h('span', { class: 'status', part: 'status' }, status),
      card.when && h('time', {
        class: 'when', part: 'when', lang, datetime: card.when.replace('~', ''),
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
    return new Intl.ListFormat(words.lang, { type: 'conjunction' }).format(named);
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
      corroborated: 'Подтверждено · # {издание|издания|изданий}', 'single-source': 'Один источник', contested: 'Оспаривается',
      card: 'Карточка факта, $: $', says: 'В источнике: «$»', show: 'Показать $', hide: 'Скрыть $',
      source: 'источник', sources: 'источники', excerpts: 'цитаты', fullCard: 'карточку целиком',
      conflict: 'противоречие', conflicts: 'противоречия', disputes: 'оспаривает',
      unknownOutlet: 'Неизвестное издание', untitled: 'Без заголовка', reportedBy: 'Сообщили: $',
      unnamed: '# {издание|издания|изданий} без названия',
    },
    ar: {
      corroborated: 'مؤكد · {# وسيلة إعلام|وسيلة إعلام واحدة|وسيلتا إعلام|# وسائل إعلام|# وسيلة إعلام}',
      'single-source': 'مصدر واحد', contested: 'متنازع عليه',
      card: 'بطاقة حقائق، $: $', says: 'يقول المصدر: «$»', show: 'عرض $', hide: 'إخفاء $',
      source: 'المصدر', sources: 'المصادر', excerpts: 'المقتطفات', fullCard: 'البطاقة كاملة',
      conflict: 'الادعاء المعارض', conflicts: 'الادعاءات المعارضة', disputes: 'يعارضه',
      unknownOutlet: 'وسيلة إعلام مجهولة', untitled: 'بلا عنوان', reportedBy: 'نقلته: $',
      unnamed: '{# وسيلة مجهولة|وسيلة مجهولة|وسيلتان مجهولتان|# وسائل مجهولة|# وسيلة مجهولة}',
    },
  };

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
        const rules = new Intl.PluralRules(own);
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
  const formatters = new Map();

  // "2023-03" is a month, not 1 March: show exactly the precision the date has.
  function formatDate(value, lang, monthStyle) {
    const m = /^(~?)(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(value || '');
    if (!m) return value === 'unknown' ? '' : value || '';
    const [, approx, year, month, day] = m;
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
    return approx ? `${APPROX[lang.split('-')[0]] || '~'} ${text}` : text;
  }

  function formatNumber(n, lang) {
    if (!formatters.has(lang)) formatters.set(lang, new Intl.NumberFormat(lang));
    return formatters.get(lang).format(n);
  }

  const langOf = (el) => (el.closest('[lang]') || {}).lang || document.documentElement.lang || navigator.language || 'en';
  const locales = new Map();
  // The element's (or page's) language, if Intl knows it; English otherwise.
  function locale(el) {
    const tag = langOf(el);
    if (!locales.has(tag)) {
      let found;
      try {
        [found] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      } catch (err) { /* not a valid language tag */ }
      locales.set(tag, found || 'en');
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
:host{display:block;padding:0!important;border:0!important;background:none!important;box-shadow:none!important}
:host::before,:host::after{content:none!important;display:none!important}
[hidden]{display:none!important}
.card{all:initial;display:block;position:relative;box-sizing:border-box;min-height:inherit;overflow-wrap:break-word;
--bg:var(--factcard-bg,#fff);--fg:var(--factcard-fg,#1b1f24);--muted:var(--factcard-muted,#59636e);
--line:var(--factcard-border,#d5dae0);--accent:var(--factcard-accent,#0a58b0);--soft:var(--factcard-soft,#f3f5f8);
--ok:var(--factcard-corroborated,#1a7f37);--one:var(--factcard-single-source,#8a5a00);--bad:var(--factcard-contested,#c0302a);
--tone:var(--muted);color-scheme:light;
font:400 clamp(13px,var(--factcard-font-size,.9375rem),18px)/1.45 var(--factcard-font,system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif);
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
.headline{display:block;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
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
  let rescanQueued = false;
  new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes')) applyThemes();
    if (!rescanQueued && records.some((r) => r.addedNodes.length)) {
      rescanQueued = true;
      requestAnimationFrame(() => { rescanQueued = false; scan(); });
    }
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
    cards: (input) => computeCards(typeof input === 'string' ? new TextEncoder().encode(input) : input, 'input'),
  };
  registry.active = api;
  registry.versions[VERSION] = api;
  window.factcard = api;

  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
