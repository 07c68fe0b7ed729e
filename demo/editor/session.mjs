// @ts-check
// The "Open a story" panel: a file from the picker or dropped on the page, a same-origin
// ?story=URL, the list of recent sessions, and a file the core refused, shown with its problems
// at their lines and columns next to its text, so that it can be fixed in place and nothing of it
// is lost.
import { $, h, plural } from './dom.mjs';

/** @typedef {{ line: number, column: number, message: string }} Problem */

/** Says how opening went, in the panel's live region. @param {string} text @param {string} [tone] */
export function openStatus(text, tone = 'info') {
  const status = $('open-status');
  status.textContent = text;
  status.dataset.tone = tone;
}

/**
 * Calls `onFile(text, name)` for a file chosen in the picker or dropped anywhere on the page.
 * @param {(text: string, name: string) => void} onFile
 */
export function wireOpenFile(onFile) {
  const read = async (/** @type {File | undefined} */ file) => {
    if (!file) return;
    try {
      onFile(await file.text(), file.name);
    } catch (err) {
      openStatus(`Could not read ${file.name}: ${err.message}`, 'error');
    }
  };
  const input = $('open-file');
  input.addEventListener('change', () => {
    read(input.files[0]);
    input.value = ''; // the same file can be opened again after fixing it elsewhere
  });
  const zone = $('drop-zone');
  document.addEventListener('dragover', (e) => {
    if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    zone.classList.add('ed-drop-active');
  });
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) zone.classList.remove('ed-drop-active');
  });
  document.addEventListener('drop', (e) => {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    zone.classList.remove('ed-drop-active');
    read(e.dataTransfer.files[0]);
  });
}

/**
 * The URL of ?story= when it is on this page's origin (a story file is fetched, never run, but an
 * editor opened from a link should not fetch from wherever the link says).
 * @returns {string | null}
 */
export function storyParam() {
  const value = new URLSearchParams(location.search).get('story');
  if (!value) return null;
  const url = new URL(value, location.href);
  if (url.origin !== location.origin) {
    openStatus(`Not opening ${url.href}: the editor opens story files from ${location.origin} only.`, 'error');
    return null;
  }
  return url.href;
}

/** The offset in `text` of a 1-based line and column (columns count characters). */
function offsetOf(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(at + Math.max(column - 1, 0), text.length);
}

/**
 * Shows a file the core refused: each problem at its line and column, a button that puts the
 * cursor there, and the whole text to fix; `onRetry(text)` opens the corrected text.
 * @param {Problem[]} problems
 * @param {string} text
 * @param {string} name
 */
export function showOpenProblems(problems, text, name) {
  const panel = $('open-problems');
  const area = $('open-text');
  panel.hidden = false;
  area.value = text;
  area.dataset.name = name;
  $('open-problems-title').textContent = `${name} could not be opened: ${plural(problems.length, 'problem')}`;
  $('open-problem-list').replaceChildren(...problems.map((p) => {
    const where = p.line > 0 ? `Line ${p.line}, column ${p.column}` : name;
    const item = h('li', null, h('span', { class: 'ed-problem-where', text: where }), ' ', h('span', { class: 'ed-problem-message', text: p.message }));
    if (p.line > 0) {
      item.append(' ', h('button', {
        type: 'button',
        class: 'ed-button ed-quiet ed-small',
        text: 'Show in the text',
        onclick: () => {
          const at = offsetOf(area.value, p.line, p.column);
          area.focus();
          area.setSelectionRange(at, Math.min(at + 1, area.value.length));
        },
      }));
    }
    return item;
  }));
  $('open-problems-title').focus();
}

export function hideOpenProblems() {
  $('open-problems').hidden = true;
}

/**
 * The recent sessions of this browser, newest first, each with Open and Remove.
 * @param {{ key: string, title: string, storyId: string, savedAt: number, claims: number }[]} list
 * @param {{ current: string | null, onOpen: (key: string) => void, onRemove: (key: string) => void }} actions
 */
export function showRecent(list, { current, onOpen, onRemove }) {
  $('recent-block').hidden = !list.length;
  const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  $('recent').replaceChildren(...list.map((s) => {
    const title = s.title || s.storyId || 'Untitled story';
    const here = s.key === current;
    return h('li', { 'data-session': s.key },
      h('span', { class: 'ed-recent-title', text: title }),
      h('span', { class: 'ed-hint', text: ` \u00B7 ${plural(s.claims, 'claim')} \u00B7 saved ${when.format(new Date(s.savedAt))}` }),
      here
        ? h('span', { class: 'ed-chip', text: 'open' })
        : h('button', { type: 'button', class: 'ed-button ed-small', text: 'Open', 'aria-label': `Open ${title}`, onclick: () => onOpen(s.key) }),
      here ? null : h('button', { type: 'button', class: 'ed-button ed-quiet ed-small', text: 'Remove', 'aria-label': `Remove ${title} from this browser`, onclick: () => onRemove(s.key) }));
  }));
}
