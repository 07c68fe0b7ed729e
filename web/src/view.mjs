// A card's DOM, built detached from the page (frames.mjs puts it in place). Story text only ever
// reaches the DOM as text nodes and attribute values: no HTML strings, so Trusted Types pages work.

import { textFragmentUrl } from './fragment.mjs';
import { formatDate, formatNumber, machineDate } from './i18n.mjs';

/** @typedef {import('../factcard.js').Card} Card */
/** @typedef {import('../factcard.js').Evidence} Evidence */
/** @typedef {import('../factcard.js').Source} Source */
/** @typedef {import('./client.mjs').Loaded} Loaded */
/** @typedef {import('./i18n.mjs').Words} Words */
/** @typedef {{ source: Source, evidence: Evidence[] }} SourceGroup */
/** @typedef {Node | string | null | undefined | false} Child */

/**
 * An element with attributes (null and false leave one out) and children (empty ones skipped).
 * @param {string} tag
 * @param {Record<string, string | null | undefined | false> | null} attrs
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value != null && value !== false) el.setAttribute(name, value);
  }
  el.append(.../** @type {(Node | string)[]} */ (children.flat().filter((c) => c != null && c !== false && c !== '')));
  return el;
}

/** @param {string | undefined} url */
const safeUrl = (url) => (/^https?:\/\//i.test(url || '') ? url : null);

/**
 * The card as an <article>, in `words`' language, dates and numbers in `lang` (an Intl locale).
 * @param {Card} card
 * @param {Loaded} loaded
 * @param {string} lang
 * @param {Words} words
 * @returns {HTMLElement}
 */
export function cardView(card, loaded, lang, words) {
  const storyLang = loaded.story.language || null;
  const status = words.say(card.status, card.corroboration || 0);
  const who = card.who || {};
  const what = card.kind === 'quote' ? h('q', null, card.what) : card.what;
  const view = h('article', {
    class: `card ${card.status}`,
    part: `card ${card.status}`,
    lang: words.lang, // the card's own words; dates and numbers follow the page's language
    dir: /^(ar|fa|he|ur|ps|yi|dv|ckb|sd|ug)\b/.test(words.lang) ? 'rtl' : null,
    'aria-label': words.say('card', null, status.replace(' · ', words.lang === 'ar' ? '، ' : ', '), who.name || ''),
  },
  h('header', { class: 'top', part: 'header' },
    h('span', { class: 'status', part: 'status' }, status),
    card.when && h('time', {
      class: 'when', part: 'when', lang, datetime: machineDate(card.when),
      title: card.when_text && words.say('says', null, card.when_text),
    },
    formatDate(card.when, lang, 'long'))),
  h('p', { class: 'what', part: 'what', lang: storyLang, dir: 'auto' }, what),
  h('p', { class: 'who', part: 'who', lang: storyLang, dir: 'auto' },
    h('b', null, who.name), who.description && `, ${who.description}`, card.where && ` · ${card.where}`),
  updatesView(card, lang, storyLang, words));
  view.append(...sectionsOf(view, card, loaded, lang, words));
  return view;
}

/**
 * "Updated 3 Sep 2024", the newest update's day, with every note one click away in a native
 * <details> (keyboard and screen readers for free); null when nothing changed.
 * @param {Card} card
 * @param {string} lang
 * @param {string | null} storyLang
 * @param {Words} words
 */
function updatesView(card, lang, storyLang, words) {
  const updates = card.updates || [];
  if (!updates.length) return null;
  return h('details', { class: 'updates', part: 'updates' },
    h('summary', { part: 'updated' }, words.say('updated', null, formatDate(updates[0].date, lang, 'short'))),
    h('ul', null, updates.map((u) => h('li', { class: 'update', part: 'update' },
      h('time', { lang, datetime: u.date }, formatDate(u.date, lang, 'short')), ' ',
      h('span', { lang: storyLang, dir: 'auto' }, u.note)))));
}

/**
 * The sources list, its buttons and, on a contested card, the conflicting claims.
 * @param {HTMLElement} view
 * @param {Card} card
 * @param {Loaded} loaded
 * @param {string} lang
 * @param {Words} words
 * @returns {HTMLElement[]}
 */
function sectionsOf(view, card, loaded, lang, words) {
  const storyLang = loaded.story.language || null;
  const groups = sourcesOf(card);
  const list = h('ul', { class: 'sources', part: 'sources', id: 'sources' },
    groups.map((group) => sourceView(group, lang, storyLang, words)));
  const count = (/** @type {number} */ n) => (n > 1 ? ` (${formatNumber(n, lang)})` : '');
  const showWords = (/** @type {string} */ noun, /** @type {number} */ n) => words.say('show', null, words.say(noun)) + count(n);
  const hideWords = (/** @type {string} */ noun) => words.say('hide', null, words.say(noun));
  const sourcesNoun = groups.length === 1 ? 'source' : 'sources';
  const sections = [h('p', { class: 'label list-label' }, words.say(sourcesNoun) + count(groups.length)), list];

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
  const rivals = /** @type {Card[]} */ ((card.contradicts || []).map((id) => loaded.byId.get(id)).filter(Boolean));
  if (rivals.length) {
    const noun = rivals.length === 1 ? 'conflict' : 'conflicts';
    const panel = h('section', { class: 'conflict', part: 'conflict', id: 'conflict', hidden: '' },
      h('p', { class: 'label' }, words.say(noun)),
      rivals.map((rival) => rivalView(rival, lang, storyLang, words)));
    actions.append(toggle(showWords(noun, rivals.length), hideWords(noun), 'conflict', (open) => {
      expand(view);
      panel.hidden = !open;
    }));
    sections.push(actions, panel);
  } else if (actions.childElementCount) {
    sections.push(actions);
  }
  return sections;
}

/**
 * A real <button> with aria-expanded; `closed` may be text or nodes, `open` is text.
 * @param {string | Node[]} closed
 * @param {string} open
 * @param {string} controls
 * @param {(open: boolean) => void} onChange
 */
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

/**
 * Several excerpts may come from one article: list the article once, with all its excerpts.
 * @param {Card} card
 * @returns {SourceGroup[]}
 */
function sourcesOf(card) {
  /** @type {Map<string | undefined, SourceGroup>} */
  const groups = new Map();
  for (const ev of card.evidence || []) {
    const source = ev.source || {};
    const key = source.id || source.url || source.headline;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { source, evidence: [] }));
    group.evidence.push(ev);
  }
  // Named outlets first: they are what a reader recognises and can follow.
  return [...groups.values()].sort((a, b) => Number(!a.source.publisher) - Number(!b.source.publisher));
}

/**
 * @param {SourceGroup} group
 * @param {string} lang
 * @param {string | null} storyLang
 * @param {Words} words
 */
function sourceView({ source, evidence }, lang, storyLang, words) {
  const url = safeUrl(source.url);
  const title = source.headline || source.url || words.say('untitled');
  const refutes = evidence.some((e) => e.stance === 'refutes');
  return h('li', { class: 'source', part: 'source' },
    h('span', { class: 'outlet', dir: 'auto' }, source.publisher || words.say('unknownOutlet')),
    source.published && h('span', { class: 'date', lang }, ` · ${formatDate(source.published, lang, 'short')}`),
    refutes && h('span', { class: 'disputes', part: 'disputes' }, words.say('disputes')),
    url ? h('a', { class: 'headline', part: 'link', href: url, title, dir: 'auto', target: '_blank', rel: 'noopener' }, title)
      : h('span', { class: 'headline', title, dir: 'auto' }, title),
    h('ul', { class: 'excerpts', part: 'excerpts' }, evidence.filter((e) => e.quote).map((e) =>
      h('li', { class: 'excerpt', part: 'excerpt' }, excerptView(e.quote, url, storyLang),
        e.speaker && e.speaker.name && h('span', { class: 'speaker' }, ` (${e.speaker.name})`)))));
}

/**
 * An excerpt, linked to where it stands in its article when the article has an address: the link's
 * text fragment scrolls to and highlights it (the headline above links to the plain address).
 * @param {string} quote
 * @param {string | null | undefined} url an address safeUrl accepted
 * @param {string | null} storyLang
 */
function excerptView(quote, url, storyLang) {
  const q = h('q', { lang: storyLang, dir: 'auto' }, quote);
  if (!url) return q;
  return h('a', { class: 'passage', part: 'link passage', href: textFragmentUrl(url, quote), target: '_blank', rel: 'noopener' }, q);
}

/**
 * @param {Card} card
 * @param {string} lang
 * @param {string | null} storyLang
 * @param {Words} words
 */
function rivalView(card, lang, storyLang, words) {
  return h('div', { class: 'rival', part: 'conflict-card' },
    h('p', { class: 'what', lang: storyLang, dir: 'auto' }, card.kind === 'quote' ? h('q', null, card.what) : card.what),
    h('p', { class: 'who', dir: 'auto' }, h('b', null, (card.who || {}).name),
      card.when && ` · ${formatDate(card.when, lang, 'long')}`, ` · ${words.say('reportedBy', null, outletsIn(card, words))}`));
}

/**
 * "The Moscow Times and 2 unnamed outlets": each source without a publisher is its own outlet.
 * @param {Card} card
 * @param {Words} words
 */
function outletsIn(card, words) {
  const groups = sourcesOf(card);
  const named = /** @type {string[]} */ ([...new Set(groups.map((g) => g.source.publisher).filter(Boolean))]);
  const unnamed = groups.filter((g) => !g.source.publisher).length;
  if (unnamed) named.push(words.say('unnamed', unnamed));
  return words.list(named);
}

/**
 * The reader asked for more: show every source row again.
 * @param {HTMLElement} view
 */
export function expand(view) {
  view.classList.remove('trimmed', 'compact');
  for (const row of view.querySelectorAll('.cut')) row.classList.remove('cut');
}

/**
 * Clips the card to `height` behind a button that opens it.
 * @param {HTMLElement} view
 * @param {number} height
 * @param {string} label
 */
export function clip(view, height, label) {
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

/** @type {MediaQueryList | null} */
let darkScheme = null;
/** The page's colour scheme query, made on the page only (a worker has no matchMedia). */
export const darkQuery = () => (darkScheme ||= matchMedia('(prefers-color-scheme: dark)'));

/**
 * Light or dark: the nearest data-theme, else the reader's preference.
 * @param {Element} el a card element
 */
export function applyTheme(el) {
  const view = el.shadowRoot && el.shadowRoot.querySelector('.card');
  if (!view) return;
  const chosen = /** @type {HTMLElement | null} */ (el.closest('[data-theme]'))?.dataset.theme;
  view.classList.toggle('dark', chosen === 'dark' || (chosen !== 'light' && darkQuery().matches));
}
