// @ts-check
// The story editor of the factcard demo: articles in, draft cards out, corrected by hand, then
// downloaded as a story file, a bundle and embed snippets.
//
// Every call into the C++ core (factcard-extract.wasm: fc_extract, fc_extract_annotations,
// fc_cards, fc_build) runs in a Web Worker (editor-worker.js), so the page keeps responding while
// a long paste is read. The page runs under the demo's strict CSP with Trusted Types enforced:
// the worker's URL goes through the 'factcard-editor' policy, which accepts that one same-origin
// file only, and no text from an article or a story ever reaches the DOM as HTML (textContent,
// setAttribute and DOM nodes only; embed snippets are shown as text).
import { $, describeDate, formatDate, h, nextId, plural, truncate, words } from './dom.mjs';
import { SAMPLES } from './samples.mjs';
import { Cancelled, core } from './worker-client.mjs';
import { applyDraft, evidenceKey, forgetDeleted, rememberDeleted } from './update.mjs';
import { deleteSession, loadSession, newSessionKey, recentSessions, saveSession } from './store.mjs';
import { SessionLock } from './tabs.mjs';
import { History } from './history.mjs';
import { shownFields, suggestNote, today, zipBuild } from './publish.mjs';
import { hideOpenProblems, openStatus, showOpenProblems, showRecent, storyParam, wireOpenFile } from './session.mjs';
const CLAIM_KINDS = ['event', 'statement', 'quote', 'figure'];
const ENTITY_KINDS = ['person', 'organization', 'place', 'other'];
const ID_PATTERN = /^[a-z0-9._-]+$/;
const CHECK_DELAY = 250; // ms after the last keystroke before the cards are recomputed
const EVIDENCE_SHOWN = 3;

// ---------- state ----------

const state = {
  story: null, // the story being edited (the draft, changed in place)
  result: null, // the last valid check: {cards, story, build}
  errors: [], // the core's problems with the current story
  whenProblems: new Map(), // claim id -> the core's problem with its date
  cardOf: new Map(), // claim id -> card
  items: new Map(), // claim object -> its editor item
  itemOfNode: new WeakMap(), // <li> -> its editor item
  checking: null, // the check in flight (a promise)
  dirty: false, // edited since the last check was sent
  generation: 0,
  readOnly: false, // another tab edits this session
};

// The session: one story being worked on, saved in IndexedDB (store.mjs) after every settled edit.
// `memory` is what the editor did that the story file does not say and a later draft must not
// undo: the excerpts of deleted claims, the articles read so far, the publication settings, the
// fields of each claim as published, and what the last update changed (until reviewed).
/**
 * @typedef {{
 *   deleted: string[],
 *   articles: { name: string, outlet: string, date: string, text: string }[],
 *   publish: { base: string, siteName: string },
 *   baseline: Record<string, { who: string, what: string, when: string, status: string }> | null,
 *   changes: { added: string[], evidence: Record<string, string[]>, status: Record<string, { from: string, to: string }> } | null,
 * }} Memory
 */
/** @returns {Memory} */
const freshMemory = () => ({ deleted: [], articles: [], publish: { base: '', siteName: '' }, baseline: null, changes: null });

const session = {
  key: /** @type {string | null} */ (null),
  origin: '',
  memory: freshMemory(),
  lock: /** @type {SessionLock | null} */ (null),
  history: new History(),
};

// ---------- articles ----------

const articleList = $('articles');
const articles = [];

function addArticle(data = {}, focus = false) {
  const node = $('article-template').content.firstElementChild.cloneNode(true);
  const article = { node, fields: {} };
  for (const input of node.querySelectorAll('[data-field]')) {
    const field = input.dataset.field;
    input.id = nextId(`article-${field}`);
    node.querySelector(`label[data-for="${field}"]`).htmlFor = input.id;
    article.fields[field] = input;
    if (data[field]) input.value = data[field];
  }
  const count = node.querySelector('.ed-count');
  count.id = nextId('article-count');
  article.fields.text.setAttribute('aria-describedby', count.id);
  article.count = count;
  article.fields.name.placeholder = 'article-1';
  article.fields.text.addEventListener('input', () => updateCount(article));
  node.querySelector('.ed-remove').addEventListener('click', () => removeArticle(article));
  articles.push(article);
  articleList.append(node);
  renumber();
  updateCount(article);
  if (focus) article.fields.text.focus();
  return article;
}

function updateCount(article) {
  const n = words(article.fields.text.value);
  article.count.textContent = n ? plural(n, 'word') : 'Paste the article here.';
}

function removeArticle(article) {
  const index = articles.indexOf(article);
  if (index < 0 || articles.length === 1) return;
  articles.splice(index, 1);
  article.node.remove();
  renumber();
  const next = articles[Math.min(index, articles.length - 1)];
  next.fields.text.focus();
  say(`Removed article ${index + 1}.`);
}

function renumber() {
  articles.forEach((article, i) => {
    article.node.querySelector('.ed-article-number').textContent = `Article ${i + 1}`;
    article.fields.name.placeholder = `article-${i + 1}`;
    const remove = article.node.querySelector('.ed-remove');
    remove.hidden = articles.length === 1;
    remove.querySelector('.sr').textContent = ` article ${i + 1}`;
  });
}

function loadSamples() {
  const empty = articles.filter((a) => !a.fields.text.value.trim());
  const present = new Set(articles.map((a) => a.fields.text.value));
  // Keep whatever the visitor pasted: the samples fill empty boxes, then new ones.
  SAMPLES.filter((sample) => !present.has(sample.text)).forEach((sample, i) => {
    const target = empty[i] || addArticle();
    for (const [field, value] of Object.entries(sample)) target.fields[field].value = value;
    target.fields.outlet.value = '';
    updateCount(target);
  });
  say(`Loaded ${SAMPLES.length} demo articles. Press \u201CDraft cards\u201D to read them.`);
  $('draft').focus();
}

// ---------- drafting ----------

const status = $('status');
let lastSaid = 0;

function say(text, { tone = 'info', force = true } = {}) {
  const now = performance.now();
  if (!force && now - lastSaid < 400) return; // a live region that changes 50 times a second helps no one
  lastSaid = now;
  $('progress-panel').hidden = false;
  status.textContent = text;
  status.dataset.tone = tone;
}

function collectArticles() {
  const list = [];
  const problems = [];
  articles.forEach((article, i) => {
    const { name, outlet, date, text } = article.fields;
    for (const input of [date, name]) input.removeAttribute('aria-invalid');
    if (!text.value.trim()) return;
    if (date.validity.badInput) {
      date.setAttribute('aria-invalid', 'true');
      problems.push({ input: date, message: `Article ${i + 1}: the date is incomplete.` });
    }
    list.push({
      index: i,
      name: name.value.trim() || `article-${i + 1}`,
      outlet: outlet.value.trim(),
      date: date.value,
      text: text.value,
    });
  });
  return { list, problems };
}

// The draft's progress bar, per-article steps and timer; onProgress follows the worker's messages.
function startProgress(list) {
  const progress = $('progress');
  const steps = $('steps');
  progress.max = list.length + 2;
  progress.value = 0;
  $('progress-row').hidden = false;
  steps.replaceChildren(...list.map((a) => h('li', { 'data-state': 'waiting' },
    h('span', { class: 'ed-step-name', text: a.name }),
    h('span', { class: 'ed-step-state', text: `${plural(words(a.text), 'word')} \u00B7 waiting` }))));
  const started = performance.now();
  const elapsed = $('elapsed');
  const tick = () => {
    const ms = performance.now() - started;
    elapsed.textContent = ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
  };
  const timer = setInterval(tick, 100);
  tick();
  say(`Reading ${plural(list.length, 'article')}\u2026`);

  const onProgress = (m) => {
    progress.value = m.done;
    const item = m.index !== undefined ? steps.children[m.index] : null;
    const a = m.index !== undefined ? list[m.index] : null;
    if (m.phase === 'loading') say('Loading the factcard core\u2026', { force: false });
    if (m.phase === 'reading' || m.phase === 'extracting') {
      item.dataset.state = 'active';
      item.lastChild.textContent = m.phase === 'reading' ? 'reading\u2026' : 'extracting quotes, people and dates\u2026';
      say(`Article ${m.index + 1} of ${list.length} (${a.name}): ${m.phase}\u2026`, { force: false });
    }
    if (m.phase === 'read') {
      item.dataset.state = 'done';
      const c = m.counts;
      item.lastChild.textContent = `${plural(c.quotes, 'quote')} \u00B7 ${plural(c.people, 'person', 'people')} \u00B7 ${plural(c.dates, 'date')}`;
    }
    if (m.phase === 'merging') say(`Merging what ${plural(list.length, 'article')} reported into claims\u2026`);
    if (m.phase === 'checking') say('Computing the cards\u2026');
  };
  return { tick, timer, onProgress, elapsed };
}

async function draft(event) {
  if (event) event.preventDefault();
  const { list, problems } = collectArticles();
  if (problems.length) {
    say(problems.map((p) => p.message).join(' '), { tone: 'error' });
    problems[0].input.focus();
    return;
  }
  if (!list.length) {
    say('Paste at least one article first, or load the demo articles.', { tone: 'error' });
    articles[0].fields.text.focus();
    return;
  }
  const drafting = $('draft');
  const cancel = $('cancel');
  const progress = $('progress');
  const steps = $('steps');
  const hadFocus = document.activeElement === drafting;
  drafting.disabled = true;
  cancel.hidden = false;
  if (hadFocus) cancel.focus(); // a disabled button would drop the keyboard focus
  $('articles-form').setAttribute('aria-busy', 'true');
  const { tick, timer, onProgress, elapsed } = startProgress(list);

  try {
    const merging = !!(state.story && session.key); // then the merged story is checked again
    const result = await core.request('draft', {
      articles: list.map(({ name, outlet, date, text }) => ({ name, outlet, date, text })),
      cards: !merging,
    }, onProgress);
    if (result.errors && !result.draft) {
      const first = result.errors[0];
      const article = first.article !== undefined ? list[first.article] : null;
      say(`The core could not read ${article ? `article ${article.index + 1}` : 'the articles'}: ${first.message}`, { tone: 'error' });
      return;
    }
    progress.value = progress.max;
    tick();
    state.undo = null;
    hideToast();
    const read = list.map(({ name, outlet, date, text }) => ({ name, outlet, date, text }));
    const from = `from ${plural(list.length, 'article')} in ${elapsed.textContent}`;
    if (merging) {
      const changes = await mergeDraft(result.draft, read);
      say(`Updated the story ${from}: ${plural(changes.added.length, 'new claim')}, ${
        plural(Object.values(changes.evidence).flat().length, 'new excerpt')} on earlier claims${
        changes.skipped ? `, ${plural(changes.skipped, 'deleted claim')} left out` : ''}. What changed is listed below.`, { tone: 'done' });
      $('changes-title').focus();
      return;
    }
    await startSession(result.draft, { origin: 'draft', memory: { ...freshMemory(), articles: read }, result });
    const drafted = `Drafted ${plural(result.draft.claims.length, 'claim')}`;
    if (result.cards) say(`${drafted} (${plural(result.cards.length, 'card')}) ${from}.`, { tone: 'done' });
    else say(`${drafted} ${from}; the core found ${plural(result.errors.length, 'problem')} to fix before it can compute the cards (listed below).`, { tone: 'done' });
    $('draft-title').focus();
  } catch (err) {
    if (err instanceof Cancelled) {
      say('Cancelled. Nothing was changed.');
    } else {
      say(`Drafting failed: ${err.message}`, { tone: 'error' });
    }
    for (const item of steps.children) if (item.dataset.state !== 'done') item.dataset.state = 'stopped';
  } finally {
    clearInterval(timer);
    drafting.disabled = false;
    cancel.hidden = true;
    $('articles-form').removeAttribute('aria-busy');
    if (document.activeElement === cancel || document.activeElement === document.body) drafting.focus();
  }
}

// ---------- the draft editor ----------

function entityName(id) {
  const entity = state.story.entities.find((e) => e.id === id);
  return entity ? entity.name || entity.id : id;
}

function sourceOf(id) {
  return state.story.sources.find((s) => s.id === id) || { id };
}

// Draws the story; with `result` (the core's check of this very story) once a frame has been
// drawn (clearing a big list and saving the story are long tasks of their own), else after a check.
async function showDraft(result = null) {
  const section = $('draft-section');
  section.hidden = false;
  state.result = null;
  state.errors = [];
  state.cardOf = new Map();
  $('story-title').value = state.story.story.title || '';
  $('story-id').value = state.story.story.id || '';
  // The people table is drawn when it is opened (or a problem points into it).
  state.entitiesDrawn = false;
  if ($('story-meta').open) renderEntities();
  renderClaims();
  showChanges();
  showPublished();
  if (result) {
    await afterPaint();
    return applyCheck(result);
  }
  setSync('Computing the cards\u2026', 'busy');
  return check();
}

function renderEntities() {
  state.entitiesDrawn = true;
  const rows = state.story.entities.map((entity, index) => {
    const label = (what) => `${what} of ${entity.name || entity.id}`;
    const control = (node, fieldName) => {
      node.dataset.entity = String(index);
      node.dataset.field = fieldName;
      return node;
    };
    const name = control(h('input', { type: 'text', value: entity.name || '', autocomplete: 'off' }), 'name');
    const kind = control(h('select', null, ENTITY_KINDS.map((k) => h('option', { value: k, text: k }))), 'kind');
    kind.value = entity.kind || 'person';
    const role = control(h('input', { type: 'text', value: entity.description || '', autocomplete: 'off' }), 'description');
    const aliases = control(h('input', { type: 'text', value: (entity.aliases || []).join(', '), autocomplete: 'off', spellcheck: 'false' }), 'aliases');
    const relabel = () => {
      name.setAttribute('aria-label', label('Name'));
      kind.setAttribute('aria-label', label('Kind'));
      role.setAttribute('aria-label', label('Role'));
      aliases.setAttribute('aria-label', label('Other spellings (comma-separated)'));
    };
    relabel();
    name.addEventListener('input', () => {
      entity.name = name.value;
      relabel();
      refreshNames();
      edited();
    });
    name.addEventListener('change', relabel);
    kind.addEventListener('change', () => {
      entity.kind = kind.value;
      edited();
    });
    role.addEventListener('input', () => {
      if (role.value.trim()) entity.description = role.value;
      else delete entity.description;
      edited();
    });
    aliases.addEventListener('input', () => {
      const list = aliases.value.split(',').map((a) => a.trim()).filter(Boolean);
      if (list.length) entity.aliases = list;
      else delete entity.aliases;
      edited();
    });
    return h('tr', null, h('td', null, name), h('td', null, kind), h('td', null, role), h('td', null, aliases));
  });
  $('entities').replaceChildren(...rows);
}

// A renamed entity shows its new name in every "who" list and claim heading (once per frame).
let namesFrame = 0;
function refreshNames() {
  if (namesFrame) return;
  namesFrame = requestAnimationFrame(() => {
    namesFrame = 0;
    for (const item of state.items.values()) {
      for (const option of item.who.options) option.textContent = entityName(option.value);
      item.heading.lastChild.textContent = entityName(item.claim.who);
    }
  });
}

function renderClaims() {
  state.items.clear();
  const list = $('claims');
  list.replaceChildren();
  const claims = state.story.claims.slice();
  // The claims are added a few at a time, one batch per frame, so that a big draft never
  // blocks the page; the cards computed meanwhile are drawn as their claims arrive.
  let next = 0;
  const generation = ++state.generation;
  const chunk = () => {
    if (generation !== state.generation) return;
    const start = performance.now();
    const fragment = document.createDocumentFragment();
    const numbered = next;
    while (next < claims.length && performance.now() - start < 6) {
      const item = claimItem(claims[next++]);
      fragment.append(item.node);
      if (state.result) {
        updatePreview(item);
        updateNoteBox(item);
      }
      if (state.errors.length) markStale(item);
    }
    if (state.readOnly) freeze(fragment, true);
    list.append(fragment);
    renumberClaims(numbered);
    if (next < claims.length) requestAnimationFrame(chunk);
    else if (state.errors.length) showProblems(); // now every problem can point at its claim
  };
  requestAnimationFrame(chunk);
  $('no-claims').hidden = claims.length > 0;
}

function field(labelText, control, hint) {
  const id = control.id || nextId('field');
  control.id = id;
  const children = [h('label', { for: id, text: labelText }), control];
  if (hint) {
    hint.id = hint.id || nextId('hint');
    control.setAttribute('aria-describedby', hint.id);
    children.push(hint);
  }
  return h('div', { class: 'ed-field' }, children);
}

// A claim's excerpts with their outlets: the first EVIDENCE_SHOWN shown, the rest behind a toggle.
function evidenceSection(claim) {
  const evidence = (claim.evidence || []).map((e) => {
    const source = sourceOf(e.source);
    const bits = [source.publisher || 'Unknown outlet'];
    if (source.headline) bits.push(`\u201C${truncate(source.headline, 80)}\u201D`);
    if (source.published) bits.push(formatDate(source.published));
    if (e.speaker) bits.push(`speaker: ${entityName(e.speaker)}`);
    if (e.stance === 'refutes') bits.push('disputes the claim');
    const fresh = isNewEvidence(claim, e);
    return h('li', { class: fresh ? 'ed-new' : null },
      fresh ? h('span', { class: 'ed-chip ed-chip-new', text: 'New excerpt' }) : null,
      h('blockquote', { class: 'ed-excerpt', text: e.quote }), h('p', { class: 'ed-cite', text: bits.join(' \u00B7 ') }));
  });
  const list = h('ul', { class: 'ed-evidence' }, evidence);
  const evidenceBlock = h('div', { class: 'ed-evidence-block' },
    h('h4', { text: `Evidence (${evidence.length})` }), list);
  if (evidence.length > EVIDENCE_SHOWN) {
    // New excerpts stay in view: the editor reviews them.
    evidence.slice(EVIDENCE_SHOWN).forEach((li) => { li.hidden = !li.classList.contains('ed-new'); });
    const more = h('button', { type: 'button', class: 'ed-button ed-quiet ed-small', 'aria-expanded': 'false' });
    const label = () => (more.getAttribute('aria-expanded') === 'true'
      ? 'Show fewer excerpts'
      : `Show ${evidence.length - EVIDENCE_SHOWN} more excerpts`);
    more.textContent = label();
    more.addEventListener('click', () => {
      const open = more.getAttribute('aria-expanded') !== 'true';
      more.setAttribute('aria-expanded', String(open));
      evidence.slice(EVIDENCE_SHOWN).forEach((li) => { li.hidden = !open && !li.classList.contains('ed-new'); });
      more.textContent = label();
    });
    evidenceBlock.append(more);
  }
  return evidenceBlock;
}

function claimItem(claim) {
  const titleId = nextId('claim-title');
  const item = { claim };
  item.number = h('span', { class: 'ed-claim-number' });
  item.kindChip = h('span', { class: 'ed-chip', text: claim.kind });
  item.heading = h('h3', { id: titleId, tabindex: '-1' }, item.number, item.kindChip, changeChips(claim), h('span', { class: 'ed-claim-who', text: entityName(claim.who) }));

  item.who = h('select', null, state.story.entities.map((e) => h('option', { value: e.id, text: e.name || e.id })));
  if (!state.story.entities.some((e) => e.id === claim.who)) item.who.append(h('option', { value: claim.who, text: claim.who }));
  item.who.value = claim.who;
  item.who.addEventListener('change', () => {
    const before = claim.who;
    claim.who = item.who.value;
    // A quote's speaker is who says it: follow the correction.
    for (const e of claim.evidence || []) if (e.speaker === before) e.speaker = claim.who;
    item.heading.lastChild.textContent = entityName(claim.who);
    edited();
  });

  item.kind = h('select', null, CLAIM_KINDS.map((k) => h('option', { value: k, text: k })));
  item.kind.value = claim.kind;
  item.kind.addEventListener('change', () => {
    claim.kind = item.kind.value;
    item.kindChip.textContent = claim.kind;
    item.whatLabel.textContent = claim.kind === 'quote' ? 'What (the quoted words)' : 'What';
    edited();
  });

  item.what = h('textarea', { rows: 2, class: 'ed-what', spellcheck: 'true' });
  item.what.value = claim.what || '';
  item.what.addEventListener('input', () => {
    claim.what = item.what.value;
    edited();
  });

  item.when = h('input', { type: 'text', class: 'ed-when', autocomplete: 'off', spellcheck: 'false', placeholder: 'YYYY-MM-DD' });
  item.when.value = claim.when || '';
  item.whenHint = h('p', { class: 'ed-hint' });
  item.when.addEventListener('input', () => setWhen(item));
  describeWhen(item);

  const whatField = field(claim.kind === 'quote' ? 'What (the quoted words)' : 'What', item.what);
  item.whatLabel = whatField.querySelector('label');
  const whenField = field('When', item.when, item.whenHint);
  if (claim.when_text) {
    whenField.append(h('p', { class: 'ed-hint ed-when-text' }, 'The article said: ', h('q', { text: claim.when_text })));
  }

  const evidenceBlock = evidenceSection(claim);

  item.remove = h('button', { type: 'button', class: 'ed-button ed-danger ed-small' }, 'Delete', h('span', { class: 'sr' }));
  item.remove.addEventListener('click', () => deleteClaim(item));
  item.preview = h('div', { class: 'ed-preview' });
  item.previewRegion = h('section', { class: 'ed-preview-col', 'aria-label': 'Card preview' },
    h('p', { class: 'ed-col-label', 'aria-hidden': 'true', text: 'Card preview' }), item.preview);

  item.node = h('li', { class: 'ed-claim' },
    h('article', { 'aria-labelledby': titleId },
      h('header', { class: 'ed-claim-head' }, item.heading, item.remove),
      h('div', { class: 'ed-claim-body' },
        h('div', { class: 'ed-claim-form' },
          h('div', { class: 'ed-row' }, field('Who', item.who), field('Kind', item.kind)),
          whatField,
          whenField,
          noteBox(item),
          evidenceBlock),
        item.previewRegion)));
  item.node.dataset.claim = claim.id;
  state.items.set(claim, item);
  state.itemOfNode.set(item.node, item);
  return item;
}

// The hint under a claim's date says what the core made of it: its problem with the date, or
// the date in words. Until the core has answered for the latest edit, it says so.
function describeWhen(item, pending = false) {
  item.whenPending = pending;
  const value = item.when.value.trim();
  const problem = pending ? '' : state.whenProblems.get(item.claim.id) || '';
  if (problem) item.when.setAttribute('aria-invalid', 'true');
  else item.when.removeAttribute('aria-invalid');
  item.whenHint.dataset.tone = problem ? 'error' : '';
  item.whenHint.textContent = pending ? 'Checking the date\u2026' : problem || describeDate(value);
}

function setWhen(item) {
  const { claim } = item;
  const before = claim.when;
  const value = item.when.value.trim();
  if (value) claim.when = value;
  else delete claim.when;
  // An event's date is also its value on the topic: correcting one corrects the other.
  if (claim.value !== undefined && claim.value === before) {
    if (value) claim.value = value;
    else delete claim.value;
  }
  describeWhen(item, true);
  edited();
}

// From `from` on: a big draft appended a batch at a time renumbers only its new batch.
function renumberClaims(from = 0) {
  const children = $('claims').children;
  let n = from;
  for (let i = from; i < children.length; i++) {
    const li = children[i];
    n++;
    const item = state.itemOfNode.get(li);
    if (!item) continue;
    item.n = n;
    item.number.textContent = `Claim ${n}`;
    item.remove.lastChild.textContent = ` claim ${n}`;
    item.previewRegion.setAttribute('aria-label', `Card preview for claim ${n}`);
  }
}

function deleteClaim(item) {
  const index = state.story.claims.indexOf(item.claim);
  if (index < 0) return;
  state.story.claims.splice(index, 1);
  const next = item.node.nextElementSibling || item.node.previousElementSibling;
  item.node.remove();
  state.items.delete(item.claim);
  renumberClaims();
  $('no-claims').hidden = state.story.claims.length > 0;
  state.undo = { claim: item.claim, index };
  rememberDeleted(session.memory, item.claim);
  showToast(`Deleted claim ${item.n} (\u201C${truncate(item.claim.what, 60)}\u201D)`);
  const focusItem = next && state.itemOfNode.get(next);
  if (focusItem) focusItem.heading.focus();
  else $('draft-title').focus();
  edited(true);
}

function undoDelete() {
  const undo = state.undo;
  if (!undo) return;
  state.undo = null;
  hideToast();
  forgetDeleted(session.memory, undo.claim);
  state.story.claims.splice(Math.min(undo.index, state.story.claims.length), 0, undo.claim);
  const item = claimItem(undo.claim);
  // Back where it was: before the claim that followed it.
  const after = state.story.claims[undo.index + 1];
  const afterItem = after && state.items.get(after);
  $('claims').insertBefore(item.node, afterItem ? afterItem.node : null);
  renumberClaims();
  $('no-claims').hidden = true;
  if (state.result) updatePreview(item);
  if (state.errors.length) markStale(item);
  item.heading.focus();
  announce(`Restored claim ${item.n}.`);
  edited(true);
}

/** @type {ReturnType<typeof setTimeout> | 0} */
let toastTimer = 0;

function showToast(text) {
  $('toast-text').textContent = text;
  $('toast').hidden = false;
  clearTimeout(toastTimer);
  // Out of the way after a while, unless the visitor is about to use it.
  const later = () => {
    if ($('toast').contains(document.activeElement) || $('toast').matches(':hover')) toastTimer = setTimeout(later, 3000);
    else hideToast();
  };
  toastTimer = setTimeout(later, 12000);
  announce(`${text}. Undo is available.`);
}

function announce(text) {
  $('announce').textContent = text;
}

function hideToast() {
  $('toast').hidden = true;
}

// ---------- checking with the core as the editor types ----------

/** @type {ReturnType<typeof setTimeout> | 0} */
let timer = 0;

function edited(now = false) {
  if (state.readOnly) return;
  state.dirty = true;
  $('redraft-hint').hidden = false;
  setSync('Updating the cards\u2026', 'busy');
  clearTimeout(timer);
  timer = setTimeout(check, now ? 0 : CHECK_DELAY);
}

function setSync(text, tone) {
  const sync = $('sync');
  sync.textContent = text;
  sync.dataset.tone = tone;
}

// Sends the story as it is now; a newer edit makes an older answer irrelevant.
function check() {
  clearTimeout(timer);
  state.dirty = false;
  const sent = ++state.checkNumber;
  const story = state.story;
  const request = core.request('check', { story }).then((result) => {
    if (sent === state.checkNumber && story === state.story) applyCheck(result);
  }, (err) => {
    if (sent === state.checkNumber && !(err instanceof Cancelled)) setSync(`The core failed: ${err.message}`, 'error');
  });
  state.checking = request;
  return request;
}
state.checkNumber = 0;

// Waits until the cards and downloads match every edit made so far.
async function settled() {
  while (state.dirty || state.checking) {
    const pending = state.dirty ? check() : state.checking;
    await pending;
    if (state.checking === pending) state.checking = null;
  }
}

function applyCheck(result) {
  state.checking = null;
  const before = state.whenProblems;
  state.whenProblems = whenProblems(result.errors || []);
  // Only hints that change: a big draft has hundreds of claims.
  for (const item of state.items.values()) {
    if (item.whenPending || before.has(item.claim.id) || state.whenProblems.has(item.claim.id)) describeWhen(item);
  }
  if (result.errors && result.errors.length) {
    state.errors = result.errors;
    showProblems();
    for (const item of state.items.values()) markStale(item);
    setSync(`${plural(result.errors.length, 'problem')} to fix`, 'error');
  } else {
    state.errors = [];
    state.result = result;
    state.cardOf = new Map();
    for (const card of result.cards) for (const id of card.claims) state.cardOf.set(id, card);
    showProblems();
    for (const item of state.items.values()) {
      updatePreview(item);
      updateNoteBox(item);
    }
    setSync('Cards up to date', 'ok');
  }
  updateStats();
  updateDownloads();
  persist();
}

/** @param {{ at?: { table: string, index: number, field?: string }, message: string }[]} errors */
function whenProblems(errors) {
  const problems = new Map();
  for (const e of errors) {
    const claim = e.at && e.at.table === 'claims' && e.at.field === 'when' && state.story.claims[e.at.index];
    if (claim && !problems.has(claim.id)) problems.set(claim.id, e.message);
  }
  return problems;
}

// The last card computed stays in view, marked as out of date, until the story is valid again.
function markStale(item) {
  if (item.preview.classList.contains('ed-stale')) return;
  item.preview.classList.add('ed-stale');
  item.preview.prepend(h('p', { class: 'ed-stale-note', text: 'Out of date until the problems above are fixed.' }));
}

function showProblems() {
  const panel = $('problems');
  const list = $('problem-list');
  panel.hidden = !state.errors.length;
  list.replaceChildren(...state.errors.map((e) => {
    const where = e.line > 0 ? `Line ${e.line}, column ${e.column}` : 'Story';
    const children = [h('span', { class: 'ed-problem-where', text: where }), h('span', { class: 'ed-problem-message', text: e.message })];
    const target = problemTarget(e);
    if (target) {
      children.push(h('button', {
        type: 'button',
        class: 'ed-button ed-quiet ed-small',
        text: target.label,
        onclick: () => {
          const details = target.control.closest('details');
          if (details) details.open = true;
          target.control.focus();
        },
      }));
    }
    if (e.text) children.push(h('code', { class: 'ed-problem-line', text: e.text.trim() }));
    return h('li', null, children);
  }));
}

// The control to fix a problem in: the claim (or entity) its line falls in.
function problemTarget(e) {
  const field = e.at && e.at.field;
  if (e.at && e.at.table === 'claims') {
    const claim = state.story.claims[e.at.index];
    const item = claim && state.items.get(claim);
    if (!item) return null;
    const controls = { who: item.who, kind: item.kind, what: item.what, when: item.when, value: item.when };
    return { label: `Go to claim ${state.story.claims.indexOf(claim) + 1}`, control: controls[field] || item.heading };
  }
  if (e.at && e.at.table === 'entities') {
    if (!state.entitiesDrawn) renderEntities();
    /** @type {NodeListOf<HTMLElement>} */
    const controls = $('entities').querySelectorAll(`[data-entity="${e.at.index}"]`);
    const control = [...controls].find((c) => c.dataset.field === field) || controls[0];
    const words = { aliases: 'other spellings', kind: 'kind', description: 'role' };
    return control ? { label: `Go to the ${words[control.dataset.field] || 'name'}`, control } : null;
  }
  if (/"id"/.test(e.message) && !e.at) return { label: 'Go to the story id', control: $('story-id') };
  return null;
}

function statusWords(card) {
  if (card.status === 'corroborated') return `Corroborated \u00B7 ${card.corroboration} outlets`;
  if (card.status === 'contested') return 'Contested';
  return 'Single source';
}

// The card the core computed for this claim, drawn as text (the widget's look, not the widget).
function updatePreview(item) {
  const { claim, preview } = item;
  preview.classList.remove('ed-stale');
  const card = state.cardOf.get(claim.id);
  if (!card) {
    preview.replaceChildren(h('p', { class: 'ed-hint', text: 'No card yet.' }));
    return;
  }
  const node = h('div', { class: `ed-card ed-card-${card.status}`, 'data-status': card.status, 'data-corroboration': card.corroboration });
  const top = h('p', { class: 'ed-card-top' }, h('span', { class: 'ed-card-status', text: statusWords(card) }));
  if (card.when) top.append(h('time', { class: 'ed-card-when', datetime: card.when.replace(/^(~|\.\.)/, ''), text: formatDate(card.when) }));
  node.append(top);
  node.append(h('p', { class: 'ed-card-what', lang: state.result.story.language || null, dir: 'auto', text: card.kind === 'quote' ? `\u201C${card.what}\u201D` : card.what }));
  node.append(h('p', { class: 'ed-card-who' }, h('b', { text: card.who.name }), card.who.description ? `, ${card.who.description}` : null));
  if (card.where) node.append(h('p', { class: 'ed-card-where', text: card.where }));
  if (card.updates && card.updates.length) node.append(updatesBlock(card.updates));

  const sources = new Map();
  for (const e of card.evidence) {
    if (!sources.has(e.source.id)) sources.set(e.source.id, { source: e.source, refutes: false });
    if (e.stance === 'refutes') sources.get(e.source.id).refutes = true;
  }
  const all = [...sources.values()];
  const shown = all.slice(0, 4).map(({ source, refutes }) => h('li', null,
    h('span', { class: 'ed-card-outlet', text: source.publisher || 'Unknown outlet' }),
    source.headline ? h('span', { class: 'ed-card-headline', text: ` \u00B7 ${source.headline}` }) : null,
    source.published ? h('span', { class: 'ed-card-date', text: ` \u00B7 ${formatDate(source.published)}` }) : null,
    refutes ? h('span', { class: 'ed-card-refutes', text: ' \u00B7 disputes it' }) : null));
  if (all.length > 4) shown.push(h('li', { class: 'ed-card-more', text: `and ${all.length - 4} more` }));
  node.append(h('ul', { class: 'ed-card-sources', 'aria-label': 'Sources' }, shown));

  if (card.contradicts && card.contradicts.length) {
    const rivals = card.contradicts.map((id) => state.result.cards.find((c) => c.id === id)).filter(Boolean);
    node.append(h('div', { class: 'ed-card-conflict' },
      h('p', { class: 'ed-card-conflict-label', text: card.topic ? `Conflicts on ${card.topic} with` : 'Conflicts with' }),
      h('ul', null, rivals.map((r) => {
        const about = [r.when ? formatDate(r.when) : '', claimNumbers(r.claims)].filter(Boolean).join(' \u00B7 ');
        return h('li', null, h('span', { text: r.kind === 'quote' ? `\u201C${r.what}\u201D` : r.what }),
          h('span', { class: 'ed-card-date', text: ` (${about})` }));
      }))));
  }
  const others = card.claims.filter((id) => id !== claim.id);
  if (others.length) node.append(h('p', { class: 'ed-card-note', text: `Merged with ${claimNumbers(others)} into one card.` }));
  const snippet = state.result.build && state.result.build.snippets[card.id];
  if (snippet) node.append(snippetBlock(snippet));
  preview.replaceChildren(node);
}

// "Updated 3 September 2024", with the notes one click away, newest first (as the widget shows them).
function updatesBlock(updates) {
  return h('details', { class: 'ed-card-updates' },
    h('summary', { text: `Updated ${formatDate(updates[0].date)}` }),
    h('ul', null, updates.map((u) => h('li', null, h('time', { datetime: u.date, text: formatDate(u.date) }), ` \u00B7 ${u.note}`))));
}

// "claim 3, claim 7": how the editor numbers the claims with these ids.
function claimNumbers(ids) {
  return ids.map((id) => {
    const index = state.story.claims.findIndex((c) => c.id === id);
    return index >= 0 ? `claim ${index + 1}` : id;
  }).join(', ');
}

function snippetBlock(snippet) {
  const code = h('pre', { class: 'ed-snippet-code', tabindex: '0' }, h('code', { text: snippet }));
  const copy = h('button', { type: 'button', class: 'ed-button ed-small', text: 'Copy snippet' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      copy.textContent = 'Copied';
    } catch {
      // No clipboard permission: select the text so that the reader can copy it by hand.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      code.focus();
      copy.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => { copy.textContent = 'Copy snippet'; }, 2500);
  });
  code.setAttribute('aria-label', 'Embed snippet (HTML)');
  return h('details', { class: 'ed-snippet' }, h('summary', { text: 'Embed snippet' }), code, copy);
}

function updateStats() {
  const stats = [];
  const cards = state.result ? state.result.cards : [];
  const count = (s) => cards.filter((c) => c.status === s).length;
  stats.push([state.story.claims.length, 'claims'], [cards.length, 'cards'], [count('corroborated'), 'corroborated'],
    [count('contested'), 'contested'], [count('single-source'), 'single source']);
  $('stats').replaceChildren(...stats.map(([n, label]) => h('li', null, h('b', { text: n.toLocaleString('en') }), ` ${label}`)));
}

function updateDownloads() {
  const valid = !state.errors.length && !!state.result;
  for (const id of ['download-bundle', 'download-snippets', 'download-jsonld']) {
    const button = $(id);
    // aria-disabled keeps the button focusable, so its reason can still be read.
    button.setAttribute('aria-disabled', String(!valid));
    button.title = valid ? '' : 'Fix the problems listed above first';
  }
}

// ---------- downloads ----------

function saveFile(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

const storyFileText = () => `${JSON.stringify(state.story, null, 2)}\n`;
const storyId = () => (ID_PATTERN.test(state.story.story.id || '') ? state.story.story.id : 'story');

function snippetsFile() {
  const { build } = state.result;
  const id = storyId();
  const parts = [`<!-- factcard embed snippets for the story "${id}", ${plural(state.result.cards.length, 'card')}.
   Put ${id}.cards.json (the bundle) where data-story points, and factcard.js with factcard.wasm in
   the folder the script tag names. Paste each blockquote where its card belongs: it is the card
   for readers without JavaScript. The script tag may repeat; the widget loads once. -->`];
  for (const card of state.result.cards) {
    const snippet = build.snippets[card.id];
    if (snippet) parts.push(`<!-- card: ${card.id} -->\n${snippet.trimEnd()}`);
  }
  return `${parts.join('\n\n')}\n`;
}

async function download(kind) {
  const button = $(`download-${kind}`);
  await settled();
  if (kind === 'story') {
    saveFile(`${storyId()}.json`, storyFileText(), 'application/json');
    setSync(state.errors.length
      ? `Downloaded the story with ${plural(state.errors.length, 'problem')} still to fix`
      : 'Downloaded the story file', state.errors.length ? 'error' : 'ok');
    return;
  }
  if (state.errors.length || !state.result) {
    setSync('Fix the problems listed above before downloading the bundle or the snippets', 'error');
    $('problems').scrollIntoView({ block: 'nearest' });
    button.focus();
    return;
  }
  const { build } = state.result;
  if (kind === 'bundle') saveFile(`${storyId()}.cards.json`, build.bundle, 'application/json');
  if (kind === 'jsonld') saveFile(`${storyId()}.jsonld`, build.jsonld, 'application/ld+json');
  if (kind === 'snippets') saveFile(`${storyId()}-embed.html`, snippetsFile(), 'text/html');
  setSync(`Downloaded the ${{ bundle: 'bundle', jsonld: 'JSON-LD', snippets: 'embed snippets' }[kind]}`, 'ok');
}

// ---------- sessions: autosave, history, tabs, opening, updates, publishing ----------

const snapshot = () => JSON.stringify({ story: state.story, memory: session.memory });

// Saves the session as it is now (after every settled edit), and records it for undo.
async function persist() {
  if (!session.key || state.readOnly || !state.story) return;
  session.history.record(snapshot());
  updateHistoryButtons();
  const { story } = state.story;
  try {
    await saveSession({
      key: session.key,
      title: story.title || '',
      storyId: story.id || '',
      origin: session.origin,
      savedAt: Date.now(),
      claims: state.story.claims.length,
      story: state.story,
      memory: session.memory,
    });
    $('saved').textContent = `Saved in this browser at ${new Date().toLocaleTimeString('en', { timeStyle: 'short' })}`;
    if (session.lock) session.lock.saved();
  } catch (err) {
    $('saved').textContent = `Not saved in this browser (${err.message}): download the story JSON to keep your work.`;
  }
}

function updateHistoryButtons() {
  $('history-undo').disabled = state.readOnly || !session.history.canUndo;
  $('history-redo').disabled = state.readOnly || !session.history.canRedo;
}

async function historyStep(direction) {
  if (state.readOnly || !state.story) return;
  await settled();
  const text = direction < 0 ? session.history.undo() : session.history.redo();
  if (!text) return;
  const { story, memory } = JSON.parse(text);
  state.story = story;
  session.memory = memory;
  state.undo = null;
  hideToast();
  await showDraft();
  updateHistoryButtons();
  announce(direction < 0 ? 'Undone.' : 'Redone.');
}

// Controls of a read-only view: text stays readable and selectable, nothing can change.
const EDIT_CONTROLS = 'input, textarea, select, button:not([data-read])';

function freeze(root, frozen) {
  for (const control of root.querySelectorAll(EDIT_CONTROLS)) {
    if (frozen && !control.dataset.frozen) {
      control.dataset.frozen = control.disabled ? 'was-disabled' : 'yes';
      control.disabled = true;
    } else if (!frozen && control.dataset.frozen) {
      control.disabled = control.dataset.frozen === 'was-disabled';
      delete control.dataset.frozen;
    }
  }
}

function setReadOnly(readOnly, text = '') {
  state.readOnly = readOnly;
  $('readonly-banner').hidden = !readOnly;
  if (text) $('readonly-text').textContent = text;
  for (const id of ['draft-section', 'articles-form']) freeze($(id), readOnly);
  $('load-samples').disabled = readOnly;
  updateHistoryButtons();
}

function lockEvents() {
  return {
    onLost: () => setReadOnly(true, 'Another tab took over this story. This view is read-only and follows what that tab saves; take it over to edit here again.'),
    onFlush: async () => {
      await settled();
      await persist();
    },
    onSaved: () => reloadSession().catch(() => {}),
  };
}

// A read-only view follows the tab that edits the session.
async function reloadSession() {
  const saved = await loadSession(session.key);
  if (!saved || !state.readOnly) return;
  state.story = saved.story;
  session.memory = saved.memory;
  await showDraft();
  // "Take over" may have made this tab the editor while the cards were computed.
  if (state.readOnly) setReadOnly(true);
}

async function takeOver() {
  if (!session.lock) return;
  $('take-over').disabled = true;
  await session.lock.takeOver();
  const saved = await loadSession(session.key);
  setReadOnly(false);
  if (saved) {
    state.story = saved.story;
    session.memory = saved.memory;
  }
  session.history.reset(snapshot());
  $('take-over').disabled = false;
  await showDraft();
  announce('You are editing this story here now.');
}

/**
 * Makes `story` the session's story: a new session (a draft, a file) or a saved one (`key`).
 * @param {any} story
 * @param {{ origin: string, memory?: Memory, result?: any, key?: string }} from
 */
async function startSession(story, { origin, memory = freshMemory(), result = null, key = newSessionKey() }) {
  if (session.lock) session.lock.close();
  session.key = key;
  session.origin = origin;
  session.memory = memory;
  state.story = story;
  session.lock = new SessionLock(key, lockEvents());
  const editable = await session.lock.acquire();
  history.replaceState(null, '', `?session=${encodeURIComponent(key)}`);
  session.history.reset(snapshot());
  $('new-story').hidden = false;
  $('publish-base').value = memory.publish.base;
  $('publish-site').value = memory.publish.siteName;
  await showDraft(result);
  setReadOnly(!editable);
  refreshRecent();
}

async function restoreSession(key) {
  const saved = await loadSession(key);
  if (!saved) {
    openStatus('That story is no longer saved in this browser.', 'error');
    return false;
  }
  fillArticles(saved.memory.articles);
  await startSession(saved.story, { origin: saved.origin, memory: saved.memory, key });
  openStatus(`Restored \u201C${saved.story.story.title || saved.story.story.id}\u201D as saved at ${new Date(saved.savedAt).toLocaleString('en')}.`, 'done');
  return true;
}

// The articles the session has read, back in the form, so that the next ones are added to them.
function fillArticles(list) {
  if (!list.length) return;
  for (const article of articles.slice()) article.node.remove();
  articles.length = 0;
  for (const data of list) addArticle(data);
}

async function openText(text, name, origin) {
  openStatus(`Opening ${name}\u2026`);
  const result = await core.request('open', { text, name });
  if (result.errors) {
    showOpenProblems(result.errors, text, name);
    openStatus(`${name} has ${plural(result.errors.length, 'problem')}: see the list and fix the text below.`, 'error');
    return;
  }
  hideOpenProblems();
  await startSession(result.story, { origin });
  openStatus(`Opened ${name}: ${plural(result.story.claims.length, 'claim')}. Edits are saved in this browser as you work.`, 'done');
}

// ?story=URL: the saved session of that file if there is one (edits are never lost to a
// reload), else the file itself.
async function openUrl(url) {
  const origin = `url:${url}`;
  const saved = (await recentSessions(1000)).find((s) => s.origin === origin);
  if (saved && await restoreSession(saved.key)) return;
  openStatus(`Fetching ${url}\u2026`);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  await openText(await response.text(), decodeURIComponent(new URL(url).pathname.split('/').pop() || 'story.json'), origin);
}

async function refreshRecent() {
  try {
    const list = await recentSessions();
    showRecent(list, {
      current: session.key,
      onOpen: (key) => { location.search = `?session=${encodeURIComponent(key)}`; },
      onRemove: async (key) => {
        await deleteSession(key);
        refreshRecent();
      },
    });
  } catch (err) {
    openStatus(`Saved stories are not available in this browser (${err.message}).`, 'error');
  }
}

// ---------- updates: the next day's articles ----------

// What a card says of its sources, as its status line does: a third outlet is news too.
const cardStatus = (card) => (card.status === 'corroborated' ? `corroborated by ${card.corroboration} outlets` : STATUS_WORDS[card.status]);
const STATUS_WORDS = { corroborated: 'corroborated', contested: 'contested', 'single-source': 'single source' };

/** claim id -> its card's status, from a check result. */
function statusesOf(result) {
  const statuses = new Map();
  for (const card of (result && result.cards) || []) for (const id of card.claims) statuses.set(id, cardStatus(card));
  return statuses;
}

// The articles read so far, then those of `more` not among them.
function withNewArticles(list, more) {
  const texts = new Set(list.map((a) => a.text));
  return [...list, ...more.filter((a) => !texts.has(a.text))];
}

async function mergeDraft(draft, read) {
  await settled();
  await afterPaint(); // the draft's message was a long task already: let a frame be drawn first
  const before = statusesOf(state.result);
  const changes = applyDraft(state.story, draft, session.memory);
  session.memory.articles = withNewArticles(session.memory.articles, read);
  await afterPaint();
  const result = await core.request('check', { story: state.story });
  const after = statusesOf(result);
  /** @type {Record<string, { from: string, to: string }>} */
  const status = {};
  for (const [id, from] of before) {
    const to = after.get(id);
    if (to && to !== from) status[id] = { from, to };
  }
  session.memory.changes = { added: changes.added, evidence: changes.evidence, status };
  await afterPaint();
  await showDraft(result);
  return changes;
}

// Resolves once the next frame has been drawn (a task after its animation frame callbacks).
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function showChanges() {
  const changes = session.memory.changes;
  $('changes').hidden = !changes;
  if (!changes) return;
  const numbers = new Map(state.story.claims.map((c, i) => [c.id, i + 1]));
  const number = (id) => numbers.get(id) || 0; // looked up: a big update lists hundreds of claims
  const goTo = (id) => h('button', {
    type: 'button',
    class: 'ed-button ed-quiet ed-small',
    text: `Go to claim ${number(id)}`,
    onclick: () => {
      const item = [...state.items.values()].find((i) => i.claim.id === id);
      if (item) item.heading.focus();
    },
  });
  // What changed on cards first (status, then new excerpts), then the new claims.
  const lines = [];
  for (const [id, { from, to }] of Object.entries(changes.status)) {
    if (number(id)) lines.push(h('li', { 'data-change': 'status' }, `Claim ${number(id)}: ${from} \u2192 ${to}`, ' ', goTo(id)));
  }
  for (const [id, keys] of Object.entries(changes.evidence)) {
    if (number(id)) lines.push(h('li', { 'data-change': 'evidence' }, `Claim ${number(id)}: ${plural(keys.length, 'new excerpt')}`, ' ', goTo(id)));
  }
  const added = changes.added.filter(number).map((id) => h('li', { 'data-change': 'added' },
    `New claim ${number(id)}: `, h('q', { text: truncate(state.story.claims[number(id) - 1].what, 90) }), ' ', goTo(id)));
  if (added.length > 5) {
    lines.push(h('li', null, h('details', null, h('summary', { text: `${plural(added.length, 'new claim')}` }), h('ul', null, added))));
  } else {
    lines.push(...added);
  }
  if (!lines.length) lines.push(h('li', { text: 'Nothing new: the articles added no claim and no excerpt.' }));
  $('change-list').replaceChildren(...lines);
}

// What the last update changed in one claim, for its item: chips in the heading.
function changeChips(claim) {
  const changes = session.memory.changes;
  if (!changes) return [];
  const chips = [];
  if (changes.added.includes(claim.id)) chips.push(h('span', { class: 'ed-chip ed-chip-new', text: 'New' }));
  const status = changes.status[claim.id];
  if (status) chips.push(h('span', { class: 'ed-chip ed-chip-new', text: `${status.from} \u2192 ${status.to}` }));
  return chips;
}

const isNewEvidence = (claim, e) => {
  const changes = session.memory.changes;
  return !!changes && (changes.evidence[claim.id] || []).includes(evidenceKey(e.source, e.quote));
};

// ---------- publishing, and notes for readers on published cards ----------

function showPublished() {
  const day = state.story && state.story.story.published;
  $('published-on').textContent = day ? `Published on ${formatDate(day)}: changes to a card now ask for a note for readers.` : 'Not published yet.';
  $('publish').textContent = day ? 'Publish again (download the zip)' : 'Publish (download the zip)';
}

// The note a published claim still needs ('' when none): its card shows something new.
function noteNeeded(claim) {
  const baseline = session.memory.baseline;
  const card = state.cardOf.get(claim.id);
  if (!baseline || !baseline[claim.id] || !card) return '';
  return suggestNote(baseline[claim.id], shownFields(claim, cardStatus(card)), entityName);
}

function updateNoteBox(item) {
  const note = state.readOnly ? '' : noteNeeded(item.claim);
  item.noteBox.hidden = !note;
  if (note && !item.noteInput.dataset.touched) item.noteInput.value = note;
}

function addNote(item) {
  const note = item.noteInput.value.trim();
  if (!note) {
    item.noteInput.focus();
    return;
  }
  const { claim } = item;
  claim.updates = [...(claim.updates || []), { date: today(), note }];
  const card = state.cardOf.get(claim.id);
  session.memory.baseline[claim.id] = shownFields(claim, card ? cardStatus(card) : '');
  delete item.noteInput.dataset.touched;
  item.noteBox.hidden = true;
  announce(`Added the update note to claim ${item.n}.`);
  edited(true);
}

function noteBox(item) {
  item.noteInput = h('input', { type: 'text', class: 'ed-note-input', autocomplete: 'off' });
  item.noteInput.addEventListener('input', () => { item.noteInput.dataset.touched = 'yes'; });
  const add = h('button', { type: 'button', class: 'ed-button ed-small ed-primary', text: 'Add update note', onclick: () => addNote(item) });
  item.noteBox = h('div', { class: 'ed-note-ask', hidden: true },
    field('This card changed since it was published. Note for readers', item.noteInput), add);
  return item.noteBox;
}

async function publish() {
  if (state.readOnly || !state.story) return;
  await settled();
  if (state.errors.length || !state.result) {
    setSync('Fix the problems listed above before publishing', 'error');
    return;
  }
  const memory = session.memory;
  memory.publish = { base: $('publish-base').value.trim(), siteName: $('publish-site').value.trim() };
  if (!state.story.story.published) {
    state.story.story.published = today();
    edited(true);
    await settled();
  }
  const built = await core.request('publish', { story: state.story, base: memory.publish.base, siteName: memory.publish.siteName });
  if (built.errors) {
    setSync(`The core refused to publish: ${built.errors[0].message}`, 'error');
    return;
  }
  saveFile(`${storyId()}.zip`, zipBuild(built.files, state.story.story.published), 'application/zip');
  // Published as it is now: later changes to these cards need a note. A note still owed stays owed.
  const baseline = memory.baseline || {};
  for (const claim of state.story.claims) {
    const card = state.cardOf.get(claim.id);
    if (card && !noteNeeded(claim)) baseline[claim.id] = shownFields(claim, cardStatus(card));
  }
  memory.baseline = baseline;
  showPublished();
  await persist();
  setSync(`Published: ${plural(built.files.length, 'file')} in ${storyId()}.zip`, 'ok');
}

// ---------- wiring ----------

function init() {
  addArticle();
  $('add-article').addEventListener('click', () => addArticle({}, true));
  $('load-samples').addEventListener('click', loadSamples);
  $('articles-form').addEventListener('submit', draft);
  $('cancel').addEventListener('click', () => core.stop(new Cancelled('cancelled')));
  $('undo').addEventListener('click', undoDelete);
  $('story-meta').addEventListener('toggle', () => {
    if ($('story-meta').open && state.story && !state.entitiesDrawn) renderEntities();
  });
  for (const kind of ['story', 'bundle', 'snippets', 'jsonld']) {
    $(`download-${kind}`).addEventListener('click', () => {
      download(kind).catch((err) => setSync(`Download failed: ${err.message}`, 'error'));
    });
  }
  $('story-title').addEventListener('input', (e) => {
    state.story.story.title = /** @type {HTMLInputElement} */ (e.target).value;
    edited();
  });
  $('story-id').addEventListener('input', (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    const value = input.value.trim();
    state.story.story.id = value;
    if (ID_PATTERN.test(value)) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    edited();
  });
  // Compile the core in the background while the visitor pastes.
  core.request('load', {}).catch((err) => {
    if (!(err instanceof Cancelled)) say(`The factcard core could not be loaded: ${err.message}`, { tone: 'error' });
  });
  wireSessions();
  // For the browser tests and the curious: the current story, cards and session, read-only.
  window.factcardEditor = {
    story: () => (state.story ? JSON.parse(JSON.stringify(state.story)) : null),
    cards: () => (state.result ? JSON.parse(JSON.stringify(state.result.cards)) : null),
    session: () => ({ key: session.key, readOnly: state.readOnly, memory: JSON.parse(JSON.stringify(session.memory)) }),
    settled: async () => {
      await settled();
      await persist();
    },
    ready: startup,
  };
}

/** @type {Promise<void>} the session the page opens with (from its URL), once shown */
let startup = Promise.resolve();

function wireSessions() {
  wireOpenFile((text, name) => {
    openText(text, name, `file:${name}`).catch((err) => openStatus(`Could not open ${name}: ${err.message}`, 'error'));
  });
  $('open-again').addEventListener('click', () => {
    const area = $('open-text');
    openText(area.value, area.dataset.name || 'story.json', `file:${area.dataset.name || 'story.json'}`)
      .catch((err) => openStatus(`Could not open the text: ${err.message}`, 'error'));
  });
  $('new-story').addEventListener('click', () => { location.href = location.pathname; });
  $('take-over').addEventListener('click', () => takeOver().catch((err) => announce(`Could not take over: ${err.message}`)));
  $('history-undo').addEventListener('click', () => historyStep(-1));
  $('history-redo').addEventListener('click', () => historyStep(1));
  $('publish').addEventListener('click', () => publish().catch((err) => setSync(`Publishing failed: ${err.message}`, 'error')));
  $('changes-reviewed').addEventListener('click', () => {
    session.memory.changes = null;
    showDraft();
    $('draft-title').focus();
  });
  document.addEventListener('keydown', (e) => {
    // Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac) outside a text field, where the browser's own undo works.
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    historyStep(e.shiftKey ? 1 : -1);
  });
  // A tab being closed or hidden saves what it has (the last keystrokes included).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && state.dirty) check();
  });
  const params = new URLSearchParams(location.search);
  const key = params.get('session');
  const url = storyParam();
  startup = (key ? restoreSession(key).then(() => {}) : url ? openUrl(url) : Promise.resolve())
    .catch((err) => openStatus(`Could not open the story: ${err.message}`, 'error'))
    .then(() => refreshRecent());
}

init();
