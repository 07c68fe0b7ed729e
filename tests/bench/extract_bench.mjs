// @ts-check
// Extraction benchmark: factcard's draft extraction (native CLI and wasm)
// against the hand annotations in tests/extract, with chrono-node (dates) and
// compromise (people) as baselines.
//
//   node tests/bench/extract_bench.mjs [--quick] [--out DIR]
//
// Writes DIR/EXTRACTION.md and DIR/extraction.json (DIR defaults to docs/)
// and prints the tables. --quick skips the throughput runs. Tools that are
// not built or installed are reported as not run; the rest still score.
// Seed texts come from ../shared/seeds (or $FACTCARD_SEEDS) and are skipped,
// with a note, when absent.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CORPUS_TEXTS_DIR, REPO_ROOT, SEED_TEXTS_DIR, excerpt, fold, loadCorpus, nameWords } from '../extract/corpus.mjs';
import { renderMarkdown, renderSummary } from './report.mjs';
import { failureClasses, scoreDrafts } from './draft_score.mjs';
import { addCounts, rates, scoreArticle } from './scoring.mjs';
import { chronoTool, compromiseTools, nativeTool, wasmTool } from './tools.mjs';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const options = { quick: false, out: path.join(REPO_ROOT, 'docs') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') options.quick = true;
    else if (argv[i] === '--out') options.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (use --quick, --out DIR)`);
  }
  return options;
}

// ---------------------------------------------------------------- kinds of gold items

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

function dateKind(text) {
  const t = text.toLowerCase();
  if (WEEKDAY.test(t)) return 'weekday';
  if (/\b(?:yesterday|today|tomorrow)\b/.test(t)) return 'yesterday / tomorrow';
  if (/\b(?:before|later|after|ago)\b/.test(t)) return 'counted from a date';
  if (/\bweek\b/.test(t)) return 'last / this / next week';
  if (/\bmonth\b/.test(t)) return 'last / this / next month';
  if (/\byear\b/.test(t)) return 'last / this / next year';
  const hasMonth = new RegExp(`\\b${MONTH}(?![a-z])`).test(t);
  const hasYear = /\b\d{4}\b/.test(t);
  const hasDay = /\b\d{1,2}\b/.test(t);
  if (hasMonth && hasDay && hasYear) return 'day month year';
  if (hasMonth && hasDay) return 'day month (no year)';
  if (hasMonth && hasYear) return 'month year';
  if (hasMonth) return 'month (no year)';
  if (hasYear) return 'year';
  return 'other';
}

function quoteKind(quote, gold) {
  const speaker = (gold.orgs || []).includes(quote.speaker) ? 'organisation speaker' : 'person speaker';
  const partial = /^\p{Ll}/u.test(quote.quote) ? 'partial quote' : 'full quote';
  return `${partial}, ${speaker}`;
}

function personKind(name) {
  if (fold(name) !== name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()) return 'with diacritics';
  if (nameWords(name).join(' ') !== fold(name)) return 'Mongolian patronymic';
  return 'plain';
}

const KIND_OF = {
  quotes: (item, gold) => quoteKind(item, gold),
  dates: (item) => dateKind(item.text),
  people: (item) => personKind(item),
};

function addBreakdown(breakdown, category, gold, found) {
  const byKind = (breakdown[category] ||= {});
  for (const item of gold[category]) {
    const kind = KIND_OF[category](item, gold);
    const b = (byKind[kind] ||= { gold: 0, correct: 0 });
    b.gold++;
    if (found.includes(item)) b.correct++;
  }
}

// ---------------------------------------------------------------- evaluation

// Only the tool's own categories, each a list (a missing one is an empty list).
function normalisePrediction(raw, categories) {
  const prediction = {};
  for (const category of categories) {
    const list = Array.isArray(raw?.[category]) ? raw[category] : [];
    prediction[category] = category === 'people' ? list.map((p) => (typeof p === 'string' ? p : p?.name ?? '')) : list;
  }
  return prediction;
}

function addErrorCounts(errorCounts, errors) {
  for (const [category, lists] of Object.entries(errors)) {
    const c = (errorCounts[category] ||= { missed: 0, wrong: 0, spurious: 0 });
    c.missed += lists.missed.length;
    c.wrong += (lists.wrongSpeaker || lists.wrongValue || []).length;
    c.spurious += lists.spurious.length;
  }
}

function evaluate(tool, articles) {
  const totals = {}, breakdown = {}, errorCounts = {}, perArticle = [];
  for (const article of articles) {
    let raw, failure = null;
    try {
      raw = tool.annotate(article);
    } catch (err) {
      failure = err.message;
    }
    const prediction = normalisePrediction(raw, tool.categories);
    const { scores, errors } = scoreArticle(article.gold, prediction);
    addCounts((totals[article.set] ||= {}), scores);
    for (const category of tool.categories) addBreakdown(breakdown, category, article.gold, errors[category].found);
    addErrorCounts(errorCounts, errors);
    perArticle.push({ id: article.id, set: article.set, failure, scores, errors, prediction });
  }
  return { totals, breakdown, errorCounts, articles: perArticle };
}

function wasmAgreement(tools) {
  const native = tools.find((t) => t.name === 'factcard (native)' && t.available);
  const wasm = tools.find((t) => t.name === 'factcard (wasm)' && t.available);
  if (!native || !wasm) return null;
  const same = native.articles.filter((a, i) => JSON.stringify(a.prediction) === JSON.stringify(wasm.articles[i].prediction));
  return `${same.length} of ${native.articles.length} articles`;
}

// ---------------------------------------------------------------- corpus and machine

function corpusSummary(articles) {
  const summary = {};
  for (const set of ['written', 'seeds', 'heldout', 'corpus']) {
    const inSet = articles.filter((a) => a.set === set);
    const present = inSet.filter((a) => a.text !== null);
    summary[set] = {
      articles: present.length,
      skipped: inSet.length - present.length,
      words: present.reduce((n, a) => n + a.words, 0),
      quotes: present.reduce((n, a) => n + a.gold.quotes.length, 0),
      dates: present.reduce((n, a) => n + a.gold.dates.length, 0),
      people: present.reduce((n, a) => n + a.gold.people.length, 0),
    };
  }
  return summary;
}

function git(args) {
  return execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

function gitCommit() {
  try {
    const commit = git(['rev-parse', '--short', 'HEAD']);
    return git(['status', '--porcelain', '--untracked-files=no']) ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: gitCommit(),
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() || 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

// ---------------------------------------------------------------- main

async function loadTools(probe) {
  return [
    nativeTool(REPO_ROOT, probe),
    await wasmTool(REPO_ROOT, probe),
    nativeTool(REPO_ROOT, probe, 'dates'),
    await wasmTool(REPO_ROOT, probe, 'dates'),
    await chronoTool(),
    ...(await compromiseTools(nameWords)),
  ];
}

function runTools(tools, articles, options) {
  for (const tool of tools) {
    if (!tool.available) {
      console.log(`${tool.name}: not run — ${tool.reason}`);
      continue;
    }
    Object.assign(tool, evaluate(tool, articles));
    if (!options.quick) {
      process.stdout.write(`${tool.name}: measuring throughput… `);
      tool.throughput = tool.throughput(articles);
      console.log(`${Math.round(tool.throughput.wordsPerSecond)} words/s`);
    } else {
      tool.throughput = null;
    }
  }
}

function withRates(totals) {
  const out = {};
  for (const [set, metrics] of Object.entries(totals || {})) {
    out[set] = {};
    for (const [metric, counts] of Object.entries(metrics)) out[set][metric] = { ...counts, ...rates(counts) };
  }
  return out;
}

// The errors as the JSON keeps them: no `found` lists, and quotes by their
// ends only, since the articles' texts stay outside the tree.
function withoutFound(errors) {
  const out = {};
  for (const [category, lists] of Object.entries(errors)) {
    const { found, ...rest } = lists;
    out[category] = Object.fromEntries(Object.entries(rest).map(([kind, items]) =>
      [kind, items.map((x) => (x && typeof x === 'object' && 'quote' in x
        ? { ...x, from: undefined, to: undefined, quote: excerpt(x.quote) } : x))]));
  }
  return out;
}

// The JSON keeps the numbers and the errors, not the functions or the
// predictions; a held-out article keeps its scores only (its errors are
// counted, never listed: nobody debugs on them).
function toJson(results) {
  return {
    ...results,
    tools: results.tools.map(({ annotate, totals, articles, ...rest }) => ({
      ...rest,
      totals: withRates(totals),
      articles: articles?.map(({ prediction, errors, ...a }) =>
        (a.set === 'heldout' ? a : { ...a, errors: withoutFound(errors) })),
    })),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const corpus = loadCorpus();
  const articles = corpus.filter((a) => a.text !== null);
  const notes = [];
  const skipped = corpus.length - articles.length;
  if (skipped) notes.push(`${skipped} article(s) skipped: texts not found in ${SEED_TEXTS_DIR} or ${CORPUS_TEXTS_DIR}`);
  notes.forEach((n) => console.log(`note: ${n}`));

  const tools = await loadTools(articles[0]);
  runTools(tools, articles, options);
  const native = tools.find((t) => t.name === 'factcard (native)' && t.available);
  const sets = native ? scoreDrafts(native.binary, articles) : null;
  const drafts = sets && { sets, classes: failureClasses(sets) };
  const results = { machine: machineInfo(), corpus: corpusSummary(corpus), notes, tools, drafts, wasmAgreement: wasmAgreement(tools) };

  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, 'EXTRACTION.md'), renderMarkdown(results));
  fs.writeFileSync(path.join(options.out, 'extraction.json'), `${JSON.stringify(toJson(results), null, 2)}\n`);
  const shown = path.relative(process.cwd(), options.out);
  console.log(`\n${renderSummary(results)}\n\nwrote ${shown.startsWith('..') ? options.out : shown || '.'}/EXTRACTION.md and extraction.json`);
}

await main();
