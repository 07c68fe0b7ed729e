#!/usr/bin/env node
// @ts-check
// Injection tests: every vector of tests/security/vectors.txt in every text field of a story,
// built with `factcard build`, pasted into pages the way demo/build-site.mjs pastes snippets,
// and rendered in Chromium five ways: JS on / off x strict CSP with Trusted Types on / off, plus
// the raw snippets alone (JS off). Nothing may run, no dialog may open, no foreign element or
// event-handler attribute may reach the DOM (light or shadow), every link is http(s), no request
// leaves the test server, and each vector's text is shown literally.
//   node tests/security/run.mjs [--factcard build/cli/factcard] [--wasm build-wasm/wasm/factcard.wasm]
//                               [--chromium /usr/bin/chromium] [--pages 5] [--keep DIR]
// Prints PASS/FAIL per check and page/mode, then totals; exits 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, createReport, launchChromium, parseArgs, requireTools, serve } from '../browser/harness.mjs';
import { isWebUrl, readVectors, writeStories } from './make_stories.mjs';
import { textFragmentUrl } from '../../web/src/fragment.mjs';
import { labelTables, writeLabels } from '../../web/assemble.mjs';

// ---------- options and reporting ----------

const report = createReport('security');
const { check, info } = report;

function parseOptions() {
  const options = parseArgs({
    usage: 'usage: node tests/security/run.mjs [--factcard CLI] [--wasm factcard.wasm] [--widget factcard.js] [--chromium PATH] [--pages N] [--keep DIR]',
    options: {
      factcard: join(ROOT, 'build', 'cli', 'factcard'),
      wasm: join(ROOT, 'build-wasm', 'wasm', 'factcard.wasm'),
      widget: join(ROOT, 'build', 'web', 'factcard.js'), // as web/assemble.mjs writes it
      pages: 5,
      keep: null,
    },
    values: { pages: Number },
  });
  for (const key of ['factcard', 'wasm', 'widget', 'chromium']) {
    if (!existsSync(options[key])) {
      console.error(`security: no ${key} at ${options[key]} (./run build first)`);
      process.exit(2);
    }
  }
  return options;
}

const show = (s) => JSON.stringify(s).slice(0, 160);
const cli = (factcard, args) => spawnSync(factcard, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

// ---------- the CLI: validate rejects non-web urls, build writes only safe output ----------

function urlChecks(factcard, work, urls) {
  const file = join(work, 'stories', 'sec-urls.json');
  const run = cli(factcard, ['validate', file]);
  // One diagnostic a line: FILE:LINE:COL: MESSAGE (a message may hold U+2028, which /./ does not match).
  const got = new Map();
  for (const l of run.stderr.split('\n')) {
    const m = /^(\d+):(\d+): ([^]*)$/.exec(l.startsWith(`${file}:`) ? l.slice(file.length + 1) : '');
    if (m) got.set(`${m[1]}:${m[2]}`, m[3]);
  }
  const problems = [];
  for (const e of urls.expected) {
    const message = got.get(`${e.line}:${e.column}`);
    if (!message) problems.push(`vectors.txt:${e.vector.line} ${show(e.vector.text)}: no error at ${e.line}:${e.column}`);
    else if (!/^url "[^]*" must be an absolute http: or https: address$/.test(message)) problems.push(`${e.line}:${e.column}: unclear message ${show(message)}`);
    got.delete(`${e.line}:${e.column}`);
  }
  for (const [at, message] of got) problems.push(`unexpected error at ${at}: ${message}`);
  check(`cli: validate rejects each of the ${urls.expected.length} non-http(s) urls with file:line:col and a clear message, exit 1`
    + ` (accepts the ${urls.accepted} web urls)`, run.status === 1 && !problems.length,
  [`exit ${run.status}${run.signal ? ` signal ${run.signal}` : ''}`, ...problems]);
  const out = join(work, 'url-build');
  const build = cli(factcard, ['build', file, '-o', out]);
  check('cli: build refuses the story with non-http(s) urls (exit 1, writes nothing)',
    build.status === 1 && (!existsSync(out) || !readdirSync(out).length), `exit ${build.status}, ${build.stderr.split('\n')[0]}`);
}

// What `factcard build` writes, statically: every snippet has exactly the shape of the template
// (no markup from the story), every url is a web url.
const SNIPPET = /^<blockquote class="fact-card" data-story="[^"<>]*" data-claim="[a-z0-9._-]+"(?: lang="[^"<>]*")?>\n {2}<p>[^<>]*<\/p>\n {2}<footer>(?:[^<>]|<a href="[^"<>]*">[^<>]*<\/a>)*<\/footer>\n(?: {2}<p>[^<>]*<\/p>\n {2}<ul>\n(?: {4}<li><time datetime="\d{4}-\d\d-\d\d">[^<>]*<\/time>[^<>]*<\/li>\n)+ {2}<\/ul>\n)?<\/blockquote>\n<script type="application\/ld\+json">[^<>]*<\/script>\n<script src="[^"<>]*" async fetchpriority="low"><\/script>\n$/;
const unescapeHtml = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]);

function buildChecks(factcard, work, site, stories) {
  for (const s of stories) {
    const file = join(work, 'stories', `${s.id}.json`);
    const run = cli(factcard, ['build', file, '-o', site]);
    if (!check(`cli: build ${s.id} (${s.cards.length} vectors in every text field, web urls only)`, run.status === 0, run.stderr)) continue;
    const problems = [];
    const bundle = JSON.parse(readFileSync(join(site, `${s.id}.cards.json`), 'utf8'));
    for (const src of bundle.sources) if (src.url !== undefined && !isWebUrl(src.url)) problems.push(`bundle: url ${show(src.url)}`);
    const ld = readFileSync(join(site, `${s.id}.jsonld`), 'utf8');
    for (const m of ld.matchAll(/"url": ("(?:[^"\\]|\\.)*")/g)) if (!isWebUrl(JSON.parse(m[1]))) problems.push(`jsonld: url ${m[1]}`);
    for (const claim of s.story.claims) {
      const path = join(site, 'embed', `${claim.id}.html`);
      const html = existsSync(path) ? readFileSync(path, 'utf8') : '';
      if (!SNIPPET.test(html)) problems.push(`embed/${claim.id}.html does not have the snippet's shape:\n${html.slice(0, 400)}`);
      for (const m of html.matchAll(/ href="([^"]*)"/g)) if (!isWebUrl(unescapeHtml(m[1]))) problems.push(`embed/${claim.id}.html: href ${m[1]}`);
    }
    check(`cli: ${s.id}: every snippet has the template's shape (story text only as escaped text), every url in bundle, JSON-LD and snippets is http(s)`,
      !problems.length, problems);
  }
}

// ---------- the pages ----------

const CANARY = `// What the vectors try to call, and what would show that something ran or was blocked.
window.__sec = { pwned: [], violations: [] };
window.fcPwned = function (n) { window.__sec.pwned.push(String(n)); };
document.addEventListener('securitypolicyviolation', function (e) {
  window.__sec.violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
}, true);
`;

function writePages(site, stories, widget) {
  mkdirSync(join(site, 'factcard'), { recursive: true });
  copyFileSync(widget, join(site, 'factcard', 'factcard.js'));
  copyFileSync(join(ROOT, 'demo', 'favicon.ico'), join(site, 'favicon.ico'));
  writeFileSync(join(site, 'canary.js'), CANARY);
  stories.forEach((s, n) => {
    // The snippets pasted verbatim, as demo/build-site.mjs does (trimEnd of each file).
    const snippets = s.story.claims.map((c) => readFileSync(join(site, 'embed', `${c.id}.html`), 'utf8').trimEnd());
    writeFileSync(join(site, `page-${n + 1}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>factcard security page ${n + 1}</title>
<link rel="icon" href="/favicon.ico"><script src="/canary.js"></script></head>
<body><h1>factcard security page ${n + 1}</h1>
<main>
${snippets.join('\n')}
</main></body></html>
`);
    writeFileSync(join(site, `raw-${n + 1}.html`), `${snippets.join('\n')}\n`);
    // The negative control: page 1 as a build that forgot to escape the claim text would write it.
    if (n === 0) {
      const broken = snippets.map((html) => html.replace(/<p>([^<>]*)<\/p>/, (_, text) => `<p>${unescapeHtml(text)}</p>`));
      writeFileSync(join(site, 'control.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>factcard security page 1</title>
<link rel="icon" href="/favicon.ico"><script src="/canary.js"></script></head>
<body><h1>negative control</h1>
<main>
${broken.join('\n')}
</main></body></html>
`);
    }
  });
}

// Every card a page has (rival claims are cards too), with what it must show.
function expectations(s) {
  const out = [];
  for (const c of s.cards) {
    const main = { claim: c.claim, kind: c.kind, what: c.what, name: c.name, description: c.description, where: c.where,
      whenText: c.whenText, rival: c.rival, note: c.note, sources: [
        // deepLink: the excerpt's address, where the fallback's outlet and the card's excerpt link
        { outlet: c.publisher, headline: c.headline, url: c.url, deepLink: c.url && textFragmentUrl(c.url, c.quote), quotes: [c.quote] },
        { outlet: null, headline: c.headline, url: null, quotes: [c.quote] }] };
    out.push(main);
    if (c.rival) {
      out.push({ claim: `${c.claim}-r`, kind: 'statement', what: c.rival, name: c.name, description: c.description,
        where: null, whenText: null, rival: c.what, note: null, sources: [{ outlet: null, headline: c.headline, url: null, quotes: [c.quote] }] });
    }
  }
  return out;
}

// Runs in the page: walks the light DOM and every shadow root and returns what is wrong.
function inspect({ cards, language, jsOn, raw }) {
  const problems = [];
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const norm = (s) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'); // what the HTML parser makes of text
  const web = (a) => /^https?:\/\//i.test(a.getAttribute('href') || '') && ['http:', 'https:', ':'].includes(a.protocol);
  const show = (s) => JSON.stringify(s).slice(0, 120);
  const LIGHT = {
    html: ['lang'], head: [], meta: ['charset'], title: [], link: ['rel', 'href'], script: ['src', 'type', 'async', 'fetchpriority'],
    body: [], h1: [], main: [], blockquote: ['class', 'data-story', 'data-claim', 'lang', 'data-factcard', 'style'],
    p: [], footer: [], a: ['href'], ul: [], li: [], time: ['datetime'], // the fallback's updates
  };
  const SHADOW_ATTRS = ['class', 'part', 'lang', 'dir', 'aria-label', 'datetime', 'title', 'href', 'target', 'rel', 'id',
    'hidden', 'type', 'aria-expanded', 'aria-controls', 'style'];
  const SHADOW = new Set(['article', 'header', 'span', 'time', 'p', 'q', 'b', 'ul', 'li', 'a', 'div', 'button', 'section',
    'details', 'summary']);
  const stats = { elements: 0, shadowRoots: 0, links: 0, texts: 0 };

  // 1. Nothing foreign anywhere.
  /** @type {Array<Document | ShadowRoot>} */
  const roots = [document];
  while (roots.length) {
    const root = roots.pop();
    const shadow = root !== document;
    for (const el of root.querySelectorAll('*')) {
      stats.elements++;
      const tag = el.localName;
      const where = shadow ? `shadow of ${/** @type {ShadowRoot} */ (root).host.getAttribute('data-claim')}` : 'light DOM';
      if (el.shadowRoot) {
        stats.shadowRoots++;
        roots.push(el.shadowRoot);
        if (tag !== 'blockquote') problems.push(`a shadow root on <${tag}>`);
      }
      if (el.namespaceURI !== XHTML) problems.push(`foreign element <${tag}> (${el.namespaceURI}) in the ${where}`);
      const allowed = shadow ? (SHADOW.has(tag) ? SHADOW_ATTRS : null) : LIGHT[tag];
      if (!allowed) problems.push(`element <${tag}> in the ${where}`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`event handler ${attr.name}=${show(attr.value)} on <${tag}> in the ${where}`);
        else if (allowed && !allowed.includes(attr.name)) problems.push(`attribute ${attr.name}=${show(attr.value)} on <${tag}> in the ${where}`);
      }
      if (tag === 'a') {
        stats.links++;
        if (!web(el)) problems.push(`link to ${show(el.getAttribute('href'))} in the ${where}`);
        if (shadow && (/** @type {HTMLAnchorElement} */ (el).target !== '_blank' || /** @type {HTMLAnchorElement} */ (el).rel !== 'noopener')) problems.push(`link without target=_blank rel=noopener in the ${where}`);
      }
    }
  }

  // 2. The page's own elements, and nothing else: the snippets in order, their two scripts each.
  const head = [...document.head.children].map((e) => e.outerHTML).join('');
  const wantHead = raw ? '' : '<meta charset="utf-8"><title>' + document.title + '</title><link rel="icon" href="/favicon.ico"><script src="/canary.js"></script>';
  if (head !== wantHead) problems.push(`the head changed: ${show(head)}`);
  const container = raw ? document.body : document.querySelector('main');
  const kids = container ? [...container.children] : [];
  if (kids.length !== cards.length * 3) problems.push(`${kids.length} elements in the page body for ${cards.length} cards`);
  if (!raw && (document.body.children.length !== 2 || document.body.children[0].localName !== 'h1')) problems.push('the body changed');

  // 3. Each card: the fallback shows the text literally; with JS on, the card does too.
  cards.forEach((c, k) => {
    const [bq, ld, js] = kids.slice(k * 3, k * 3 + 3);
    const bad = (what) => problems.push(`${c.claim}: ${what}`);
    if (!bq || bq.localName !== 'blockquote' || bq.getAttribute('data-claim') !== c.claim) return bad(`no blockquote in place (${bq && bq.outerHTML.slice(0, 80)})`);
    if (!ld || ld.localName !== 'script' || ld.getAttribute('type') !== 'application/ld+json' || ld.attributes.length !== 1) return bad('no JSON-LD script after it');
    if (!js || js.localName !== 'script' || js.getAttribute('src') !== 'factcard/factcard.js' || js.attributes.length !== 3 || !js.hasAttribute('async')
      || js.getAttribute('fetchpriority') !== 'low') return bad('no widget script after it');
    if (bq.getAttribute('lang') !== norm(language)) bad(`lang ${show(bq.getAttribute('lang'))}`);
    // a card with an update note: "Updated …" and the note's list after the footer
    const [p, footer, updated, list] = bq.children;
    if (bq.children.length !== (c.note != null ? 4 : 2) || p.localName !== 'p' || footer.localName !== 'footer' || p.children.length
      || (c.note != null && (updated.localName !== 'p' || updated.children.length || list.localName !== 'ul'))) return bad(`fallback shape ${show(bq.innerHTML)}`);
    if (c.note != null) {
      if (updated.textContent !== 'Updated 5 September 2024') bad(`fallback update line ${show(updated.textContent)}`);
      const item = list.children[0];
      if (list.children.length !== 1 || item.localName !== 'li' || item.children.length !== 1 || item.children[0].localName !== 'time'
        || item.textContent !== `5 September 2024: ${norm(c.note)}`) bad(`fallback update ${show(list.innerHTML)}`);
    }
    const what = norm(c.kind === 'quote' ? `\u201C${c.what}\u201D` : c.what);
    if (p.textContent !== what) bad(`fallback text ${show(p.textContent)} != ${show(what)}`);
    const foot = footer.textContent;
    if (!foot.startsWith(norm(c.name))) bad(`fallback footer lacks the name: ${show(foot)}`);
    const links = [...footer.children];
    if (links.some((a) => a.localName !== 'a' || a.children.length || a.attributes.length !== 1)) bad(`footer markup ${show(footer.innerHTML)}`);
    for (const s of c.sources) {
      const label = norm(s.outlet != null ? s.outlet : `\u201C${s.headline}\u201D (outlet unknown)`);
      if (!foot.includes(label)) bad(`fallback footer lacks ${show(label)}`);
      if (s.url && !links.some((a) => a.getAttribute('href') === s.deepLink && a.textContent === label)) bad(`fallback has no link to ${show(s.deepLink)}`);
    }
    if (links.length !== c.sources.filter((s) => s.url).length) bad(`${links.length} links in the footer`);
    stats.texts += 2 + c.sources.length;
    try {
      const claim = JSON.parse(ld.textContent);
      if (claim.text !== c.what) bad(`JSON-LD text ${show(claim.text)}`);
      if (claim.author.name !== c.name) bad(`JSON-LD author ${show(claim.author.name)}`);
      if (!claim.appearance.some((a) => a.headline === c.sources[0].headline)) bad('JSON-LD lacks the headline');
      if (c.note != null && claim.correction[0].text !== c.note) bad(`JSON-LD correction ${show(claim.correction[0].text)}`);
      stats.texts += 4;
    } catch (err) {
      bad(`JSON-LD does not parse (${err.message})`);
    }

    if (!jsOn) {
      if (bq.shadowRoot || bq.hasAttribute('data-factcard')) bad('upgraded with JavaScript off');
      return;
    }
    if (bq.shadowRoot && !bq.shadowRoot.querySelector('.card')) bad('an empty shadow root hides the fallback');
    if (bq.getAttribute('data-factcard') !== 'ready') return bad(`card state ${bq.getAttribute('data-factcard')}`);
    const card = bq.shadowRoot && bq.shadowRoot.querySelector('.card');
    if (!card) return bad('no card in the shadow root');
    const text = (sel) => { const e = card.querySelector(sel); return e ? e.textContent : null; };
    if (text(':scope > .what') !== c.what) bad(`card what ${show(text(':scope > .what'))} != ${show(c.what)}`);
    if (text(':scope > .who b') !== c.name) bad(`card name ${show(text(':scope > .who b'))}`);
    const who = c.name + (c.description ? `, ${c.description}` : '') + (c.where ? ` \u00B7 ${c.where}` : '');
    if (text(':scope > .who') !== who) bad(`card who ${show(text(':scope > .who'))} != ${show(who)}`);
    if (!(card.getAttribute('aria-label') || '').includes(c.name)) bad('aria-label lacks the name');
    if (c.whenText) {
      const time = /** @type {HTMLElement | null} */ (card.querySelector(':scope > .top time'));
      if (!time || !time.title.includes(c.whenText)) bad(`time title ${show(time && time.title)}`);
    }
    const rows = [...card.querySelectorAll(':scope > .sources > .source')];
    if (rows.length !== c.sources.length) bad(`${rows.length} source rows`);
    for (const s of c.sources) {
      const row = rows.find((r) => (s.outlet == null || r.querySelector('.outlet').textContent === s.outlet)
        && r.querySelector('.headline').textContent === s.headline
        && (s.url ? /** @type {any} */ (r.querySelector('a.headline') || {}).href !== undefined && r.querySelector('a.headline').getAttribute('href') === s.url
          : !r.querySelector('a')));
      if (!row) { bad(`no source row shows ${show(s.outlet)} / ${show(s.headline)} / ${show(s.url)}`); continue; }
      const quotes = [...row.querySelectorAll('.excerpt q')].map((q) => q.textContent);
      for (const q of s.quotes) if (!quotes.includes(q)) bad(`excerpt ${show(q)} missing`);
      const passages = [...row.querySelectorAll('.excerpt a.passage')].map((a) => a.getAttribute('href'));
      if (s.url ? !passages.includes(s.deepLink) : passages.length) bad(`excerpt links ${show(passages.join(' '))}, not ${show(s.deepLink)}`);
    }
    if (c.note != null && text('.updates .update span') !== c.note) bad(`card update note ${show(text('.updates .update span'))} != ${show(c.note)}`);
    if (c.rival != null) {
      const rival = card.querySelector('.rival .what');
      if (!rival || rival.textContent !== c.rival) bad(`conflict panel ${show(rival && rival.textContent)} != ${show(c.rival)}`);
    }
    stats.texts += 7 + c.sources.length * 2;
  });
  return { problems, stats, url: location.href, title: document.title };
}

// ---------- Chromium ----------

const MODES = [
  { name: 'JS on, strict CSP + Trusted Types', js: true, csp: true },
  { name: 'JS on, no CSP', js: true, csp: false },
  { name: 'JS off, strict CSP', js: false, csp: true },
  { name: 'JS off, no CSP', js: false, csp: false },
  { name: 'raw snippets, JS off', js: false, csp: false, raw: true },
];

async function pageChecks(browser, servers, stories) {
  const contexts = { true: await browser.newContext({ javaScriptEnabled: true }), false: await browser.newContext({ javaScriptEnabled: false }) };
  const totals = { loads: 0, elements: 0, shadowRoots: 0, links: 0, texts: 0 };
  for (const mode of MODES) {
    for (let n = 0; n < stories.length; n++) {
      const s = stories[n];
      const cards = expectations(s);
      const base = servers[String(mode.csp)].url;
      const path = `${mode.raw ? 'raw' : 'page'}-${n + 1}.html`;
      const url = new URL(path, base).href;
      const page = await contexts[mode.js].newPage();
      const log = { dialogs: [], console: [], errors: [], requests: [] };
      page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
      page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => log.errors.push(e.message));
      page.on('request', (r) => log.requests.push(r.url()));
      const problems = [];
      let result = { problems: [], stats: {} };
      try {
        await page.goto(url, { waitUntil: 'load' });
        if (mode.js) {
          // Every card now, rather than scrolling: then open every panel (excerpts, conflicts).
          await page.waitForFunction(() => window.factcard, null, { timeout: 10000 });
          await page.evaluate(() => Promise.all([...document.querySelectorAll('blockquote.fact-card')].map((el) => window.factcard.render(el))));
          await page.waitForFunction(() => [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('blockquote.fact-card'))]
            .every((el) => el.dataset.factcard === 'ready' || el.dataset.factcard === 'failed'), null, { timeout: 20000 });
          await page.evaluate(() => {
            for (const el of document.querySelectorAll('blockquote.fact-card')) {
              for (const b of el.shadowRoot ? el.shadowRoot.querySelectorAll('button') : []) b.click();
            }
          });
        }
        await page.waitForTimeout(250); // late errors, loads and timers
        result = await page.evaluate(inspect, { cards, language: s.story.story.language, jsOn: mode.js, raw: !!mode.raw });
        problems.push(...result.problems);
        if (result.url !== url) problems.push(`the page navigated to ${result.url}`);
        if (mode.js) {
          const sec = await page.evaluate(() => window.__sec);
          if (sec.pwned.length) problems.push(`script ran: fcPwned(${sec.pwned.join('), fcPwned(')})`);
          if (sec.violations.length) problems.push(...sec.violations.map((v) => `CSP violation: ${v}`));
        }
      } catch (err) {
        problems.push(`the check did not finish: ${err.message.split('\n')[0]}`);
      }
      problems.push(...log.dialogs.map((d) => `dialog ${d}`), ...log.errors.map((e) => `page error ${e}`),
        ...log.console.filter((m) => /^(error|warning)/.test(m)).map((m) => `console ${m}`));
      // the label table of the page's language, when it has one of its own (a hostile lang fetches none)
      const labels = Object.keys(labelTables()).includes(s.story.story.language) ? [`/factcard/labels/${s.story.story.language}.json`] : [];
      const allowed = new Set(['/canary.js', '/favicon.ico', '/factcard/factcard.js', '/factcard/factcard.wasm', '/factcard/factcard-story.wasm', `/${s.id}.cards.json`, `/${path}`, ...labels]);
      for (const r of log.requests) {
        const u = new URL(r);
        if (u.origin !== new URL(base).origin || !allowed.has(u.pathname)) problems.push(`request to ${r.slice(0, 160)}`);
      }
      await page.close();
      totals.loads++;
      for (const key of ['elements', 'shadowRoots', 'links', 'texts']) totals[key] += result.stats[key] || 0;
      check(`${s.id} (${cards.length} cards, lang ${JSON.stringify(s.story.story.language)}), ${mode.name}: nothing ran, nothing foreign, text literal`
        + ` (${result.stats.elements || 0} elements, ${result.stats.shadowRoots || 0} shadow roots, ${result.stats.links || 0} links)`,
      !problems.length, problems);
    }
  }
  // The checks must be able to fail: the unescaped page has to trip the canary, dialogs and the DOM walk.
  const page = await contexts.true.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(new URL('control.html', servers.false.url).href, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const control = await page.evaluate(inspect, { cards: expectations(stories[0]), language: stories[0].story.story.language, jsOn: false, raw: false });
  const pwned = await page.evaluate(() => window.__sec.pwned.length);
  const handlers = control.problems.filter((p) => p.startsWith('event handler')).length;
  await page.close();
  check(`negative control: the same checks catch a build that forgot to escape the claim text (${pwned} canary calls,`
    + ` ${dialogs.length} dialogs, ${handlers} event-handler attributes, ${control.problems.length} problems in all)`,
  pwned > 0 && dialogs.length > 0 && control.problems.some((p) => p.startsWith('event handler')) && control.problems.some((p) => /^element <(script|svg|img|iframe)>|^foreign element/.test(p)));
  await contexts.true.close();
  await contexts.false.close();
  return totals;
}

// ---------- main ----------

// --keep DIR: reuse DIR only if it is empty or was written by this script before.
function keepDir(dir) {
  if (existsSync(dir) && readdirSync(dir).length && !existsSync(join(dir, '.factcard-security'))) {
    console.error(`security: --keep ${dir} is not empty and was not written by this script; not touching it`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.factcard-security'), '');
}

async function main() {
  const options = parseOptions();
  requireTools('security');
  const work = options.keep || mkdtempSync(join(tmpdir(), 'factcard-security-'));
  if (options.keep) keepDir(work);
  mkdirSync(work, { recursive: true });
  const site = join(work, 'site');
  mkdirSync(join(site, 'factcard'), { recursive: true });
  const vectors = readVectors();
  const { stories, urls } = writeStories(join(work, 'stories'), vectors, options.pages);
  info(`${vectors.length} vectors in ${stories.length} stories of ${stories.map((s) => s.story.claims.length).join(', ')} cards`);

  urlChecks(options.factcard, work, urls);
  buildChecks(options.factcard, work, site, stories);
  copyFileSync(options.wasm, join(site, 'factcard', 'factcard.wasm'));
  // story files: the module beside it, as the wasm build writes both
  copyFileSync(join(dirname(options.wasm), 'factcard-story.wasm'), join(site, 'factcard', 'factcard-story.wasm'));
  writeLabels(join(site, 'factcard')); // factcard/labels/<lang>.json, as ./run dist ships them
  writePages(site, stories, options.widget);

  const servers = { true: await serve(site, { csp: true }), false: await serve(site, { csp: false }) };
  let chrome;
  let totals = { loads: 0 };
  try {
    chrome = await launchChromium(options.chromium);
    totals = await pageChecks(chrome.browser, servers, stories);
  } catch (err) {
    check('the browser checks ran to the end', false, err.stack || err.message);
  } finally {
    if (chrome) await chrome.close();
    servers.true.close();
    servers.false.close();
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
  info(`${totals.loads} page loads; ${totals.elements} elements, ${totals.shadowRoots} shadow roots, ${totals.links} links`
    + ` and ${totals.texts} texts checked${options.keep ? `; pages kept in ${site}` : ''}`);
  report.finish({ lead: `${vectors.length} vectors, ${stories.length} pages x ${MODES.length} modes; `, timed: true });
}

main().catch(report.crash);
