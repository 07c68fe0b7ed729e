// The editor's background thread: it loads the extraction module (factcard-extract.wasm, which
// only the editor page uses) and runs every call into the C++ core, so that reading a long paste
// never freezes the page. Messages in: {id, type: 'load' | 'draft' | 'check', ...}; messages out:
// {id, type: 'progress', ...} while drafting, then {id, type: 'done', result} or
// {id, type: 'failed', message}.
'use strict';

const WASM_URL = new URL('factcard-extract.wasm', self.location.href).href;
let corePromise = null;

// Every import gets a quiet stub, as in web/factcard.js: the core must not print, and exiting or
// aborting becomes an ordinary error. fd_write reports every byte as written (libc would retry).
function importsFor(module, memory) {
  const imports = {};
  for (const { module: ns, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') continue;
    let stub = () => 0;
    if (/exit|abort/.test(name)) {
      stub = () => { throw new Error(`the core called ${name}`); };
    } else if (name === 'fd_write') {
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
  return (corePromise ||= (async () => {
    const res = await fetch(WASM_URL);
    if (!res.ok) throw new Error(`cannot load ${WASM_URL}: HTTP ${res.status}`);
    const module = /^application\/wasm\b/.test(res.headers.get('content-type') || '')
      ? await WebAssembly.compileStreaming(res)
      : await WebAssembly.compile(await res.arrayBuffer());
    let exports;
    const instance = await WebAssembly.instantiate(module, importsFor(module, () => exports.memory));
    exports = instance.exports;
    if (exports._initialize) exports._initialize();
    return exports;
  })().catch((err) => {
    corePromise = null;
    throw err;
  }));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// UTF-8 JSON text in, the core's NUL-terminated UTF-8 JSON text out. The input buffer is sized
// 3 * length + 1: a UTF-16 code unit never takes more than 3 bytes of UTF-8.
function call(x, fn, text) {
  const capacity = 3 * text.length + 1;
  const input = x.fc_alloc(capacity);
  if (!input) throw new Error('the core is out of memory');
  let output = 0;
  try {
    const { written } = encoder.encodeInto(text, new Uint8Array(x.memory.buffer, input, capacity - 1));
    new Uint8Array(x.memory.buffer)[input + written] = 0;
    output = x[fn](input, written);
    if (!output) throw new Error('the core is out of memory');
    const memory = new Uint8Array(x.memory.buffer); // the call may have grown memory
    return decoder.decode(memory.subarray(output, memory.indexOf(0, output)));
  } finally {
    x.fc_free(input);
    if (output) x.fc_free(output);
  }
}

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

// The cards of a story and, when it is valid, what `factcard build` would write.
function check(x, story) {
  const text = storyText(story);
  const cards = JSON.parse(call(x, 'fc_cards', text));
  if (cards.errors) return { errors: locate(cards.errors, text) };
  const build = JSON.parse(call(x, 'fc_build', text));
  if (build.errors) return { errors: locate(build.errors, text) };
  return { cards: cards.cards, story: cards.story, build };
}

async function draft(id, articles) {
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
    const found = JSON.parse(call(x, 'fc_extract_annotations', input));
    if (found.errors) return { errors: found.errors.map((e) => ({ ...e, article: i })) };
    counts[i] = { quotes: found.quotes.length, people: found.people.length, dates: found.dates.length };
    progress({ phase: 'read', index: i, done: i + 1, steps, counts: counts[i] });
  }
  progress({ phase: 'merging', done: articles.length, steps });
  const input = JSON.stringify({ articles: articles.map(({ name, text, date }) => (date ? { name, text, date } : { name, text })) });
  const drafted = JSON.parse(call(x, 'fc_extract', input));
  if (drafted.errors) return { errors: drafted.errors };
  // The outlet the editor typed wins over what the text said (one source per article, in order).
  articles.forEach((article, i) => {
    const source = drafted.sources && drafted.sources[i];
    if (source && article.outlet) source.publisher = article.outlet;
  });
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
      result = await draft(id, data.articles);
    } else if (type === 'check') {
      result = check(await core(), data.story);
    } else {
      throw new Error(`unknown request ${type}`);
    }
    self.postMessage({ id, type: 'done', result });
  } catch (err) {
    self.postMessage({ id, type: 'failed', message: err && err.message ? err.message : String(err) });
  }
};
