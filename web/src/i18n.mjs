// The card's own words, numbers and dates in the reader's language (web/README.md, "Languages").
// Formatting for the reader belongs to the JS side: the core hands dates over as the story wrote
// them (docs/ARCHITECTURE.md, "Where each rule lives").

/** @typedef {import('../factcard.js').Labels} Labels */

import { Cause } from './core.mjs';

// The other languages' tables are web/labels/<lang>.json. dist/factcard/factcard.js has none of
// them inline: loadLabels fetches a card's table from labels/ beside factcard.wasm, once, before the
// card is drawn. The npm package's factcard.js has them all here (web/assemble.mjs writes them in:
// a bundler would not copy the files), so it never fetches one.
/** @type {Record<string, Labels>} */
const INLINE_LABELS = {};
/** The tables in web/labels/ (web/assemble.mjs checks this list against the folder). */
export const LABEL_FILES = ['ar', 'de', 'ru'];

// The card's own words ("$" a text, "#" a count, {a|b|…} its plural forms); see web/README.md.
// English is always here: it fills the gaps of every other table.
/** @type {Record<string, Labels>} */
export const LABELS = {
  ...INLINE_LABELS,
  en: {
    corroborated: 'Corroborated · # outlets', 'single-source': 'Single source', contested: 'Contested',
    card: 'Fact card, $: $', says: 'The source says \u201C$\u201D', show: 'Show $', hide: 'Hide $',
    source: 'source', sources: 'sources', excerpts: 'excerpts', fullCard: 'full card',
    conflict: 'conflicting claim', conflicts: 'conflicting claims', disputes: 'disputes this',
    unknownOutlet: 'Unknown outlet', untitled: 'Untitled article', reportedBy: 'Reported by $',
    unnamed: '{an unnamed outlet|# unnamed outlets}', updated: 'Updated $',
  },
};

// Intl objects are costly to create (PluralRules and ListFormat most): one of each per language
// and options, each kind in a cache of its own.
/** @type {Map<string, Intl.PluralRules>} */
const pluralRules = new Map(); // label language -> rules
/** @type {Map<string, Intl.NumberFormat>} */
const numberFormats = new Map(); // locale -> format
/** @type {Map<string, Intl.ListFormat>} */
const listFormats = new Map(); // label language -> conjunction list
/** @type {Map<string, Intl.DateTimeFormat>} */
const dateFormats = new Map(); // locale|month style|precision -> format

/**
 * @template T
 * @param {Map<string, T>} cache
 * @param {string} key
 * @param {() => T} make
 * @returns {T}
 */
function cached(cache, key, make) {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

const PLURAL_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The card's words in one language: the nearest lang's table ("de-AT" uses de), else English. */
export class Words {
  /**
   * @param {string} lang the label table's language, also the card's own `lang`
   * @param {Labels} table every key, English filling the gaps
   * @param {string} locale the Intl locale for counts
   */
  constructor(lang, table, locale) {
    this.lang = lang;
    this.table = table;
    this.locale = locale;
  }

  /**
   * The text of `key` with `#` the count `n` (its plural form chosen) and each `$` the next text.
   * @param {string} key
   * @param {number | null} [n]
   * @param {...string} texts
   * @returns {string}
   */
  say(key, n, ...texts) {
    let text = /** @type {Record<string, string>} */ (/** @type {unknown} */ (this.table))[key] ?? key ?? '';
    if (n != null) {
      const rules = cached(pluralRules, this.lang, () => new Intl.PluralRules(this.lang));
      const used = rules.resolvedOptions().pluralCategories;
      const form = PLURAL_ORDER.filter((c) => used.includes(/** @type {Intl.LDMLPluralRule} */ (c))).indexOf(rules.select(n));
      text = text.replace(/\{(.*?)\}/g, (_, /** @type {string} */ forms) => /** @type {string} */ (forms.split('|').slice(0, form + 1).pop()))
        .replace(/#/g, formatNumber(n, this.locale));
    }
    return text.replace(/\$/g, () => texts.shift() ?? '');
  }

  /**
   * "A, B and C" in the label language.
   * @param {string[]} items
   */
  list(items) {
    return cached(listFormats, this.lang, () => new Intl.ListFormat(this.lang, { type: 'conjunction' })).format(items);
  }
}

const has = (/** @type {object} */ table, /** @type {string} */ l) => Object.prototype.hasOwnProperty.call(table, l); // lang="__proto__" is not a table

/**
 * The table a language tag uses: its own, else its base language's ("de-AT" uses de), else none.
 * @param {string} tag lower case
 * @param {(l: string) => boolean} known
 */
const tableOf = (tag, known) => [tag, tag.split('-')[0]].find(known);

/** @returns {Record<string, Partial<Labels>>} window.factcardLabels (read on every card, so it may load late) */
const extraLabels = () => window.factcardLabels || {};

/** @type {Map<string, Promise<void>>} */
const labelLoads = new Map(); // language -> its table, fetched once

/**
 * Fetches the table of web/labels/ that a card in language `tag` needs, unless it is in LABELS
 * already or window.factcardLabels has a table for that tag first. Resolves once it is in LABELS;
 * rejects (a Cause) when it cannot be had, and the card then uses English words (with its `lang`).
 * @param {string} tag the card element's language (langOf)
 * @param {string} wasmUrl where factcard.wasm is: labels/ is beside it
 * @param {RequestPriority} priority
 * @returns {Promise<void>}
 */
export function loadLabels(tag, wasmUrl, priority) {
  const extra = extraLabels();
  const lang = tableOf(tag.toLowerCase(), (l) => has(extra, l) || has(LABELS, l) || LABEL_FILES.includes(l));
  if (!lang || has(LABELS, lang) || !LABEL_FILES.includes(lang)) return Promise.resolve();
  let load = labelLoads.get(lang);
  if (!load) {
    const url = new URL(`labels/${lang}.json`, wasmUrl).href;
    load = fetch(url, { credentials: 'same-origin', priority })
      .then((res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      })
      .then((table) => {
        if (!table || typeof table !== 'object') throw new Error('not a table');
        LABELS[lang] = table;
      })
      .catch((err) => { // once per language and page: every card of it then uses English
        throw new Cause(`cannot load ${url} (${/** @type {Error} */ (err).message}): English words instead`);
      });
    labelLoads.set(lang, load);
  }
  return load;
}

/**
 * The words for a card element: window.factcardLabels (read on every card, so it may load late)
 * over the tables in LABELS (a table of web/labels/ once loadLabels has it, else English).
 * @param {Element} el
 * @param {string} locale the Intl locale for counts (see CoreClient.locale)
 * @returns {Words}
 */
export function wordsFor(el, locale) {
  const extra = extraLabels();
  const own = tableOf(langOf(el).toLowerCase(), (l) => has(extra, l) || has(LABELS, l)) || 'en';
  return new Words(own, { ...LABELS.en, ...LABELS[own], ...extra[own] }, locale);
}

/**
 * The language tag of the nearest lang attribute, else the page's or the browser's.
 * @param {Element} el
 * @returns {string}
 */
export function langOf(el) {
  const near = /** @type {HTMLElement | null} */ (el.closest('[lang]'));
  return (near && near.lang) || document.documentElement.lang || navigator.language || 'en';
}

/**
 * @param {number} n
 * @param {string} locale
 */
export function formatNumber(n, locale) {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n);
}

// A story's date: a qualifier, then YYYY, YYYY-MM or YYYY-MM-DD (docs/FORMAT.md). Each qualifier
// words the formatted date its own way, in the reader's language; a new form of date is one more
// entry here (its key is matched literally in front of the date).
const APPROX = { en: 'c.', de: 'ca.', fr: 'v.', es: 'h.', it: 'ca.', ru: 'ок.', ar: 'نحو' };
// "..2024-09-02": on or before that date (a quote dated by the article that reports it).
const BY = { en: 'by', de: 'bis', fr: 'au plus tard', es: 'a más tardar', it: 'entro', ru: 'не позднее', ar: 'بحلول' };
/** @type {Record<string, (text: string, locale: string) => string>} */
const QUALIFIERS = {
  '': (text) => text,
  '~': (text, locale) => `${/** @type {Record<string, string>} */ (APPROX)[locale.split('-')[0]] || '~'} ${text}`,
  '..': (text, locale) => `${/** @type {Record<string, string>} */ (BY)[locale.split('-')[0]] || BY.en} ${text}`,
};
const DATE = new RegExp(`^(${Object.keys(QUALIFIERS).filter(Boolean).map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|)(-?\\d{4})(?:-(\\d\\d))?(?:-(\\d\\d))?$`);

/**
 * A date in words at exactly its precision ("2023-03" is a month, not 1 March), or '' for
 * "unknown"; text that is no date is shown as it is.
 * @param {string | undefined} value
 * @param {string} locale
 * @param {'long' | 'short'} monthStyle
 * @returns {string}
 */
export function formatDate(value, locale, monthStyle) {
  const m = DATE.exec(value || '');
  if (!m) return value === 'unknown' ? '' : value || '';
  const [, qualifier, year, month, day] = m;
  const format = cached(dateFormats, `${locale}|${monthStyle}|${month ? 1 : 0}${day ? 1 : 0}`, () => {
    /** @type {Intl.DateTimeFormatOptions} */
    const options = { timeZone: 'UTC', year: 'numeric' };
    if (month) options.month = monthStyle;
    if (day) options.day = 'numeric';
    return new Intl.DateTimeFormat(locale, options);
  });
  const date = new Date(Date.UTC(2000, month ? +month - 1 : 0, day ? +day : 1));
  date.setUTCFullYear(+year);
  return QUALIFIERS[qualifier](format.format(date), locale);
}

/**
 * The date without its qualifier, for a <time datetime> attribute.
 * @param {string} value
 * @returns {string}
 */
export function machineDate(value) {
  const m = DATE.exec(value);
  return m ? value.slice(m[1].length) : value;
}
