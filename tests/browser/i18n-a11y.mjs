#!/usr/bin/env node
// @ts-check
// Accessibility of translated cards, in Debian's Chromium driven by playwright-core.
//   node tests/browser/i18n-a11y.mjs --site build/site [--chromium /usr/bin/chromium]
// Two page loads on the built site (the demo bundle, plus a small story served by this test with a
// refuting source, two conflicting claims and unnamed outlets):
//   1. cards in de, ar (right to left) and ru: their own words are the translations and no English
//      is left over; axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation with every card
//      collapsed, then again with its excerpts and conflicting claims opened, so hidden parts are
//      checked too;
//   2. a page in Arabic (<html lang=ar dir=rtl>) used with the keyboard alone: Tab reaches every
//      button of every card with a visible focus ring, and Enter and Space each toggle aria-expanded
//      and what it controls.
// axe compiles its message templates with new Function, so the site is served without the CSP
// here (tests/browser/run.mjs runs the cards under it). One PASS/FAIL line per check, then
// "N passed, M failed"; exit status 1 when anything failed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SELECTOR, axeSource, axeVersion, axeViolations, createReport, launchChromium, parseArgs, requireSiteFiles, requireTools, serve,
} from './harness.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const EXTRA = '/__i18n__/extra.json';
const LANGS = ['de', 'ar', 'ru'];

const report = createReport('i18n-a11y');
const { check, info } = report;

// ---------- what the cards show, and what they must say ----------

// A story beside the demo bundle: a source that refutes (the "disputes" badge), a card with two
// conflicting claims (the plural noun and a count), rivals reported by unnamed outlets only.
function extraStory() {
  const source = (id, publisher) => ({ id, ...(publisher ? { publisher } : {}), headline: `Report ${id}`, url: `https://example.org/${id}`, published: '2024-09-02' });
  const claim = (id, day, evidence) => ({ id, kind: 'event', who: 'zakharova', what: `The talks began on ${day} September.`,
    when: `2024-09-${day}`, topic: 'talks.start', value: `2024-09-${day}`, evidence });
  return {
    factcard: 1,
    story: { id: 'i18n', title: 'Переговоры · المحادثات', language: 'en' },
    entities: [{ id: 'zakharova', name: 'Мария Захарова', kind: 'person', description: 'spokeswoman' },
      { id: 'ahram', name: 'الأهرام', kind: 'organization' }],
    sources: [source('s1', 'Коммерсантъ'), source('s2', 'الأهرام'), source('s3'), source('s4'), source('s5')],
    claims: [
      { id: 'disputed', kind: 'statement', who: 'ahram', what: 'The ministry denied the report.', when: '2024-09',
        evidence: [{ source: 's1', quote: 'The ministry confirmed it.' }, { source: 's2', quote: 'The ministry denied it.', stance: 'refutes' }] },
      claim('02', '02', [{ source: 's1', quote: 'They began on the 2nd.' }, { source: 's2', quote: 'Talks opened on the 2nd.' }]),
      claim('03', '03', [{ source: 's3', quote: 'From the 3rd.' }, { source: 's4', quote: 'On the 3rd.' }]),
      claim('04', '04', [{ source: 's5', quote: 'On the 4th.' }]),
    ],
  };
}

// The cards on each page: [claim, story URL]. Filled in once the bundle's name is known.
function cardsFor(bundle) {
  return [['icc-warrant', bundle], ['putin-arrives-mongolia', bundle], ['putin-received-september-3', bundle],
    ['disputed', EXTRA], ['02', EXTRA]];
}

// The translations, written out here rather than read from factcard.js. `n` is a count already
// formatted by Intl in the page's language.
const WORDS = {
  de: {
    card: 'Faktenkarte, ', corroborated5: (n) => `Bestätigt · ${n} Medien`, single: 'Einzelquelle', contested: 'Umstritten',
    show: (x) => `${x} zeigen`, hide: (x) => `${x} ausblenden`, excerpts: 'Auszüge', source: 'Quelle', sources: 'Quellen',
    conflict: 'Widerspruch', conflicts: 'Widersprüche', disputes: 'widerspricht', unknown: 'Unbekanntes Medium',
    reported2Unnamed: (n) => `Berichtet von ${n} ungenannten Medien`, reported1Unnamed: 'Berichtet von einem ungenannten Medium',
  },
  ru: {
    card: 'Карточка факта, ', corroborated5: (n) => `Подтверждено · ${n} изданий`, single: 'Один источник', contested: 'Оспаривается',
    show: (x) => `Показать ${x}`, hide: (x) => `Скрыть ${x}`, excerpts: 'цитаты', source: 'источник', sources: 'источники',
    conflict: 'противоречие', conflicts: 'противоречия', disputes: 'оспаривает', unknown: 'Неизвестное издание',
    reported2Unnamed: (n) => `Сообщили: ${n} неназванных издания`, reported1Unnamed: 'Сообщили: 1 неназванное издание',
  },
  ar: {
    card: 'بطاقة حقائق، ', corroborated5: (n) => `مؤكد · ${n} وسائل إعلام`, single: 'مصدر واحد', contested: 'متنازع عليه',
    show: (x) => `عرض ${x}`, hide: (x) => `إخفاء ${x}`, excerpts: 'المقتطفات', source: 'المصدر', sources: 'المصادر',
    conflict: 'الادعاء المخالف', conflicts: 'الادعاءات المخالفة', disputes: 'يعارضه', unknown: 'وسيلة إعلام مجهولة',
    reported2Unnamed: () => 'بحسب وسيلتي إعلام مجهولتين', reported1Unnamed: 'بحسب وسيلة إعلام مجهولة',
  },
};
// The English words of the card, which must not show in another language.
const ENGLISH = /\b(show|hide|corroborated|single source|contested|outlets?|excerpts|sources?|reported by|unknown|untitled|disputes|conflicting|claims?|fact card|full card|unnamed|updated)\b/i;

// Every text of the stories (names, headlines, quotes…), to take out of a card's text before
// looking for English: what is left is the card's own words, dates and numbers.
function storyTexts(bundle, extra) {
  const texts = new Set();
  const add = (...values) => values.forEach((v) => typeof v === 'string' && v && texts.add(v));
  for (const e of [...bundle.entities, ...extra.entities]) add(e.name, e.description);
  for (const s of [...bundle.sources, ...extra.sources]) add(s.publisher, s.headline, s.url);
  for (const c of [...bundle.cards, ...extra.claims]) {
    add(c.what, c.where, c.when_text);
    for (const e of c.evidence) add(e.quote);
    for (const u of c.updates || []) add(u.note);
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

// ---------- in the page ----------

// What one card shows: its own words in each place, and every text node (for the leftover check).
function readCard(id) {
  const el = document.getElementById(id);
  const card = el.shadowRoot && el.shadowRoot.querySelector('.card');
  if (!card) return { id, state: el.dataset.factcard || 'untouched' };
  const shown = (node) => [...node.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE || getComputedStyle(n).display !== 'none').map((n) => n.textContent).join('');
  const button = (controls) => card.querySelector(`button[aria-controls=${controls}]`);
  const texts = [];
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode.textContent);
  const excerpts = [...card.querySelectorAll('.excerpt')];
  const panel = card.querySelector('#conflict');
  return {
    id,
    state: el.dataset.factcard,
    lang: card.getAttribute('lang'),
    direction: getComputedStyle(card).direction,
    label: card.getAttribute('aria-label'),
    status: card.querySelector('.status')?.textContent ?? null,
    labels: [...card.querySelectorAll('.label')].map((l) => l.textContent),
    sourcesButton: button('sources') && { text: shown(button('sources')), expanded: button('sources').getAttribute('aria-expanded') },
    conflictButton: button('conflict') && { text: shown(button('conflict')), expanded: button('conflict').getAttribute('aria-expanded') },
    outlets: [...card.querySelectorAll('.outlet')].map((o) => o.textContent),
    disputes: card.querySelector('.disputes')?.textContent ?? null,
    rivals: [...card.querySelectorAll('.rival .who')].map((w) => w.textContent),
    excerptsVisible: excerpts.length > 0 && excerpts.every((x) => x.getClientRects().length > 0),
    excerptsHidden: excerpts.every((x) => x.getClientRects().length === 0),
    panelVisible: !!panel && !/** @type {HTMLElement} */ (panel).hidden && panel.getClientRects().length > 0,
    texts,
    numbers: Object.fromEntries([1, 2, 5].map((n) => [n, new Intl.NumberFormat(/** @type {HTMLElement} */ (el.closest('[lang]')).lang).format(n)])),
  };
}

// ---------- pages ----------

/** @param {{ lang: string, dir?: string, title: string, sections: string[] }} page */
function pageHtml({ lang, dir, title, sections }) {
  return `<!doctype html>
<html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="/favicon.ico"></head>
<body><main>
<h1>${title}</h1>
${sections.join('\n')}
</main><script src="/factcard/factcard.js" async></script></body></html>`;
}

function cardsHtml(lang, cards) {
  return cards.map(([claim, story]) => `<blockquote class="fact-card" id="${lang}-${claim}" data-story="${story}" data-claim="${claim}"><p>${claim}</p></blockquote>`).join('\n');
}

async function open(context, base, path, routes) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  const log = { console: [], pageErrors: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  await page.route('**/__i18n__/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__i18n__/', '');
    if (!(name in routes)) return route.fulfill({ status: 404, body: 'not found' });
    const type = name.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
    return route.fulfill({ status: 200, contentType: type, body: routes[name] });
  });
  await page.goto(new URL(path, base).href);
  page.log = log;
  return page;
}

// Draws every card now (render() rather than scrolling), then waits a frame.
async function renderAll(page) {
  await page.waitForFunction(() => window.factcard && window.factcard.render, null, { timeout: 15000 });
  await page.evaluate((selector) => Promise.all([...document.querySelectorAll(selector)].map((el) => window.factcard.render(el))), SELECTOR);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate((selector) => [...document.querySelectorAll(selector)]
    .filter((el) => el.dataset.factcard !== 'ready').map((el) => `${el.id}: ${el.dataset.factcard}`), SELECTOR);
}

const problemsOf = (page) => [
  ...page.log.console.filter((m) => m.type === 'error' || (m.type === 'warning' && m.text.startsWith('factcard:'))).map((m) => `${m.type}: ${m.text}`),
  ...page.log.pageErrors.map((e) => `page error: ${e}`),
];

// ---------- the checks ----------

// The words each card must show in its language; returns a list of problems.
function wordProblems(lang, claim, c, data) {
  const w = WORDS[lang];
  const problems = [];
  const expect = (what, got, want) => { if (got !== want) problems.push(`${claim} ${what}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`); };
  const count = (n) => (n > 1 ? ` (${c.numbers[n] ?? n})` : '');
  const card = data.cardOf(claim);
  expect('card lang', c.lang, lang);
  expect('direction', c.direction, lang === 'ar' ? 'rtl' : 'ltr');
  const status = { corroborated: w.corroborated5(c.numbers[5]), 'single-source': w.single, contested: w.contested }[card.status];
  if (card.status === 'corroborated' && card.corroboration !== 5) problems.push(`${claim}: the test expects 5 outlets, the bundle has ${card.corroboration}`);
  expect('status', c.status, status);
  if (!c.label?.startsWith(`${w.card}${status.replace(' · ', lang === 'ar' ? '، ' : ', ')}: `)) problems.push(`${claim} aria-label ${JSON.stringify(c.label)}`);
  const groups = new Set(card.evidence.map((e) => e.source)).size;
  expect('sources label', c.labels[0], groups === 1 ? w.source : `${w.sources}${count(groups)}`);
  const quotes = card.evidence.filter((e) => e.quote).length;
  expect('excerpts button', c.sourcesButton?.text, w.show(w.excerpts) + count(quotes));
  if (card.contradicts.length) {
    const noun = card.contradicts.length === 1 ? w.conflict : w.conflicts;
    expect('conflict button', c.conflictButton?.text, w.show(noun) + count(card.contradicts.length));
  }
  if (card.evidence.some((e) => !data.publisherOf(e.source))) {
    if (!c.outlets.includes(w.unknown)) problems.push(`${claim}: no "${w.unknown}" among ${JSON.stringify(c.outlets)}`);
  }
  if (claim === 'disputed') expect('disputes badge', c.disputes, w.disputes);
  if (claim === '02') {
    const ends = [w.reported2Unnamed(c.numbers[2]), w.reported1Unnamed];
    if (!ends.every((end, i) => c.rivals[i]?.endsWith(end))) problems.push(`${claim} rivals ${JSON.stringify(c.rivals)} should end with ${JSON.stringify(ends)}`);
  }
  return problems;
}

// English left in a card's own words: the card's text without the story's texts.
function leftovers(lang, c, texts) {
  let own = [...c.texts, ' ', c.label].join('');
  for (const t of texts) own = own.split(t).join(' ');
  const found = own.match(lang === 'de' ? ENGLISH : /[A-Za-z]+/g);
  return found ? `${c.id}: ${JSON.stringify(found)} in ${JSON.stringify(own.replace(/\s+/g, ' ').trim())}` : null;
}

async function translatedCards(context, base, data, axe) {
  const sections = LANGS.map((lang) => `<section lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>\n<h2>${lang}</h2>\n${cardsHtml(lang, data.cards)}\n</section>`);
  const routes = { 'cards.html': pageHtml({ lang: 'en', title: 'Cards in German, Arabic and Russian', sections }), 'extra.json': data.extraJson };
  const page = await open(context, base, '/__i18n__/cards.html', routes);
  try {
    const notReady = await renderAll(page);
    check(`translated: all ${LANGS.length * data.cards.length} cards render (${LANGS.join(', ')})`, !notReady.length, notReady.join('\n'));
    const ids = LANGS.flatMap((lang) => data.cards.map(([claim]) => [lang, claim, `${lang}-${claim}`]));
    const read = async () => Promise.all(ids.map(([, , id]) => page.evaluate(readCard, id)));

    const collapsed = await read();
    for (const lang of LANGS) {
      const mine = collapsed.filter((c, i) => ids[i][0] === lang);
      const problems = mine.flatMap((c, i) => wordProblems(lang, data.cards[i][0], c, data));
      check(`translated: ${lang} cards show the ${lang} words (status, aria-label, labels, buttons, unknown outlet, badge, rivals)`,
        !problems.length, problems.join('\n'));
      const english = mine.map((c) => leftovers(lang, c, data.texts)).filter(Boolean);
      check(`translated: no English left in the ${lang} cards' own words`, !english.length, english.join('\n'));
    }
    const closed = collapsed.filter((c) => (c.sourcesButton && c.sourcesButton.expanded !== 'false')
      || (c.conflictButton && c.conflictButton.expanded !== 'false') || !c.excerptsHidden || c.panelVisible);
    check('translated: collapsed cards have aria-expanded="false" and hide their excerpts and conflicts', !closed.length,
      closed.map((c) => c.id).join(', '));

    await page.evaluate(axe);
    const before = await axeViolations(page, AXE_TAGS);
    check(`axe: no ${AXE_TAGS.join('/')} violations with the ${collapsed.length} translated cards collapsed`,
      !before.length, before.join('\n'));

    // Open everything a reader can open.
    await page.evaluate((selector) => {
      for (const el of document.querySelectorAll(selector)) for (const b of el.shadowRoot.querySelectorAll('button')) b.click();
    }, SELECTOR);
    const expanded = await read();
    const shut = expanded.filter((c) => !c.excerptsVisible || (c.conflictButton && !c.panelVisible)
      || c.sourcesButton?.expanded !== 'true' || (c.conflictButton && c.conflictButton.expanded !== 'true'));
    check('translated: opened cards have aria-expanded="true" and show their excerpts and conflicting claims', !shut.length,
      shut.map((c) => `${c.id} ${JSON.stringify({ excerpts: c.excerptsVisible, panel: c.panelVisible })}`).join('\n'));
    const hideWords = [];
    expanded.forEach((c, i) => {
      const [lang, claim] = ids[i];
      const w = WORDS[lang];
      const card = data.cardOf(claim);
      if (c.sourcesButton?.text !== w.hide(w.excerpts)) hideWords.push(`${c.id}: ${JSON.stringify(c.sourcesButton?.text)}`);
      const noun = card.contradicts.length === 1 ? w.conflict : w.conflicts;
      if (card.contradicts.length && c.conflictButton?.text !== w.hide(noun)) hideWords.push(`${c.id}: ${JSON.stringify(c.conflictButton?.text)}`);
      if (card.contradicts.length && c.labels.at(-1) !== noun) hideWords.push(`${c.id} conflict label: ${JSON.stringify(c.labels.at(-1))}`);
      const english = leftovers(lang, c, data.texts);
      if (english) hideWords.push(english);
    });
    check('translated: opened cards say "hide" in their language, label the conflicting claims, and show no English', !hideWords.length,
      hideWords.join('\n'));
    const after = await axeViolations(page, AXE_TAGS);
    check(`axe: no ${AXE_TAGS.join('/')} violations with every excerpt and conflicting claim opened`,
      !after.length, after.join('\n'));
    const problems = problemsOf(page);
    check('translated: no console errors or widget warnings', !problems.length, problems.join('\n'));
  } finally {
    await page.close();
  }
}

// Where keyboard focus is, through open shadow roots.
function focused() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const host = el && el.getRootNode() !== document ? /** @type {ShadowRoot} */ (el.getRootNode()).host : null;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    host: host ? host.id : null,
    tag: el.localName,
    controls: el.getAttribute('aria-controls'),
    expanded: el.getAttribute('aria-expanded'),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}

// Whether the part a button controls is shown (the excerpts, or the conflicting claims).
function controlledShown([hostId, controls]) {
  const root = document.getElementById(hostId).shadowRoot;
  if (controls === 'conflict') {
    const panel = root.getElementById('conflict');
    return !panel.hidden && panel.getClientRects().length > 0;
  }
  return [...root.querySelectorAll('.excerpt')].every((x) => x.getClientRects().length > 0);
}

async function keyboard(context, base, data) {
  const cards = data.cards.filter(([claim]) => data.cardOf(claim).contradicts.length);
  const routes = { 'ar.html': pageHtml({ lang: 'ar', dir: 'rtl', title: 'بطاقات بالعربية', sections: [cardsHtml('kb', cards)] }), 'extra.json': data.extraJson };
  const page = await open(context, base, '/__i18n__/ar.html', routes);
  try {
    const notReady = await renderAll(page);
    check(`keyboard: the ${cards.length} cards of an Arabic page render`, !notReady.length, notReady.join('\n'));
    const want = await page.evaluate((selector) => [...document.querySelectorAll(selector)].flatMap((el) => [...el.shadowRoot.querySelectorAll('button')]
      .map((b) => `${el.id}/${b.getAttribute('aria-controls')}`)), SELECTOR);
    const reached = [];
    const problems = [];
    const noRing = [];
    await page.evaluate(() => document.activeElement && /** @type {HTMLElement} */ (document.activeElement).blur());
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(focused);
      if (!f) break; // past the last control
      if (f.tag !== 'button') continue;
      const name = `${f.host}/${f.controls}`;
      if (reached.includes(name)) break;
      reached.push(name);
      if (!f.ring) noRing.push(name);
      // Enter opens, Space closes; the focus stays on the button.
      for (const [key, expanded] of [['Enter', 'true'], ['Space', 'false']]) {
        await page.keyboard.press(key);
        const now = await page.evaluate(focused);
        const shown = await page.evaluate(controlledShown, [f.host, f.controls]);
        if (now?.host !== f.host || now?.controls !== f.controls || now.expanded !== expanded || shown !== (expanded === 'true')) {
          problems.push(`${name} after ${key}: ${JSON.stringify({ focus: now, shown })}`);
        }
      }
    }
    const missed = want.filter((b) => !reached.includes(b));
    check(`keyboard (ar, rtl): Tab reaches all ${want.length} buttons of the cards, in order`,
      !missed.length && JSON.stringify(reached) === JSON.stringify(want), JSON.stringify({ reached, want }));
    check('keyboard (ar, rtl): a focused button shows a focus ring (2px outline)', !noRing.length && reached.length > 0, noRing.join(', '));
    check('keyboard (ar, rtl): Enter and Space each toggle aria-expanded and what the button controls; focus stays',
      !problems.length && reached.length > 0, problems.join('\n'));
    const problemsOnPage = problemsOf(page);
    check('keyboard: no console errors or widget warnings', !problemsOnPage.length, problemsOnPage.join('\n'));
  } finally {
    await page.close();
  }
}

// ---------- main ----------

function loadData(site) {
  const name = readFileSync(join(site, 'article.html'), 'utf8').match(/data-story="([^"]+\.cards\.json)"/)[1];
  const bundle = JSON.parse(readFileSync(join(site, name), 'utf8'));
  const extra = extraStory();
  const publishers = new Map([...bundle.sources, ...extra.sources].map((s) => [s.id, s.publisher]));
  // The extra story's cards as the core computes them: each claim is its own card; 02, 03, 04 disagree.
  const extraCards = new Map(extra.claims.map((c) => [c.id, {
    ...c, status: 'contested', contradicts: c.topic ? extra.claims.filter((o) => o.topic && o.id !== c.id).map((o) => o.id) : [],
  }]));
  return {
    cards: cardsFor(`/${name}`),
    cardOf: (claim) => bundle.cards.find((c) => c.claims.includes(claim)) || extraCards.get(claim),
    publisherOf: (source) => publishers.get(source),
    texts: storyTexts(bundle, extra),
    extraJson: JSON.stringify(extra),
  };
}

async function main() {
  const options = parseArgs({
    name: 'i18n-a11y.mjs',
    usage: 'usage: node tests/browser/i18n-a11y.mjs --site DIR [--chromium PATH]',
    options: { site: null },
    site: true,
  });
  requireSiteFiles('i18n-a11y.mjs', options.site, ['article.html', 'factcard/factcard.js', 'factcard/factcard.wasm']);
  requireTools('i18n-a11y.mjs', ['playwright-core', 'axe-core']);
  const axe = axeSource();
  info(`axe-core ${axeVersion()}, rules tagged ${AXE_TAGS.join(', ')}`);
  const data = loadData(options.site);
  const plain = await serve(options.site, { csp: false });
  let chrome;
  try {
    chrome = await launchChromium(options.chromium, { persistent: true });
    for (const group of [translatedCards, keyboard]) {
      try {
        await group(chrome.context, plain.url, data, axe);
      } catch (err) {
        check(`${group.name} ran to the end`, false, err.stack || err.message);
      }
    }
  } finally {
    if (chrome) await chrome.close();
    plain.close();
  }
  report.finish();
}

main().catch(report.crash);
