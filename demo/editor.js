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
'use strict';

(() => {
  const SCRIPT_URL = document.currentScript ? /** @type {HTMLScriptElement} */ (document.currentScript).src : new URL('editor/editor.js', location.href).href;
  const WORKER_URL = new URL('editor-worker.js', SCRIPT_URL).href;
  const CLAIM_KINDS = ['event', 'statement', 'quote', 'figure'];
  const ENTITY_KINDS = ['person', 'organization', 'place', 'other'];
  const ID_PATTERN = /^[a-z0-9._-]+$/;
  const CHECK_DELAY = 250; // ms after the last keystroke before the cards are recomputed
  const EVIDENCE_SHOWN = 3;

  // Three short articles written for this demo (fictional town, people and outlets). Two share a
  // quote of the mayor and one of a councillor, and two disagree about when drilling began.
  const SAMPLES = [
    {
      name: 'harbour-gazette',
      date: '2025-03-11',
      text: `Port Alder approves tidal barrier after decade of floods

The city council of Port Alder voted on Monday to build a tidal barrier across the mouth of the Elver estuary, ending ten years of argument over how to protect the old harbour district.

The plan passed by 31 votes to 9. Mayor Ingrid Solberg, who campaigned on the barrier in 2021, called the vote a turning point. \u201CWe have bailed out this harbour for the last time,\u201D Solberg said. \u201CNow we build.\u201D

Councillor Rafael Okonjo, who voted against, said the cost had doubled since last year. Brekke Engineering began test drilling in the estuary in January.

Copyright \u00A9 2025 The Harbour Gazette`,
    },
    {
      name: 'coastal-courier',
      date: '2025-03-11',
      text: `Council says yes to the Elver barrier

Port Alder will get its tidal barrier. Councillors backed the project on Monday evening after a four-hour debate in a packed town hall.

\u201CWe have bailed out this harbour for the last time,\u201D Mayor Ingrid Solberg told the chamber, to applause from residents of the harbour district.

Not everyone was convinced. Rafael Okonjo, a councillor for the Northgate ward, said the estimate of 84 million euros left nothing for overruns. \u201CNobody has shown me who pays when the bill goes up,\u201D Okonjo said.

The contractor, Brekke Engineering, began test drilling in the estuary in February.

Copyright \u00A9 2025 Coastal Courier`,
    },
    {
      name: 'alder-evening-post',
      date: '2025-03-12',
      text: `Barrier vote leaves harbour traders hopeful

Shopkeepers in Port Alder\u2019s harbour district welcomed the council\u2019s decision yesterday to approve a tidal barrier on the Elver estuary.

Marta Lindqvist, who has run a chandlery on the quay since 1998, said she had lost stock to floods four times. \u201CI will believe it when the gates close,\u201D Lindqvist said, \u201Cbut for the first time I believe it.\u201D

Mayor Ingrid Solberg said the barrier would protect about 2,300 homes. \u201CNobody has shown me who pays when the bill goes up,\u201D councillor Rafael Okonjo said after the vote.

Copyright \u00A9 2025 Alder Evening Post`,
    },
  ];

  // ---------- small DOM helpers (text only, never HTML) ----------

  // The page's own elements by id: the form controls, details and progress bar of editor.html,
  // whose kinds the markup fixes (typed loosely rather than cast at every use).
  /** @type {(id: string) => any} */
  const $ = (id) => document.getElementById(id);

  function h(tag, props, ...children) {
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
  const nextId = (prefix) => `${prefix}-${++uid}`;
  const words = (text) => (String(text).match(/\S+/g) || []).length;
  const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const truncate = (text, length) => {
    const s = String(text || '');
    return s.length > length ? `${s.slice(0, length - 1).trimEnd()}\u2026` : s;
  };

  // ---------- dates at their precision ----------

  // The core checks every date (see check()); this only words one it has accepted: "2024-09"
  // is a month, "~2024" approximate, "..2024-09-03" on or before that day.
  const QUALIFIER = /^(~|\.\.)?/;
  const PRECISIONS = ['year', 'month', 'day'];

  function formatDate(value) {
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

  function describeDate(value) {
    if (value === '') return 'No date: the card shows none.';
    if (value === 'unknown') return 'Unknown date.';
    const bound = QUALIFIER.exec(value)[0];
    const precision = PRECISIONS[value.slice(bound.length).split('-').length - 1];
    return `${formatDate(value)}: ${{ '': '', '~': 'approximate, ', '..': 'on or before, ' }[bound]}${precision} precision.`;
  }

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

  class Cancelled extends Error {}

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

  const core = new Core();

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
    undo: null,
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
      const result = await core.request('draft', {
        articles: list.map(({ name, outlet, date, text }) => ({ name, outlet, date, text })),
      }, onProgress);
      if (result.errors && !result.draft) {
        const first = result.errors[0];
        const article = first.article !== undefined ? list[first.article] : null;
        say(`The core could not read ${article ? `article ${article.index + 1}` : 'the articles'}: ${first.message}`, { tone: 'error' });
        return;
      }
      progress.value = progress.max;
      tick();
      state.story = result.draft;
      state.undo = null;
      $('redraft-hint').hidden = true;
      hideToast();
      showDraft(result);
      const drafted = `Drafted ${plural(result.draft.claims.length, 'claim')}`;
      const from = `from ${plural(list.length, 'article')} in ${elapsed.textContent}`;
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

  function showDraft(result) {
    const section = $('draft-section');
    section.hidden = false;
    $('story-title').value = state.story.story.title || '';
    $('story-id').value = state.story.story.id || '';
    // The people table is drawn when it is opened (or a problem points into it).
    state.entitiesDrawn = false;
    if ($('story-meta').open) renderEntities();
    renderClaims();
    applyCheck(result);
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
        if (state.result) updatePreview(item);
        if (state.errors.length) markStale(item);
      }
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
      return h('li', null, h('blockquote', { class: 'ed-excerpt', text: e.quote }), h('p', { class: 'ed-cite', text: bits.join(' \u00B7 ') }));
    });
    const list = h('ul', { class: 'ed-evidence' }, evidence);
    const evidenceBlock = h('div', { class: 'ed-evidence-block' },
      h('h4', { text: `Evidence (${evidence.length})` }), list);
    if (evidence.length > EVIDENCE_SHOWN) {
      evidence.slice(EVIDENCE_SHOWN).forEach((li) => { li.hidden = true; });
      const more = h('button', { type: 'button', class: 'ed-button ed-quiet ed-small', 'aria-expanded': 'false' });
      const label = () => (more.getAttribute('aria-expanded') === 'true'
        ? 'Show fewer excerpts'
        : `Show ${evidence.length - EVIDENCE_SHOWN} more excerpts`);
      more.textContent = label();
      more.addEventListener('click', () => {
        const open = more.getAttribute('aria-expanded') !== 'true';
        more.setAttribute('aria-expanded', String(open));
        evidence.slice(EVIDENCE_SHOWN).forEach((li) => { li.hidden = !open; });
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
    item.heading = h('h3', { id: titleId, tabindex: '-1' }, item.number, item.kindChip, h('span', { class: 'ed-claim-who', text: entityName(claim.who) }));

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
      for (const item of state.items.values()) updatePreview(item);
      setSync('Cards up to date', 'ok');
    }
    updateStats();
    updateDownloads();
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
    // For the browser tests and the curious: the current story and cards, read-only.
    window.factcardEditor = {
      story: () => (state.story ? JSON.parse(JSON.stringify(state.story)) : null),
      cards: () => (state.result ? JSON.parse(JSON.stringify(state.result.cards)) : null),
      settled,
    };
  }

  init();
})();
