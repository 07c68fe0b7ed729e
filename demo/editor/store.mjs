// @ts-check
// The editor's sessions, kept in this browser's IndexedDB so that a reload, a crash or a closed
// tab loses nothing. Nothing here leaves the page: no request is made with a session's contents.
// One record per session: the story as the editor left it, the editor's memory (deleted claims,
// the articles read so far, publication settings, what the last update changed) and when it was
// saved. Sessions are keyed by an id of their own, not by the story id, since two drafts may
// share a story id until the editor names them.

const DB_NAME = 'factcard-editor';
const STORE = 'sessions';

/**
 * @typedef {{
 *   key: string, title: string, storyId: string, origin: string, savedAt: number,
 *   claims: number, story: object, memory: object,
 * }} Session
 */

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

/** @returns {Promise<IDBDatabase>} */
function database() {
  return (opening ||= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error || new Error('IndexedDB is not available'));
    };
  }));
}

/**
 * Runs `work` on the store in one transaction; resolves with the request's result once the
 * transaction has committed (so a saved session is on disk when the promise resolves).
 * @template T
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => IDBRequest<T>} work
 * @returns {Promise<T>}
 */
async function transact(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error || request.error);
    tx.onabort = () => reject(tx.error || new Error('the save was aborted'));
  });
}

/** @param {Session} session */
export const saveSession = (session) => transact('readwrite', (s) => s.put(session));

/** @param {string} key @returns {Promise<Session | undefined>} */
export const loadSession = (key) => transact('readonly', (s) => s.get(key));

/** @param {string} key */
export const deleteSession = (key) => transact('readwrite', (s) => s.delete(key));

/**
 * The most recently saved sessions first, without their stories (a list stays light).
 * @param {number} limit
 * @returns {Promise<Omit<Session, 'story' | 'memory'>[]>}
 */
export async function recentSessions(limit = 10) {
  const all = /** @type {Session[]} */ (await transact('readonly', (s) => s.getAll()));
  return all.sort((a, b) => b.savedAt - a.savedAt).slice(0, limit)
    .map(({ key, title, storyId, origin, savedAt, claims }) => ({ key, title, storyId, origin, savedAt, claims }));
}

/** A new session key: random, so two tabs never pick the same one. */
export const newSessionKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
