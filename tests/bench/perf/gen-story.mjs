#!/usr/bin/env node
// @ts-check
// Deterministic story files of any size for the benchmarks (same seed, same bytes).
//   node tests/bench/perf/gen-story.mjs --claims N [--seed S] [--id ID] -o FILE
//
// The shape follows real stories (docs/FORMAT.md, demo/stories/): people, organisations and
// places with aliases (spelling variants, diacritics, title + name); sources with outlets (some
// unknown), headlines, URLs and dates; claims of every kind with 1-4 pieces of evidence, `who`
// given by id, by name or by alias; topics whose claims mostly agree (and merge) and sometimes
// conflict. Written the way `factcard` saves stories (2-space indentation), streamed, so a
// million claims never sit in memory at once.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// mulberry32: small, fast, good enough for test data.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  // weights: [[value, weight], ...]
  const weighted = (pairs) => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, chance, weighted };
}

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hassan', 'Ines', 'Jonas', 'Katya',
  'Luis', 'Maria', 'Nikolai', 'Olga', 'Pavel', 'Queenie', 'Rafael', 'Sofia', 'Tomas', 'Ulla', 'Viktor', 'Wanda',
  'Xavier', 'Yasmin', 'Zoltan', 'Amara', 'Bilal', 'Chen', 'Dalia', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivo'];
// Surnames are built from the entity's number, so each is unique; the accented syllables give
// the canonical name diacritics that an ASCII alias folds onto.
const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'sa', 've', 'do', 'ni', 'ta', 'be', 'zo', 'pe', 'gu', 'ha', 'ri', 'no'];
const ACCENTED = { a: 'á', e: 'é', o: 'ö', u: 'ü', i: 'í' };
const SURNAME_ENDS = ['nov', 'ski', 'ler', 'dottir', 'escu', 'mann', 'ez', 'ak'];
const ORG_KINDS = ['Ministry', 'Holdings', 'Institute', 'Council', 'Bank', 'Foundation', 'Authority', 'Union'];
const PLACE_KINDS = ['Valley', 'Bay', 'Heights', 'Port', 'Springs'];
const ROLES = ['spokesperson', 'minister', 'chief executive', 'analyst', 'mayor', 'lawyer', 'professor', 'director'];
const TITLES = ['President', 'Mr', 'Ms', 'Dr', 'Minister', 'Judge', 'Senator'];
const CITIES = ['Harbor', 'Northgate', 'Riverton', 'Eastmoor', 'Lakeside', 'Westfall', 'Highbury', 'Stonebridge',
  'Kingsport', 'Ashford', 'Brightwater', 'Oakridge', 'Redcliff', 'Silverton', 'Thornbury', 'Windham'];
const PAPERS = ['Times', 'Herald', 'Post', 'Courier', 'Gazette', 'Chronicle', 'Observer', 'Ledger', 'Tribune',
  'Sentinel', 'Journal', 'Dispatch', 'Standard', 'Review', 'Examiner', 'Monitor', 'Record', 'Bulletin', 'Star'];
const WORDS = ('the a of to in and on for with that by said at from was has will its after before new government '
  + 'report minister city council court budget vote plan deal talks visit warrant election result company shares '
  + 'market price rate bank strike workers union river flood police protest hospital school league match season '
  + 'agreement officials statement announced confirmed denied expected rejected approved signed delayed agreed '
  + 'million billion percent year month week monday tuesday wednesday thursday friday early late last next first '
  + 'second public private national regional local foreign economic political legal annual final interim senior '
  + 'project fund review inquiry charges evidence witness decision ruling appeal investors exports imports energy '
  + 'water transport housing health safety security trade border treaty summit ceasefire sanctions tariffs rally')
  .split(' ');
const TOPIC_KINDS = ['date', 'date', 'number', 'text'];
const TEXT_VALUES = ['approved', 'rejected', 'postponed', 'cancelled', 'confirmed', 'denied', 'pending', 'closed'];

function encode(n, digits) { // n -> word from syllables, bijective
  let s = '';
  do {
    s += digits[n % digits.length];
    n = Math.floor(n / digits.length);
  } while (n > 0);
  return s;
}
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const pad = (n) => String(n).padStart(2, '0');

function sentence(r, min, max) {
  const n = min + r.int(max - min + 1);
  const words = [];
  for (let i = 0; i < n; i++) words.push(r.pick(WORDS));
  return `${cap(words.join(' '))}.`;
}

function date(r) {
  const y = 2015 + r.int(10);
  const p = r.weighted([['day', 6], ['month', 3], ['year', 1]]);
  const approx = r.chance(0.03) ? '~' : '';
  if (p === 'year') return `${approx}${y}`;
  const m = 1 + r.int(12);
  if (p === 'month') return `${approx}${y}-${pad(m)}`;
  return `${approx}${y}-${pad(m)}-${pad(1 + r.int(28))}`;
}

function makeEntity(r, i) {
  const kind = r.weighted([['person', 7], ['organization', 2], ['place', 1]]);
  const stem = cap(encode(i, SYLLABLES));
  const id = `e${i}`;
  if (kind === 'person') {
    const first = r.pick(FIRST);
    const surname = stem + r.pick(SURNAME_ENDS);
    const accented = surname.replace(/[aeoui]/, (v) => ACCENTED[v]);
    const aliases = [`${first} ${surname}`, `${r.pick(TITLES)} ${surname}`, surname, `${surname}, ${first}`]
      .slice(0, 1 + r.int(4));
    return { id, name: `${first} ${accented}`, kind, description: `${cap(r.pick(ROLES))} of ${r.pick(CITIES)}`, aliases };
  }
  if (kind === 'organization') {
    const name = `${stem} ${r.pick(ORG_KINDS)}`;
    return { id, name, kind, description: `Organisation based in ${r.pick(CITIES)}`, aliases: [`The ${name}`, `${stem} group`].slice(0, 1 + r.int(2)) };
  }
  return { id, name: `${stem} ${r.pick(PLACE_KINDS)}`, kind, aliases: r.chance(0.5) ? [`${stem}`] : [] };
}

function makeSource(r, i, outlets) {
  const source = { id: `s${i}` };
  if (!r.chance(0.05)) source.publisher = r.pick(outlets);
  source.headline = sentence(r, 6, 14).slice(0, -1);
  if (r.chance(0.9)) source.url = `https://news.example/${source.publisher ? source.publisher.toLowerCase().replace(/\W+/g, '-') : 'wire'}/${i}`;
  if (r.chance(0.9)) source.published = `${2016 + r.int(9)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
  if (r.chance(0.6)) source.authors = [`${r.pick(FIRST)} ${cap(encode(r.int(5000), SYLLABLES))}`];
  source.language = 'en';
  return source;
}

// A reference to an entity the way editors write them: mostly ids, some names and aliases.
function reference(r, entity) {
  return r.weighted([[entity.id, 16], [entity.name, 1], [entity.aliases[0] ?? entity.id, 3]]);
}

function topicValue(r, kind) {
  if (kind === 'date') return date(r).replace('~', '');
  if (kind === 'number') return 10 * (1 + r.int(500));
  return r.pick(TEXT_VALUES);
}

/** Writes a story with `claims` claims to `file`; returns { bytes, claims, entities, sources }. */
export function writeStory(file, { claims, seed = 1, id = `bench-${claims}` }) {
  const r = rng(seed);
  const nEntities = Math.max(20, Math.round(claims / 8));
  const nSources = Math.max(10, Math.round(claims / 10));
  const outlets = [];
  for (let i = 0; i < Math.max(8, Math.min(400, nSources / 5)); i++) outlets.push(`The ${CITIES[i % CITIES.length]} ${PAPERS[Math.floor(i / CITIES.length) % PAPERS.length]}${i >= CITIES.length * PAPERS.length ? ` ${i}` : ''}`);

  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fd = fs.openSync(file, 'w');
  let buffer = '';
  let bytes = 0;
  const out = (text) => {
    buffer += text;
    if (buffer.length > 1 << 20) flush();
  };
  const flush = () => {
    bytes += fs.writeSync(fd, buffer);
    buffer = '';
  };
  const item = (value, first) => out(`${first ? '' : ','}\n    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`);

  out(`{\n  "factcard": 1,\n  "story": ${JSON.stringify({ id, title: `Benchmark story, ${claims} claims (seed ${seed})`, language: 'en' })},\n  "entities": [`);
  const entities = [];
  for (let i = 0; i < nEntities; i++) {
    const e = makeEntity(r, i);
    entities.push({ id: e.id, name: e.name, aliases: e.aliases });
    item(e, i === 0);
  }
  out('\n  ],\n  "sources": [');
  for (let i = 0; i < nSources; i++) item(makeSource(r, i, outlets), i === 0);
  out('\n  ],\n  "claims": [');

  // Claims come in groups: a lone claim, or 2-5 claims on one topic by mostly the same
  // speaker; equal values merge into one card, a different value (1 group in 6) contradicts.
  let written = 0;
  let topic = 0;
  while (written < claims) {
    const size = Math.min(claims - written, r.chance(0.45) ? 1 : 2 + r.int(4));
    const who = entities[r.int(entities.length)];
    const kind = TOPIC_KINDS[r.int(TOPIC_KINDS.length)];
    const topicKey = size > 1 || r.chance(0.3) ? `topic-${topic++}.${kind}` : null;
    const value = topicValue(r, kind);
    const conflicting = r.chance(1 / 6);
    for (let k = 0; k < size; k++) {
      const claimKind = r.weighted([['event', 8], ['statement', 5], ['quote', 4], ['figure', 3]]);
      const speaker = r.chance(0.85) ? who : entities[r.int(entities.length)];
      const claim = { id: `c${written}`, kind: claimKind, who: reference(r, speaker), what: sentence(r, 8, 22) };
      if (r.chance(0.7)) {
        claim.when = date(r);
        if (r.chance(0.3)) claim.when_text = r.pick(['last year', 'on Monday', 'in the spring', 'earlier this month', 'next week']);
      }
      if (r.chance(0.4)) claim.where = `${r.pick(CITIES)}, ${r.pick(['Northland', 'Eastland', 'Westland'])}`;
      if (topicKey) {
        claim.topic = topicKey;
        claim.value = conflicting && k === size - 1 && size > 1 ? topicValue(r, kind) : value;
      }
      const n = r.weighted([[1, 4], [2, 3], [3, 2], [4, 1]]);
      const used = new Set();
      claim.evidence = [];
      for (let j = 0; j < n; j++) {
        const source = `s${r.int(nSources)}`;
        if (used.has(source)) continue;
        used.add(source);
        const ev = { source, quote: sentence(r, 8, 25) };
        if (r.chance(0.03)) ev.stance = 'refutes';
        if (claimKind === 'quote') ev.speaker = reference(r, speaker);
        claim.evidence.push(ev);
      }
      item(claim, written === 0);
      written++;
    }
  }
  out('\n  ]\n}\n');
  flush();
  fs.closeSync(fd);
  return { bytes, claims, entities: nEntities, sources: nSources };
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const claims = Number(get('--claims'));
  const outFile = get('-o') || get('--out');
  if (!Number.isInteger(claims) || claims < 1 || !outFile) {
    console.error('usage: node tests/bench/perf/gen-story.mjs --claims N [--seed S] [--id ID] -o FILE');
    process.exit(2);
  }
  const info = writeStory(outFile, { claims, seed: Number(get('--seed', 1)), id: get('--id') });
  console.log(`${outFile}: ${info.claims} claims, ${info.entities} entities, ${info.sources} sources, ${info.bytes} bytes`);
}
