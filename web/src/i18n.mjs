// The card's own words, numbers and dates in the reader's language (web/README.md, "Languages").
// Formatting for the reader belongs to the JS side: the core hands dates over as the story wrote
// them (docs/ARCHITECTURE.md, "Where each rule lives").

/** @typedef {import('../factcard.js').Labels} Labels */

// The card's own words ("$" a text, "#" a count, {a|b|…} its plural forms); see web/README.md.
/** @type {Record<string, Labels>} */
export const LABELS = {
  en: {
    corroborated: 'Corroborated · # outlets', 'single-source': 'Single source', contested: 'Contested',
    card: 'Fact card, $: $', says: 'The source says \u201C$\u201D', show: 'Show $', hide: 'Hide $',
    source: 'source', sources: 'sources', excerpts: 'excerpts', fullCard: 'full card',
    conflict: 'conflicting claim', conflicts: 'conflicting claims', disputes: 'disputes this',
    unknownOutlet: 'Unknown outlet', untitled: 'Untitled article', reportedBy: 'Reported by $',
    unnamed: '{an unnamed outlet|# unnamed outlets}', updated: 'Updated $',
  },
  de: {
    corroborated: 'Bestätigt · # Medien', 'single-source': 'Einzelquelle', contested: 'Umstritten',
    card: 'Faktenkarte, $: $', says: 'Laut Quelle \u201E$\u201C', show: '$ zeigen', hide: '$ ausblenden',
    source: 'Quelle', sources: 'Quellen', excerpts: 'Auszüge', fullCard: 'ganze Karte',
    conflict: 'Widerspruch', conflicts: 'Widersprüche', disputes: 'widerspricht',
    unknownOutlet: 'Unbekanntes Medium', untitled: 'Ohne Titel', reportedBy: 'Berichtet von $',
    unnamed: '{einem ungenannten Medium|# ungenannten Medien}', updated: 'Aktualisiert am $',
  },
  ru: {
    corroborated: 'Подтверждено · # {издание|издания|изданий|издания}', 'single-source': 'Один источник', contested: 'Оспаривается',
    card: 'Карточка факта, $: $', says: 'В источнике: «$»', show: 'Показать $', hide: 'Скрыть $',
    source: 'источник', sources: 'источники', excerpts: 'цитаты', fullCard: 'карточку целиком',
    conflict: 'противоречие', conflicts: 'противоречия', disputes: 'оспаривает',
    unknownOutlet: 'Неизвестное издание', untitled: 'Без заголовка', reportedBy: 'Сообщили: $',
    unnamed: '# {неназванное издание|неназванных издания|неназванных изданий|неназванного издания}', updated: 'Обновлено $',
  },
  ar: {
    corroborated: 'مؤكد · {# وسيلة إعلام|وسيلة إعلام واحدة|وسيلتا إعلام|# وسائل إعلام|# وسيلة إعلام|# وسيلة إعلام}',
    'single-source': 'مصدر واحد', contested: 'متنازع عليه',
    card: 'بطاقة حقائق، $: $', says: 'يقول المصدر: «$»', show: 'عرض $', hide: 'إخفاء $',
    source: 'المصدر', sources: 'المصادر', excerpts: 'المقتطفات', fullCard: 'البطاقة كاملة',
    conflict: 'الادعاء المخالف', conflicts: 'الادعاءات المخالفة', disputes: 'يعارضه',
    unknownOutlet: 'وسيلة إعلام مجهولة', untitled: 'بلا عنوان', reportedBy: 'بحسب $',
    unnamed: '{# وسيلة إعلام مجهولة|وسيلة إعلام مجهولة|وسيلتي إعلام مجهولتين|# وسائل إعلام مجهولة|# وسيلة إعلام مجهولة|# وسيلة إعلام مجهولة}',
    updated: 'حُدِّث في $',
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

/**
 * The words for a card element: window.factcardLabels (read on every card, so it may load late)
 * over the built-in tables.
 * @param {Element} el
 * @param {string} locale the Intl locale for counts (see CoreClient.locale)
 * @returns {Words}
 */
export function wordsFor(el, locale) {
  const extra = /** @type {Record<string, Partial<Labels>>} */ (window.factcardLabels || {});
  const tag = langOf(el).toLowerCase();
  const has = (/** @type {object} */ table, /** @type {string} */ l) => Object.prototype.hasOwnProperty.call(table, l); // lang="__proto__" is not a table
  const own = [tag, tag.split('-')[0]].find((l) => has(extra, l) || has(LABELS, l)) || 'en';
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
