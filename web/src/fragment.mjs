// Deep links to evidence: the article's address with a text fragment
// (https://wicg.github.io/scroll-to-text-fragment/), so that the reader lands on the excerpt,
// highlighted. The core builds the same links for the no-JS fallback (text_fragment_url in
// core/include/factcard/text_fragment.hpp); tests/fixtures/text-fragments.json holds the cases
// both must answer alike.

const WHOLE_UP_TO = 8; // words: an excerpt up to this long is matched whole, a longer one by its edges
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;
const SPACE = /[ \t\n\v\f\r]+/; // ASCII whitespace only, as the core splits words
const UNRESERVED = /[A-Za-z0-9._~]/;
const encoder = new TextEncoder();

/** @param {string | undefined} text */
const wordsOf = (text) => (text || '').split(SPACE).filter(Boolean);

/**
 * Words joined by single spaces, percent-encoded as UTF-8: everything but A-Z a-z 0-9 . _ ~, so
 * "-", "&" and "," too, which the directive's syntax uses. (encodeURIComponent keeps - ! ' ( ) *
 * and throws on a lone surrogate; TextEncoder writes U+FFFD for one.)
 * @param {string[]} words
 */
function encoded(words) {
  let out = '';
  for (const byte of encoder.encode(words.join(' '))) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * `url` with its fragment (if any) replaced by `#:~:text=[prefix-,]start[,end][,-suffix]`. An
 * excerpt of up to 8 words is `start` whole; a longer one is its first 4 words as `start` and its
 * last 4 as `end`. A prefix keeps its last 3 words, a suffix its first 3. An excerpt without words
 * leaves `url` as it is.
 * @param {string} url
 * @param {string} excerpt
 * @param {{ prefix?: string, suffix?: string }} [context] words around the excerpt, when known
 * @returns {string}
 */
export function textFragmentUrl(url, excerpt, context = {}) {
  const words = wordsOf(excerpt);
  if (!words.length) return url;
  const before = wordsOf(context.prefix).slice(-CONTEXT_WORDS);
  const after = wordsOf(context.suffix).slice(0, CONTEXT_WORDS);
  const parts = words.length <= WHOLE_UP_TO ? [encoded(words)]
    : [encoded(words.slice(0, EDGE_WORDS)), encoded(words.slice(-EDGE_WORDS))];
  if (before.length) parts.unshift(`${encoded(before)}-`);
  if (after.length) parts.push(`-${encoded(after)}`);
  const hash = url.indexOf('#');
  return `${hash < 0 ? url : url.slice(0, hash)}#:~:text=${parts.join(',')}`;
}
