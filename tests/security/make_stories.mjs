#!/usr/bin/env node
// @ts-check
// Puts every injection vector of tests/security/vectors.txt into every text field of a story, and
// writes the stories (one per test page) plus a manifest of what each card must show.
//   node tests/security/make_stories.mjs [--vectors FILE] [--out DIR] [--pages N]
// Writes DIR/sec-pN.json (one story per page), DIR/sec-urls.json (every vector as a source url,
// for `factcard validate`) and DIR/manifest.json. tests/security/run.mjs imports the functions.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const VECTORS = join(HERE, 'vectors.txt');

// ---------- the corpus ----------

// "esc:" lines: \xHH, \uHHHH, \u{H...}, \n, \r, \t, \\ (see the head of vectors.txt).
export function decodeEscapes(text) {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|[nrt\\])/g, (_, e) => {
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    if (e === '\\') return '\\';
    const hex = e[0] === 'x' ? e.slice(1) : e.replace(/^u\{?|\}$/g, '');
    return String.fromCodePoint(parseInt(hex, 16));
  });
}

export function readVectors(file = VECTORS) {
  const vectors = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' || line === '#' || line.startsWith('# ')) return;
    const vector = line.startsWith('esc:') ? decodeEscapes(line.slice(4)) : line;
    if (!vector.trim() && !/[^\t\n\r ]/.test(vector)) throw new Error(`${file}:${i + 1}: a vector must not be blank`);
    vectors.push({ line: i + 1, text: vector });
  });
  const seen = new Map();
  for (const v of vectors) {
    if (seen.has(v.text)) throw new Error(`${file}:${v.line}: the same vector as line ${seen.get(v.text)}`);
    seen.set(v.text, v.line);
  }
  return vectors;
}

// The core's rule for a source url (core/src/publish.cpp is_web_url): http(s)://, a host, and no
// control characters, spaces or "<>\^`{|}.
export function isWebUrl(url) {
  const m = /^https?:\/\//i.exec(url);
  if (!m) return false;
  const rest = url.slice(m[0].length);
  if (rest === '' || rest[0] === '/') return false;
  // eslint-disable-next-line no-control-regex -- control characters are what makes a URL unsafe
  return !/[\x00-\x20\x7f"<>\\^`{|}]/.test(url);
}

// ---------- stories ----------

const KINDS = ['event', 'statement', 'quote', 'figure'];
// A hostile language per page too: it becomes the fallback's lang="" and the card's lang.
export const LANGUAGES = ['en', '__proto__', 'constructor', 'en" onmouseover="fcPwned(997)', 'ar', 'toString', 'de'];

// Every text field of one story holds the vector: names get a short unique tag because two
// entities whose names fold to the same words are an error (docs/FORMAT.md, Names).
function cardFor(v, i) {
  const n = String(i).padStart(3, '0');
  const kind = KINDS[i % KINDS.length];
  const name = i % 2 ? `${v} [v${n}]` : `v${n}: ${v}`;
  const url = isWebUrl(v) ? v : `https://example.com/story/${n}?q=${encodeURIComponent(v)}`;
  const entity = { id: `e${n}`, name, kind: 'person', description: v, aliases: [`alias v${n} ${v}`] };
  const sources = [
    { id: `s${n}`, publisher: v, headline: v, url, published: `2024-09-${String(1 + (i % 28)).padStart(2, '0')}`,
      authors: [v, `Author v${n}`], language: 'en' },
    { id: `s${n}b`, headline: v, authors: [v] }, // unknown outlet, no url: the fallback names it by headline
  ];
  /** @type {Record<string, any>} */
  const claim = {
    id: `v${n}`, kind, who: `e${n}`, what: v, when: i % 3 ? '2024-09' : '~2024', when_text: v, where: v,
    topic: v, value: v,
    evidence: [
      { source: `s${n}`, quote: v, stance: 'supports', ...(kind === 'quote' ? { speaker: `e${n}` } : {}) },
      { source: `s${n}b`, quote: v, stance: i % 5 === 0 ? 'refutes' : 'supports' },
    ],
    updates: [{ date: '2024-09-05', note: v }],
  };
  const claims = [claim];
  // Some cards get a contradicting claim, so the conflict panel shows hostile text too.
  if (i % 7 === 3) {
    claims.push({ id: `v${n}-r`, kind: 'statement', who: `e${n}`, what: `${v} (rival)`, when: '2023', topic: v,
      value: `rival v${n}`, evidence: [{ source: `s${n}b`, quote: v }] });
  }
  const expect = {
    claim: `v${n}`, vector: i, line: 0, kind, name, description: v, where: v, whenText: v, what: v, url,
    publisher: v, headline: v, quote: v, note: v, rival: claims.length > 1 ? `${v} (rival)` : null,
  };
  return { entity, sources, claims, expect };
}

export function makeStories(vectors, pages = 5) {
  const perPage = Math.ceil(vectors.length / pages);
  const out = [];
  for (let p = 0; p * perPage < vectors.length; p++) {
    const slice = vectors.slice(p * perPage, (p + 1) * perPage);
    const id = `sec-p${p + 1}`;
    const story = {
      factcard: 1,
      story: { id, title: slice.map((v) => v.text).join(' | '), language: LANGUAGES[p % LANGUAGES.length] },
      entities: [], sources: [], claims: [],
    };
    const cards = [];
    slice.forEach((v, k) => {
      const c = cardFor(v.text, p * perPage + k);
      story.entities.push(c.entity);
      story.sources.push(...c.sources);
      story.claims.push(...c.claims);
      cards.push({ ...c.expect, line: v.line });
    });
    out.push({ id, story, cards });
  }
  return out;
}

// One story whose sources carry every vector as url, pretty-printed so each url has its own line:
// `factcard validate` must reject exactly the ones that are not http(s) web addresses, each at
// the line and column of its value.
export function makeUrlStory(vectors) {
  const story = {
    factcard: 1,
    story: { id: 'sec-urls', title: 'every vector as a url', language: 'en' },
    entities: [{ id: 'someone', name: 'Someone' }],
    sources: vectors.map((v, i) => ({ id: `u${i}`, publisher: `Outlet ${i}`, url: v.text })),
    claims: [{ id: 'c', kind: 'event', who: 'someone', what: 'Something happened.',
      evidence: vectors.map((_, i) => ({ source: `u${i}`, quote: 'It happened.' })) }],
  };
  const text = `${JSON.stringify(story, null, 2)}\n`;
  const lines = text.split('\n');
  const expected = [];
  let s = 0;
  lines.forEach((line, k) => {
    const m = /^(\s*"url": )"/.exec(line);
    if (!m) return;
    const v = vectors[s];
    if (!isWebUrl(v.text)) expected.push({ index: s, line: k + 1, column: m[1].length + 1, vector: v });
    s++;
  });
  if (s !== vectors.length) throw new Error('makeUrlStory: a url shares a line');
  return { text, expected, accepted: vectors.length - expected.length };
}

export function writeStories(out, vectors, pages) {
  mkdirSync(out, { recursive: true });
  const stories = makeStories(vectors, pages);
  for (const s of stories) writeFileSync(join(out, `${s.id}.json`), `${JSON.stringify(s.story, null, 2)}\n`);
  const urls = makeUrlStory(vectors);
  writeFileSync(join(out, 'sec-urls.json'), urls.text);
  const manifest = { vectors: vectors.length, pages: stories.map((s) => ({ id: s.id, language: s.story.story.language, cards: s.cards })),
    urls: { rejected: urls.expected, accepted: urls.accepted } };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { stories, urls, manifest };
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const options = { vectors: VECTORS, out: resolve('build/security/stories'), pages: 5 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options) || argv[i + 1] === undefined) {
      console.error('usage: node tests/security/make_stories.mjs [--vectors FILE] [--out DIR] [--pages N]');
      process.exit(2);
    }
    options[key] = key === 'pages' ? Number(argv[i + 1]) : resolve(argv[i + 1]);
  }
  const vectors = readVectors(options.vectors);
  const { stories, urls } = writeStories(options.out, vectors, options.pages);
  console.log(`${vectors.length} vectors -> ${stories.length} stories (${stories.map((s) => s.cards.length).join(', ')} cards)`
    + ` and sec-urls.json (${urls.expected.length} urls to reject, ${urls.accepted} to accept) in ${options.out}`);
}
