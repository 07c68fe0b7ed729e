#!/usr/bin/env node
// @ts-check
// Smoke test of the npm package: pack web/ as ./run dist does (`npm pack` there; web/prepack.mjs
// puts the build products in), or take the tarball ./run dist wrote (--tarball), install it into an empty
// folder, type-check a usage file against its declarations, then serve that folder under the strict
// CSP and check in Chromium that cards render from node_modules/factcard with the classic script,
// with the ES module entry, and with both on one page; and that the card's words, numbers and dates
// follow the page's language (en, de, de-AT, ru, ar right to left, and mn, which Chromium's Intl lacks);
// and that an app importing 'factcard', bundled by esbuild, renders a card (bundle.mjs).
//   node tests/npm/smoke.mjs [--factcard build/cli/factcard] [--wasm build-wasm/wasm/factcard.wasm] [--tarball FILE] [--chromium /usr/bin/chromium]
// Needs: ./run build (CLI and wasm), npm ci in tests/ (playwright-core) and in tests/npm/ (typescript, esbuild).
// One PASS/FAIL line per check, then "N passed, M failed"; exit status 1 when anything failed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, SELECTOR, createReport, launchChromium, parseArgs, requireTools, serve } from '../browser/harness.mjs';
import { bundleChecks } from './bundle.mjs';
import { LABELS } from '../../web/src/i18n.mjs';
import { labelTables, readVersion } from '../../web/assemble.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const STORY = 'putin-mongolia-2024';
const DEMO_CLAIM = 'icc-warrant'; // corroborated by 5 outlets, March 2023, 5 excerpts
const VERSION = readVersion(); // the one version number: the package's and factcard.js's

const report = createReport('npm');
const { check, info } = report;

const run = (command, args, cwd, env = process.env) => execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * The package's tarball and the files in it: `tarball` as given (./run dist's), or made in `out` the
 * way ./run dist makes it, `npm pack` in web/ with the wasm from `wasm`.
 * @param {{ tarball?: string, wasm: string, out: string }} options
 */
function packageTarball({ tarball, wasm, out }) {
  if (!tarball) {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], join(ROOT, 'web'), { ...process.env, FACTCARD_WASM: wasm }))[0];
    tarball = join(out, packed.filename);
  }
  const files = run('tar', ['-tzf', tarball], out).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, '')).sort();
  return { tarball, files };
}

// ---------- a story written for this test: names in three scripts, counts for every plural form ----------

// Claims corroborated by 1, 2, 3, 5, 11, 21 and 100 outlets, so that each plural category of en, de,
// ru and ar appears; a contested pair whose rival only unnamed outlets report; names with
// diacritics and in Cyrillic, which must reach the screen exactly as written.
const COUNTS = [2, 3, 5, 11, 21, 100];
const NAMES = { khurelsukh: 'Ukhnaagiin Khürelsükh', peskov: 'Дмитрий Песков', klyszcz: 'Ivan Kłyszcz' };
const QUOTE = '«Визит тщательно подготовлен», — сказал Дмитрий Песков.';
function languageStory() {
  /** @type {Array<Record<string, string>>} */
  const sources = Array.from({ length: 100 }, (_, i) => ({
    id: `s${i + 1}`, publisher: i === 0 ? 'Коммерсантъ' : i === 1 ? 'Dziennik Bałtycki' : `Outlet ${i + 1}`,
    headline: `Headline ${i + 1}`, url: `https://example.org/${i + 1}`, published: '2024-09-02',
  }));
  sources.push({ id: 'anon1', headline: 'Anonymous one' }, { id: 'anon2', headline: 'Anonymous two' });
  const evidence = (n) => Array.from({ length: n }, (_, i) => ({ source: `s${i + 1}`, quote: `Excerpt ${i + 1}.` }));
  /** @type {Array<Record<string, any>>} */
  const claims = COUNTS.map((n) => ({
    id: `c${n}`, kind: 'event', who: 'Khurelsukh', what: `A claim that ${n} outlets report.`, when: '2024-09', evidence: evidence(n),
  }));
  claims.push(
    { id: 'peskov-quote', kind: 'quote', who: 'Песков', what: 'Визит тщательно подготовлен.', when: '2024-08-30',
      evidence: [{ source: 's1', quote: QUOTE, speaker: 'peskov' }] },
    { id: 'arrival-2', kind: 'event', who: 'klyszcz', what: 'The visit began on 2 September.', when: '2024-09-02',
      topic: 'visit.start', value: '2024-09-02', evidence: [{ source: 's2', quote: 'It began on 2 September.' }] },
    { id: 'arrival-3', kind: 'event', who: 'klyszcz', what: 'The visit began on 3 September.', when: '2024-09-03',
      topic: 'visit.start', value: '2024-09-03',
      evidence: [{ source: 'anon1', quote: 'It began on 3 September.' }, { source: 'anon2', quote: 'From 3 September.' }] },
  );
  return {
    factcard: 1,
    story: { id: 'languages', title: 'Языки · Sprachen · اللغات', language: 'en' },
    entities: [
      { id: 'khurelsukh', name: NAMES.khurelsukh, kind: 'person', description: 'President of Mongolia', aliases: ['Khurelsukh'] },
      { id: 'peskov', name: NAMES.peskov, kind: 'person', description: 'пресс-секретарь Кремля', aliases: ['Песков', 'Dmitry Peskov'] },
      { id: 'klyszcz', name: NAMES.klyszcz, kind: 'person' },
    ],
    sources,
    claims,
  };
}

// What the card's own words must be, per language (the tables the package's factcard.js has inline).
// `num` formats a count as Intl does in that language (Arabic digits in ar).
const EXPECTED = {
  en: {
    status: (n, num) => `Corroborated · ${num(n)} outlets`, show: 'Show excerpts', hide: 'Hide excerpts',
    single: 'Single source', contested: 'Contested', conflict: 'Show conflicting claim', unnamed: 'Reported by 2 unnamed outlets',
    unknown: 'Unknown outlet',
  },
  de: {
    status: (n, num) => `Bestätigt · ${num(n)} Medien`, show: 'Auszüge zeigen', hide: 'Auszüge ausblenden',
    single: 'Einzelquelle', contested: 'Umstritten', conflict: 'Widerspruch zeigen', unnamed: 'Berichtet von 2 ungenannten Medien',
    unknown: 'Unbekanntes Medium',
  },
  ru: {
    status: (n, num) => `Подтверждено · ${num(n)} ${{ 2: 'издания', 3: 'издания', 5: 'изданий', 11: 'изданий', 21: 'издание', 100: 'изданий' }[n]}`,
    show: 'Показать цитаты', hide: 'Скрыть цитаты', single: 'Один источник', contested: 'Оспаривается',
    conflict: 'Показать противоречие', unnamed: 'Сообщили: 2 неназванных издания', unknown: 'Неизвестное издание',
  },
  ar: {
    // Arabic: the dual has no numeral; 3-10 take the plural, 11-99 and 100 the singular.
    status: (n, num) => `مؤكد · ${n === 2 ? 'وسيلتا إعلام' : n <= 10 ? `${num(n)} وسائل إعلام` : `${num(n)} وسيلة إعلام`}`,
    show: 'عرض المقتطفات', hide: 'إخفاء المقتطفات', single: 'مصدر واحد', contested: 'متنازع عليه',
    conflict: 'عرض الادعاء المخالف', unnamed: 'بحسب وسيلتي إعلام مجهولتين', unknown: 'وسيلة إعلام مجهولة',
  },
};
// Page language → the table its cards must use (de-AT uses de; Chromium lacks mn: English).
const LANGS = [['en', 'en'], ['de', 'de'], ['de-AT', 'de'], ['ru', 'ru'], ['ar', 'ar'], ['mn', 'en']];

// ---------- pages ----------

const head = (title, lang = 'en', dir = 'ltr') => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="/favicon.ico"></head><body>
<h1>${title}</h1>`;
const blockquote = (story, claim, attrs = '') => `<blockquote class="fact-card" data-story="${story}" data-claim="${claim}"${attrs}><p>fallback for ${claim}</p></blockquote>`;
const BUNDLE = `/stories/${STORY}.cards.json`;

function writePages(app) {
  writeFileSync(join(app, 'classic.html'), `${head('classic script from node_modules')}
${blockquote(BUNDLE, DEMO_CLAIM, ' id="a"')}
<fact-card id="b" story="/stories/${STORY}.json" claim="kremlin-not-worried"><p>fallback</p></fact-card>
<script src="node_modules/factcard/factcard.js" async></script>
</body></html>`);

  // In a folder of its own, so a wasm URL guessed from the page's address would be wrong.
  mkdirSync(join(app, 'esm'), { recursive: true });
  writeFileSync(join(app, 'esm', 'index.html'), `${head('ES module entry')}
${blockquote(BUNDLE, DEMO_CLAIM, ' id="a"')}
<fact-card id="b" story="/stories/${STORY}.json" claim="kremlin-not-worried"><p>fallback</p></fact-card>
<script type="module" src="main.js"></script>
</body></html>`);
  writeFileSync(join(app, 'esm', 'main.js'), `import * as factcard from '../node_modules/factcard/factcard.mjs';
const exported = Object.fromEntries(Object.entries(factcard).map(([name, value]) => [name, typeof value]));
const result = await factcard.cards('{"factcard": 1, "story": {"id": "x"}, "entities": [], "sources": [], "claims": [}');
await factcard.render(document.getElementById('a'));
document.documentElement.dataset.esm = JSON.stringify({ exported, version: factcard.version,
  sameApi: window.factcard.version === factcard.version, coreErrors: Array.isArray(result.errors) && result.errors.length > 0 });
`);

  writeFileSync(join(app, 'both.html'), `${head('classic tag and module on one page')}
${blockquote(BUNDLE, DEMO_CLAIM, ' id="a"')}
${blockquote(BUNDLE, 'putin-arrives-mongolia', ' id="b"')}
<script src="node_modules/factcard/factcard.js" async></script>
<script type="module" src="both.js"></script>
</body></html>`);
  writeFileSync(join(app, 'both.js'), "import { version } from './node_modules/factcard/factcard.mjs';\ndocument.documentElement.dataset.esm = version;\n");

  const rows = LANGS.map(([lang]) => {
    const dir = lang === 'ar' ? ' dir="rtl"' : '';
    const cards = [blockquote(BUNDLE, DEMO_CLAIM, ` id="${lang}-demo"`),
      ...COUNTS.map((n) => blockquote('/stories/languages.json', `c${n}`, ` id="${lang}-c${n}"`)),
      blockquote('/stories/languages.json', 'peskov-quote', ` id="${lang}-peskov"`),
      blockquote('/stories/languages.json', 'arrival-2', ` id="${lang}-contested"`),
      blockquote('/stories/languages.json', 'arrival-3', ` id="${lang}-anon"`)];
    return `<section lang="${lang}"${dir}>\n${cards.join('\n')}\n</section>`;
  });
  writeFileSync(join(app, 'languages.html'), `${head('one card in each language')}
${rows.join('\n')}
<script src="node_modules/factcard/factcard.js" async></script>
</body></html>`);
}

// ---------- browser helpers ----------

function instrument() {
  const t = { violations: [], renders: [], errors: [] };
  window.__test = t;
  document.addEventListener('securitypolicyviolation', (e) => t.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`));
  document.addEventListener('factcard:render', (e) => t.renders.push(/** @type {Element} */ (e.target).id), true);
  document.addEventListener('factcard:error', (e) => t.errors.push(`${/** @type {Element} */ (e.target).id}: ${e.detail.message}`), true);
}

async function open(context, url, options = {}) {
  const page = await context.newPage();
  const log = { console: [], pageErrors: [], requests: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('request', (r) => log.requests.push(new URL(r.url()).pathname));
  await page.addInitScript(instrument);
  if (options.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1000, height: 1200 });
  await page.goto(url);
  page.log = log;
  return page;
}

// Every card drawn or failed: render() each one now rather than scrolling to it.
async function settle(page) {
  await page.waitForFunction(() => window.factcard && window.factcard.render, null, { timeout: 15000 });
  await page.evaluate((selector) => Promise.all([...document.querySelectorAll(selector)]
    .filter((el) => el.dataset.factcard !== 'ready').map((el) => window.factcard.render(el))), SELECTOR);
  await page.waitForFunction((selector) => [...document.querySelectorAll(selector)]
    .every((el) => el.dataset.factcard === 'ready' || el.dataset.factcard === 'failed'), SELECTOR, { timeout: 15000 });
}

function problemsOf(page, t) {
  return [
    ...page.log.console.filter((m) => m.type === 'error' || (m.type === 'warning' && m.text.startsWith('factcard:'))).map((m) => `${m.type}: ${m.text}`),
    ...page.log.pageErrors.map((e) => `page error: ${e}`),
    ...t.violations.map((v) => `CSP: ${v}`),
    ...t.errors.map((e) => `factcard:error ${e}`),
  ];
}

const states = (page) => page.evaluate((selector) => Object.fromEntries([...document.querySelectorAll(selector)]
  .map((el) => [el.id, el.dataset.factcard || 'untouched'])), SELECTOR);
const allReady = (s) => Object.keys(s).length > 0 && Object.values(s).every((v) => v === 'ready');
const wasmFetches = (page) => page.log.requests.filter((p) => p.endsWith('.wasm'));
// A page with a bundle and a story file fetches each module once: factcard.wasm (bundles) and factcard-story.wasm.
const PACKAGE_WASM = ['/node_modules/factcard/factcard-story.wasm', '/node_modules/factcard/factcard.wasm'];
const eachModuleOnce = (page) => JSON.stringify(wasmFetches(page).sort()) === JSON.stringify(PACKAGE_WASM);

// ---------- checks ----------

async function classicChecks(context, base) {
  const page = await open(context, `${base}classic.html`);
  await settle(page);
  const s = await states(page);
  const t = await page.evaluate(() => window.__test);
  const what = await page.evaluate(() => document.getElementById('a').shadowRoot?.querySelector('.what')?.textContent || '');
  check('classic: <script src=node_modules/factcard/factcard.js> renders a bundle card and a <fact-card> from a story file',
    allReady(s) && what.length > 20, JSON.stringify({ s, what }));
  check('classic: the wasm modules come from node_modules/factcard/, each fetched once',
    eachModuleOnce(page), wasmFetches(page).join(', '));
  const problems = problemsOf(page, t);
  check('classic: no console errors, no CSP violations under the strict policy', !problems.length, problems.join('\n'));
  await page.close();
}

async function moduleChecks(context, base) {
  const page = await open(context, `${base}esm/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.esm, null, { timeout: 15000 }).catch(() => {});
  await settle(page);
  const s = await states(page);
  const t = await page.evaluate(() => window.__test);
  const esm = JSON.parse((await page.evaluate(() => document.documentElement.dataset.esm)) || '{}');
  check('module: import of node_modules/factcard/factcard.mjs renders both cards', allReady(s), JSON.stringify(s));
  const want = { cards: 'function', refresh: 'function', render: 'function', scan: 'function', version: 'string' };
  check('module: exports render, refresh, scan, cards, version (the same API as window.factcard)',
    JSON.stringify(esm.exported) === JSON.stringify(want) && esm.sameApi && esm.version === VERSION && esm.coreErrors,
    JSON.stringify(esm));
  check('module: the wasm URL comes from import.meta.url (node_modules/factcard/factcard.wasm, not /esm/), each module fetched once',
    eachModuleOnce(page), wasmFetches(page).join(', '));
  const problems = problemsOf(page, t);
  check('module: no console errors, no CSP violations under the strict policy', !problems.length, problems.join('\n'));
  await page.close();
}

async function bothChecks(context, base) {
  const page = await open(context, `${base}both.html`);
  await page.waitForFunction(() => document.documentElement.dataset.esm, null, { timeout: 15000 }).catch(() => {});
  await settle(page);
  await page.waitForTimeout(200);
  const s = await states(page);
  const t = await page.evaluate(() => window.__test);
  const registry = await page.evaluate(() => {
    const r = window[Symbol.for('factcard')];
    return { versions: Object.keys(r.versions), same: r.active === window.factcard, esm: document.documentElement.dataset.esm };
  });
  check('both: classic tag and module on one page share one widget (one wasm fetch, none of the story module, each card drawn once)',
    allReady(s) && wasmFetches(page).join() === PACKAGE_WASM[1] && t.renders.length === 2 && registry.versions.join() === VERSION && registry.same
      && registry.esm === VERSION,
    JSON.stringify({ s, wasm: wasmFetches(page), renders: t.renders, registry }));
  const problems = problemsOf(page, t);
  check('both: no console errors, no CSP violations', !problems.length, problems.join('\n'));
  await page.close();
}

// Runs in the page: what one card shows, and what Intl says its date and numbers should look like.
function readLanguageCard([id, locale]) {
  const el = document.getElementById(id);
  const card = el.shadowRoot && el.shadowRoot.querySelector('.card');
  if (!card) return { id, state: el.dataset.factcard };
  const text = (sel) => card.querySelector(sel)?.textContent ?? null;
  const supported = Intl.DateTimeFormat.supportedLocalesOf([locale])[0] || 'en';
  const when = card.querySelector(':scope > .top .when');
  const [y, m, d] = (when?.getAttribute('datetime') || '').split('-').map(Number);
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { timeZone: 'UTC', year: 'numeric', ...(m ? { month: 'long' } : {}), ...(d ? { day: 'numeric' } : {}) };
  const button = /** @type {HTMLElement | null} */ (card.querySelector('button[aria-controls=sources]'));
  const before = button?.textContent ?? null;
  button?.click();
  const after = button?.textContent ?? null;
  button?.click();
  const conflictButton = card.querySelector('button[aria-controls=conflict]');
  return {
    id,
    state: el.dataset.factcard,
    cardLang: card.getAttribute('lang'),
    direction: getComputedStyle(card).direction,
    label: card.getAttribute('aria-label'),
    status: text(':scope > .top .status'),
    when: when?.textContent ?? null,
    intlWhen: when ? new Intl.DateTimeFormat(supported, options).format(Date.UTC(y, (m || 1) - 1, d || 1)) : null,
    supported,
    whoName: text(':scope > .who b'),
    outlets: [...card.querySelectorAll('.outlet')].map((o) => o.textContent),
    quotes: [...card.querySelectorAll('.excerpt q')].map((q) => q.textContent),
    buttonBefore: before,
    buttonAfter: after,
    conflictButton: conflictButton?.textContent ?? null,
    rival: card.querySelector('.rival .who')?.textContent ?? null,
    numbers: Object.fromEntries([2, 3, 5, 11, 21, 100].map((n) => [n, new Intl.NumberFormat(supported).format(n)])),
  };
}

async function languageChecks(context, base) {
  const page = await open(context, `${base}languages.html`, { reducedMotion: true });
  await settle(page);
  const t = await page.evaluate(() => window.__test);
  const s = await states(page);
  check(`languages: all ${Object.keys(s).length} cards render (bundle and story file, six page languages)`, allReady(s),
    JSON.stringify(Object.entries(s).filter(([, v]) => v !== 'ready')));
  const read = async (id, lang) => page.evaluate(readLanguageCard, [id, lang]);

  for (const [lang, table] of LANGS) {
    const want = EXPECTED[table];
    const bad = [];
    const demo = await read(`${lang}-demo`, lang);
    const num = (n) => demo.numbers[n];
    const expect = (what, got, wanted) => { if (got !== wanted) bad.push(`${what}: ${JSON.stringify(got)} != ${JSON.stringify(wanted)}`); };
    expect('status', demo.status, want.status(5, num));
    expect('card lang', demo.cardLang, table);
    expect('date (Intl)', demo.when, demo.intlWhen);
    if (!demo.buttonBefore?.startsWith(want.show)) bad.push(`button ${JSON.stringify(demo.buttonBefore)} does not start with ${want.show}`);
    expect('button when open', demo.buttonAfter, want.hide);
    if (!demo.label?.includes(want.status(5, num).replace(' · ', table === 'ar' ? '، ' : ', '))) bad.push(`aria-label ${JSON.stringify(demo.label)} lacks the status in words`);
    for (const n of COUNTS) {
      const card = await read(`${lang}-c${n}`, lang);
      expect(`status for ${n} outlets`, card.status, want.status(n, num));
      expect(`date for ${n}`, card.when, card.intlWhen);
    }
    const peskov = await read(`${lang}-peskov`, lang);
    expect('single-source status', peskov.status, want.single);
    const contested = await read(`${lang}-contested`, lang);
    expect('contested status', contested.status, want.contested);
    expect('conflict button', contested.conflictButton, want.conflict);
    if (!contested.rival?.endsWith(want.unnamed)) bad.push(`rival ${JSON.stringify(contested.rival)} does not end with ${want.unnamed}`);
    const anon = await read(`${lang}-anon`, lang);
    expect('unknown outlet', anon.outlets[0], want.unknown);
    const direction = lang === 'ar' ? 'rtl' : 'ltr';
    expect('direction', demo.direction, direction);
    const intlNote = lang === 'mn' ? ` (Chromium's Intl ${demo.supported === 'en' ? 'lacks mn: English date' : `has ${demo.supported}`})` : '';
    check(`languages: ${lang} page → ${table} words, plural forms for 2 3 5 11 21 100, Intl date "${demo.when}"${intlNote}${lang === 'ar' ? ', right to left' : ''}`,
      !bad.length && demo.state === 'ready', bad.join('\n'));
  }

  const names = await read('ru-peskov', 'ru');
  const khurelsukh = await read('de-c2', 'de');
  const kommersant = (await read('ar-c2', 'ar')).outlets;
  const rival = await read('en-contested', 'en');
  const intact = names.whoName === NAMES.peskov && names.quotes[0] === QUOTE && khurelsukh.whoName === NAMES.khurelsukh
    && kommersant.includes('Коммерсантъ') && kommersant.includes('Dziennik Bałtycki') && rival.whoName === NAMES.klyszcz
    && [names.whoName, khurelsukh.whoName].every((x) => x === x.normalize('NFC'));
  check('languages: names with diacritics and in Cyrillic reach the screen exactly as in the story file',
    intact, JSON.stringify({ peskov: names.whoName, quote: names.quotes[0], khurelsukh: khurelsukh.whoName, outlets: kommersant.slice(0, 2), klyszcz: rival.whoName }));

  const motion = await page.evaluate(() => [...document.querySelectorAll('.fact-card')].some((el) => el.shadowRoot
    && [...el.shadowRoot.querySelectorAll('*')].some((n) => getComputedStyle(n).animationName !== 'none' || parseFloat(getComputedStyle(n).transitionDuration) > 0)));
  check('languages: with prefers-reduced-motion: reduce, nothing in a card animates or transitions', !motion);
  const problems = problemsOf(page, t);
  check('languages: no console errors, no CSP violations', !problems.length, problems.join('\n'));
  const fetched = page.log.requests.filter((p) => p.includes('/labels/'));
  check('languages: the package\'s factcard.js has its label tables inline (a bundler would not copy labels/): none fetched',
    !fetched.length, fetched.join(', '));
  await page.close();
}

// The label tables (English in web/src/i18n.mjs, the others in web/labels/) against the Labels type of factcard.d.ts and Intl.PluralRules.
function labelChecks() {
  const dts = readFileSync(join(ROOT, 'web', 'factcard.d.ts'), 'utf8');
  const typed = (dts.match(/export interface Labels \{([\s\S]*?)\n\}/) || ['', ''])[1]
    .match(/^\s+'?([\w-]+)'?: string;/gm)?.map((line) => line.trim().replace(/'?: string;$/, '').replace(/^'/, '')) || [];
  const tables = { en: LABELS.en, ...labelTables() };
  const keys = Object.keys(tables.en);
  const problems = [];
  if (JSON.stringify([...keys].sort()) !== JSON.stringify([...typed].sort())) {
    problems.push(`Labels in factcard.d.ts (${typed.join(' ')}) != English keys (${keys.join(' ')})`);
  }
  for (const [lang, table] of Object.entries(tables)) {
    const missing = keys.filter((k) => !(k in table));
    const extra = Object.keys(table).filter((k) => !keys.includes(k));
    if (missing.length || extra.length) problems.push(`${lang}: missing ${missing.join(' ') || '-'}, unknown ${extra.join(' ') || '-'}`);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.length;
    for (const [key, text] of Object.entries(table)) {
      for (const [, forms] of text.matchAll(/\{(.*?)\}/g)) {
        if (forms.split('|').length > categories) problems.push(`${lang}.${key}: ${forms.split('|').length} forms, ${lang} has ${categories} plural categories`);
      }
    }
  }
  check(`labels: ${Object.keys(tables).join(', ')} tables have every key of Labels (factcard.d.ts), plural forms fit Intl.PluralRules`,
    !problems.length, problems.join('\n'));
}

// ---------- main ----------

async function main() {
  const options = parseArgs({
    usage: 'usage: node tests/npm/smoke.mjs [--factcard FILE] [--wasm FILE] [--tarball FILE] [--chromium FILE]',
    options: { factcard: join(ROOT, 'build', 'cli', 'factcard'), wasm: join(ROOT, 'build-wasm', 'wasm', 'factcard.wasm'), tarball: '' },
  });
  for (const file of [options.factcard, options.wasm, options.tarball].filter(Boolean)) {
    if (!existsSync(file)) {
      console.error(`smoke: ${file} is missing; run ./run build first`);
      process.exit(2);
    }
  }
  requireTools('smoke');
  labelChecks();
  const work = mkdtempSync(join(tmpdir(), 'factcard-npm-'));
  const app = join(work, 'app');
  let server = null;
  let chrome = null;
  try {
    // Pack (or take ./run dist's tarball), then install it into an empty project, the way a publisher would.
    const { tarball, files } = packageTarball({ tarball: options.tarball, wasm: options.wasm, out: work });
    const want = ['LICENSE', 'README.md', 'factcard-story.wasm', 'factcard.d.ts', 'factcard.js', 'factcard.mjs', 'factcard.wasm', 'package.json'];
    check(`pack: ${tarball.split('/').pop()} (factcard-<VERSION>.tgz) holds exactly ${want.join(', ')}`,
      tarball.endsWith(`/factcard-${VERSION}.tgz`) && JSON.stringify(files) === JSON.stringify(want), `${tarball}: ${files.join(', ')}`);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'factcard-smoke-app', private: true, type: 'module' }, null, 2));
    let installed = false;
    try {
      run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
      installed = existsSync(join(app, 'node_modules', 'factcard', 'factcard.wasm'));
    } catch (err) {
      check('install: npm install <tarball> --offline in an empty folder', false, err.stderr || err.message);
    }
    if (installed) check('install: npm install <tarball> --offline in an empty folder', true);
    else throw new Error('the package did not install');

    // The "exports" map, as Node resolves it (bundlers follow the same conditions).
    const resolved = JSON.parse(run(process.execPath, ['--input-type=module', '-e', `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      console.log(JSON.stringify({ import: import.meta.resolve('factcard'), require: require.resolve('factcard'),
        wasm: import.meta.resolve('factcard/factcard.wasm'), js: import.meta.resolve('factcard/factcard.js'),
        manifest: require('factcard/package.json').version }));`], app));
    check('exports: import → factcard.mjs, require/default → factcard.js, factcard/factcard.wasm and /package.json resolve',
      resolved.import.endsWith('/node_modules/factcard/factcard.mjs') && resolved.require.endsWith('/node_modules/factcard/factcard.js')
        && resolved.wasm.endsWith('/factcard.wasm') && resolved.js.endsWith('/factcard.js') && resolved.manifest === VERSION,
      JSON.stringify(resolved));

    // The declarations, from the installed package, under strict settings and two resolution modes.
    const tsc = join(HERE, 'node_modules', '.bin', 'tsc');
    if (!existsSync(tsc)) {
      check('types: tsc is available (npm ci in tests/npm/)', false, `${tsc} is missing`);
    } else {
      copyFileSync(join(HERE, 'usage.ts'), join(app, 'usage.ts'));
      for (const resolution of [['bundler', 'esnext'], ['nodenext', 'nodenext']]) {
        writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, target: 'es2020', lib: ['es2020', 'dom'], types: [],
            moduleResolution: resolution[0], module: resolution[1], skipLibCheck: false, exactOptionalPropertyTypes: true },
          files: ['usage.ts'],
        }));
        let output = '';
        try {
          run(tsc, ['-p', app], app);
        } catch (err) {
          output = `${err.stdout || ''}${err.stderr || ''}` || err.message;
        }
        check(`types: tsc --strict (moduleResolution ${resolution[0]}) accepts usage.ts against the installed factcard.d.ts`, !output, output);
      }
    }

    // The site: the installed package, the demo bundle and story, a story written for this test.
    const stories = join(app, 'stories');
    mkdirSync(stories);
    run(options.factcard, ['build', join(ROOT, 'demo', 'stories', `${STORY}.json`), '-o', stories], ROOT);
    copyFileSync(join(ROOT, 'demo', 'stories', `${STORY}.json`), join(stories, `${STORY}.json`));
    writeFileSync(join(stories, 'languages.json'), `${JSON.stringify(languageStory(), null, 2)}\n`);
    const errors = (() => {
      try {
        run(options.factcard, ['validate', join(stories, 'languages.json')], ROOT);
        return '';
      } catch (err) {
        return `${err.stdout || ''}${err.stderr || ''}`;
      }
    })();
    if (errors) info(`factcard validate languages.json: ${errors.trim()}`);
    copyFileSync(join(ROOT, 'demo', 'favicon.ico'), join(app, 'favicon.ico'));
    writePages(app);
    info(`serving ${app} (${readdirSync(app).join(', ')}) with the strict CSP of demo/serve.mjs --csp`);
    server = await serve(app, { csp: true });
    options.base = server.url;

    chrome = await launchChromium(options.chromium, { persistent: true });
    const { context } = chrome;
    const demoCard = JSON.parse(readFileSync(join(stories, `${STORY}.cards.json`), 'utf8')).cards.find((c) => c.claims.includes(DEMO_CLAIM));
    const bundlerChecks = () => bundleChecks({ app, context, base: options.base, story: BUNDLE, claim: DEMO_CLAIM,
      expectedWhat: demoCard.what, check, info, open, problemsOf });
    for (const group of [classicChecks, moduleChecks, bothChecks, languageChecks, bundlerChecks]) {
      try {
        await group(context, options.base);
      } catch (err) {
        check(`${group.name} ran to the end`, false, err.stack || err.message);
      }
    }
  } catch (err) {
    check('smoke test ran to the end', false, err.stack || err.message);
  } finally {
    if (chrome) await chrome.close();
    if (server) server.close();
    rmSync(work, { recursive: true, force: true });
  }
  report.finish({ timed: true });
}

main().catch(report.crash);
