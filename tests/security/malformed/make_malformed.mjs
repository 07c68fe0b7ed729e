#!/usr/bin/env node
// @ts-check
// Writes a corpus of broken (and a few valid-but-weird) story files and bundles into a directory,
// at run time: some files are 50 MB, and none of them belongs in git.
//   node tests/security/malformed/make_malformed.mjs --out DIR
// DIR/manifest.json lists each case: its file, whether `factcard validate` must reject it
// (expect 1) or accept it (expect 0), the byte span [from, to] where the reported position must
// fall, and a pattern the message must match. tests/security/malformed/malformed.mjs runs them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// ---------- the valid bases ----------

export const BASE_STORY = {
  factcard: 1,
  story: { id: 'base', title: 'Base story', language: 'en' },
  entities: [
    { id: 'putin', name: 'Vladimir Putin', kind: 'person', description: 'President of Russia', aliases: ['Putin'] },
    { id: 'khurelsukh', name: 'Ukhnaagiin Khürelsükh', kind: 'person', aliases: ['Khurelsukh Ukhnaa'] },
  ],
  sources: [
    { id: 'mt', publisher: 'The Moscow Times', headline: 'Putin lands', url: 'https://example.com/a', published: '2024-09-02',
      authors: ['A. Writer'], language: 'en' },
    { id: 'rt', publisher: 'Reuters', headline: 'Visit', url: 'https://example.com/b', published: '2024-09' },
  ],
  claims: [
    { id: 'arrives', kind: 'event', who: 'putin', what: 'Putin arrives in Ulaanbaatar.', when: '2024-09-02',
      when_text: 'on Monday', where: 'Ulaanbaatar', topic: 'visit.arrival', value: '2024-09-02',
      evidence: [{ source: 'mt', quote: 'Putin arrived.', stance: 'supports' }, { source: 'rt', quote: 'He landed.' }] },
    { id: 'greets', kind: 'quote', who: 'Khurelsukh', what: 'Welcome.',
      evidence: [{ source: 'mt', quote: 'Welcome.', speaker: 'khurelsukh' }] },
  ],
};

export const BASE_BUNDLE = {
  factcard_bundle: 1,
  story: { id: 'base', title: 'Base story', language: 'en' },
  entities: [
    { id: 'putin', name: 'Vladimir Putin', kind: 'person', description: 'President of Russia' },
    { id: 'khurelsukh', name: 'Ukhnaagiin Khürelsükh', kind: 'person' },
  ],
  sources: [
    { id: 'mt', publisher: 'The Moscow Times', headline: 'Putin lands', url: 'https://example.com/a', published: '2024-09-02' },
    { id: 'rt', publisher: 'Reuters', headline: 'Visit', url: 'https://example.com/b', published: '2024-09' },
  ],
  cards: [
    { id: 'arrives', claims: ['arrives'], kind: 'event', status: 'corroborated', corroboration: 2, who: 'putin',
      what: 'Putin arrives in Ulaanbaatar.', when: '2024-09-02', when_text: 'on Monday', where: 'Ulaanbaatar',
      topic: 'visit.arrival', value: '2024-09-02', contradicts: [],
      evidence: [{ source: 'mt', quote: 'Putin arrived.', stance: 'supports' }, { source: 'rt', quote: 'He landed.', stance: 'supports' }] },
    { id: 'greets', claims: ['greets'], kind: 'quote', status: 'single-source', corroboration: 1, who: 'khurelsukh',
      what: 'Welcome.', contradicts: [], evidence: [{ source: 'mt', quote: 'Welcome.', stance: 'supports', speaker: 'khurelsukh' }] },
  ],
};

const clone = (x) => JSON.parse(JSON.stringify(x));
const pretty = (x) => `${JSON.stringify(x, null, 2)}\n`;
const bytes = (x) => (Buffer.isBuffer(x) ? x : Buffer.from(x, 'utf8'));
const MARK = '\u0001MARK\u0001';

// The object with the value at `path` replaced by `raw` (JSON text, or bytes): the span is where
// that text sits in the file.
function replaced(base, path, raw, { compact = false } = {}) {
  const copy = clone(base);
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)] = MARK;
  const text = compact ? JSON.stringify(copy) : pretty(copy);
  const marker = JSON.stringify(MARK);
  const i = text.indexOf(marker);
  const head = bytes(text.slice(0, i));
  const value = bytes(raw);
  return { data: Buffer.concat([head, value, bytes(text.slice(i + marker.length))]), span: [head.length, head.length + value.length] };
}

// The object with one key removed: the problem is reported at the object that lacks it.
function removed(base, path, key) {
  if (!path.length) {
    const object = clone(base);
    delete object[key];
    return { data: bytes(pretty(object)), span: [0, 1] };
  }
  const copy = clone(base);
  let at = copy;
  for (const k of path) at = at[k];
  const object = { ...at };
  delete object[key];
  return replaced(base, path, JSON.stringify(object));
}

// The first container opened at nesting depth `depth` (the top object is depth 1).
function openingAtDepth(data, depth) {
  let level = 0;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++level === depth) return i;
    } else if (c === 0x7d || c === 0x5d) level--;
  }
  return -1;
}

const lastToken = (data) => {
  let i = data.length;
  while (i > 0 && /\s/.test(String.fromCharCode(data[i - 1]))) i--;
  return Math.max(0, i - 1);
};

// ---------- the corpus ----------

export function makeCorpus() {
  const cases = [];
  // expect: 1 (rejected, with a position in span and a message matching `message`) or 0 (accepted).
  const add = (name, kind, data, { expect = 1, span = null, message = null, note = '' } = {}) => {
    cases.push({ name, kind, data: bytes(data), expect, span, message, note });
  };
  const bases = { story: BASE_STORY, bundle: BASE_BUNDLE };

  for (const [kind, base] of Object.entries(bases)) {
    const text = bytes(pretty(base));
    add(`${kind}-valid`, kind, text, { expect: 0, note: 'the valid base' });

    // --- truncated ---
    for (const fraction of [0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const cut = text.subarray(0, Math.floor(text.length * fraction));
      add(`${kind}-truncated-${Math.round(fraction * 100)}pc`, kind, cut,
        { span: [lastToken(cut), cut.length], message: 'unexpected end of input|syntax error' });
    }
    const inString = text.indexOf(bytes('"Putin arrive')) + 8;
    add(`${kind}-truncated-in-string`, kind, text.subarray(0, inString), { span: [inString - 8, inString], message: 'end of input|syntax error' });
    const inEscape = Buffer.concat([text.subarray(0, inString), bytes('\\u00')]);
    add(`${kind}-truncated-in-escape`, kind, inEscape, { span: [inString - 8, inEscape.length], message: 'syntax error' });
    const afterKey = text.indexOf(bytes('"story"')) + 7;
    add(`${kind}-truncated-after-key`, kind, text.subarray(0, afterKey), { span: [afterKey - 7, afterKey], message: 'syntax error' });
    add(`${kind}-truncated-after-colon`, kind, text.subarray(0, afterKey + 1), { span: [afterKey, afterKey + 1], message: 'syntax error' });
    add(`${kind}-missing-last-brace`, kind, text.subarray(0, text.lastIndexOf(bytes('}'))), { message: 'end of input' });
  }
  add('empty-file', 'story', '', { span: [0, 0], message: 'unexpected end of input' });
  add('only-whitespace', 'story', ' \n\t\r\n  ', { span: [0, 7], message: 'unexpected end of input' });
  add('only-open-brace', 'story', '{', { span: [0, 1], message: 'end of input' });
  const storyBytes = Buffer.byteLength(pretty(BASE_STORY));
  add('trailing-garbage', 'story', `${pretty(BASE_STORY)}]`, { span: [storyBytes, storyBytes + 1], message: 'expected end of input' });
  add('two-documents', 'story', `${pretty(BASE_STORY)}${pretty(BASE_STORY)}`, { span: [storyBytes, storyBytes + 1], message: 'expected end of input' });
  add('trailing-comma', 'story', '{"factcard": 1, "story": {"id": "x"},}', { span: [37, 38], message: 'syntax error' });
  add('single-quotes', 'story', "{'factcard': 1}", { span: [1, 2], message: 'syntax error' });
  add('comment', 'story', '{"factcard": 1 // one\n}', { span: [15, 16], message: 'syntax error' });
  add('nan-literal', 'story', '{"factcard": NaN}', { span: [13, 14], message: 'syntax error' });
  add('hex-number', 'story', '{"factcard": 0x1}', { span: [13, 15], message: 'syntax error' });

  // --- wrong types everywhere: each value replaced by values of the wrong type ---
  /** @type {Record<string, Array<[Array<string | number>, string[]]>>} */
  const wrong = {
    story: [
      [['factcard'], ['"1"', '2', '1.0', '-0', 'true', '[1]', '{}']],
      [['story'], ['[]', '"base"', '7']],
      [['story', 'id'], ['5', '[]', '""', '"Base"', '"has space"', '".hidden"', `"${'x'.repeat(201)}"`, '"\\u0000"']],
      [['story', 'title'], ['1', '[]', '{}']],
      [['story', 'language'], ['1', 'false']],
      [['entities'], ['{}', '"x"', '1']],
      [['entities', 0], ['"putin"', '[]', '1']],
      [['entities', 0, 'name'], ['1', '[]', '""', '" \\t\\n "']],
      [['entities', 0, 'kind'], ['3', '"robot"', '"Person"']],
      [['entities', 0, 'description'], ['{}', '0']],
      [['entities', 0, 'aliases'], ['"Putin"', '{}', '[1]', '[""]', '[null]', '[["Putin"]]']],
      [['sources'], ['{}', 'true']],
      [['sources', 0, 'publisher'], ['1', '[]']],
      [['sources', 0, 'headline'], ['{}']],
      [['sources', 0, 'url'], ['7', '[]', '"javascript:alert(1)"', '"ftp://example.com/"', '"example.com"', '"https://"']],
      [['sources', 0, 'published'], ['2024', '"2024-13"', '"2024-02-30"', '"yesterday"', '"20240902"', '"2024-9-2"']],
      [['sources', 0, 'authors'], ['"A. Writer"', '[1]', '[null]', '{}']],
      [['sources', 0, 'language'], ['1']],
      [['claims'], ['{}', '"x"']],
      [['claims', 0], ['"arrives"', '[]']],
      [['claims', 0, 'kind'], ['1', '"rumour"', '""']],
      [['claims', 0, 'who'], ['[]', '1', '""', '"nobody at all"']],
      [['claims', 0, 'what'], ['{}', '1', '""']],
      [['claims', 0, 'when'], ['2024', '"2024-00"', '"next week"', '"~~2024"']],
      [['claims', 0, 'when_text'], ['1']],
      [['claims', 0, 'where'], ['[]']],
      [['claims', 0, 'topic'], ['1']],
      [['claims', 0, 'value'], ['{}', '[]', '1e400', '-1e400']],
      [['claims', 0, 'evidence'], ['{}', '[]', '"mt"']],
      [['claims', 0, 'evidence', 0], ['"mt"', '[]', '1']],
      [['claims', 0, 'evidence', 0, 'source'], ['1', '"nowhere"', '""']],
      [['claims', 0, 'evidence', 0, 'quote'], ['[]', '""']],
      [['claims', 0, 'evidence', 0, 'stance'], ['"maybe"', '1']],
      [['claims', 0, 'evidence', 0, 'speaker'], ['2', '"Nobody Known"']],
    ],
    bundle: [
      [['factcard_bundle'], ['"1"', '2', '1.5', '18446744073709551617']],
      [['cards'], ['{}', '"x"']],
      [['cards', 0, 'claims'], ['"arrives"', '[1]']],
      [['cards', 0, 'status'], ['"great"', '1', '"single_source"']],
      [['cards', 0, 'corroboration'], ['-1', '"2"', '1.5', '3', '1e400', '18446744073709551617', '1000001', 'null']],
      [['cards', 0, 'who'], ['1', '"nobody"', '"Vladimir Putin"']],
      [['cards', 0, 'contradicts'], ['"greets"', '[1]', '["nowhere"]']],
      [['cards', 0, 'evidence', 0, 'source'], ['"nowhere"', '1']],
      [['cards', 0, 'evidence', 0, 'speaker'], ['"Khurelsukh"']],
      [['cards', 0, 'kind'], ['"rumour"']],
      [['cards', 0, 'what'], ['null', '7']],
      [['entities', 0, 'name'], ['null', '1']],
      [['sources', 0, 'url'], ['"javascript:alert(1)"', '"data:text/html,x"']],
    ],
  };
  for (const [kind, list] of Object.entries(wrong)) {
    for (const [path, values] of list) {
      for (const raw of values) {
        const { data, span } = replaced(bases[kind], path, raw);
        const name = `${kind}-type-${path.join('.')}=${raw.length > 24 ? `${raw.slice(0, 20)}...` : raw}`;
        if (raw === 'null' && path.at(-1) !== 'corroboration') {
          // null means absent (docs/FORMAT.md): a required field is then missing, reported at its object
          add(name, kind, data, { message: `missing "${path.at(-1)}"` });
        } else {
          add(name, kind, data, { span: [span[0], span[1]], note: 'the problem is at the replaced value' });
        }
      }
    }
  }
  // A few wrong values live in a record whose problem is reported at the record itself.
  for (const [kind, path, key] of [['story', ['claims', 0], 'who'], ['story', ['claims', 0], 'evidence'], ['story', ['entities', 0], 'id'],
    ['story', ['entities', 0], 'name'], ['story', ['sources', 0], 'id'], ['story', ['claims', 0, 'evidence', 0], 'quote'],
    ['story', [], 'story'], ['story', [], 'factcard'], ['bundle', ['cards', 0], 'corroboration'], ['bundle', ['cards', 0], 'status']]) {
    const { data, span } = removed(bases[kind], path, key);
    add(`${kind}-missing-${[...path, key].join('.')}`, kind, data, { span: path.length ? [span[0], span[0] + 1] : [0, 1], message: 'missing|must' });
  }
  for (const raw of ['[]', '"story"', '42', 'null', 'true', '[{"factcard": 1}]']) {
    add(`top-level-${raw}`, 'story', raw, { span: [0, 1], message: 'expected a JSON object at the top level' });
  }
  add('story-and-bundle', 'story', pretty({ ...BASE_STORY, cards: [] }), { message: 'a story file has "claims", not "cards"' });
  add('bundle-with-claims', 'bundle', pretty({ ...BASE_BUNDLE, claims: [] }), { message: 'a bundle has "cards", not "claims"' });
  add('bundle-corroboration-lie', 'bundle', replaced(BASE_BUNDLE, ['cards', 1, 'corroboration'], '5').data,
    { message: 'says 5 outlets but its evidence comes from 1' });

  // --- huge numbers ---
  const overflow = (raw) => { const r = replaced(BASE_STORY, ['claims', 0, 'value'], raw); return [r.data, { span: [r.span[0], r.span[0]], message: 'number overflow' }]; };
  add('story-value-1e400', 'story', ...overflow('1e400'));
  add('story-value-minus-1e400', 'story', ...overflow('-1e400'));
  add('story-value-2^64+1', 'story', replaced(BASE_STORY, ['claims', 0, 'value'], '18446744073709551617').data, { expect: 0, note: 'a large number is a value' });
  add('story-value-minus-zero', 'story', replaced(BASE_STORY, ['claims', 0, 'value'], '-0').data, { expect: 0 });
  add('story-value-1e-400', 'story', replaced(BASE_STORY, ['claims', 0, 'value'], '1e-400').data, { expect: 0, note: 'underflows to 0' });
  add('story-value-100k-digits', 'story', ...overflow('9'.repeat(100000)));
  add('story-value-long-fraction', 'story', replaced(BASE_STORY, ['claims', 0, 'value'], `0.${'1'.repeat(100000)}`).data, { expect: 0 });
  add('story-factcard-huge-int', 'story', replaced(BASE_STORY, ['factcard'], '340282366920938463463374607431768211457').data, { message: 'must be 1' });
  add('story-extra-1e400', 'story', replaced(BASE_STORY, ['story', 'title'], '"t", "x-big": 1e400').data, { message: 'number overflow' });

  // --- nesting 10,000 deep ---
  const deep = (open, close, n) => open.repeat(n) + close.repeat(n);
  for (const [kind, base] of Object.entries(bases)) {
    for (const [label, raw] of [['arrays', deep('[', ']', 10000)], ['objects', `${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}`],
      ['unclosed', '['.repeat(10000)], ['mixed', deep('[{"x":', '}]', 5000)]]) {
      const at = kind === 'story' ? ['story', 'title'] : ['cards', 0, 'value'];
      const { data } = replaced(base, at, raw);
      const start = openingAtDepth(data, 65);
      add(`${kind}-nesting-10000-${label}`, kind, data, { span: [start, start + 1], message: 'nesting deeper than 64 levels' });
    }
  }
  const top = '['.repeat(10000);
  add('nesting-10000-top-level', 'story', top, { span: [0, 1], message: 'expected a JSON object at the top level' });
  const topObj = `${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}`;
  add('nesting-10000-top-objects', 'story', topObj, { span: [openingAtDepth(bytes(topObj), 65), openingAtDepth(bytes(topObj), 65) + 1], message: 'nesting deeper' });
  add('nesting-63-ok', 'story', replaced(BASE_STORY, ['story', 'title'], '"t", "deep": ' + deep('[', ']', 62)).data, { expect: 0, note: 'deep but within the limit' });

  // --- 50 MB strings ---
  const big = 'x'.repeat(50 * 1024 * 1024);
  add('story-50MB-what', 'story', replaced(BASE_STORY, ['claims', 0, 'what'], `"${big}"`).data, { expect: 0, note: '50 MB of text is allowed' });
  {
    const { data, span } = replaced(BASE_STORY, ['entities', 0, 'id'], `"${big}"`);
    add('story-50MB-id', 'story', data, { span, message: 'must use only' });
  }
  {
    const head = bytes('{"factcard": 1, "story": {"id": "x", "title": "');
    add('story-50MB-unterminated', 'story', Buffer.concat([head, bytes(big)]), { span: [head.length - 1, head.length + big.length], message: 'end of input|syntax error' });
  }
  add('bundle-50MB-quote', 'bundle', replaced(BASE_BUNDLE, ['cards', 0, 'evidence', 0, 'quote'], `"${big}"`).data, { expect: 0 });
  add('story-50MB-escapes', 'story', replaced(BASE_STORY, ['claims', 0, 'where'], `"${'\\u00e9'.repeat(8 * 1024 * 1024)}"`).data, { expect: 0, note: '48 MB of \\u escapes' });

  // --- invalid UTF-8 ---
  const utf8 = {
    'overlong-slash': [0xc0, 0xaf], 'overlong-3': [0xe0, 0x80, 0xaf], 'overlong-4': [0xf0, 0x80, 0x80, 0xaf],
    'surrogate-high': [0xed, 0xa0, 0x80], 'surrogate-low': [0xed, 0xbf, 0xbf], 'lone-continuation': [0x80],
    'truncated-sequence': [0xe2, 0x82], 'beyond-10FFFF': [0xf4, 0x90, 0x80, 0x80], 'byte-FF': [0xff], 'byte-F5': [0xf5, 0x80, 0x80, 0x80],
    'latin1-e9': [0xe9, 0x74, 0xe9],
  };
  for (const [label, seq] of Object.entries(utf8)) {
    for (const [kind, path] of [['story', ['claims', 0, 'what']], ['bundle', ['sources', 1, 'publisher']]]) {
      const raw = Buffer.concat([bytes('"ab'), Buffer.from(seq), bytes('cd"')]);
      const { data, span } = replaced(bases[kind], path, raw);
      add(`${kind}-utf8-${label}`, kind, data, { span: [span[0], span[0] + 3 + seq.length], message: 'ill-formed UTF-8|invalid string' });
    }
  }
  {
    const { data, span } = replaced(BASE_STORY, ['story', 'title'], Buffer.concat([bytes('"t", "k'), Buffer.from([0xc3, 0x28]), bytes('": 1')]));
    add('story-utf8-in-key', 'story', data, { span: [span[0] + 5, span[0] + 9], message: 'ill-formed UTF-8' });
  }
  {
    const text = bytes(pretty(BASE_STORY));
    const at = text.indexOf(bytes('"story"'));
    add('story-utf8-between-tokens', 'story', Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0xa9]), text.subarray(at)]),
      { span: [at, at + 2], message: 'syntax error|invalid literal' });
  }
  for (const [label, esc] of [['lone-high', '\\ud800'], ['lone-low', '\\udc00'], ['high-then-letter', '\\ud800\\u0041'], ['reversed-pair', '\\udc00\\ud800']]) {
    const { data, span } = replaced(BASE_STORY, ['claims', 0, 'what'], `"x${esc}y"`);
    add(`story-surrogate-${label}`, 'story', data, { span: [span[0], span[1]], message: 'surrogate' });
  }
  add('story-utf16le', 'story', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pretty(BASE_STORY), 'utf16le')]), { span: [0, 1], message: 'syntax error|invalid literal' });

  // --- BOM ---
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  add('story-bom-valid', 'story', Buffer.concat([bom, bytes(pretty(BASE_STORY))]), { expect: 0, note: 'a UTF-8 byte order mark is allowed' });
  add('bundle-bom-valid', 'bundle', Buffer.concat([bom, bytes(pretty(BASE_BUNDLE))]), { expect: 0 });
  add('bom-only', 'story', bom, { span: [0, 3], message: 'unexpected end of input' });
  add('bom-twice', 'story', Buffer.concat([bom, bom, bytes(pretty(BASE_STORY))]), { span: [3, 4], message: 'syntax error|invalid literal' });
  {
    const text = Buffer.concat([bom, bytes('{"factcard": 2, "story": {"id": "b"}, "entities": [], "sources": [], "claims": []}')]);
    add('bom-error-on-line-1', 'story', text, { span: [16, 17], message: 'must be 1', note: 'column counted after the BOM' });
  }
  {
    const text = bytes(pretty(BASE_STORY));
    const at = text.indexOf(bytes('"entities"'));
    add('bom-in-the-middle', 'story', Buffer.concat([text.subarray(0, at), bom, text.subarray(at)]), { span: [at, at + 3], message: 'syntax error|invalid literal' });
  }

  // --- duplicate keys ---
  for (const [name, kind, path, raw, needle] of [
    ['story-dup-story', 'story', ['story', 'title'], '"t"}, "story": {"id": "other"', '"story": {"id": "other"'],
    ['story-dup-id', 'story', ['entities', 0, 'description'], '"d", "id": "putin2"', '"id": "putin2"'],
    ['story-dup-what', 'story', ['claims', 0, 'what'], '"one", "what": "two"', '"what": "two"'],
    ['story-dup-evidence-key', 'story', ['claims', 0, 'evidence', 0, 'quote'], '"q", "quote": "r"', '"quote": "r"'],
    ['story-dup-claims', 'story', ['story', 'title'], '"t"}, "claims": [], "story2": {"a": 1', null],
    ['story-dup-key-empty', 'story', ['story', 'title'], '"t", "": 1, "": 2', '"": 2'],
    ['bundle-dup-cards', 'bundle', ['story', 'title'], '"t"}, "cards": [], "x": {"a": 1', null],
    ['bundle-dup-corroboration', 'bundle', ['cards', 0, 'corroboration'], '2, "corroboration": 2', '"corroboration": 2'],
  ]) {
    const { data, span: value } = replaced(bases[kind], path, raw);
    let span = null;
    if (needle) { const at = data.indexOf(bytes(needle), value[0]); span = [at, at + 1]; }
    add(name, kind, data, { span, message: 'duplicate key' });
  }
  add('story-dup-key-deep-duplicates', 'story', replaced(BASE_STORY, ['story', 'title'],
    `"t", "x": {${Array.from({ length: 20000 }, () => '"k": 1').join(', ')}}`).data, { message: 'duplicate key', note: '19,999 duplicates' });

  // --- NUL bytes ---
  {
    const { data, span } = replaced(BASE_STORY, ['claims', 0, 'what'], Buffer.from('"a\0b"', 'latin1'));
    add('story-nul-raw-in-string', 'story', data, { span: [span[0], span[0] + 3], message: 'NUL|control character' });
  }
  {
    const text = bytes(pretty(BASE_STORY));
    const at = text.indexOf(bytes('"story"'));
    add('story-nul-raw-between-tokens', 'story', Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]), { span: [at, at + 1], message: 'syntax error' });
    add('story-nul-raw-at-end', 'story', Buffer.concat([text, Buffer.from([0])]), { span: [text.length, text.length + 1], message: 'NUL' });
    add('story-nul-then-garbage', 'story', Buffer.concat([text, Buffer.from([0]), bytes('{"hidden": <script>')]), { span: [text.length, text.length + 1], message: 'NUL' });
    add('bundle-nul-padding', 'bundle', Buffer.concat([bytes(pretty(BASE_BUNDLE)), Buffer.alloc(4096)]), { span: [Buffer.byteLength(pretty(BASE_BUNDLE)), Buffer.byteLength(pretty(BASE_BUNDLE)) + 1], message: 'NUL', note: 'a zero-filled tail' });
    add('story-nul-raw-at-start', 'story', Buffer.concat([Buffer.from([0]), text]), { span: [0, 1], message: 'syntax error' });
  }
  add('story-nul-escaped-in-text', 'story', replaced(BASE_STORY, ['claims', 0, 'what'], '"a\\u0000b"').data, { expect: 0, note: '\\u0000 in text is text' });
  add('story-nul-escaped-in-names', 'story', replaced(BASE_STORY, ['entities', 0, 'name'], '"Vladimir\\u0000Putin"').data, { expect: 0 });
  {
    const { data, span } = replaced(BASE_STORY, ['claims', 0, 'id'], '"arr\\u0000ives"');
    add('story-nul-escaped-in-id', 'story', data, { span, message: 'must use only' });
  }
  {
    const { data, span } = replaced(BASE_STORY, ['claims', 0, 'evidence', 0, 'source'], '"mt\\u0000"');
    add('story-nul-escaped-in-reference', 'story', data, { span, message: 'unknown source' });
  }
  {
    const { data, span } = replaced(BASE_STORY, ['sources', 0, 'url'], '"https://example.com/\\u0000"');
    add('story-nul-escaped-in-url', 'story', data, { span, message: 'http: or https:' });
  }

  // --- names that collide after normalisation, ids that differ in case, alias cycles ---
  /** @param {any[]} entities @param {any[]} [claims] */
  const withEntities = (entities, claims = BASE_STORY.claims) => pretty({ ...BASE_STORY, entities, claims });
  /** @type {Array<[string, { id: string, name: string, aliases?: string[] }]>} */
  const collide = [
    ['accents', { id: 'k2', name: 'Ukhnaagiin Khurelsukh' }],
    ['case-punctuation', { id: 'k2', name: 'KHÜRELSÜKH, Ukhnaagiin!' }],
    ['word-order', { id: 'k2', name: 'Khürelsükh Ukhnaagiin' }],
    ['patronymic', { id: 'k2', name: 'Ukhnaa Khurelsukh' }],
    ['title', { id: 'p2', name: 'President Vladimir Putin' }],
    ['alias-vs-name', { id: 'p2', name: 'Someone Else', aliases: ['vladimir PUTIN'] }],
    ['alias-vs-alias', { id: 'p2', name: 'Someone Else', aliases: ['Putin'] }],
    ['combining-accents', { id: 'k2', name: 'Ukhnaagiin Khu\u0308relsu\u0308kh' }],
    ['cyrillic-case', { id: 'p2', name: 'vladimir putin' }],
  ];
  for (const [label, extra] of collide) {
    const text = bytes(withEntities([...BASE_STORY.entities, { kind: 'person', ...extra }]));
    const at = text.indexOf(bytes(`"id": "${extra.id}"`));
    // Reversed Mongolian order keeps the genitive suffix ("Khürelsükh Ukhnaagiin" is not
    // "Ukhnaa Khürelsükh" to the name index): not a collision, but "Khurelsukh" is then ambiguous.
    const ambiguous = label === 'case-punctuation' || label === 'word-order';
    add(`story-name-collision-${label}`, 'story', text, ambiguous
      ? { message: 'ambiguous "who" "Khurelsukh"', note: 'the reference that fits both is rejected' }
      : { message: 'also names entity', note: 'two entities, one name', span: [text.lastIndexOf(bytes('{'), at), text.indexOf(bytes('}'), at) + 1] });
  }
  add('story-alias-cycle', 'story', withEntities([
    { id: 'a', name: 'Anna Alpha', aliases: ['Bella Beta'] }, { id: 'b', name: 'Bella Beta', aliases: ['Anna Alpha'] }],
  [{ ...BASE_STORY.claims[0], who: 'Anna Alpha', evidence: BASE_STORY.claims[0].evidence }]), { message: 'also names entity', note: 'each is the other\'s alias' });
  add('story-alias-self', 'story', withEntities([{ id: 'a', name: 'Anna Alpha', aliases: ['Anna Alpha', 'ALPHA, Anna', 'Anna Alpha'] },
    BASE_STORY.entities[0]], [{ ...BASE_STORY.claims[0], who: 'anna' }]), { expect: 0, note: 'an entity may repeat its own name' });
  add('story-ambiguous-who', 'story', withEntities([{ id: 'john', name: 'John Smith' }, { id: 'jane', name: 'Jane Smith' }, ...BASE_STORY.entities],
    [{ ...BASE_STORY.claims[0], who: 'Smith' }]), { message: 'ambiguous "who"' });
  add('story-who-names-nothing', 'story', withEntities(BASE_STORY.entities, [{ ...BASE_STORY.claims[0], who: 'Mr.' }]), { message: 'unknown entity' });
  for (const [label, ids] of [['case', ['putin', 'Putin']], ['exact', ['putin', 'putin']], ['cyrillic', ['putin', 'рutin']],
    ['fullwidth', ['putin', 'ｐutin']], ['trailing-space', ['putin', 'putin ']]]) {
    const text = withEntities([{ ...BASE_STORY.entities[0], id: ids[0] }, { id: ids[1], name: 'Other Person' }, BASE_STORY.entities[1]]);
    const at = Buffer.from(text).indexOf(bytes(`"id": ${JSON.stringify(ids[1])}`), Buffer.from(text).indexOf(bytes('"Other Person"')) - 40);
    add(`story-ids-${label}`, 'story', text, { span: [at, at + 8 + Buffer.byteLength(ids[1])], message: label === 'exact' ? 'duplicate entity id' : 'must use only' });
  }
  add('story-claim-ids-case', 'story', pretty({ ...BASE_STORY, claims: [BASE_STORY.claims[0], { ...BASE_STORY.claims[1], id: 'Arrives' }] }), { message: 'must use only' });
  add('bundle-card-ids-duplicate', 'bundle', pretty({ ...BASE_BUNDLE, cards: [BASE_BUNDLE.cards[0], { ...BASE_BUNDLE.cards[0] }] }), { message: 'duplicate claim id' });
  add('bundle-contradicts-self', 'bundle', replaced(BASE_BUNDLE, ['cards', 1, 'contradicts'], '["greets"]').data, { expect: 0, note: 'a card that contradicts itself' });
  add('bundle-contradicts-cycle', 'bundle', pretty({ ...BASE_BUNDLE, cards: [{ ...BASE_BUNDLE.cards[0], contradicts: ['greets'] }, { ...BASE_BUNDLE.cards[1], contradicts: ['arrives'] }] }), { expect: 0 });

  // --- huge arrays: 100,000 claims, cards, evidence items, aliases ---
  const N = 100000;
  const manyClaims = { ...BASE_STORY, claims: Array.from({ length: N }, (_, i) => ({ id: `c${i}`, kind: 'event', who: 'putin',
    what: `Claim number ${i}.`, evidence: [{ source: i % 2 ? 'mt' : 'rt', quote: `Quote ${i}.` }] })) };
  add('story-100k-claims', 'story', pretty(manyClaims), { expect: 0 });
  const badClaims = { ...manyClaims, claims: manyClaims.claims.map((c) => ({ ...c, kind: 5 })) };
  const badText = bytes(JSON.stringify(badClaims));
  const firstBad = badText.indexOf(bytes('"kind":5')) + 7;
  add('story-100k-claims-one-line-all-wrong', 'story', badText, { span: [firstBad, firstBad + 1], message: 'must be a string', note: '100,000 errors on one line' });
  // 30,000 rather than 100,000 in a story: merging a card's evidence (core/src/cards.cpp add_claim) is
  // quadratic in the evidence of one card (100,000 take ~5 s); the bundle below has 100,000.
  add('story-30k-evidence', 'story', pretty({ ...BASE_STORY, claims: [{ ...BASE_STORY.claims[0],
    evidence: Array.from({ length: 30000 }, (_, i) => ({ source: i % 2 ? 'mt' : 'rt', quote: `Q${i}` })) }] }), { expect: 0 });
  add('bundle-100k-evidence', 'bundle', pretty({ ...BASE_BUNDLE, cards: [{ ...BASE_BUNDLE.cards[0],
    evidence: Array.from({ length: N }, (_, i) => ({ source: i % 2 ? 'mt' : 'rt', quote: `Q${i}`, stance: 'supports' })) }, BASE_BUNDLE.cards[1]] }), { expect: 0 });
  {
    const text = pretty({ ...BASE_BUNDLE, cards: [{ ...BASE_BUNDLE.cards[0], evidence: Array.from({ length: N }, (_, i) =>
      ({ source: i === N - 1 ? 'nowhere' : 'mt', quote: `Q${i}`, stance: 'supports' })) }, BASE_BUNDLE.cards[1]] });
    const at = Buffer.from(text).indexOf(bytes('"nowhere"'));
    add('bundle-100k-evidence-last-bad', 'bundle', text, { span: [at, at + 9], message: 'unknown source "nowhere"', note: 'the error is in item 100,000' });
  }
  add('story-100k-aliases', 'story', pretty({ ...BASE_STORY, entities: [{ ...BASE_STORY.entities[0], aliases: Array.from({ length: N }, (_, i) => `Putin ${i}`) }, BASE_STORY.entities[1]] }), { expect: 0 });
  add('story-100k-colliding-entities', 'story', JSON.stringify({ ...BASE_STORY, entities: [...BASE_STORY.entities,
    ...Array.from({ length: N }, (_, i) => ({ id: `x${i}`, name: 'Same Name' }))] }), { message: 'also names entity', note: '99,999 collisions on one line' });
  add('story-100k-bad-urls-one-line', 'story', JSON.stringify({ ...BASE_STORY, sources: [...BASE_STORY.sources,
    ...Array.from({ length: N }, (_, i) => ({ id: `u${i}`, url: `javascript:${i}` }))] }), { message: 'http: or https:' });
  const card = (i) => ({ id: `c${i}`, claims: [`c${i}`], kind: 'event', status: 'single-source', corroboration: 1, who: 'putin',
    what: `Claim ${i}.`, contradicts: [], evidence: [{ source: 'mt', quote: `Q${i}`, stance: 'supports' }] });
  add('bundle-100k-cards', 'bundle', pretty({ ...BASE_BUNDLE, cards: Array.from({ length: N }, (_, i) => card(i)) }), { expect: 0 });
  add('bundle-100k-cards-contradicting', 'bundle', JSON.stringify({ ...BASE_BUNDLE, cards: Array.from({ length: N }, (_, i) => ({ ...card(i), contradicts: [`c${(i + 1) % N}`, `nowhere${i}`] })) }),
    { message: 'names unknown card' });
  add('bundle-100k-cards-unknown-sources', 'bundle', JSON.stringify({ ...BASE_BUNDLE, cards: Array.from({ length: N }, (_, i) => ({ ...card(i), evidence: [{ source: `s${i}`, quote: 'q', stance: 'supports' }] })) }),
    { message: 'unknown source' });
  return cases;
}

export function writeCorpus(out) {
  mkdirSync(out, { recursive: true });
  const cases = makeCorpus();
  const manifest = cases.map((c, i) => {
    const file = `${String(i).padStart(3, '0')}-${c.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}.json`;
    writeFileSync(join(out, file), c.data);
    return { name: c.name, file, kind: c.kind, size: c.data.length, expect: c.expect, span: c.span, message: c.message, note: c.note };
  });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const i = process.argv.indexOf('--out');
  if (i < 0 || !process.argv[i + 1]) {
    console.error('usage: node tests/security/malformed/make_malformed.mjs --out DIR');
    process.exit(2);
  }
  const manifest = writeCorpus(resolve(process.argv[i + 1]));
  const total = manifest.reduce((n, c) => n + c.size, 0);
  console.log(`${manifest.length} files (${manifest.filter((c) => c.expect === 0).length} valid-but-weird), ${(total / 1048576).toFixed(0)} MB in ${process.argv[i + 1]}`);
}
