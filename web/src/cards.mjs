// The cards of a bundle as factcard.wasm, the page's module, hands them over: not as JSON text but
// field by field, each read straight out of wasm memory (wasm/factcard_wasm.cpp). The objects made
// here are the ones `factcard cards` prints (schema/cards.schema.json), so the rest of the widget
// cannot tell which module answered.

import { withInput } from './wasm.mjs';

/** @typedef {import('./wasm.mjs').CoreExports} CoreExports */
/** @typedef {import('../factcard.js').CardsResult | import('../factcard.js').CardsErrors} CardsAnswer */

// What fc_open answers, and the fields of fc_text and fc_number, numbered as `Opened` and `Field`
// in wasm/factcard_wasm.cpp (tests/wasm/page-module.mjs compares the result with the CLI's).
const [, OPENED_ERRORS, OPENED_ASK] = [0, 1, 2];
const [, VALUE_TEXT, VALUE_NUMBER, VALUE_BOOLEAN] = [0, 1, 2, 3]; // ValueType, what CARD_VALUE_TYPE answers
const [
  STORY_ID, STORY_TITLE, STORY_LANGUAGE,
  ENTITY_COUNT, ENTITY_ID, ENTITY_NAME, ENTITY_KIND, ENTITY_DESCRIPTION,
  SOURCE_COUNT, SOURCE_ID, SOURCE_PUBLISHER, SOURCE_HEADLINE, SOURCE_URL, SOURCE_PUBLISHED,
  CARD_COUNT, CARD_ID, CARD_KIND, CARD_STATUS, CARD_CORROBORATION, CARD_WHO, CARD_WHAT, CARD_WHEN,
  CARD_WHEN_TEXT, CARD_WHERE, CARD_TOPIC, CARD_VALUE_TYPE, CARD_VALUE,
  CLAIM_COUNT, CLAIM_ID, CONTRADICTS_COUNT, CONTRADICTS_ID,
  EVIDENCE_COUNT, EVIDENCE_SOURCE, EVIDENCE_QUOTE, EVIDENCE_STANCE, EVIDENCE_SPEAKER,
  UPDATE_COUNT, UPDATE_DATE, UPDATE_NOTE,
  ERROR_COUNT, ERROR_LINE, ERROR_COLUMN, ERROR_MESSAGE,
] = Array(43).keys();

/**
 * The cards of `bytes` as factcard.wasm reads them: {story, cards}, or {errors} for a bundle with
 * problems; null when the module asks for factcard-story.wasm (a story file, or a number its small
 * strtod declines). A trap propagates, as with `call`.
 * @param {CoreExports} x an instance of factcard.wasm
 * @param {Uint8Array} bytes
 * @returns {CardsAnswer | null}
 */
export function readBundle(x, bytes) {
  const opened = withInput(x, bytes, /** @type {(pointer: number, length: number) => number} */ (x.fc_open));
  try {
    if (opened === OPENED_ASK) return null;
    const read = fields(x);
    // The required fields are always there (the core wrote them); tsc cannot know that.
    return /** @type {CardsAnswer} */ (/** @type {unknown} */ (opened === OPENED_ERRORS ? { errors: read.errors() } : read.cards()));
  } finally {
    /** @type {() => void} */ (x.fc_close)();
  }
}

/**
 * An object without the members that are undefined: the core leaves absent fields out.
 * @template {object} T
 * @param {T} object
 * @returns {T}
 */
function present(object) {
  for (const [key, value] of Object.entries(object)) if (value === undefined) delete object[/** @type {keyof T} */ (key)];
  return object;
}

/**
 * A copy per card of an entity or source, as the JSON text gave each card its own (a host's
 * factcard:render listener may change one); null for none.
 * @template {object} T
 * @param {T | undefined} object
 * @returns {T | null}
 */
function copy(object) {
  return object ? { ...object } : null;
}

/** @param {CoreExports} x */
function fields(x) {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a text may begin with U+FEFF: keep it
  const fcText = /** @type {(field: number, i: number, j: number) => number} */ (x.fc_text);
  const fcNumber = /** @type {(field: number, i: number, j: number) => number} */ (x.fc_number);
  /** @type {(field: number, i?: number, j?: number) => string | undefined} */
  const text = (field, i = 0, j = 0) => {
    const at = fcText(field, i, j); // a {data, size} pair of 32-bit words, or 0 when absent
    if (!at) return undefined;
    const [data, size] = new Uint32Array(x.memory.buffer, at, 2); // read after the call: memory may have grown
    return decoder.decode(new Uint8Array(x.memory.buffer, data, size));
  };
  /** @type {(field: number, i?: number, j?: number) => number} */
  const number = (field, i = 0, j = 0) => fcNumber(field, i, j);
  /** @type {<T>(count: number, item: (j: number) => T, i?: number) => T[]} */
  const list = (count, item, i = 0) => Array.from({ length: number(count, i) }, (_, j) => item(j));
  /** @type {(i: number) => string | number | boolean | undefined} */
  const value = (i) => {
    const type = number(CARD_VALUE_TYPE, i);
    if (type === VALUE_TEXT) return text(CARD_VALUE, i);
    if (type === VALUE_NUMBER) return number(CARD_VALUE, i);
    return type === VALUE_BOOLEAN ? number(CARD_VALUE, i) === 1 : undefined;
  };

  const cards = () => {
    const entities = list(ENTITY_COUNT, (i) => present({
      id: text(ENTITY_ID, i), name: text(ENTITY_NAME, i), kind: text(ENTITY_KIND, i), description: text(ENTITY_DESCRIPTION, i),
    }));
    const sources = list(SOURCE_COUNT, (i) => present({
      id: text(SOURCE_ID, i), publisher: text(SOURCE_PUBLISHER, i), headline: text(SOURCE_HEADLINE, i),
      url: text(SOURCE_URL, i), published: text(SOURCE_PUBLISHED, i),
    }));
    /** @param {number} i @param {number} j */
    const speaker = (i, j) => {
      const entity = entities[number(EVIDENCE_SPEAKER, i, j)];
      return entity && { id: entity.id, name: entity.name };
    };
    /** @param {number} i */
    const card = (i) => present({
      id: text(CARD_ID, i),
      claims: list(CLAIM_COUNT, (j) => text(CLAIM_ID, i, j), i),
      kind: text(CARD_KIND, i),
      status: text(CARD_STATUS, i),
      corroboration: number(CARD_CORROBORATION, i),
      who: copy(entities[number(CARD_WHO, i)]),
      what: text(CARD_WHAT, i),
      when: text(CARD_WHEN, i),
      when_text: text(CARD_WHEN_TEXT, i),
      where: text(CARD_WHERE, i),
      topic: text(CARD_TOPIC, i),
      value: value(i),
      contradicts: list(CONTRADICTS_COUNT, (j) => text(CONTRADICTS_ID, i, j), i),
      evidence: list(EVIDENCE_COUNT, (j) => present({
        source: copy(sources[number(EVIDENCE_SOURCE, i, j)]),
        quote: text(EVIDENCE_QUOTE, i, j),
        stance: text(EVIDENCE_STANCE, i, j),
        speaker: speaker(i, j),
      }), i),
      updates: number(UPDATE_COUNT, i) ? list(UPDATE_COUNT, (j) => ({ date: text(UPDATE_DATE, i, j), note: text(UPDATE_NOTE, i, j) }), i) : undefined,
    });
    return {
      story: present({ id: text(STORY_ID), title: text(STORY_TITLE), language: text(STORY_LANGUAGE) }),
      cards: list(CARD_COUNT, card),
    };
  };
  const errors = () => list(ERROR_COUNT, (i) => ({
    line: number(ERROR_LINE, i), column: number(ERROR_COLUMN, i), message: text(ERROR_MESSAGE, i),
  }));
  return { cards, errors };
}
