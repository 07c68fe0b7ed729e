// @ts-check
// Small DOM helpers of the editor (text only, never HTML), and dates worded at their precision.

// The page's own elements by id: the form controls, details and progress bar of editor.html,
// whose kinds the markup fixes (typed loosely rather than cast at every use).
/** @type {(id: string) => any} */
export const $ = (id) => document.getElementById(id);

export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'hidden' || key === 'disabled' || key === 'value') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;
export const words = (text) => (String(text).match(/\S+/g) || []).length;
export const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
export const truncate = (text, length) => {
  const s = String(text || '');
  return s.length > length ? `${s.slice(0, length - 1).trimEnd()}\u2026` : s;
};

// ---------- dates at their precision ----------

// The core checks every date (see check()); this only words one it has accepted: "2024-09"
// is a month, "~2024" approximate, "..2024-09-03" on or before that day.
const QUALIFIER = /^(~|\.\.)?/;
const PRECISIONS = ['year', 'month', 'day'];

export function formatDate(value) {
  if (value === 'unknown') return 'Date unknown';
  const bound = QUALIFIER.exec(value || '')[0];
  const parts = String(value || '').slice(bound.length).split('-').map(Number);
  if (!value || parts.some(Number.isNaN) || parts.length > 3) return value || '';
  const [year, month, day] = parts;
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  const text = new Intl.DateTimeFormat('en', options).format(new Date(Date.UTC(year, (month || 1) - 1, day || 1)));
  return bound === '~' ? `c. ${text}` : bound === '..' ? `by ${text}` : text;
}

export function describeDate(value) {
  if (value === '') return 'No date: the card shows none.';
  if (value === 'unknown') return 'Unknown date.';
  const bound = QUALIFIER.exec(value)[0];
  const precision = PRECISIONS[value.slice(bound.length).split('-').length - 1];
  return `${formatDate(value)}: ${{ '': '', '~': 'approximate, ', '..': 'on or before, ' }[bound]}${precision} precision.`;
}

