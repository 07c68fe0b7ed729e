// @ts-check
// Sanity checks of the extraction annotations (see README.md for the conventions).
//
//   node tests/extract/check_annotations.mjs [--hints]
//
// Errors (exit 1): a quote or date text that is not in its article, a long
// quote of a seed or corpus text written whole instead of by its ends, a date
// value that is not ISO at a precision, a speaker that is neither a person nor
// an organisation of the file, a person not named verbatim, a written article
// outside 250-600 words. With --hints it also lists what may have been
// missed: quoted passages no annotation covers and dates chrono-node finds
// that no annotation overlaps (to review by eye: chrome and scare quotes are
// deliberately left out).
import { LONG_QUOTE_WORDS, excerpt, fold, isValidDateValue, loadCorpus, nameWords } from './corpus.mjs';

const MIN_WRITTEN = 12;
const WORD_RANGE = [250, 600];

// ---------------------------------------------------------------- text look-ups

// Spacing is formatting: a no-break space in an article matches a plain one.
const spaced = (text) => text.replace(/\s+/g, ' ');

function occurrences(text, phrase) {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
  return [...spaced(text).matchAll(pattern)].length;
}

// A quote is verbatim, or a split quote: two verbatim parts joined by a space,
// the first one ending before the second starts.
function quoteInText(article, annotated) {
  const text = spaced(article), quote = spaced(annotated);
  if (text.includes(quote)) return true;
  for (let i = quote.indexOf(' '); i !== -1; i = quote.indexOf(' ', i + 1)) {
    const first = text.indexOf(quote.slice(0, i));
    if (first !== -1 && text.indexOf(quote.slice(i + 1), first + i) !== -1) return true;
  }
  return false;
}

// ---------------------------------------------------------------- checks

function checkShape(gold, fail, set) {
  if (!gold) return fail('no annotation file');
  const undated = gold.date === null && (set === 'heldout' || set === 'corpus'); // the page gave none
  if (!undated && (!isValidDateValue(gold.date) || !/^\d{4}-\d{2}-\d{2}$/.test(gold.date))) fail(`article date ${gold.date} is not YYYY-MM-DD`);
  for (const key of ['quotes', 'dates', 'people']) {
    if (!Array.isArray(gold[key])) fail(`"${key}" is not an array`);
  }
  if (gold.orgs !== undefined && !Array.isArray(gold.orgs)) fail('"orgs" is not an array');
}

// Seed and corpus texts stay outside the tree, so their long quotes are
// annotated by their ends ({from, to}; corpus.mjs), which must find the quote.
function checkQuoteForm(article, q, fail) {
  if (q.from === undefined) {
    const long = article.set !== 'written' && String(q.quote).split(' ').length > LONG_QUOTE_WORDS;
    if (long) fail(`a quote of over ${LONG_QUOTE_WORDS} words is annotated as {from, to}, not whole: ${excerpt(q.quote)}`);
    return;
  }
  if (!q.from || !q.to) fail(`quote with "from" needs "to": ${JSON.stringify(q)}`);
  else if (article.text && q.quote === undefined) fail(`quote from "${q.from}" to "${q.to}" not in the article`);
}

function checkQuotes(article, fail) {
  const { text, gold } = article;
  const speakers = new Set([...gold.people, ...(gold.orgs || [])]);
  for (const q of gold.quotes) {
    checkQuoteForm(article, q, fail);
    const { quote, speaker } = q;
    if (!text && q.from !== undefined) continue; // resolved only against the text
    if (!quote || !speaker) { fail(`quote without text or speaker: ${JSON.stringify({ quote, speaker })}`); continue; }
    if (/^[“"‘']|[”"’']$/.test(quote) && !/s’$/.test(quote)) fail(`quote keeps its quotation marks: ${quote}`);
    if (/,$/.test(quote)) fail(`quote keeps the comma of its attribution: ${quote}`);
    if (text && !quoteInText(text, quote)) fail(`quote not in the article: ${quote}`);
    if (!speakers.has(speaker)) fail(`speaker "${speaker}" is neither in people nor in orgs`);
  }
}

function checkDates(article, fail) {
  const { text, gold } = article;
  const annotated = new Map();
  for (const { text: phrase, value } of gold.dates) {
    if (!isValidDateValue(value)) fail(`date "${phrase}": invalid value ${value}`);
    annotated.set(phrase, (annotated.get(phrase) || 0) + 1);
  }
  if (!text) return;
  for (const [phrase, count] of annotated) {
    const found = occurrences(text, phrase);
    if (found === 0) fail(`date text not in the article: "${phrase}"`);
    else if (found < count) fail(`date text "${phrase}" annotated ${count} times, in the article ${found} times`);
  }
}

// ---------------------------------------------------------------- relative dates

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86400000;

function utcDate(iso) {
  const [y, m, d] = iso.replace('~', '').split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function shiftMonth(articleDate, months) {
  const d = utcDate(articleDate);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))).slice(0, 7);
}

function mondayOf(articleDate, weeks) {
  const d = utcDate(articleDate);
  const monday = d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return `~${isoDay(new Date(monday + weeks * 7 * DAY_MS))}`;
}

const OFFSET = { last: -1, this: 0, next: 1, earlier: 0, later: 0 };

// What the conventions fix for a phrase, or null when they leave it to the annotator.
function expectedValue(phrase, articleDate) {
  const p = phrase.toLowerCase();
  const year = Number(articleDate.slice(0, 4));
  const day = (offset) => isoDay(new Date(utcDate(articleDate).getTime() + offset * DAY_MS));
  const named = /^(yesterday|today|tomorrow)\b/.exec(p);
  if (named) return day({ yesterday: -1, today: 0, tomorrow: 1 }[named[1]]);
  const relative = /^(?:(last|this|next)|(earlier|later) this) (year|month|week)$/.exec(p);
  if (!relative) return null;
  const offset = OFFSET[relative[1] || relative[2]];
  if (relative[3] === 'year') return String(year + offset);
  if (relative[3] === 'month') return shiftMonth(articleDate, offset);
  return mondayOf(articleDate, offset);
}

function checkRelativeDates(article, fail) {
  const articleDate = article.gold.date;
  if (articleDate === null) return;
  for (const { text: phrase, value } of article.gold.dates) {
    const expected = expectedValue(phrase, articleDate);
    if (expected !== null && expected !== value) fail(`date "${phrase}" should be ${expected}, not ${value}`);
    const weekday = WEEKDAYS.find((w) => phrase.toLowerCase().includes(w));
    if (weekday && (value.length !== 10 || WEEKDAYS[utcDate(value).getUTCDay()] !== weekday)) {
      fail(`date "${phrase}" is ${value}, not a ${weekday}`);
    }
    if (weekday && Math.abs(utcDate(value).getTime() - utcDate(articleDate).getTime()) > 7 * DAY_MS) fail(`date "${phrase}" is ${value}, more than a week from ${articleDate}`);
  }
}

function checkPeople(article, fail) {
  const { text, gold } = article;
  const seen = [];
  for (const person of gold.people) {
    if (text && !spaced(text).includes(person)) fail(`person not named verbatim in the article: ${person}`);
    const key = new Set(nameWords(person));
    const twin = seen.find((other) => [...other.key].every((w) => key.has(w)) || [...key].every((w) => other.key.has(w)));
    if (twin) fail(`people "${twin.person}" and "${person}" look like one person`);
    seen.push({ person, key });
  }
}

function checkLength(article, fail) {
  if (article.set !== 'written') return;
  const [low, high] = WORD_RANGE;
  if (article.words < low || article.words > high) fail(`${article.words} words, outside ${low}-${high}`);
}

// ---------------------------------------------------------------- hints

const QUOTED = /“([^”]{2,}?)”|"([^"\n]{2,}?)"/g;

function quoteHints(article) {
  const annotated = article.gold.quotes.map((q) => fold(q.quote));
  const hints = [];
  for (const match of article.text.matchAll(QUOTED)) {
    const inner = fold(match[1] || match[2]);
    if (inner && !annotated.some((q) => q.includes(inner) || inner.includes(q))) hints.push(`unannotated quotation: ${match[0]}`);
  }
  return hints;
}

async function dateHints(article) {
  let chrono;
  try {
    chrono = await import('chrono-node');
  } catch {
    return ['(chrono-node not installed: npm install in tests/ for date hints)'];
  }
  const [y, m, d] = article.gold.date.split('-').map(Number);
  const annotated = article.gold.dates.map((x) => fold(x.text));
  return chrono.parse(article.text, new Date(y, m - 1, d, 12))
    .filter((r) => !annotated.some((a) => a.includes(fold(r.text)) || fold(r.text).includes(a)))
    .map((r) => `chrono finds an unannotated date: "${r.text}"`);
}

// Each fact's key phrases all occur in one paragraph of the article (the
// draft scorer looks for them in one excerpt), and its
// `when` is a date value (tests/extract/corpus/README.md).
function checkFacts(article, fail) {
  const { text, gold } = article;
  if (gold.facts === undefined) return;
  if (!Array.isArray(gold.facts)) return fail('"facts" is not an array');
  const paragraphs = text ? text.split(/\n+/).map((x) => ` ${fold(x)} `) : [];
  for (const fact of gold.facts) {
    if (!fact.id || !Array.isArray(fact.phrases) || !fact.phrases.length) { fail(`fact without id or phrases: ${JSON.stringify(fact)}`); continue; }
    if (!isValidDateValue(fact.when)) fail(`fact ${fact.id}: invalid when ${fact.when}`);
    const together = paragraphs.some((s) => fact.phrases.every((p) => s.includes(` ${fold(p)} `)));
    if (text && !together) fail(`fact ${fact.id}: phrases ${JSON.stringify(fact.phrases)} not together in one paragraph`);
  }
}

// ---------------------------------------------------------------- main

async function checkArticle(article, wantHints) {
  const errors = [];
  const fail = (message) => errors.push(message);
  checkShape(article.gold, fail, article.set);
  if (errors.length) return { errors, hints: [] };
  checkQuotes(article, fail);
  checkFacts(article, fail);
  checkDates(article, fail);
  checkRelativeDates(article, fail);
  checkPeople(article, fail);
  checkLength(article, fail);
  const hints = wantHints && article.text ? [...quoteHints(article), ...(await dateHints(article))] : [];
  return { errors, hints };
}

async function main() {
  const wantHints = process.argv.includes('--hints');
  const articles = loadCorpus();
  let passed = 0, failed = 0, skipped = 0;
  for (const article of articles) {
    const { errors, hints } = await checkArticle(article, wantHints);
    const label = `${article.set}/${article.id}`;
    if (article.text === null) skipped++;
    if (errors.length) {
      failed++;
      console.log(`FAIL ${label}`);
      for (const e of errors) console.log(`  - ${e}`);
    } else if (article.text !== null) {
      passed++;
    }
    for (const h of hints) console.log(`  hint ${label}: ${h}`);
  }
  const written = articles.filter((a) => a.set === 'written').length;
  if (written < MIN_WRITTEN) {
    failed++;
    console.log(`FAIL only ${written} written articles, at least ${MIN_WRITTEN} wanted`);
  }
  if (skipped) console.log(`texts not found (../shared/seeds or ../shared/corpus): ${skipped} annotations checked for shape only`);
  console.log(`annotations: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed ? 1 : 0;
}

await main();
