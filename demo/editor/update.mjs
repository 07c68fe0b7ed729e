// @ts-check
// A story's next day: what a new draft adds to a story an editor has already worked on. The core
// drafts every article the story knows together with the new ones, so its rule for "the same fact"
// (core/src/extract/merge.cpp) decides which excerpts belong together; this module only carries
// that decision over to the editor's story without undoing anything the editor did:
// - a drafted claim whose excerpts the story already has is that claim: its new excerpts are
//   attached to it, and none of its fields change (an edited field stays edited);
// - a drafted claim with an excerpt of a claim the editor deleted stays deleted;
// - a drafted claim with none of the story's excerpts is new.
// An excerpt is known by its source and its words, so merged or split claims stay as the editor
// left them: each excerpt goes where the editor put it. Pure functions of plain story objects.

/**
 * @typedef {{ id: string, name?: string, aliases?: string[], [key: string]: unknown }} Entity
 * @typedef {{ id: string, url?: string, headline?: string, publisher?: string, [key: string]: unknown }} Source
 * @typedef {{ source: string, quote: string, speaker?: string, [key: string]: unknown }} Evidence
 * @typedef {{ id: string, who: string, what: string, evidence?: Evidence[], [key: string]: unknown }} Claim
 * @typedef {{ story: { id: string, [key: string]: unknown }, entities: Entity[], sources: Source[], claims: Claim[], [key: string]: unknown }} Story
 * @typedef {{ deleted: string[] }} Memory what the editor did that a draft must not undo
 * @typedef {{ added: string[], evidence: Record<string, string[]>, skipped: number }} UpdateChanges
 *   claim ids that are new, the new excerpts' keys by claim id, drafted claims left out as deleted
 */

const squash = (text) => String(text || '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** An excerpt's identity: its source and its words (spacing and case aside). */
export const evidenceKey = (sourceId, quote) => `${sourceId}\u0000${squash(quote)}`;

/** @param {Claim} claim */
export const claimKeys = (claim) => (claim.evidence || []).map((e) => evidenceKey(e.source, e.quote));

/** An id not in `taken`: the wanted one, else with -2, -3, ... */
function freeId(wanted, taken) {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The story's item for each drafted one (the first in the story's order with a key in common),
 * else a copy added to the story's list under a free id: drafted id -> the story's id. Keys are
 * looked up, not compared pair by pair: a big draft has hundreds of entities, and this runs on the
 * page's main thread.
 * @template {{ id: string }} T
 * @param {T[]} items the story's list (changed in place)
 * @param {T[]} drafted
 * @param {(item: T) => string[]} keysOf
 */
function mapInto(items, drafted, keysOf) {
  const taken = new Set(items.map((x) => x.id));
  const position = new Map(); // key -> the index of the first item that has it
  const index = (item, at) => { for (const key of keysOf(item)) if (!position.has(key)) position.set(key, at); };
  items.forEach(index);
  const map = new Map();
  for (const item of drafted) {
    const found = keysOf(item).map((key) => position.get(key)).filter((at) => at !== undefined);
    const same = found.length ? items[Math.min(...found)] : null;
    const id = same ? same.id : freeId(item.id, taken);
    if (!same) {
      const copy = { ...item, id };
      items.push(copy);
      index(copy, items.length - 1);
    }
    map.set(item.id, id);
  }
  return map;
}

// The same article: the same URL, or the same id and headline.
/** @param {Source} source */
const sourceKeys = (source) => [
  ...(source.url ? [`url\u0000${source.url}`] : []),
  `id\u0000${source.id}\u0000${squash(source.headline)}`,
];

// The same entity: a name or spelling in common.
/** @param {Entity} entity */
const entityKeys = (entity) => [entity.name, ...(entity.aliases || [])].filter(Boolean).map(squash);

/**
 * Adds a new draft to an edited story, in place. Returns what it added, for the editor to review.
 * @param {Story} story the editor's story (changed in place)
 * @param {Story} draft the core's draft of every article, old and new
 * @param {Memory} memory
 * @returns {UpdateChanges}
 */
export function applyDraft(story, draft, memory) {
  const sourceOf = mapInto(story.sources, draft.sources || [], sourceKeys);
  const entityOf = mapInto(story.entities, draft.entities || [], entityKeys);
  const owner = new Map(); // evidence key -> the story's claim that holds it
  for (const claim of story.claims) for (const key of claimKeys(claim)) if (!owner.has(key)) owner.set(key, claim);
  const deleted = new Set(memory.deleted);
  const claimIds = new Set(story.claims.map((c) => c.id));
  /** @type {UpdateChanges} */
  const changes = { added: [], evidence: {}, skipped: 0 };

  for (const drafted of draft.claims || []) {
    const evidence = (drafted.evidence || []).map((e) => {
      const mapped = { ...e, source: sourceOf.get(e.source) || e.source };
      if (e.speaker) mapped.speaker = entityOf.get(e.speaker) || e.speaker;
      return mapped;
    });
    const keys = evidence.map((e) => evidenceKey(e.source, e.quote));
    if (keys.some((k) => deleted.has(k))) {
      // The editor deleted this fact: its new excerpts are remembered with it.
      for (const k of keys) deleted.add(k);
      changes.skipped++;
      continue;
    }
    const target = keys.map((k) => owner.get(k)).find(Boolean);
    if (target) {
      evidence.forEach((e, i) => {
        if (owner.has(keys[i])) return;
        (target.evidence ||= []).push(e);
        owner.set(keys[i], target);
        (changes.evidence[target.id] ||= []).push(keys[i]);
      });
      continue;
    }
    const claim = { ...drafted, id: freeId(drafted.id, claimIds), who: entityOf.get(drafted.who) || drafted.who, evidence };
    story.claims.push(claim);
    for (const k of keys) owner.set(k, claim);
    changes.added.push(claim.id);
  }
  memory.deleted = [...deleted];
  return changes;
}

/**
 * Remembers a deleted claim, so that no later draft brings it back.
 * @param {Memory} memory @param {Claim} claim
 */
export function rememberDeleted(memory, claim) {
  memory.deleted = [...new Set([...memory.deleted, ...claimKeys(claim)])];
}

/**
 * Forgets a deletion that was undone.
 * @param {Memory} memory @param {Claim} claim
 */
export function forgetDeleted(memory, claim) {
  const keys = new Set(claimKeys(claim));
  memory.deleted = memory.deleted.filter((k) => !keys.has(k));
}
