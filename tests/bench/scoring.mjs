// @ts-check
// Scoring predicted annotations against the gold ones.
//
// Items are paired one to one, best pairs first, so a name found twice
// ("Putin", "Vladimir Putin") counts once and the other spelling is a false
// positive: clustering spellings is part of the job.
import { fold, nameWords, words } from '../extract/corpus.mjs';

export const QUOTE_OVERLAP = 0.6;

// The metrics, in report order. `category` is the annotation field each reads.
export const METRICS = [
  { key: 'quotes', category: 'quotes', label: 'quote + speaker' },
  { key: 'quoteSpans', category: 'quotes', label: 'quote text' },
  { key: 'dates', category: 'dates', label: 'date + value' },
  { key: 'dateSpans', category: 'dates', label: 'date text' },
  { key: 'people', category: 'people', label: 'people' },
];

// ---------------------------------------------------------------- similarity

function commonWordCount(a, b) {
  const counts = new Map();
  for (const w of a) counts.set(w, (counts.get(w) || 0) + 1);
  let common = 0;
  for (const w of b) {
    const left = counts.get(w) || 0;
    if (left > 0) { common++; counts.set(w, left - 1); }
  }
  return common;
}

// Overlap as a share of the shorter quote (the match test) and of the longer
// one (the ranking, so a long prediction pairs with the long gold quote).
export function quoteSimilarity(predicted, gold) {
  const a = words(predicted), b = words(gold);
  if (!a.length || !b.length) return { ratio: 0, score: 0 };
  const common = commonWordCount(a, b);
  return { ratio: common / Math.min(a.length, b.length), score: common / Math.max(a.length, b.length) };
}

const SMALL_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in']);

function isSubset(a, b) {
  return [...a].every((w) => b.has(w));
}

// "ICC" for "International Criminal Court".
function isAcronymOf(short, long) {
  if (short.size !== 1) return false;
  const [word] = short;
  const initials = [...long].filter((w) => !SMALL_WORDS.has(w)).map((w) => w[0]).join('');
  return word.length >= 2 && word === initials;
}

// Two names match when the words of one (titles dropped, case and diacritics
// folded) are all among the words of the other.
export function nameSimilarity(a, b) {
  const A = new Set(nameWords(a)), B = new Set(nameWords(b));
  if (!A.size || !B.size) return 0;
  if (isSubset(A, B) || isSubset(B, A)) return Math.min(A.size, B.size) / Math.max(A.size, B.size);
  return isAcronymOf(A, B) || isAcronymOf(B, A) ? 0.5 : 0;
}

const DATE_FILLER = new Set(`on in at by of the a an from until till since before after late early earlier later
  last next this that ago year years month months week weeks day days morning evening night`.split(/\s+/));

// Date texts overlap when one contains the other as whole words, or when they
// share a word that carries the date (a number, a month or day name).
export function dateTextSimilarity(a, b) {
  const fa = fold(a), fb = fold(b);
  if (!fa || !fb) return 0;
  if (fa === fb) return 1;
  if (` ${fa} `.includes(` ${fb} `) || ` ${fb} `.includes(` ${fa} `)) return 0.8;
  const other = new Set(words(b));
  return words(a).some((w) => !DATE_FILLER.has(w) && other.has(w)) ? 0.5 : 0;
}

// ---------------------------------------------------------------- pairing

// Pairs gold and predicted items one to one. score(gold, predicted) is > 0
// for a match; higher scores pair first, then items at the same relative
// place in their lists (the nth "on Monday" with the nth).
export function pairUp(gold, predicted, score) {
  const pairs = [];
  gold.forEach((g, i) => predicted.forEach((p, j) => {
    const s = score(g, p);
    if (s > 0) pairs.push({ i, j, s, d: Math.abs(i / gold.length - j / predicted.length) });
  }));
  pairs.sort((x, y) => y.s - x.s || x.d - y.d);
  const usedGold = new Set(), usedPredicted = new Set(), matched = [];
  for (const pair of pairs) {
    if (usedGold.has(pair.i) || usedPredicted.has(pair.j)) continue;
    usedGold.add(pair.i);
    usedPredicted.add(pair.j);
    matched.push([gold[pair.i], predicted[pair.j]]);
  }
  return {
    matched,
    missed: gold.filter((_, i) => !usedGold.has(i)),
    spurious: predicted.filter((_, j) => !usedPredicted.has(j)),
  };
}

const quoteTextScore = (g, p) => {
  const { ratio, score } = quoteSimilarity(p.quote, g.quote);
  return ratio >= QUOTE_OVERLAP ? score : 0;
};
const quotePairScore = (g, p) => (nameSimilarity(p.speaker || '', g.speaker) > 0 ? quoteTextScore(g, p) : 0);
const dateTextScore = (g, p) => dateTextSimilarity(p.text, g.text);
const datePairScore = (g, p) => (p.value === g.value ? dateTextScore(g, p) : 0);
const personScore = (g, p) => nameSimilarity(p, g);

// ---------------------------------------------------------------- per article

function counts(gold, predicted, result) {
  return { gold: gold.length, predicted: predicted.length, correct: result.matched.length };
}

function scoreQuotes(gold, predicted, scores, errors) {
  const pairs = pairUp(gold, predicted, quotePairScore);
  scores.quotes = counts(gold, predicted, pairs);
  scores.quoteSpans = counts(gold, predicted, pairUp(gold, predicted, quoteTextScore));
  const rest = pairUp(pairs.missed, pairs.spurious, quoteTextScore);
  errors.quotes = {
    found: pairs.matched.map(([g]) => g),
    wrongSpeaker: rest.matched.map(([g, p]) => ({ quote: g.quote, expected: g.speaker, predicted: p.speaker ?? null })),
    missed: rest.missed,
    spurious: rest.spurious,
  };
}

function scoreDates(gold, predicted, scores, errors) {
  const pairs = pairUp(gold, predicted, datePairScore);
  scores.dates = counts(gold, predicted, pairs);
  scores.dateSpans = counts(gold, predicted, pairUp(gold, predicted, dateTextScore));
  const rest = pairUp(pairs.missed, pairs.spurious, dateTextScore);
  errors.dates = {
    found: pairs.matched.map(([g]) => g),
    wrongValue: rest.matched.map(([g, p]) => ({ text: g.text, expected: g.value, predicted: p.value, predictedText: p.text })),
    missed: rest.missed,
    spurious: rest.spurious,
  };
}

function scorePeople(gold, predicted, scores, errors) {
  const pairs = pairUp(gold, predicted, personScore);
  scores.people = counts(gold, predicted, pairs);
  errors.people = { found: pairs.matched.map(([g]) => g), missed: pairs.missed, spurious: pairs.spurious };
}

// Scores one article; errors also list the gold items found (`found`), the
// missed ones, the spurious predictions and the near misses. A category the prediction lacks is not scored (a tool
// that finds only dates gets no quote score, rather than zero).
export function scoreArticle(gold, prediction) {
  const scores = {}, errors = {};
  if (Array.isArray(prediction.quotes)) scoreQuotes(gold.quotes, prediction.quotes, scores, errors);
  if (Array.isArray(prediction.dates)) scoreDates(gold.dates, prediction.dates, scores, errors);
  if (Array.isArray(prediction.people)) scorePeople(gold.people, prediction.people, scores, errors);
  return { scores, errors };
}

// ---------------------------------------------------------------- totals

export function addCounts(total, more) {
  for (const [metric, c] of Object.entries(more)) {
    const t = (total[metric] ||= { gold: 0, predicted: 0, correct: 0 });
    t.gold += c.gold;
    t.predicted += c.predicted;
    t.correct += c.correct;
  }
  return total;
}

// Micro-averaged precision, recall and F1 over a set's counts.
export function rates({ gold, predicted, correct }) {
  const precision = predicted ? correct / predicted : gold ? 0 : 1;
  const recall = gold ? correct / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
