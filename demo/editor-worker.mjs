// @ts-check
// The editor's background thread: it loads the extraction module (factcard-extract.wasm, which
// only the editor page uses) and runs every call into the C++ core, so that reading a long paste
// never freezes the page. Messages in: {id, type: 'load' | 'draft' | 'check' | 'publish' | 'open', ...}; messages out:
// {id, type: 'progress', ...} while drafting, then {id, type: 'done', result} or
// {id, type: 'failed', message}.
// demo/build-site.mjs assembles this module with the wasm boundary (web/src/wasm.mjs) into one
// classic worker script, editor/editor-worker.js, the same way web/assemble.mjs makes factcard.js.

import { call, compileUrl, instantiate } from '../web/src/wasm.mjs';

/** @typedef {import('../web/src/wasm.mjs').CoreExports} CoreExports */

const WASM_URL = new URL('factcard-extract.wasm', self.location.href).href;
/** @type {Promise<CoreExports> | null} */
let corePromise = null;

/** The extraction module's instance, made once; a failed load is tried again on the next request. */
function core() {
  return (corePromise ||= compileUrl(WASM_URL)
    .catch((err) => { throw new Error(`cannot load ${WASM_URL}: ${err.message}`); })
    .then(instantiate)
    .catch((err) => {
      corePromise = null;
      throw err;
    }));
}

/**
 * The core's answer to `fn` on `text`, parsed (every entry point answers JSON).
 * @param {CoreExports} x
 * @param {string} fn
 * @param {string} text
 * @returns {any}
 */
const ask = (x, fn, text) => JSON.parse(call(x, fn, text));

const storyText = (story) => `${JSON.stringify(story, null, 2)}\n`;

// Where each item of the story's tables sits in the text the core saw, so that an error's line
// can name the claim (or entity, or source) it is about.
function itemRanges(lines) {
  const items = [];
  let table = null;
  let index = 0;
  let from = 0;
  lines.forEach((line, i) => {
    const open = /^ {2}"(entities|sources|claims)": \[$/.exec(line);
    if (open) {
      table = open[1];
      index = 0;
    } else if (table && /^ {2}\]/.test(line)) {
      table = null;
    } else if (table && /^ {4}\{$/.test(line)) {
      from = i + 1;
    } else if (table && /^ {4}\},?$/.test(line)) {
      items.push({ table, index: index++, from, to: i + 1 });
    }
  });
  return items;
}

function locate(errors, text) {
  const lines = text.split('\n');
  const items = itemRanges(lines);
  return errors.map((e) => {
    const out = { line: e.line, column: e.column, message: e.message };
    if (e.line > 0 && e.line <= lines.length) out.text = lines[e.line - 1];
    const item = items.find((r) => r.from <= e.line && e.line <= r.to);
    if (item) {
      out.at = { table: item.table, index: item.index };
      // The item's field the line belongs to ("aliases", "when", "evidence", ...).
      for (let i = e.line; i >= item.from; i--) {
        const key = /^ {6}"([^"]+)":/.exec(lines[i - 1]);
        if (key) {
          out.at.field = key[1];
          break;
        }
      }
    }
    return out;
  });
}

// What `factcard build` writes for the story: [[path, text], ...] or {errors}.
const buildFiles = (x, text, options) => ask(x, 'fc_build', JSON.stringify({ story: text, ...options }));

// The cards of a story and, when it is valid, the build's bundle, JSON-LD and snippets (without
// card pages: the preview shows snippets, and pages would only slow every keystroke down).
function check(x, story) {
  const text = storyText(story);
  const cards = ask(x, 'fc_cards', text);
  if (cards.errors) return { errors: locate(cards.errors, text) };
  const built = buildFiles(x, text, { pages: false });
  if (built.errors) return { errors: locate(built.errors, text) };
  const build = { bundle: '', jsonld: '', snippets: {} };
  for (const [path, content] of built.files) {
    const snippet = /^embed\/(.+)\.html$/.exec(path);
    if (snippet) build.snippets[snippet[1]] = content;
    else if (path.endsWith('.cards.json')) build.bundle = content;
    else if (path.endsWith('.jsonld')) build.jsonld = content;
  }
  return { cards: cards.cards, story: cards.story, build };
}

// Every file of `factcard build STORY -o DIR --base BASE --site-name NAME`, for the zip.
function publish(x, story, base, siteName) {
  const text = storyText(story);
  const built = buildFiles(x, text, { base, site_name: siteName, pages: true });
  return built.errors ? { errors: locate(built.errors, text) } : { files: built.files };
}

// A file the editor opens: a story (checked as `factcard validate` would, with positions in the
// file's own text) or a CSV spreadsheet (read as `factcard import` reads it).
function open(x, text, name) {
  const csv = /\.csv$/i.test(name) || !/^\uFEFF?\s*[{[]/.test(text);
  if (csv) {
    const imported = ask(x, 'fc_import_csv', JSON.stringify({ csv: text, name }));
    return imported.errors ? { errors: imported.errors, csv: true } : { story: JSON.parse(imported.story) };
  }
  const cards = ask(x, 'fc_cards', text);
  if (cards.errors) return { errors: cards.errors };
  const story = JSON.parse(text.replace(/^\uFEFF/, ''));
  if ('factcard_bundle' in story) {
    return { errors: [{ line: 1, column: 1, message: 'this is a compiled bundle (.cards.json): open the story file it was built from' }] };
  }
  return { story };
}

// `cards`: false when the editor merges the draft into a story it checks again: then the cards
// are neither computed here nor copied to the page, whose main thread reads the message.
async function draft(id, articles, cards = true) {
  const progress = (fields) => self.postMessage({ id, type: 'progress', ...fields });
  const steps = articles.length + 2; // each article, merging, computing the cards
  progress({ phase: 'loading', done: 0, steps });
  const x = await core();
  const counts = [];
  for (let i = 0; i < articles.length; i++) {
    const { name, text, date } = articles[i];
    progress({ phase: 'reading', index: i, done: i, steps });
    const input = JSON.stringify(date ? { name, text, date } : { name, text });
    progress({ phase: 'extracting', index: i, done: i + 0.5, steps });
    const found = ask(x, 'fc_extract_annotations', input);
    if (found.errors) return { errors: found.errors.map((e) => ({ ...e, article: i })) };
    counts[i] = { quotes: found.quotes.length, people: found.people.length, dates: found.dates.length };
    progress({ phase: 'read', index: i, done: i + 1, steps, counts: counts[i] });
  }
  progress({ phase: 'merging', done: articles.length, steps });
  const input = JSON.stringify({ articles: articles.map(({ name, text, date }) => (date ? { name, text, date } : { name, text })) });
  const drafted = ask(x, 'fc_extract', input);
  if (drafted.errors) return { errors: drafted.errors };
  // The outlet the editor typed wins over what the text said (one source per article, in order).
  articles.forEach((article, i) => {
    const source = drafted.sources && drafted.sources[i];
    if (source && article.outlet) source.publisher = article.outlet;
  });
  if (!cards) {
    progress({ phase: 'done', done: steps, steps });
    return { draft: drafted, counts };
  }
  progress({ phase: 'checking', done: articles.length + 1, steps });
  const result = check(x, drafted);
  progress({ phase: 'done', done: steps, steps });
  return { draft: drafted, counts, ...result };
}

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    let result;
    if (type === 'load') {
      await core();
      result = { ready: true };
    } else if (type === 'draft') {
      result = await draft(id, data.articles, data.cards !== false);
    } else if (type === 'check') {
      result = check(await core(), data.story);
    } else if (type === 'publish') {
      result = publish(await core(), data.story, data.base, data.siteName);
    } else if (type === 'open') {
      result = open(await core(), data.text, data.name);
    } else {
      throw new Error(`unknown request ${type}`);
    }
    self.postMessage({ id, type: 'done', result });
  } catch (err) {
    self.postMessage({ id, type: 'failed', message: err && err.message ? err.message : String(err) });
  }
};
