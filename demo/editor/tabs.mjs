// @ts-check
// One tab edits a session at a time. A tab that opens a session another tab is editing opens it
// read-only; "Take over" asks the editing tab to save, then takes the session from it (a Web
// Lock, stolen), and the other tab turns read-only. Without the lock no tab writes the session,
// so two tabs never silently overwrite each other.

const CHANNEL = 'factcard-editor';
const FLUSH_WAIT = 1500; // ms to wait for the editing tab to save before taking over anyway

/**
 * @typedef {{
 *   onLost: () => void,            // another tab took the session: stop writing
 *   onFlush: () => Promise<void>,  // save now: another tab is about to take over
 *   onSaved: () => void,           // the editing tab saved: a read-only view may reload
 * }} TabEvents
 */

export class SessionLock {
  /** @param {string} key @param {TabEvents} events */
  constructor(key, events) {
    this.key = key;
    this.events = events;
    this.held = false;
    /** @type {(() => void) | null} */
    this.release = null;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    if (this.channel) this.channel.onmessage = ({ data }) => this.receive(data);
  }

  get name() {
    return `factcard-editor:${this.key}`;
  }

  /** Takes the lock if no other tab holds it; true when this tab may edit. */
  async acquire() {
    if (!navigator.locks) return (this.held = true); // no Web Locks: one tab is all we can assume
    return new Promise((resolve) => {
      navigator.locks.request(this.name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        return this.hold(resolve);
      }).catch(() => this.lost());
    });
  }

  /** Takes the session from the tab that edits it, after it has saved. */
  async takeOver() {
    await this.ask('flush', FLUSH_WAIT);
    return new Promise((resolve) => {
      navigator.locks.request(this.name, { steal: true }, () => this.hold(resolve)).catch(() => this.lost());
    });
  }

  /** The lock was stolen (a tab took over without asking first, or after asking). */
  lost() {
    if (!this.held) return;
    this.held = false;
    this.events.onLost();
  }

  /** @param {(held: boolean) => void} resolve */
  hold(resolve) {
    this.held = true;
    resolve(true);
    return new Promise((done) => { this.release = () => done(undefined); });
  }

  /** Lets the session go (the tab opens another one). */
  close() {
    if (this.release) this.release();
    this.release = null;
    this.held = false;
    if (this.channel) this.channel.close();
    this.channel = null;
  }

  /** Tells other tabs this one saved the session. */
  saved() {
    if (this.channel) this.channel.postMessage({ type: 'saved', key: this.key });
  }

  /** @param {string} type @param {number} wait */
  ask(type, wait) {
    if (!this.channel) return Promise.resolve();
    const channel = this.channel;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, wait);
      const listener = ({ data }) => {
        if (data && data.key === this.key && data.type === `${type}ed`) {
          clearTimeout(timer);
          channel.removeEventListener('message', listener);
          resolve(undefined);
        }
      };
      channel.addEventListener('message', listener);
      channel.postMessage({ type, key: this.key });
    });
  }

  /** @param {{ type: string, key: string }} data */
  async receive(data) {
    if (!data || data.key !== this.key) return;
    if (data.type === 'flush' && this.held) {
      await this.events.onFlush();
      this.lost();
      if (this.channel) this.channel.postMessage({ type: 'flushed', key: this.key });
    } else if (data.type === 'saved' && !this.held) {
      this.events.onSaved();
    }
  }
}
