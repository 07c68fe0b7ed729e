// @ts-check
// Publishing from the editor: one zip that holds every file `factcard build STORY -o DIR --base
// URL --site-name NAME` writes, each at its path under DIR and with the CLI's bytes (the core's
// one writer computes them in the worker: fc_build). Browsers cannot write a zip, so the editor
// vendors fflate (MIT, from npm; demo/build-site.mjs copies it to editor/vendor/fflate.js, which
// editor.html loads before the editor) rather than a zip writer of its own.

/**
 * @typedef {{ zipSync: (files: Record<string, Uint8Array>, options?: { level?: number, mtime?: string | number | Date }) => Uint8Array }} Fflate
 */

/** The vendored zip library; null when its script did not load. @returns {Fflate | null} */
function fflate() {
  const lib = /** @type {{ fflate?: Fflate }} */ (/** @type {unknown} */ (globalThis)).fflate;
  return lib && typeof lib.zipSync === 'function' ? lib : null;
}

/**
 * A zip of the build's files, dated `day` (YYYY-MM-DD), so that the same story gives the same zip.
 * @param {[string, string][]} files path and text, as fc_build lists them
 * @param {string} day
 * @returns {Uint8Array}
 */
export function zipBuild(files, day) {
  const lib = fflate();
  if (!lib) throw new Error('the zip library (editor/vendor/fflate.js) did not load');
  const encoder = new TextEncoder();
  /** @type {Record<string, Uint8Array>} */
  const entries = {};
  for (const [path, text] of files) entries[path] = encoder.encode(text);
  return lib.zipSync(entries, { level: 9, mtime: `${day}T12:00:00Z` });
}

/** Today in the editor's time zone, YYYY-MM-DD: the day a newsroom would write on a correction. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What a reader would want to know changed in a claim since it was published, as a draft of the
 * update note (the editor rewrites it as needed), or '' when nothing that a card shows changed.
 * @param {{ who: string, what: string, when: string, status: string }} before
 * @param {{ who: string, what: string, when: string, status: string }} after
 * @param {(id: string) => string} nameOf
 */
export function suggestNote(before, after, nameOf) {
  const notes = [];
  if (before.who !== after.who) notes.push(`Attribution corrected: ${nameOf(after.who)}, not ${nameOf(before.who)}`);
  if (before.what !== after.what) notes.push('Wording corrected');
  if (before.when !== after.when) {
    notes.push(before.when ? `Date corrected: ${after.when || 'unknown'}, not ${before.when}` : `Date added: ${after.when}`);
  }
  if (before.status !== after.status) notes.push(`Now ${after.status}, was ${before.status}`);
  return notes.join('. ');
}

/**
 * The fields of a claim that a published card shows, to compare before and after an edit.
 * @param {{ who: string, what: string, when?: string }} claim
 * @param {string} status the claim's card status
 */
export const shownFields = (claim, status) => ({ who: claim.who, what: claim.what, when: claim.when || '', status });
