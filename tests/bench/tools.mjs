// @ts-check
// The tools the extraction benchmark runs. Each tool is
//   { name, available, reason?, version, categories, annotate(article) -> prediction,
//     throughput(articles, options) -> { wordsPerSecond, method } }
// where a prediction holds the categories the tool produces:
//   { quotes: [{quote, speaker}], dates: [{text, value}], people: [name] }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { call, instantiate } from '../../web/src/wasm.mjs';

// ---------------------------------------------------------------- timing

const MIN_SAMPLE_MS = 1000;
const SAMPLES = 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function corpusWords(articles) {
  return articles.reduce((sum, a) => sum + a.words, 0);
}

// Runs `pass` (one pass over all articles) enough times that a sample lasts
// at least a second, after a warm-up pass; the median of five samples.
function measureInProcess(articles, pass, { samples = SAMPLES, minMs = MIN_SAMPLE_MS } = {}) {
  const warmUpMs = timed(pass);
  const passes = Math.max(1, Math.ceil(minMs / Math.max(warmUpMs, 1)));
  const rates = [];
  for (let s = 0; s < samples; s++) {
    const ms = timed(() => { for (let i = 0; i < passes; i++) pass(); });
    rates.push((corpusWords(articles) * passes) / (ms / 1000));
  }
  return { wordsPerSecond: median(rates), passes };
}

// ---------------------------------------------------------------- helpers

// An article with no known date is read against today, as chrono does by default.
function referenceDate(isoDay) {
  if (!isoDay) return undefined;
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(y, m - 1, d, 12); // local noon: no time zone can move it to another day
}

function pad(n) {
  return String(n).padStart(2, '0');
}

const TESTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function packageVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(TESTS_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function unavailable(name, reason) {
  return { name, available: false, reason };
}

// The annotation view may print one object, or an array of one object per file.
function asList(parsed) {
  return Array.isArray(parsed) ? parsed : [parsed];
}

// ---------------------------------------------------------------- factcard native

const FACTCARD_CATEGORIES = ['quotes', 'dates', 'people'];

// An article whose date nobody knows is drafted without one.
export const dateArgs = (article) => (article.gold.date ? ['--date', article.gold.date] : []);

function runNative(binary, args) {
  const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${(run.stderr || '').trim().split('\n')[0]}`);
  return run.stdout;
}

// `only` = 'dates' runs factcard's date finder alone, to compare like with
// like against a date-only tool.
const onlyArgs = (only) => (only ? ['--only', only] : []);

function nativeAnnotations(binary, article, only) {
  const out = runNative(binary, ['extract', '--annotations', ...onlyArgs(only), ...dateArgs(article), article.textPath]);
  return asList(JSON.parse(out))[0];
}

// Start-up alone: one process over a one-sentence article.
function nativeStartupMs(binary, date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcard-bench-'));
  const file = path.join(dir, 'tiny.txt');
  fs.writeFileSync(file, 'The mayor said on Friday that the pool would reopen.\n');
  try {
    return median([0, 1, 2].map(() => timed(() => runNative(binary, ['extract', '--annotations', '--date', date, file]))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function supportsSeveralFiles(binary, files, date) {
  try {
    return asList(JSON.parse(runNative(binary, ['extract', '--annotations', '--date', date, ...files, ...files]))).length === files.length * 2;
  } catch {
    return false;
  }
}

// One process over all files (the list repeated `passes` times), so that
// process start-up does not dominate; falls back to a process per file.
function nativeThroughput(binary, articles, options, only) {
  const files = articles.map((a) => a.textPath);
  const date = articles[0].gold.date;
  const startup = `start-up alone ${nativeStartupMs(binary, date).toFixed(1)} ms`;
  if (!supportsSeveralFiles(binary, files, date)) {
    const pass = () => articles.forEach((a) => nativeAnnotations(binary, a));
    const { wordsPerSecond, passes } = measureInProcess(articles, pass, options);
    return { wordsPerSecond, method: `one process per article (several files in one call not supported), ${passes} pass(es) per sample; ${startup}, included` };
  }
  const run = (passes) => runNative(binary, ['extract', '--annotations', ...onlyArgs(only), '--date', date, ...Array(passes).fill(files).flat()]);
  const oneRunMs = median([0, 1, 2].map(() => timed(() => run(1))));
  const passes = Math.max(1, Math.ceil((options.minMs ?? MIN_SAMPLE_MS) / Math.max(oneRunMs, 1)));
  const rates = [];
  for (let s = 0; s < (options.samples ?? SAMPLES); s++) {
    const ms = timed(() => run(passes));
    rates.push((corpusWords(articles) * passes) / (ms / 1000));
  }
  return {
    wordsPerSecond: median(rates),
    method: `one process per sample over the ${files.length} files repeated ${passes}× (one --date); ${startup}, included once per sample`,
  };
}

export function nativeTool(root, probeArticle, only) {
  const name = only ? `factcard ${only} only (native)` : 'factcard (native)';
  const binary = path.join(root, 'build', 'cli', 'factcard');
  if (!fs.existsSync(binary)) return unavailable(name, 'build/cli/factcard not found: build first');
  try {
    nativeAnnotations(binary, probeArticle);
  } catch (err) {
    return unavailable(name, `build/cli/factcard extract --annotations failed: ${err.message}`);
  }
  let version = 'unknown';
  try { version = runNative(binary, ['--version']).trim(); } catch { /* no --version */ }
  return {
    name,
    available: true,
    version,
    binary,
    categories: only ? [only] : FACTCARD_CATEGORIES,
    annotate: (article) => nativeAnnotations(binary, article, only),
    throughput: (articles, options = {}) => nativeThroughput(binary, articles, options, only),
  };
}

// ---------------------------------------------------------------- factcard wasm

function wasmAnnotations(x, article, only) {
  const parsed = JSON.parse(call(x, 'fc_extract_annotations', JSON.stringify({ text: article.text, ...(article.gold.date ? { date: article.gold.date } : {}), ...(only ? { only } : {}) })));
  if (parsed.errors) throw new Error(`fc_extract_annotations: ${JSON.stringify(parsed.errors).slice(0, 200)}`);
  return asList(parsed)[0];
}

// The widget's own boundary (web/src/wasm.mjs): the same stubs and calls as in a page.
async function instantiateFile(file) {
  const exports = await instantiate(await WebAssembly.compile(fs.readFileSync(file)));
  const missing = ['fc_alloc', 'fc_free', 'fc_extract_annotations', 'memory'].filter((e) => !exports[e]);
  if (missing.length) throw new Error(`exports lack ${missing.join(', ')}`);
  return exports;
}

export async function wasmTool(root, probeArticle, only) {
  const name = only ? `factcard ${only} only (wasm)` : 'factcard (wasm)';
  const file = path.join(root, 'build-wasm', 'wasm', 'factcard-extract.wasm');
  if (!fs.existsSync(file)) return unavailable(name, 'build-wasm/wasm/factcard-extract.wasm not found: build the wasm first');
  let x;
  try {
    x = await instantiateFile(file);
    wasmAnnotations(x, probeArticle);
  } catch (err) {
    return unavailable(name, `factcard-extract.wasm: ${err.message}`);
  }
  const kib = (fs.statSync(file).size / 1024).toFixed(0);
  return {
    name,
    available: true,
    version: `factcard-extract.wasm, ${kib} KiB`,
    categories: only ? [only] : FACTCARD_CATEGORIES,
    annotate: (article) => wasmAnnotations(x, article, only),
    throughput: (articles, options = {}) => ({
      ...measureInProcess(articles, () => articles.forEach((a) => wasmAnnotations(x, a, only)), options),
      method: 'in process (node WebAssembly), one instance, fc_extract_annotations per article incl. JSON in/out',
    }),
  };
}

// ---------------------------------------------------------------- chrono-node

// The value at the precision chrono is certain of. A weekday ("on Friday")
// counts as a day: chrono commits to one, only marking the date itself implied.
function chronoValue(components) {
  const y = components.get('year'), m = components.get('month'), d = components.get('day');
  if (components.isCertain('day') || components.isCertain('weekday')) return `${y}-${pad(m)}-${pad(d)}`;
  if (components.isCertain('month')) return `${y}-${pad(m)}`;
  return String(y);
}

export async function chronoTool() {
  const name = 'chrono-node';
  let chrono;
  try {
    chrono = await import('chrono-node');
  } catch {
    return unavailable(name, 'chrono-node not installed (npm install in tests/)');
  }
  const annotate = (article) => ({
    dates: chrono.parse(article.text, referenceDate(article.gold.date))
      .map((r) => ({ text: r.text, value: chronoValue(r.start) })),
  });
  return {
    name,
    available: true,
    version: packageVersion('chrono-node'),
    categories: ['dates'],
    annotate,
    throughput: (articles, options = {}) => ({
      ...measureInProcess(articles, () => articles.forEach(annotate), options),
      method: 'in process, chrono.parse(text, refDate) per article',
    }),
  };
}

// ---------------------------------------------------------------- compromise

const EDGE_PUNCTUATION = /^[\s"“”‘’'([]+|[\s"“”‘’'),.;:!?\]]+$/gu;

// Trims punctuation and possessives and drops case-folded duplicates.
function normalisePeople(names) {
  const seen = new Set(), out = [];
  for (const raw of names) {
    const name = raw.replace(EDGE_PUNCTUATION, '').replace(/['’]s$/u, '').replace(/\s+/g, ' ');
    const key = name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
    if (!/\p{L}/u.test(name) || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

// Our own clustering on top: a name whose words all appear in a longer name
// found in the same article ("Putin" in "Vladimir Putin") is dropped.
function mergeContainedNames(names, nameWords) {
  const keys = names.map((n) => new Set(nameWords(n)));
  return names.filter((_, i) => keys[i].size > 0 && !keys.some((other, j) =>
    j !== i && other.size > keys[i].size && [...keys[i]].every((w) => other.has(w))));
}

export async function compromiseTools(nameWords) {
  let nlp;
  try {
    nlp = (await import('compromise')).default;
  } catch {
    return [unavailable('compromise', 'compromise not installed (npm install in tests/)')];
  }
  const people = (article) => normalisePeople(nlp(article.text).people().out('array'));
  const tool = (name, annotate, method) => ({
    name,
    available: true,
    version: nlp.version,
    categories: ['people'],
    annotate,
    throughput: (articles, options = {}) => ({
      ...measureInProcess(articles, () => articles.forEach(annotate), options),
      method,
    }),
  });
  return [
    tool('compromise', (a) => ({ people: people(a) }), "in process, nlp(text).people().out('array') per article"),
    tool('compromise + merge', (a) => ({ people: mergeContainedNames(people(a), nameWords) }),
      'as compromise, plus dropping names contained in a longer one'),
  ];
}
