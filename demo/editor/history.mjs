// @ts-check
// Undo and redo across the session: each settled edit is a snapshot of the whole session (the
// story and the editor's memory) as JSON text. Whole snapshots are simple to get right, and a
// story of a few hundred claims is a few hundred KB: a bounded stack of them costs little.

const LIMIT = 100;

export class History {
  constructor() {
    /** @type {string[]} */
    this.past = [];
    /** @type {string[]} */
    this.future = [];
    /** @type {string | null} */
    this.current = null;
  }

  /** Starts over from this state (a story opened or drafted). @param {string} snapshot */
  reset(snapshot) {
    this.past = [];
    this.future = [];
    this.current = snapshot;
  }

  /** Records the state after an edit; false when nothing changed. @param {string} snapshot */
  record(snapshot) {
    if (snapshot === this.current) return false;
    if (this.current !== null) this.past.push(this.current);
    if (this.past.length > LIMIT) this.past.shift();
    this.current = snapshot;
    this.future = [];
    return true;
  }

  get canUndo() {
    return this.past.length > 0;
  }

  get canRedo() {
    return this.future.length > 0;
  }

  /** The state to go back to, or null. */
  undo() {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    if (this.current !== null) this.future.push(this.current);
    this.current = previous;
    return previous;
  }

  /** The state to go forward to, or null. */
  redo() {
    const next = this.future.pop();
    if (next === undefined) return null;
    if (this.current !== null) this.past.push(this.current);
    this.current = next;
    return next;
  }
}
