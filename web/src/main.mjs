// The one file runs twice: as the page's script, and as the worker it starts from its own URL
// (client.mjs), where it only answers the page's requests to the core.

import { startCardPage } from './cardpage.mjs';
import { answerRequests } from './core.mjs';
import { startPage } from './page.mjs';

if (typeof document !== 'undefined') {
  startPage();
  startCardPage();
} else if (typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope) {
  answerRequests(/** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self)));
}
