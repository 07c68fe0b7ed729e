#!/usr/bin/env node
// @ts-check
// Validates factcard's files and outputs against the JSON Schemas in schema/
// (draft 2020-12, with ajv):
//   - the schemas themselves: they compile in strict mode, every property has
//     a description, and the definitions they share are identical;
//   - the demo story and every tests/fixtures/valid/*.json (story schema);
//   - every CLI output: `factcard cards` (cards schema) and `factcard build`
//     (bundle schema for <id>.cards.json; the JSON-LD of <id>.jsonld and of
//     each embed/<card>.html against the schema.org terms factcard uses; the
//     oEmbed schema for every cards/<card>.oembed.json, built with --base), on
//     the demo story, each valid fixture and a story `factcard extract` drafts;
//   - tests/schema/invalid/*.json: each must fail the story schema (and the
//     loader);
//   - tests/fixtures/invalid/*.json: the ones a schema can see must fail it;
//     the ones only the core can see are listed in NEEDS_THE_CORE;
//   - agreement: small stories and bundles varying one field, where the
//     schema's verdict must equal the loader's (`factcard validate`), but
//     for the disagreements listed in KNOWN_DISAGREEMENTS.
//
// Usage: node tests/schema/validate.mjs --factcard build/cli/factcard
// Prints PASS/FAIL (and WARN) lines and a summary; exits 1 on any failure.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (path) => path.startsWith(ROOT + '/') ? path.slice(ROOT.length + 1) : path;

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const args = { factcard: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--factcard') args.factcard = argv[++i];
    else if (arg.startsWith('--factcard=')) args.factcard = arg.slice('--factcard='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node tests/schema/validate.mjs --factcard build/cli/factcard');
      process.exit(0);
    } else {
      console.error(`validate.mjs: unknown argument '${arg}'`);
      process.exit(2);
    }
  }
  if (!args.factcard) {
    console.error('Usage: node tests/schema/validate.mjs --factcard build/cli/factcard');
    process.exit(2);
  }
  args.factcard = resolve(args.factcard);
  if (!existsSync(args.factcard)) {
    console.error(`validate.mjs: no factcard binary at ${args.factcard} (build it: cmake --build build)`);
    process.exit(2);
  }
  return args;
}
const args = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- reporting
let passed = 0;
let failed = 0;
let warned = 0;
const rangeWarnings = new Set(); // schema.org range notes, printed once each in the summary
const counts = { validated: 0, rejected: 0, mutants: 0, skipped: 0, needsCore: 0, agreements: 0, known: 0 };
function pass(name) {
  passed++;
  console.log(`PASS: ${name}`);
}
function fail(name, detail) {
  failed++;
  console.log(`FAIL: ${name}`);
  if (detail) for (const line of String(detail).split('\n').slice(0, 12)) console.log(`      ${line}`);
}
function warn(name) {
  warned++;
  console.log(`WARN: ${name}`);
}
function check(name, ok, detail) {
  if (ok) pass(name);
  else fail(name, detail);
  return ok;
}
function section(title) {
  console.log(`\n== ${title}`);
}

// ---------------------------------------------------------------- files
// Reads a JSON file as the loader does: UTF-8 (invalid bytes are an error,
// not U+FFFD), an optional byte order mark. Returns { value } or { error }.
function readJson(path) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)); // drops a BOM
  } catch (e) {
    return { error: `not UTF-8: ${e.message}` };
  }
  return parseJson(text);
}
function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `not JSON: ${e.message}` };
  }
}
const jsonFiles = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];

function factcard(argv) {
  const run = spawnSync(args.factcard, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout || '', stderr: run.stderr || '' };
}

// ---------------------------------------------------------------- schemas
// The CommonJS default export, as Node hands it to an ES module (tsc reads its types otherwise).
const ajv = new /** @type {typeof import('ajv/dist/2020.js').default} */ (/** @type {unknown} */ (Ajv2020))({ strict: true, allErrors: true, allowUnionTypes: true });
/** @type {typeof import('ajv-formats').default} */ (/** @type {unknown} */ (addFormats))(ajv);
const SCHEMA_FILES = {
  story: join(ROOT, 'schema/story.schema.json'),
  bundle: join(ROOT, 'schema/bundle.schema.json'),
  cards: join(ROOT, 'schema/cards.schema.json'),
  oembed: join(ROOT, 'schema/oembed.schema.json'),
  jsonld: join(ROOT, 'tests/schema/jsonld.schema.json'),
};
const schemas = {};
const validators = {};
section('schemas');
for (const [name, path] of Object.entries(SCHEMA_FILES)) {
  const read = readJson(path);
  if (!check(`${rel(path)} is JSON`, !read.error, read.error)) continue;
  schemas[name] = read.value;
  try {
    validators[name] = ajv.compile(read.value);
    pass(`${rel(path)} compiles (draft 2020-12, ajv strict mode)`);
  } catch (e) {
    fail(`${rel(path)} compiles (draft 2020-12, ajv strict mode)`, e.message);
  }
}
if (Object.keys(validators).length !== Object.keys(SCHEMA_FILES).length) finish();
for (const name of ['story', 'bundle', 'cards', 'oembed']) {
  const schema = schemas[name];
  check(`${name}.schema.json: draft 2020-12, $id, title, description`,
    schema.$schema === 'https://json-schema.org/draft/2020-12/schema' && /^https?:\/\//.test(schema.$id || '')
      && schema.$id.endsWith(`/${name}.schema.json`) && schema.title && schema.description);
  const missing = undescribed(schema);
  check(`${name}.schema.json: every property has a description (editors show them)`, missing.length === 0,
    missing.join('\n'));
  const closed = closedObjects(schema);
  check(`${name}.schema.json: objects stay open to unknown fields (newer files survive)`, closed.length === 0,
    closed.join('\n'));
}
{ // definitions with one name in several schemas must be the same definition
  const seen = new Map();
  const differ = [];
  for (const name of ['story', 'bundle', 'cards', 'oembed']) {
    for (const [def, value] of Object.entries(schemas[name].$defs || {})) {
      if (!seen.has(def)) seen.set(def, { name, value });
      else if (!isDeepStrictEqual(seen.get(def).value, value)) differ.push(`$defs/${def}: ${seen.get(def).name} vs ${name}`);
    }
  }
  check('story, bundle, cards and oembed schemas share identical $defs (id, date, webUrl, enums ...)', differ.length === 0,
    differ.join('\n'));
}

// Paths of properties without a description, anywhere in a schema.
function undescribed(schema) {
  const out = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'properties' || key === '$defs') && value && typeof value === 'object') {
        for (const [prop, sub] of Object.entries(value)) {
          const inIf = /\/(if|then)(\/|$)/.test(path); // if/then only restate constraints
          if (!inIf && (typeof sub !== 'object' || typeof sub.description !== 'string' || !sub.description))
            out.push(`${path}/${key}/${prop}`);
          walk(sub, `${path}/${key}/${prop}`);
        }
      } else walk(value, `${path}/${key}`);
    }
  };
  walk(schema, '#');
  return out;
}
// Paths of subschemas that close an object (additionalProperties: false ...).
function closedObjects(schema) {
  const out = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const key of ['additionalProperties', 'unevaluatedProperties']) {
      if (key in node && node[key] !== true) out.push(`${path}/${key}`);
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
  };
  walk(schema, '#');
  return out;
}

function errorsOf(validate) {
  return (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValues
    ? ` (${e.params.allowedValues.join(', ')})` : ''}`).join('\n');
}
// One PASS/FAIL: the value is valid against the named schema.
function expectValid(kind, value, label) {
  const validate = validators[kind];
  const ok = validate(value);
  if (ok) counts.validated++;
  return check(`${label} is valid against ${kind === 'jsonld' ? 'tests/schema/jsonld' : `schema/${kind}`}.schema.json`,
    ok, errorsOf(validate));
}
const isValid = (kind, value) => validators[kind](value);
const kindOf = (value) => value && typeof value === 'object' && !Array.isArray(value) && 'factcard_bundle' in value
  ? 'bundle' : 'story';

// ---------------------------------------------------------------- story files
section('story files');
const DEMO = join(ROOT, 'demo/stories/putin-mongolia-2024.json');
const VALID_FIXTURES = jsonFiles(join(ROOT, 'tests/fixtures/valid'));
const storyFiles = [DEMO, ...VALID_FIXTURES];
for (const path of storyFiles) {
  const read = readJson(path);
  if (!check(`${rel(path)} parses`, !read.error, read.error)) continue;
  expectValid('story', read.value, rel(path));
  const pointer = read.value.$schema;
  if (typeof pointer === 'string' && !/^[a-z]+:/i.test(pointer)) {
    check(`${rel(path)}: "$schema" points at schema/story.schema.json`,
      resolve(dirname(path), pointer) === SCHEMA_FILES.story, `${pointer} -> ${resolve(dirname(path), pointer)}`);
  }
}

// ---------------------------------------------------------------- JSON-LD
// The schema.org terms factcard writes, per type; anything else fails.
// Each property: the types schema.org defines it on (domain) and the types
// it expects as values (range), from https://schema.org/<property>.
const TYPES = { // schema.org type -> its parent
  Thing: null, CreativeWork: 'Thing', Claim: 'CreativeWork', Article: 'CreativeWork', NewsArticle: 'Article',
  Person: 'Thing', Organization: 'Thing', Place: 'Thing', Comment: 'CreativeWork', CorrectionComment: 'Comment',
};
const SCHEMA_ORG = {
  identifier: { domain: ['Thing'], range: ['Text', 'URL', 'PropertyValue'] },
  text: { domain: ['CreativeWork'], range: ['Text'] },
  author: { domain: ['CreativeWork', 'Rating'], range: ['Organization', 'Person'] },
  appearance: { domain: ['Claim'], range: ['CreativeWork'] },
  firstAppearance: { domain: ['Claim'], range: ['CreativeWork'] },
  datePublished: { domain: ['CreativeWork'], range: ['Date', 'DateTime'] },
  dateModified: { domain: ['CreativeWork', 'DataFeedItem'], range: ['Date', 'DateTime'] },
  correction: { domain: ['CreativeWork'], range: ['CorrectionComment', 'Text', 'URL'] },
  temporalCoverage: { domain: ['CreativeWork'], range: ['DateTime', 'Text', 'URL'] },
  headline: { domain: ['CreativeWork'], range: ['Text'] },
  url: { domain: ['Thing'], range: ['URL'] },
  publisher: { domain: ['CreativeWork'], range: ['Organization', 'Person'] },
  name: { domain: ['Thing'], range: ['Text'] },
};
const USED = { // the properties factcard writes on each type
  Claim: ['identifier', 'text', 'author', 'appearance', 'firstAppearance', 'datePublished', 'temporalCoverage',
    'dateModified', 'correction'],
  NewsArticle: ['headline', 'url', 'datePublished', 'publisher'],
  CorrectionComment: ['text', 'datePublished'],
  Organization: ['name'], Person: ['name'], Place: ['name'], Thing: ['name'],
};
const isA = (type, parents) => {
  for (let t = type; t; t = TYPES[t]) if (parents.includes(t)) return true;
  return false;
};
// Problems of one JSON-LD document with the vocabulary: unknown types or
// properties, properties on types they are not defined on (failures), and
// values outside a property's expected types (warnings: schema.org ranges
// are expectations, not constraints).
function vocabularyProblems(doc) {
  const problems = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    const type = node['@type'];
    if (type !== undefined) {
      if (!(type in TYPES) || !(type in USED)) problems.push(`${path}: type ${type} is not one factcard uses`);
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('@')) continue;
        const term = SCHEMA_ORG[key];
        if (!term) problems.push(`${path}/${key}: not a schema.org term factcard uses`);
        else if (!(USED[type] || []).includes(key)) problems.push(`${path}/${key}: not in the list of ${type}'s properties`);
        else if (!isA(type, term.domain)) problems.push(`${path}/${key}: schema.org defines it on ${term.domain.join('|')}, not ${type}`);
        else {
          for (const v of Array.isArray(value) ? value : [value]) {
            const valueType = v && typeof v === 'object' ? v['@type'] : null;
            const fits = valueType ? isA(valueType, term.range)
              : term.range.some((r) => ['Text', 'URL', 'Date', 'DateTime'].includes(r));
            if (!fits) rangeWarnings.add(`${type}.${key} = ${valueType || typeof v}: schema.org expects ${term.range.join(' or ')}`);
          }
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (typeof value === 'object') walk(value, `${path}/${key}`);
  };
  walk(doc, '#');
  return problems;
}

function checkStoryJsonld(ld, cardsOut, label) {
  expectValid('jsonld', ld, label);
  const problems = vocabularyProblems(ld);
  check(`${label}: only the schema.org terms of USED, each on a type schema.org defines it on`, problems.length === 0,
    problems.join('\n'));
  const graph = Array.isArray(ld['@graph']) ? ld['@graph'] : [];
  const cards = cardsOut.cards;
  const mismatched = cards.filter((card, i) => !graph[i] || graph[i]['@id'] !== `#${card.id}`
    || graph[i].identifier !== card.id || graph[i].text !== card.what || graph[i].author?.name !== card.who.name);
  check(`${label}: one Claim per card, in order, with its id, text and author (${graph.length} of ${cards.length})`,
    graph.length === cards.length && mismatched.length === 0, mismatched.map((c) => c.id).join(', '));
}

const LD_SCRIPT = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/gi;
function checkSnippets(dir, storyLd, cardsOut, label) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
  const byId = new Map((storyLd['@graph'] || []).map((claim) => [claim['@id'], claim]));
  const problems = [];
  let valid = 0;
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    const scripts = [...html.matchAll(LD_SCRIPT)];
    if (scripts.length !== 1) {
      problems.push(`${file}: ${scripts.length} JSON-LD script elements, expected 1`);
      continue;
    }
    const body = scripts[0][1];
    if (body.includes('<')) problems.push(`${file}: '<' inside the JSON-LD script element`);
    const parsed = parseJson(body);
    if (parsed.error) {
      problems.push(`${file}: ${parsed.error}`);
      continue;
    }
    const ld = parsed.value;
    if (!isValid('jsonld', ld)) {
      problems.push(`${file}: ${errorsOf(validators.jsonld).split('\n')[0]}`);
      continue;
    }
    if (ld['@graph'] !== undefined) problems.push(`${file}: a @graph, expected one Claim`);
    problems.push(...vocabularyProblems(ld).map((p) => `${file}: ${p}`));
    const { '@context': context, ...claim } = ld;
    const card = basename(file, '.html');
    if (claim['@id'] !== `#${card}`) problems.push(`${file}: the Claim is ${claim['@id']}, not #${card}`);
    else if (!isDeepStrictEqual(claim, byId.get(`#${card}`))) problems.push(`${file}: differs from ${card} in the story's .jsonld`);
    else valid++;
  }
  counts.validated += valid;
  check(`${label}: each of the ${cardsOut.cards.length} embed snippets carries its card's Claim as JSON-LD `
    + `(valid against tests/schema/jsonld.schema.json, equal to the .jsonld's; ${valid} of ${files.length})`,
  files.length === cardsOut.cards.length && problems.length === 0, problems.join('\n'));
}

// ---------------------------------------------------------------- CLI outputs
section('CLI outputs');
const OEMBED_BASE = 'https://cards.example.org/news/'; // oEmbed files need an absolute --base
const TMP = mkdtempSync(join(tmpdir(), 'factcard-schema-'));
const draftLabels = new Map(); // temp file -> what it is
const outputs = {}; // the demo story's cards, bundle and JSON-LD, to break on purpose below
process.on('exit', () => rmSync(TMP, { recursive: true, force: true }));

// Stories `factcard extract` drafts: from each article of the extraction
// tests alone, and from the demo story's articles together (when present).
const ARTICLES = join(ROOT, 'tests/extract/articles');
const SEEDS = join(ROOT, '../shared/seeds');
const cliStories = [...storyFiles];
const drafts = [];
if (existsSync(ARTICLES)) {
  for (const f of readdirSync(ARTICLES).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
    drafts.push({ label: `tests/extract/articles/${f}`, articles: [join(ARTICLES, f)] });
  }
}
if (existsSync(SEEDS)) {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  if (seeds.length) drafts.push({ label: `the ${seeds.length} articles of ../shared/seeds`, articles: seeds });
}
for (const [index, { label, articles }] of drafts.entries()) {
  const run = factcard(['extract', ...articles]);
  if (!check(`factcard extract ${label}: exit 0`, run.status === 0, run.stderr)) continue;
  const read = parseJson(run.stdout);
  if (!check(`factcard extract ${label}: the draft parses`, !read.error, read.error)) continue;
  if (expectValid('story', read.value, `factcard extract ${label} (the draft story)`)) {
    const draft = join(TMP, `extracted-${index}.json`);
    writeFileSync(draft, run.stdout);
    draftLabels.set(draft, `the draft of ${label}`);
    cliStories.push(draft);
  }
}

// A story whose text tries to end the snippet's JSON-LD script element.
{
  const hostile = join(TMP, 'hostile.json');
  const story = {
    factcard: 1,
    story: { id: 'hostile', title: '</script><script>alert(1)</script>', language: 'en' },
    entities: [{ id: 'who', name: 'Mr </SCRIPT ><!-- <script>', kind: 'organization' }],
    sources: [{ id: 'src', publisher: 'Pub & </script>', headline: '<img src=x onerror=alert(1)>',
      url: 'https://example.org/a?b=1&c=2', published: '2024-09-03' }],
    claims: [{ id: 'x', kind: 'quote', who: 'who', what: '</script><script>alert(1)</script>', when: '2024-09',
      evidence: [{ source: 'src', quote: '</script>' }] }],
  };
  writeFileSync(hostile, JSON.stringify(story));
  expectValid('story', story, 'a story with "</script>" in its text');
  draftLabels.set(hostile, 'a story with "</script><script>alert(1)</script>" in its text');
  cliStories.push(hostile);
}

for (const path of cliStories) {
  const label = draftLabels.get(path) || rel(path);
  const cards = factcard(['cards', path]);
  if (!check(`factcard cards ${label}: exit 0`, cards.status === 0, cards.stderr)) continue;
  const cardsJson = parseJson(cards.stdout);
  if (!check(`factcard cards ${label}: JSON`, !cardsJson.error, cardsJson.error)) continue;
  expectValid('cards', cardsJson.value, `factcard cards ${label}`);
  if (path === DEMO) outputs.cards = cardsJson.value;

  const out = join(TMP, `build-${cliStories.indexOf(path)}`);
  const build = factcard(['build', path, '-o', out, '--base', OEMBED_BASE]);
  if (!check(`factcard build ${label}: exit 0`, build.status === 0, build.stderr)) continue;
  const id = cardsJson.value.story.id;
  const bundlePath = join(out, `${id}.cards.json`);
  const bundle = readJson(bundlePath);
  if (check(`factcard build ${label}: ${id}.cards.json parses`, !bundle.error, bundle.error)) {
    expectValid('bundle', bundle.value, `factcard build ${label} -> ${id}.cards.json`);
    if (path === DEMO) outputs.bundle = bundle.value;
    const again = factcard(['cards', bundlePath]);
    const againJson = parseJson(again.stdout);
    if (check(`factcard cards ${id}.cards.json (a bundle): exit 0, JSON`, again.status === 0 && !againJson.error,
      again.stderr || againJson.error)) {
      expectValid('cards', againJson.value, `factcard cards ${label}'s bundle`);
    }
  }
  const ld = readJson(join(out, `${id}.jsonld`));
  if (check(`factcard build ${label}: ${id}.jsonld parses`, !ld.error, ld.error)) {
    checkStoryJsonld(ld.value, cardsJson.value, `factcard build ${label} -> ${id}.jsonld`);
    if (path === DEMO) outputs.jsonld = ld.value;
    checkSnippets(join(out, 'embed'), ld.value, cardsJson.value, `factcard build ${label}`);
  }
  checkOembed(join(out, 'cards'), cardsJson.value, path === DEMO, `factcard build ${label}`);
}

// Every card's oEmbed file validates, and its iframe shows that card's own page.
function checkOembed(dir, cardsOut, keep, label) {
  const ids = cardsOut.cards.map((card) => card.id);
  let valid = 0;
  const wrong = [];
  for (const id of ids) {
    const read = readJson(join(dir, `${id}.oembed.json`));
    if (read.error) { wrong.push(`${id}.oembed.json: ${read.error}`); continue; }
    if (keep && !outputs.oembed) outputs.oembed = read.value;
    if (!isValid('oembed', read.value)) { wrong.push(`${id}.oembed.json: ${errorsOf(validators.oembed)}`); continue; }
    const src = /<iframe [^>]*src="([^"]+)"/.exec(read.value.html)?.[1];
    if (src !== `${OEMBED_BASE}cards/${id}.html`) { wrong.push(`${id}.oembed.json: iframe src ${src}`); continue; }
    valid++;
  }
  counts.validated += valid;
  check(`${label}: all ${ids.length} cards/<id>.oembed.json match schema/oembed.schema.json and frame their own page`,
    wrong.length === 0 && ids.length > 0, wrong.join('\n'));
}

// ---------------------------------------------------------------- the schemas bite
section('the output schemas reject broken outputs');
// Broken copies of real outputs: each must fail its schema, so that a
// regression in the core's output shape cannot pass unseen.
function mutants(kind, original, cases) {
  if (!original) return fail(`${kind}: no output to mutate (an earlier step failed)`);
  for (const [name, mutate] of cases) {
    const copy = structuredClone(original);
    mutate(copy);
    const ok = isValid(kind, copy) && (kind !== 'jsonld' || vocabularyProblems(copy).length === 0);
    if (!ok) counts.mutants++;
    check(`${kind === 'jsonld' ? 'tests/schema/jsonld' : `schema/${kind}`}.schema.json rejects ${name}`, !ok);
  }
}
mutants('cards', outputs.cards, [
  ['a card without "status"', (d) => { delete d.cards[0].status; }],
  ['status "maybe"', (d) => { d.cards[0].status = 'maybe'; }],
  ['"who" as an id string (the bundle form)', (d) => { d.cards[0].who = d.cards[0].who.id; }],
  ['"who" without "kind"', (d) => { delete d.cards[0].who.kind; }],
  ['"when": "unknown" (unknown is left out)', (d) => { d.cards[0].when = 'unknown'; }],
  ['"when": null', (d) => { d.cards[0].when = null; }],
  ['evidence without "stance"', (d) => { delete d.cards[0].evidence[0].stance; }],
  ['an evidence "source" that is an id string', (d) => { d.cards[0].evidence[0].source = 'mt'; }],
  ['a source url "javascript:alert(1)"', (d) => { d.cards[0].evidence[0].source.url = 'javascript:alert(1)'; }],
  ['corroboration -1', (d) => { d.cards[0].corroboration = -1; }],
  ['corroboration 1.5', (d) => { d.cards[0].corroboration = 1.5; }],
  ['"claims": []', (d) => { d.cards[0].claims = []; }],
  ['no "story"', (d) => { delete d.story; }],
  ['"updates": [] (left out when none)', (d) => { d.cards[0].updates = []; }],
  ['an update dated "2024-09" (a day is needed)', (d) => { d.cards[0].updates = [{ date: '2024-09', note: 'x' }]; }],
  ['an update without "note"', (d) => { d.cards[0].updates = [{ date: '2024-09-03' }]; }],
]);
mutants('bundle', outputs.bundle, [
  ['no "factcard_bundle"', (d) => { delete d.factcard_bundle; }],
  ['"who" as an object (the cards form)', (d) => { d.cards[0].who = { id: d.cards[0].who }; }],
  ['an evidence "source" that is an object', (d) => { d.cards[0].evidence[0].source = { id: 'mt' }; }],
]);
mutants('oembed', outputs.oembed, [
  ['type "video"', (d) => { d.type = 'video'; }],
  ['no "html"', (d) => { delete d.html; }],
  ['html with a script tag', (d) => { d.html += '<script src="https://x.example/w.js"></script>'; }],
  ['an iframe of another page than a card page', (d) => { d.html = d.html.replace(/\/cards\/[^"]+\.html"/, '/x.html"'); }],
  ['a relative provider_url', (d) => { d.provider_url = 'news/'; }],
  ['height 1200 (WordPress clamps to 1000)', (d) => { d.height = 1200; }],
]);
mutants('jsonld', outputs.jsonld, [
  ['a Claim with a property factcard does not write ("name")', (d) => { d['@graph'][0].name = 'x'; }],
  ['a NewsArticle with "author"', (d) => { d['@graph'][0].appearance[0].author = { '@type': 'Person', name: 'x' }; }],
  ['an author of @type "Robot"', (d) => { d['@graph'][0].author['@type'] = 'Robot'; }],
  ['a Claim without "text"', (d) => { delete d['@graph'][0].text; }],
  ['"datePublished": "~2024-09" (not ISO 8601)', (d) => { d['@graph'][0].datePublished = '~2024-09'; d['@graph'][0].firstAppearance = d['@graph'][0].appearance[0]; }],
  ['"temporalCoverage": "2024-02-30"', (d) => { d['@graph'][0].temporalCoverage = '2024-02-30'; }],
  ['"appearance" as one object, not a list', (d) => { d['@graph'][0].appearance = d['@graph'][0].appearance[0]; }],
  ['"@context": "http://schema.org/"', (d) => { d['@context'] = 'http://schema.org/'; }],
  ['a NewsArticle url "javascript:alert(1)"', (d) => { d['@graph'][0].appearance[0].url = 'javascript:alert(1)'; }],
  ['a publisher of @type Person', (d) => { d['@graph'][0].appearance[0].publisher = { '@type': 'Person', name: 'x' }; }],
  ['@type "ClaimReview"', (d) => { d['@graph'][0]['@type'] = 'ClaimReview'; }],
  ['"dateModified" without "correction"', (d) => { d['@graph'][0].dateModified = '2024-09-04'; delete d['@graph'][0].correction; }],
  ['a "correction" without "datePublished"', (d) => {
    d['@graph'][0].dateModified = '2024-09-04';
    d['@graph'][0].correction = [{ '@type': 'CorrectionComment', text: 'x' }];
  }],
  ['a "correction" of @type "Comment"', (d) => {
    d['@graph'][0].dateModified = '2024-09-04';
    d['@graph'][0].correction = [{ '@type': 'Comment', text: 'x', datePublished: '2024-09-04' }];
  }],
]);

// ---------------------------------------------------------------- invalid files
section('tests/schema/invalid: each must fail the story schema and the loader');
const INVALID = jsonFiles(join(ROOT, 'tests/schema/invalid'));
check(`tests/schema/invalid holds invalid stories (${INVALID.length})`, INVALID.length >= 15);
const invalidLoader = loaderVerdicts(INVALID);
for (const path of INVALID) {
  const read = readJson(path);
  if (!check(`${rel(path)} parses (it must fail the schema, not the parser)`, !read.error, read.error)) continue;
  const ok = isValid('story', read.value);
  if (!ok) counts.rejected++;
  const why = read.value.$comment || '';
  check(`${rel(path)} is rejected by the story schema${why ? ` (${why})` : ''}`, !ok,
    'the schema accepts it');
  check(`${rel(path)} is rejected by the loader too`, invalidLoader.get(path) === false, 'factcard validate accepts it');
}

section('tests/fixtures/invalid');
// Invalid fixtures whose errors only the core sees: JSON Schema has no
// references across the file, no name resolution, no uniqueness of ids
// across objects, and JSON.parse keeps the last of duplicate keys.
const NEEDS_THE_CORE = {
  'bad-references.json': 'ambiguous and unknown names, unknown source, a name shared by two entities',
  'duplicate-key.json': 'a duplicate key (JSON.parse keeps the last one)',
  'tampered-bundle.json': 'unknown card and source ids, corroboration that does not match the evidence',
};
for (const path of jsonFiles(join(ROOT, 'tests/fixtures/invalid'))) {
  const name = basename(path);
  const read = readJson(path);
  if (read.error) {
    counts.skipped++;
    pass(`${rel(path)}: skipped, unparsable (${read.error.split('\n')[0]})`);
    continue;
  }
  const kind = kindOf(read.value);
  const ok = isValid(kind, read.value);
  if (name in NEEDS_THE_CORE) {
    counts.needsCore++;
    check(`${rel(path)}: passes the ${kind} schema; needs the core (${NEEDS_THE_CORE[name]})`, ok,
      'the schema now rejects it: remove it from NEEDS_THE_CORE');
  } else {
    if (!ok) counts.rejected++;
    check(`${rel(path)} is rejected by the ${kind} schema`, !ok,
      'the schema accepts it: if only the core can see its errors, list it in NEEDS_THE_CORE');
  }
}

// ---------------------------------------------------------------- agreement
section('agreement with the loader (factcard validate)');
// Verdicts of `factcard validate` on files: path -> true (valid) / false.
function loaderVerdicts(paths) {
  const verdicts = new Map(paths.map((p) => [p, false]));
  if (!paths.length) return verdicts;
  const run = factcard(['validate', ...paths]);
  for (const line of run.stdout.split('\n')) {
    const m = /^(.*): valid (story|bundle) \(/.exec(line);
    if (m && verdicts.has(m[1])) verdicts.set(m[1], true);
  }
  return verdicts;
}

const baseStory = () => ({
  factcard: 1,
  story: { id: 'probe', title: 'Probe', language: 'en' },
  entities: [{ id: 'putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'] }],
  sources: [{ id: 'mt', publisher: 'The Moscow Times', url: 'https://www.themoscowtimes.com/a', published: '2024-09-02' }],
  claims: [{ id: 'visit', kind: 'event', who: 'putin', what: 'Putin visited Mongolia.', when: '2024-09-03',
    evidence: [{ source: 'mt', quote: 'Putin arrived in Ulaanbaatar.' }] }],
});
const baseBundle = () => ({
  factcard_bundle: 1,
  story: { id: 'probe' },
  entities: [{ id: 'putin', name: 'Vladimir Putin', kind: 'person' }],
  sources: [{ id: 'mt', publisher: 'The Moscow Times' }],
  cards: [{ id: 'visit', claims: ['visit'], kind: 'event', status: 'single-source', corroboration: 1, who: 'putin',
    what: 'Putin visited Mongolia.', contradicts: [], evidence: [{ source: 'mt', quote: 'Q.' }] }],
});
const probes = []; // { name, kind, text, known? }
const story = (name, mutate, known) => {
  const s = baseStory();
  mutate(s);
  probes.push({ name, kind: 'story', text: JSON.stringify(s), known });
};
const bundle = (name, mutate, known) => {
  const b = baseBundle();
  mutate(b);
  probes.push({ name, kind: 'bundle', text: JSON.stringify(b), known });
};
const raw = (name, kind, text, known) => probes.push({ name, kind, text, known });

const DATES = ['2024', '2024-09', '2024-09-03', '~2024', '~2024-09', '~2024-09-03', 'unknown', '0000', '9999-12-31',
  '2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2400-02-29', '2100-02-29', '0000-02-29', '1996-02-29',
  '2024-02-30', '2024-04-30', '2024-04-31', '2024-06-31', '2024-09-31', '2024-11-31', '2024-01-31', '2024-03-31',
  '2024-05-31', '2024-07-31', '2024-08-31', '2024-10-31', '2024-12-31', '2024-12-32', '2024-13', '2024-00',
  '2024-09-00', '2024-9', '2024-9-3', '24', '20245', '~unknown', 'Unknown', '~~2024', ' 2024', '2024 ', '',
  '2024-09-03T10:00', '2024/09/03', '２０２４', '~', '-2024', '2024-'];
for (const d of DATES) story(`claim "when": ${JSON.stringify(d)}`, (s) => { s.claims[0].when = d; });
for (const d of DATES) {
  story(`claim "updates" date: ${JSON.stringify(d)}`, (s) => { s.claims[0].updates = [{ date: d, note: 'n' }]; });
}
const UPDATES = [null, {}, [], ['x'], [{ date: '2024-09-03' }], [{ note: 'n' }], [{ date: '2024-09-03', note: ' ' }],
  [{ date: '2024-09-03', note: 5 }], [{ date: '..2024-09-03', note: 'n' }], [{ date: '2024-09-03', note: 'n', by: 'desk' }]];
for (const u of UPDATES) {
  story(`claim "updates": ${JSON.stringify(u)}`, (s) => { s.claims[0].updates = u; });
  bundle(`bundle card "updates": ${JSON.stringify(u)}`, (b) => { b.cards[0].updates = u; });
}
for (const d of ['2023-02-29', '~2024-02', 'unknown', 'Sept 2024']) {
  story(`source "published": ${JSON.stringify(d)}`, (s) => { s.sources[0].published = d; });
  bundle(`bundle card "when": ${JSON.stringify(d)}`, (b) => { b.cards[0].when = d; });
}
const IDS = ['a', '0', '_x', '-x', 'a.b', 'a..b', 'x.', '.x', 'A', 'a b', 'a/b', 'é', 'a\u0000', 'x'.repeat(200),
  'x'.repeat(201), ''];
for (const id of IDS) {
  story(`claim id ${JSON.stringify(id.length > 20 ? `${id.length} x's` : id)}`, (s) => { s.claims[0].id = id; });
  story(`story id ${JSON.stringify(id.length > 20 ? `${id.length} x's` : id)}`, (s) => { s.story.id = id; });
}
const URLS = ['https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/', 'HtTp://x.y',
  'https://user@example.org:8080/p', "https://example.org/it's", 'https://example.org/é', 'https://example.org/\u00a0',
  'https://example.org/\u0085', 'https://', 'http://', 'https:///path', 'https:example.org', ' https://example.org',
  'https://example.org ', 'https://a b', 'https://example.org/\t', 'https://example.org/\u007f',
  'https://example.org/"', 'https://example.org/<', 'https://example.org/>', 'https://example.org/\\',
  'https://example.org/^', 'https://example.org/`', 'https://example.org/{', 'https://example.org/|',
  'https://example.org/}', 'ftp://example.org', '//example.org', 'javascript:alert(1)', 'relative', '', 'https:/x',
  'httpss://x'];
for (const url of URLS) story(`source url ${JSON.stringify(url)}`, (s) => { s.sources[0].url = url; });
for (const [field, values] of Object.entries({
  what: [' ', '\t\n\r ', '\u00a0', '\f', '\v', 'x', 7, null],
  who: ['', ' ', 'Putin', 'Vladimir Putin', 'putin'],
  kind: ['event', 'statement', 'quote', 'figure', 'Event', 'rumor', null, 1],
})) {
  for (const v of values) story(`claim ${field}: ${JSON.stringify(v)}`, (s) => { s.claims[0][field] = v; });
}
story('claim who: "Nobody" (unknown entity)', (s) => { s.claims[0].who = 'Nobody'; }, 'needs the core: names resolve to entities');
story('claim who: "Vladimir" (ambiguous with a second Vladimir)', (s) => {
  s.entities.push({ id: 'zelensky', name: 'Volodymyr Zelensky', aliases: ['Vladimir Zelensky'] });
  s.claims[0].who = 'Vladimir';
}, 'needs the core: a name that fits two entities is ambiguous');
story('evidence source: "tass" (no such source)', (s) => { s.claims[0].evidence[0].source = 'tass'; },
  'needs the core: references resolve');
story('evidence source: "MT" (not an id)', (s) => { s.claims[0].evidence[0].source = 'MT'; });
story('two entities with id "putin"', (s) => { s.entities.push({ id: 'putin', name: 'Other Putin Person' }); },
  'needs the core: ids are unique within their table');
story('two claims with id "visit"', (s) => { s.claims.push({ ...s.claims[0], what: 'Another thing.' }); },
  'needs the core: ids are unique within their table');
for (const [value, topic] of [[95, 't'], [95.5, 't'], [-1e300, 't'], [true, 't'], ['text', 't'], ['2024-09', 't'],
  [null, undefined], [95, undefined], [95, null], [[1], 't'], [{}, 't'], [95, 7], [95, '']]) {
  story(`claim value ${JSON.stringify(value)} topic ${JSON.stringify(topic)}`, (s) => {
    s.claims[0].value = value;
    if (topic !== undefined) s.claims[0].topic = topic;
  });
}
for (const [where, set] of /** @type {Array<[string, (s: any, v: any) => void]>} */ ([
  ['story title', (s, v) => { s.story.title = v; }], ['story language', (s, v) => { s.story.language = v; }],
  ['entity kind', (s, v) => { s.entities[0].kind = v; }], ['entity description', (s, v) => { s.entities[0].description = v; }],
  ['entity aliases', (s, v) => { s.entities[0].aliases = v; s.claims[0].who = 'putin'; }],
  ['source publisher', (s, v) => { s.sources[0].publisher = v; }], ['source url', (s, v) => { s.sources[0].url = v; }],
  ['source published', (s, v) => { s.sources[0].published = v; }], ['source authors', (s, v) => { s.sources[0].authors = v; }],
  ['claim when', (s, v) => { s.claims[0].when = v; }], ['claim where', (s, v) => { s.claims[0].where = v; }],
  ['claim topic', (s, v) => { s.claims[0].topic = v; }], ['evidence stance', (s, v) => { s.claims[0].evidence[0].stance = v; }],
  ['evidence speaker', (s, v) => { s.claims[0].evidence[0].speaker = v; }], ['$schema', (s, v) => { s.$schema = v; }],
])) {
  story(`${where}: null (unknown)`, (s) => set(s, null));
  story(`${where}: 42`, (s) => set(s, 42));
}
for (const v of [[], ['Putin'], [''], [' '], ['x', 2], 'Putin']) {
  story(`entity aliases ${JSON.stringify(v)}`, (s) => { s.entities[0].aliases = v; s.claims[0].who = 'putin'; });
  story(`source authors ${JSON.stringify(v)}`, (s) => { s.sources[0].authors = v; });
}
for (const v of ['supports', 'refutes', 'Supports', '']) {
  story(`evidence stance ${JSON.stringify(v)}`, (s) => { s.claims[0].evidence[0].stance = v; });
}
for (const v of ['putin', 'Putin', '']) {
  story(`evidence speaker ${JSON.stringify(v)}`, (s) => { s.claims[0].evidence[0].speaker = v; });
}
for (const v of ['person', 'organization', 'place', 'other', 'country', '']) {
  story(`entity kind ${JSON.stringify(v)}`, (s) => { s.entities[0].kind = v; });
}
for (const section of ['entities', 'sources', 'claims']) {
  story(`"${section}" absent`, (s) => { delete s[section]; if (section !== 'claims') s.claims = []; });
  story(`"${section}": null`, (s) => { s[section] = null; });
  story(`"${section}": {}`, (s) => { s[section] = {}; });
  story(`"${section}": [1]`, (s) => { s[section] = [1]; });
}
story('extra fields everywhere', (s) => {
  s['x-top'] = { a: [1] };
  s.story['x-story'] = 1;
  s.entities[0]['x-e'] = null;
  s.sources[0]['x-s'] = 'x';
  s.claims[0]['x-c'] = [];
  s.claims[0].evidence[0]['x-ev'] = { deep: true };
});
story('"story": null', (s) => { s.story = null; });
story('"story": {} (no id)', (s) => { s.story = {}; });
story('"story" absent', (s) => { delete s.story; });
story('"factcard": "1"', (s) => { s.factcard = '1'; });
story('"factcard": 2', (s) => { s.factcard = 2; });
story('"cards" in a story', (s) => { s.cards = []; });
raw('"factcard": 1.0', 'story', JSON.stringify(baseStory()).replace('"factcard":1', '"factcard":1.0'),
  'JSON.parse reads 1.0 as 1; the loader wants an integer token');
raw('"factcard": 1e0', 'story', JSON.stringify(baseStory()).replace('"factcard":1', '"factcard":1e0'),
  'JSON.parse reads 1e0 as 1; the loader wants an integer token');
raw('a top-level array', 'story', `[${JSON.stringify(baseStory())}]`);
raw('a top-level string', 'story', '"story"');

for (const [name, mutate, known] of [
  ['the bundle as written', () => {}],
  ['status "maybe"', (b) => { b.cards[0].status = 'maybe'; }],
  ['status absent', (b) => { delete b.cards[0].status; }],
  ['kind "rumor"', (b) => { b.cards[0].kind = 'rumor'; }],
  ['corroboration -1', (b) => { b.cards[0].corroboration = -1; }],
  ['corroboration "1"', (b) => { b.cards[0].corroboration = '1'; }],
  ['corroboration 1000001', (b) => { b.cards[0].corroboration = 1000001; }],
  ['corroboration 2 (the evidence says 1)', (b) => { b.cards[0].corroboration = 2; },
    'needs the core: corroboration is counted from the evidence'],
  ['corroboration absent', (b) => { delete b.cards[0].corroboration; }],
  ['who "Putin" (a name, not an id)', (b) => { b.cards[0].who = 'Putin'; }],
  ['who "peskov" (no such entity)', (b) => { b.cards[0].who = 'peskov'; }, 'needs the core: references resolve'],
  ['speaker "putin"', (b) => { b.cards[0].evidence[0].speaker = 'putin'; }],
  ['speaker "Putin" (a name)', (b) => { b.cards[0].evidence[0].speaker = 'Putin'; }],
  ['speaker "" (empty)', (b) => { b.cards[0].evidence[0].speaker = ''; },
    'the loader reads an empty bundle speaker as no speaker; the schema wants an id'],
  ['stance "refutes" (status not recomputed)', (b) => { b.cards[0].evidence[0].stance = 'refutes'; b.cards[0].corroboration = 0; }],
  ['stance "maybe"', (b) => { b.cards[0].evidence[0].stance = 'maybe'; }],
  ['evidence []', (b) => { b.cards[0].evidence = []; }],
  ['evidence source "tass"', (b) => { b.cards[0].evidence[0].source = 'tass'; }, 'needs the core: references resolve'],
  ['contradicts ["nope"]', (b) => { b.cards[0].contradicts = ['nope']; }, 'needs the core: references resolve'],
  ['contradicts "visit"', (b) => { b.cards[0].contradicts = 'visit'; }],
  ['claims absent', (b) => { delete b.cards[0].claims; }],
  ['claims ["Not An Id"]', (b) => { b.cards[0].claims = ['Not An Id']; }],
  ['claims [""]', (b) => { b.cards[0].claims = ['']; }],
  ['value without topic', (b) => { b.cards[0].value = 3; }],
  ['value {}', (b) => { b.cards[0].topic = 't'; b.cards[0].value = {}; }],
  ['"claims" at the top', (b) => { b.claims = []; }],
  ['"factcard_bundle": 2', (b) => { b.factcard_bundle = 2; }],
  ['card id "Visit"', (b) => { b.cards[0].id = 'Visit'; }],
  ['two cards with id "visit"', (b) => { b.cards.push({ ...b.cards[0] }); }, 'needs the core: ids are unique'],
  ['extra fields', (b) => { b.cards[0]['x-new'] = 1; b['x-top'] = {}; }],
]) bundle(`bundle: ${name}`, mutate, known);
raw('bundle: "corroboration": 1.0', 'bundle', JSON.stringify(baseBundle()).replace('"corroboration":1', '"corroboration":1.0'),
  'JSON.parse reads 1.0 as 1; the loader wants a whole-number token');

{
  const paths = probes.map((p, i) => {
    const path = join(TMP, `probe-${String(i).padStart(3, '0')}.json`);
    writeFileSync(path, p.text);
    return path;
  });
  const loader = loaderVerdicts(paths);
  probes.forEach((probe, i) => {
    const parsed = parseJson(probe.text);
    const schemaOk = !parsed.error && isValid(probe.kind, parsed.value);
    const loaderOk = loader.get(paths[i]);
    const verdict = (ok) => (ok ? 'accepts' : 'rejects');
    if (probe.known) {
      counts.known++;
      check(`${probe.kind} ${probe.name}: the schema ${verdict(schemaOk)}, the loader ${verdict(loaderOk)} `
        + `(known: ${probe.known})`, schemaOk !== loaderOk,
      'they now agree: remove it from the known disagreements');
    } else {
      counts.agreements++;
      check(`${probe.kind} ${probe.name}: schema and loader both ${verdict(loaderOk)}`, schemaOk === loaderOk,
        `the schema ${verdict(schemaOk)}, the loader ${verdict(loaderOk)}`
          + (schemaOk ? '' : `\n${errorsOf(validators[probe.kind]).split('\n')[0]}`));
    }
  });
}

finish();

function finish() {
  section('summary');
  for (const w of [...rangeWarnings].sort()) warn(`schema.org range: ${w}`);
  console.log(`${counts.validated} documents valid against their schema; ${counts.rejected} invalid files rejected `
    + `by a schema (and ${counts.mutants} broken outputs); ${counts.skipped} unparsable skipped; `
    + `${counts.needsCore} need the core; `
    + `${counts.agreements} loader agreements, ${counts.known} known disagreements`);
  console.log(`${passed} passed, ${failed} failed${warned ? `, ${warned} warnings` : ''}`);
  process.exit(failed ? 1 : 0);
}
