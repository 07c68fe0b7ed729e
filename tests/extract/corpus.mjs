// @ts-check
// The annotated extraction corpus: our own articles (tests/extract/articles)
// and the annotations of the seed articles, whose texts stay outside the tree
// (../shared/seeds beside the repository, or $FACTCARD_SEEDS).
//
// Also the text folding every comparison uses, so the checker and the
// benchmark agree on what "the same words" means.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTRACT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(EXTRACT_DIR, '..', '..');
export const ARTICLES_DIR = path.join(EXTRACT_DIR, 'articles');
export const SEED_ANNOTATIONS_DIR = path.join(EXTRACT_DIR, 'seeds');
export const SEED_TEXTS_DIR = process.env.FACTCARD_SEEDS || path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
export const CORPUS_ANNOTATIONS_DIR = path.join(EXTRACT_DIR, 'corpus');
export const CORPUS_TEXTS_DIR = process.env.FACTCARD_CORPUS || path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

// Set aside before the extraction code was changed, and never debugged on
// (tests/extract/corpus/README.md): the targets apply to these.
export const HELD_OUT = ['nz-gun-ban-2019/', 'uk-rail-strike-2022/', 'single/02-theguardian-2008',
  'single/05-chinagate-xinhua', 'single/07-ctvnews-london'];

const ARTICLE_EXTENSIONS = ['.txt', '.md'];

// ---------------------------------------------------------------- folding

// Letters that NFKD does not take apart into a base letter and a mark.
const UNDECOMPOSABLE = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D' };

// Lower case, no diacritics, no possessive 's, punctuation turned into spaces.
export function fold(text) {
  return String(text)
    .replace(/[łŁøØđĐßæÆœŒıþÞðÐ]/g, (c) => UNDECOMPOSABLE[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text) {
  const folded = fold(text);
  return folded ? folded.split(' ') : [];
}

// Words that say what a person is, not who: dropped before comparing names.
const TITLES = new Set(`mr mrs ms miss dr doctor prof professor sir dame lord lady the former acting deputy vice
  president prime minister finance foreign interior mining chancellor governor mayor judge senator councillor
  general captain coach chief executive director secretary spokesman spokeswoman spokesperson expert
  musicologist prosecutor chair chairman chairwoman head leader king queen st saint`.split(/\s+/));

// A Mongolian genitive patronymic ("Ukhnaagiin", "Sodnomyn") names the father: Ukhnaa, Sodnom.
function dropPatronymicSuffix(word) {
  const match = /^(.{4,}?)(giin|iin|yn)$/.exec(word);
  return match ? match[1] : word;
}

export function nameWords(name) {
  return words(name).filter((w) => !TITLES.has(w)).map(dropPatronymicSuffix);
}

// ---------------------------------------------------------------- dates

const DATE_VALUE = /^(~|\.\.)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// "unknown", or ISO 8601 truncated to its precision, optionally approximate
// ("~2024-09") or a bound ("..2024-09-02": on or before).
export function isValidDateValue(value) {
  if (value === 'unknown') return true;
  const match = DATE_VALUE.exec(String(value));
  if (!match) return false;
  const [, , year, month, day] = match;
  if (month === undefined) return true;
  if (+month < 1 || +month > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(+year, +month - 1, +day));
  return date.getUTCMonth() === +month - 1 && date.getUTCDate() === +day;
}

// ---------------------------------------------------------------- long quotes

// A quote longer than this many words is annotated by its first and last
// words ({from, to}), never whole: the tree keeps no long run of an article
// whose text stays outside it. The words between are read from the article.
export const LONG_QUOTE_WORDS = 8;
const QUOTE_END_WORDS = 4;

// The span of the article from `from` to `to` (whitespace as one space), with
// a split quote's attribution taken out ("“Q1,” she said, “Q2”" is Q1 Q2, as
// the annotations join it); undefined when the text has no such span.
export function resolveQuote(text, from, to) {
  const flat = text.replace(/\s+/g, ' ');
  for (let start = flat.indexOf(from); start !== -1; start = flat.indexOf(from, start + 1)) {
    const end = flat.indexOf(to, start + from.length);
    if (end !== -1 && end - start < 3000) {
      return flat.slice(start, end + to.length).replace(/,?[”"]\s[^“"”]{1,160}?[“"]/g, ' ').replace(/\s+/g, ' ');
    }
  }
  return undefined;
}

// What a report may print of a quote: its first and last words when it is long.
export function excerpt(quote) {
  const w = String(quote ?? '').split(' ');
  if (w.length <= LONG_QUOTE_WORDS) return w.join(' ');
  return `${w.slice(0, QUOTE_END_WORDS).join(' ')} … ${w.slice(-QUOTE_END_WORDS).join(' ')}`;
}

// The {from, to} form of a long quote, as the annotations store it.
export function quoteEnds(quote) {
  const w = quote.split(' ');
  return { from: w.slice(0, QUOTE_END_WORDS).join(' '), to: w.slice(-QUOTE_END_WORDS).join(' ') };
}

// ---------------------------------------------------------------- loading

export function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function listArticleFiles(dir) {
  return fs.readdirSync(dir)
    .filter((name) => ARTICLE_EXTENSIONS.includes(path.extname(name)))
    .sort();
}

/**
 * An article of the corpus; loadCorpus adds its gold annotation and word count.
 * @typedef {{ id: string, set: string, group: string, textPath: string | null, annotationPath: string, text: string | null, gold?: any, words?: number }} Article
 */

/** @returns {Article[]} */
function writtenArticles() {
  return listArticleFiles(ARTICLES_DIR).map((name) => {
    const id = path.basename(name, path.extname(name));
    const textPath = path.join(ARTICLES_DIR, name);
    return {
      id,
      set: 'written',
      group: id,
      textPath,
      annotationPath: path.join(ARTICLES_DIR, `${id}.json`),
      text: fs.readFileSync(textPath, 'utf8'),
    };
  });
}

/** @returns {Article[]} */
function seedArticles() {
  const annotations = fs.readdirSync(SEED_ANNOTATIONS_DIR).filter((n) => n.endsWith('.json')).sort();
  return annotations.map((name) => {
    const id = path.basename(name, '.json');
    const textPath = path.join(SEED_TEXTS_DIR, `${id}.txt`);
    const present = fs.existsSync(textPath);
    return {
      id,
      set: 'seeds',
      group: 'seeds',
      textPath: present ? textPath : null,
      annotationPath: path.join(SEED_ANNOTATIONS_DIR, name),
      text: present ? fs.readFileSync(textPath, 'utf8') : null,
    };
  });
}

// The real-news corpus: annotations here, texts in ../shared/corpus. `group`
// is what is drafted together: an event's outlets, or a single article.
/** @returns {Article[]} */
function realArticles() {
  if (!fs.existsSync(CORPUS_ANNOTATIONS_DIR)) return [];
  const out = [];
  for (const dir of fs.readdirSync(CORPUS_ANNOTATIONS_DIR).sort()) {
    const full = path.join(CORPUS_ANNOTATIONS_DIR, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const name of fs.readdirSync(full).filter((n) => n.endsWith('.json')).sort()) {
      const id = `${dir}/${path.basename(name, '.json')}`;
      const textPath = path.join(CORPUS_TEXTS_DIR, `${id}.txt`);
      const present = fs.existsSync(textPath);
      out.push({
        id,
        set: HELD_OUT.some((h) => id.startsWith(h)) ? 'heldout' : 'corpus',
        group: dir === 'single' ? id : dir,
        textPath: present ? textPath : null,
        annotationPath: path.join(full, name),
        text: present ? fs.readFileSync(textPath, 'utf8') : null,
      });
    }
  }
  return out;
}

// Every annotated article with its gold annotation. Seeds and corpus texts
// not at hand come back with text === null: callers count them as skipped.
export function loadCorpus() {
  const articles = [...writtenArticles(), ...seedArticles(), ...realArticles()];
  for (const article of articles) {
    article.gold = fs.existsSync(article.annotationPath) ? readJson(article.annotationPath) : null;
    for (const q of article.gold?.quotes || []) {
      if (q.quote === undefined && q.from !== undefined && article.text) q.quote = resolveQuote(article.text, q.from, q.to);
    }
    article.words = article.text ? wordCount(article.text) : 0;
  }
  return articles;
}
