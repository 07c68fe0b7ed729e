// @ts-check
// The editor's client of its worker (editor-worker.js): requests by id, progress messages, and a
// stop that cancels whatever the worker is computing.
// The worker's URL is next to the editor's own script, whatever page loads it.
const SCRIPT_URL = document.currentScript ? /** @type {HTMLScriptElement} */ (document.currentScript).src : new URL('editor/editor.js', location.href).href;
const WORKER_URL = new URL('editor-worker.js', SCRIPT_URL).href;
// ---------- the core, in a worker ----------

// Trusted Types: `new Worker(url)` is a script sink under require-trusted-types-for 'script'.
// This policy turns exactly one URL into a TrustedScriptURL: the editor's own worker file.
const policy = window.trustedTypes && window.trustedTypes.createPolicy
  ? window.trustedTypes.createPolicy('factcard-editor', {
    createScriptURL(value) {
      const url = new URL(value, SCRIPT_URL);
      if (url.origin !== location.origin || url.href !== WORKER_URL) {
        throw new TypeError(`factcard-editor: refusing to run ${url.href} as a worker`);
      }
      return url.href;
    },
  })
  : null;

export class Cancelled extends Error {}

class Core {
  constructor() {
    this.worker = null;
    this.pending = new Map();
    this.next = 1;
  }

  start() {
    if (this.worker) return;
    this.worker = new Worker(/** @type {string} */ (policy ? policy.createScriptURL(WORKER_URL) : WORKER_URL), { name: 'factcard-editor' });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.stop(new Error(`the editor's worker failed${event.message ? `: ${event.message}` : ''}`));
    };
  }

  request(type, payload, onProgress) {
    this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, type, ...payload });
    });
  }

  receive(message) {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') {
      if (waiting.onProgress) waiting.onProgress(message);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') waiting.resolve(message.result);
    else waiting.reject(new Error(message.message || 'the core failed'));
  }

  // Ends the worker (and whatever it is computing); every pending request fails with `reason`.
  stop(reason) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(reason);
  }
}

export const core = new Core();
