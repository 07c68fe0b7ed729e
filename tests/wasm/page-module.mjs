#!/usr/bin/env node
// @ts-check
// The two modules a page may load answer alike: factcard.wasm (bundles only, with its own small
// strtod, strtoull, strtoll and snprintf: wasm/page_libc.cpp), read field by field as the widget reads it
// (web/src/cards.mjs), either gives exactly the cards or errors that factcard-story.wasm (the whole
// core, libc's own functions) answers as JSON for the same bytes, or asks for it (readBundle
// returns null), which it must do for every story file and never for the demo's bundle or an
// everyday number. Inputs: the demo bundle, numbers of every form JSON allows (in a card's value
// and in an unknown member), control characters, story files, and mutants of the bundle (bytes
// changed, dropped, repeated; seeded).
//   node tests/wasm/page-module.mjs [--factcard build/cli/factcard] [--wasm build-wasm/wasm/factcard.wasm]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { call, instantiate } from '../../web/src/wasm.mjs';
import { readBundle } from '../../web/src/cards.mjs';
import { ROOT, createReport, parseArgs } from '../browser/harness.mjs';

const ASK = 'asks for factcard-story.wasm';
const report = createReport('page-module');
const { check, info } = report;

/** @param {string} file */
const load = async (file) => instantiate(await WebAssembly.compile(readFileSync(file)));

/** Numbers the page module must read itself: what stories hold (figures, shares, coordinates). */
const EVERYDAY = ['3.7', '-0.5', '58.5', '0.001', '1e3', '2.5E-3', '1234567.891', '-0.0', '0.0', '1e22', '1e30', '47.918',
  // integers (strtoull, strtoll: page_libc.cpp too), up to both ends of 64 bits
  '0', '42', '-17', '2147483648', '-2147483649', '9007199254740993', '9223372036854775807', '-9223372036854775808',
  '18446744073709551615'];
/** Numbers it may hand on (libc's long double path decides them), and what must then agree. */
const HARD = ['1e400', '-1e400', '1e-400', '4.9e-324', '2.2250738585072011e-308', '1.7976931348623157e308',
  '9007199254740993.0', '0.1000000000000000055511151231257827', '123456789012345678901234567890e-10',
  '1e23', '8.98846567431158e307', '3.14159265358979323846264338327950288',
  // integers beyond 64 bits (read as doubles after ERANGE), and -0 (an integer 0 to libc)
  '18446744073709551616', '-9223372036854775809', '123456789012345678901234567890', '-0'];

function main() {
  const options = parseArgs({
    usage: 'usage: node tests/wasm/page-module.mjs [--factcard FILE] [--wasm FILE]',
    options: { factcard: join(ROOT, 'build', 'cli', 'factcard'), wasm: join(ROOT, 'build-wasm', 'wasm', 'factcard.wasm') },
  });
  return run(options);
}

/** @param {Record<string, any>} options the factcard CLI and factcard.wasm */
async function run(options) {
  const page = await load(options.wasm);
  const whole = await load(join(dirname(options.wasm), 'factcard-story.wasm'));
  const storyFile = join(ROOT, 'demo', 'stories', 'putin-mongolia-2024.json');
  const out = mkdtempSync(join(tmpdir(), 'factcard-page-module-'));
  let bundle;
  try {
    execFileSync(options.factcard, ['build', storyFile, '-o', out], { stdio: ['ignore', 'ignore', 'ignore'] });
    bundle = readFileSync(join(out, 'putin-mongolia-2024.cards.json'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  /**
   * Both answers: `read` is the page module's objects (null when it asks for the story module),
   * `same` whether they equal the story module's JSON, member for member (in any order; -0 is
   * not 0); `mine` and `theirs` are JSON text to show.
   * @param {string | Uint8Array} input
   */
  const both = (input) => {
    const read = /** @type {any} */ (readBundle(page, typeof input === 'string' ? Buffer.from(input) : input));
    const theirs = JSON.parse(call(whole, 'fc_cards', input));
    return { read, same: read !== null && isDeepStrictEqual(read, theirs), mine: read ? JSON.stringify(read) : ASK, theirs: JSON.stringify(theirs) };
  };

  const demo = both(bundle);
  check('the demo bundle: the page module answers it, the same cards as factcard-story.wasm',
    demo.same && demo.read.cards.length > 0, demo.mine.slice(0, 200));
  const story = both(readFileSync(storyFile));
  check('the demo story file: the page module asks for factcard-story.wasm, which answers its cards',
    story.mine === ASK && JSON.parse(story.theirs).cards.length > 0, story.mine.slice(0, 200));

  // A number as the first card's value (a bundle as `factcard build` writes it: compact).
  const withNumber = (n) => bundle.replace(/("cards":\[\{[^]*?"value":)("[^"]*"|[^,}]*)/, `$1${n}`);
  const everyday = EVERYDAY.map((n) => ({ n, ...both(withNumber(n)) }));
  const bad = everyday.filter((r) => r.mine === ASK || !r.same
    || !Object.is(r.read.cards[0].value, Number(r.n)));
  check(`numbers (${EVERYDAY.join(', ')}): read by the page module exactly as libc reads them`, !bad.length,
    bad.map((r) => `${r.n}: ${r.mine.slice(0, 120)}`));
  const hard = HARD.map((n) => ({ n, ...both(withNumber(n)) }));
  const differ = hard.filter((r) => r.mine !== ASK && !r.same);
  check('numbers at the edges (overflow, subnormals, over 17 digits): handed on, or answered alike', !differ.length,
    differ.map((r) => r.n));
  info(`edge numbers handed to factcard-story.wasm: ${hard.filter((r) => r.mine === ASK).map((r) => r.n).join(', ')}`);

  const control = both(bundle.replace(/"what":"/, '"what":"\\u0001\\u001f tab\\t '));
  check('control characters in a text: handed over as they are',
    control.same && control.read.cards[0].what.startsWith('\u0001\u001f tab\t '),
    control.mine.slice(0, 200));
  // TextDecoder drops a byte order mark that begins its input unless told not to.
  const bom = both(bundle.replace(/"what":"/, '"what":"\\ufeff').replace(/"quote":"/, '"quote":"\ufeff'));
  check('a text that begins with U+FEFF (escaped or not): kept',
    bom.same && bom.read.cards[0].what.startsWith('\ufeff') && bom.read.cards.some((c) => c.evidence.some((e) => e.quote.startsWith('\ufeff'))),
    bom.mine.slice(0, 200));

  // Problems reach the page as {errors}, with the story module's lines, columns and messages.
  const broken = both(bundle.replace(/"kind":"\w+"/, '"kind":"rumour"').replace(/"source":"[^"]*"/, '"source":"nowhere"'));
  check('a bundle with problems: the same errors (line, column, message) as factcard-story.wasm',
    broken.same && broken.read.errors.length >= 2, broken.mine.slice(0, 300));
  // A message quoting a value that JSON must escape is left to factcard-story.wasm (wasm/page_quote.cpp).
  const escaped = both(bundle.replace(/"source":"[^"]*"/, '"source":"now\\"h\\u00e9re"'));
  check('an error quoting a value with \\" or non-ASCII: the page module asks for factcard-story.wasm, which escapes it',
    escaped.mine === ASK && JSON.parse(escaped.theirs).errors[0].message.includes('"now\\"h\u00e9re"'), escaped.theirs.slice(0, 300));

  // The module keeps nothing of a bundle once read (fc_close): its story id (field 0) is gone.
  const fcText = /** @type {(field: number, i: number, j: number) => number} */ (page.fc_text);
  const heldBefore = fcText(0, 0, 0);
  readBundle(page, Buffer.from(bundle));
  check('once read, the bundle is freed: the page module answers no field of it',
    heldBefore === 0 && fcText(0, 0, 0) === 0, fcText(0, 0, 0));

  // Mutants: each either asked for or answered alike (errors included, at the same line and column).
  let seed = 7;
  const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const bytes = Buffer.from(bundle);
  const alphabet = Buffer.from('{}[]",:0123456789.eE-+ \\nux\u00e9');
  let asked = 0;
  /** @type {string[]} */
  const mismatches = [];
  for (let i = 0; i < 400; i++) {
    const at = random(bytes.length);
    const kind = random(3);
    const mutant = kind === 0 ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + random(8))])
      : kind === 1 ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + random(12)), bytes.subarray(at)])
        : Buffer.from(bytes).fill(alphabet[random(alphabet.length)], at, at + 1);
    const r = both(mutant);
    if (r.mine === ASK) asked++;
    else if (!r.same) mismatches.push(`mutant ${i} (kind ${kind} at ${at}): ${r.mine.slice(0, 160)} | ${r.theirs.slice(0, 160)}`);
  }
  check('400 mutants of the bundle: the page module answers each as factcard-story.wasm does, or asks for it',
    !mismatches.length, mismatches.slice(0, 5));
  info(`mutants: ${400 - asked} answered by the page module, ${asked} handed on`);
  report.finish();
}

main().catch((err) => report.crash(err));
