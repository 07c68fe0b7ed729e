#!/usr/bin/env node
// @ts-check
// Builds the demo site exactly as a publisher would use factcard:
//   node demo/build-site.mjs --factcard build/cli/factcard --wasm build-wasm/wasm/factcard.wasm \
//     [--story-wasm build-wasm/wasm/factcard-story.wasm] --extract-wasm build-wasm/wasm/factcard-extract.wasm \
//     [--widget build/web/factcard.js] --out build/site
// 1. `factcard build STORY -o OUT` writes the bundle, the JSON-LD, one embed snippet and one card page
//    (OUT/cards/, with oEmbed files when --base says where OUT is served) per card;
// 2. the widget (factcard.js as web/assemble.mjs put it together, factcard.wasm for bundles and
//    factcard-story.wasm for story files, by default the file of that name beside --wasm) is
//    copied to OUT/factcard/, with the label tables other than English in OUT/factcard/labels/;
// 3. demo/article.html gets its `<!-- factcard-embed: ID -->` markers replaced by those snippets;
// 4. story.html is generated from `factcard cards STORY` (static, escaped HTML, no inline script);
// 5. the index, the stylesheet, the favicon and the story file itself are copied;
// 6. the story editor (editor.html) gets its scripts, its stylesheet and the extraction module
//    (factcard-extract.wasm) in OUT/editor/: only the editor page loads them. Its worker is
//    assembled with the widget's wasm boundary (web/src/wasm.mjs) into one classic script.
// Every page is checked for inline script and style, which the demo's strict CSP would block.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { assemble, writeLabels } from '../web/assemble.mjs';
import { formatDate, machineDate } from '../web/src/i18n.mjs';

const DEMO = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DEMO, '..');
const MARKER = /<!--\s*factcard-embed:\s*([a-z0-9._-]+)\s*-->/g;
const SOURCE_MARKER = /<!--\s*factcard-embed-source:\s*([a-z0-9._-]+)\s*-->/g; // the snippet shown as code

function parseArgs(argv) {
  const options = { story: join(DEMO, 'stories', 'putin-mongolia-2024.json'), widget: join(ROOT, 'build', 'web', 'factcard.js') };
  const names = { '--factcard': 'factcard', '--wasm': 'wasm', '--out': 'out', '--story': 'story', '--extract-wasm': 'extractWasm', '--widget': 'widget', '--story-wasm': 'storyWasm' };
  const texts = { '--base': 'base', '--site-name': 'siteName' }; // passed to factcard build as they are
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]] || texts[argv[i]];
    if (!key || argv[i + 1] === undefined) usage(`unknown or incomplete argument: ${argv[i]}`);
    options[key] = texts[argv[i]] ? argv[i + 1] : resolve(argv[i + 1]);
  }
  for (const key of ['factcard', 'wasm', 'out']) if (!options[key]) usage(`--${key} is required`);
  // The editor's extraction module: where the wasm build puts it unless told otherwise.
  options.extractWasm ||= join(ROOT, 'build-wasm', 'wasm', 'factcard-extract.wasm');
  options.storyWasm ||= join(dirname(options.wasm), 'factcard-story.wasm');
  for (const key of ['factcard', 'wasm', 'storyWasm', 'story', 'extractWasm', 'widget']) {
    if (!existsSync(options[key])) usage(`${key}: no such file: ${options[key]}`);
  }
  return options;
}

function usage(problem) {
  console.error(`build-site: ${problem}`);
  console.error('usage: node demo/build-site.mjs --factcard CLI --wasm FACTCARD.wasm --out DIR [--story STORY.json]'
    + ' [--story-wasm FACTCARD-STORY.wasm (default: beside --wasm)] [--extract-wasm FACTCARD-EXTRACT.wasm] [--widget factcard.js (default: build/web/, from node web/assemble.mjs)]'
    + ' [--base URL (where OUT is served: canonical links and oEmbed for the card pages)] [--site-name NAME]');
  process.exit(2);
}

function run(cli, args) {
  try {
    return execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (err) {
    throw new Error(`${basename(cli)} ${args.join(' ')} failed:\n${err.stderr || err.message}`);
  }
}

// ---------- HTML helpers (everything from the story passes through escapeHtml) ----------

const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const isWebUrl = (url) => /^https?:\/\/[^\s"<>\\^`{|}]+$/i.test(url || '');

const QUALIFIER_WORDS = { '': '', '~': 'approx. ', '..': 'on or before, ' };

// A date at its precision, in English ("2024", "March 2023", "2 September 2024", "c. 2024",
// "by 2 September 2024"), as the widget words it: the shim's formatDate is the one formatter.
const formatWhen = (value) => formatDate(value, 'en-GB', 'long');

const PRECISIONS = ['year', 'month', 'day'];

// A card's date for the timeline, or null when it has none (the core has checked every date).
// ISO dates sort as text ("2024" before "2024-09" before "2024-09-03"); the widget's machineDate
// drops the qualifier.
function datedParts(value) {
  if (!value || value === 'unknown') return null;
  const bare = machineDate(value);
  const qualifier = value.slice(0, value.length - bare.length);
  return { bare, qualifier, precision: PRECISIONS[bare.split('-').length - 1] };
}

const outletOf = (source) => source.publisher || 'Unknown outlet';

function statusWords(card) {
  if (card.status === 'corroborated') return `Corroborated by ${card.corroboration} outlets`;
  if (card.status === 'contested') return 'Contested: sources disagree';
  return 'Single source';
}

function distinctSources(card) {
  const seen = new Map();
  for (const e of card.evidence) if (!seen.has(e.source.id)) seen.set(e.source.id, e.source);
  return [...seen.values()];
}

// The same shape of fallback `factcard build` writes: readable without JavaScript.
function cardFallback(card, bundleHref, language, anchor = false) {
  const what = card.kind === 'quote' ? `\u201C${card.what}\u201D` : card.what;
  const parts = [escapeHtml(card.who.name)];
  if (card.when && formatWhen(card.when)) parts.push(escapeHtml(formatWhen(card.when)));
  const sources = distinctSources(card).map((s) => (isWebUrl(s.url)
    ? `<a href="${escapeHtml(s.url)}">${escapeHtml(outletOf(s))}</a>`
    : escapeHtml(outletOf(s))));
  parts.push(`${escapeHtml(statusWords(card))}: ${sources.join(', ')}`);
  const lang = language ? ` lang="${escapeHtml(language)}"` : '';
  const id = anchor ? ` id="${escapeHtml(card.id)}"` : ''; // the target of the JSON-LD's "@id": "#<card id>"
  return `<blockquote class="fact-card"${id} data-story="${escapeHtml(bundleHref)}" data-claim="${escapeHtml(card.id)}"${lang}>
  <p>${escapeHtml(what)}</p>
  <footer>${parts.join(' \u00B7 ')}</footer>
</blockquote>`;
}

// The site's sections, as every page's masthead lists them.
const SECTIONS = [['index.html', 'Home'], ['article.html', 'Article'], ['story.html', 'Story data'], ['editor.html', 'Editor']];
const SECTIONS_LIST = /<ul class="sections">[\s\S]*?<\/ul>/;

function siteNav(current) {
  const items = SECTIONS
    .map(([href, label]) => `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a></li>`)
    .join('');
  return `<ul class="sections">${items}</ul>`;
}

// Hand-written pages list the sections too: give them the same list as the generated ones.
function withSiteNav(name, html) {
  if (!SECTIONS_LIST.test(html)) throw new Error(`${name} has no <ul class="sections"> to put the site's sections in`);
  return html.replace(SECTIONS_LIST, siteNav(name));
}

// JSON-LD inside <script>: "<", ">" and "&" as \u escapes (the same JSON
// value), so no claim text can end the element.
function jsonLdScript(value) {
  const text = JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">${text}</script>\n`;
}

function page({ title, description, current, body, head = '' }) {
  const nav = siteNav(current);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="icon" href="favicon.ico" sizes="16x16 32x32">
<link rel="stylesheet" href="site.css">
${head}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="masthead"><div class="masthead-inner">
<a class="brand" href="index.html">The Meridian</a>
<nav aria-label="Sections">${nav}</nav>
<p class="demo-flag"><b>Demo</b>a fictional publication showing factcard</p>
</div></header>
${body}
<footer class="site-footer"><div>The Meridian is a demonstration site for factcard. Cards are computed in your browser by the factcard core (WebAssembly) from the story bundle; every excerpt links to its source.</div></footer>
<script src="factcard/factcard.js" async fetchpriority="low"></script>
</body>
</html>
`;
}

// ---------- story.html ----------

// Every source the cards cite, in order of first citation.
function citedSources(cards) {
  const sources = [];
  const seen = new Set();
  for (const card of cards) {
    for (const e of card.evidence) {
      if (!seen.has(e.source.id)) {
        seen.add(e.source.id);
        sources.push(e.source);
      }
    }
  }
  return sources;
}

// Sources × claims: which article reported (or disputed) what.
function matrixHtml(cards, sources) {
  const columnLabel = (s) => (s.publisher
    ? escapeHtml(s.publisher)
    : `Unknown outlet<br><span class="muted">\u201C${escapeHtml(truncate(s.headline || s.id, 48))}\u201D</span>`);
  const head = sources.map((s) => `<th scope="col">${columnLabel(s)}</th>`).join('');
  const rows = cards.map((card) => {
    const cells = sources.map((s) => {
      const stances = card.evidence.filter((e) => e.source.id === s.id).map((e) => e.stance || 'supports');
      if (stances.includes('refutes')) return '<td class="no" title="disputes">\u2717<span class="sr"> disputes</span></td>';
      if (stances.length) return '<td class="yes" title="reports">\u2713<span class="sr"> reports</span></td>';
      return '<td><span class="sr">not reported</span></td>';
    }).join('');
    return `<tr><th scope="row">${escapeHtml(truncate(card.what, 110))}<br><span class="status status-${escapeHtml(card.status)}">${escapeHtml(statusWords(card))}</span></th>${cells}</tr>`;
  }).join('\n');
  return `<div class="matrix-wrap">
<table class="matrix">
<thead><tr><th scope="col">Claim</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}

// Contested claims side by side, one row per topic.
function versusHtml(cards, bundleHref, language) {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const shown = new Set();
  const versus = [];
  const row = (topic, group) => `<p class="versus-topic">${topic}</p>
<div class="versus">
${group.map((c) => cardFallback(c, bundleHref, language)).join('\n')}
</div>`;
  for (const card of cards) {
    if (!card.contradicts?.length || shown.has(card.id)) continue;
    const group = [card, ...card.contradicts.map((id) => byId.get(id)).filter(Boolean)];
    group.forEach((c) => shown.add(c.id));
    versus.push(row(`${card.topic ? `On <code>${escapeHtml(card.topic)}</code>` : 'Conflicting claims'}: ${group.length} versions`, group));
  }
  for (const card of cards) {
    if (card.status === 'contested' && !shown.has(card.id)) {
      shown.add(card.id);
      versus.push(row('Disputed by one of its own sources', [card]));
    }
  }
  return versus.join('\n');
}

// Timeline: each date at its own precision, sorted by the earliest day it can mean.
function timelineHtml(cards) {
  const dated = cards.map((card) => ({ card, date: datedParts(card.when) })).filter((x) => x.date);
  const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  dated.sort((a, b) => order(a.date.bare, b.date.bare) || order(a.date.qualifier, b.date.qualifier));
  const items = dated.map(({ card, date }) => `<li>
<time datetime="${escapeHtml(date.bare)}">${escapeHtml(formatWhen(card.when))}<span class="precision">${QUALIFIER_WORDS[date.qualifier]}${date.precision}</span></time>
<p>${escapeHtml(card.kind === 'quote' ? `\u201C${card.what}\u201D` : card.what)}</p>
<p class="who">${escapeHtml(card.who.name)} \u00B7 ${escapeHtml(statusWords(card))}</p>
</li>`).join('\n');
  return { items, undated: cards.length - dated.length };
}

function storyPage(result, bundleHref, jsonLd) {
  const { story, cards } = result;
  const language = story.language;
  const sources = citedSources(cards);
  const count = (status) => cards.filter((c) => c.status === status).length;
  const outlets = new Set(sources.map((s) => (s.publisher || `unknown:${s.id}`).toLowerCase()));
  const allCards = cards.map((card) => cardFallback(card, bundleHref, language, true)).join('\n');
  const versus = versusHtml(cards, bundleHref, language);
  const timeline = timelineHtml(cards);
  const undated = timeline.undated;

  const body = `<main id="main" class="page wide">
<p class="kicker">Story data</p>
<h1>${escapeHtml(story.title || story.id)}</h1>
<p class="lede">Every claim in this story as the factcard core computes it: merged across outlets, with names resolved, dates kept at the precision the articles gave, and disagreements flagged. The cards below are the same embeds the article uses.</p>
<ul class="stats">
<li><b>${cards.length}</b> cards</li>
<li><b>${sources.length}</b> articles</li>
<li><b>${outlets.size}</b> outlets</li>
<li><b>${count('corroborated')}</b> corroborated</li>
<li><b>${count('single-source')}</b> single-source</li>
<li><b>${count('contested')}</b> contested</li>
</ul>

<h2 class="section-title" id="contested">Where the sources disagree</h2>
<p class="section-note">Claims on the same topic whose values do not agree, side by side.</p>
${versus || '<p>No contested claims in this story.</p>'}

<h2 class="section-title" id="matrix">Who reported what</h2>
<p class="section-note">Each row is a card, each column an article. \u2713 reports the claim, \u2717 disputes it.</p>
${matrixHtml(cards, sources)}

<h2 class="section-title" id="timeline">Timeline</h2>
<p class="section-note">Each date at the precision the reporting supports: a month stays a month.${undated ? ` ${undated} undated ${undated === 1 ? 'claim is' : 'claims are'} not shown.` : ''}</p>
<ol class="timeline">
${timeline.items}
</ol>

<h2 class="section-title" id="cards">All cards</h2>
<div class="card-grid">
${allCards}
</div>
</main>`;
  return page({
    title: `${story.title || story.id}: story data \u00B7 The Meridian`,
    description: 'Every fact card of the story, who reported what, the contested claims and a timeline.',
    current: 'story.html',
    head: jsonLdScript(jsonLd), // the claims, for crawlers that do not run scripts
    body,
  });
}

function truncate(text, length) {
  const s = String(text || '');
  return s.length > length ? `${s.slice(0, length - 1).trimEnd()}\u2026` : s;
}

// ---------- checks ----------

// The demo pages must run under `script-src 'self'; style-src 'self'`: no inline code or style.
function checkNoInline(name, html) {
  const problems = [];
  // JSON-LD and a card page's data are data blocks, never run, so a strict CSP allows them; any other
  // inline script is a bug.
  if (/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(ld\+)?json")[^>]*>/i.test(html)) problems.push('an inline <script>');
  if (/<style[\s>]/i.test(html)) problems.push('a <style> element');
  if (/<[^>]*\sstyle\s*=/i.test(html)) problems.push('a style attribute');
  if (/<[^>]*\son[a-z]+\s*=/i.test(html)) problems.push('an inline event handler');
  if (problems.length) throw new Error(`${name} has ${problems.join(', ')}`);
}

// ---------- the editor ----------

// The editor's modules (demo/editor/), in the order they are concatenated: each uses only those
// before it.
const EDITOR = ['dom', 'samples', 'worker-client', 'update', 'store', 'tabs', 'history', 'publish', 'session', 'main']
  .map((name) => join(DEMO, 'editor', `${name}.mjs`));

// The zip writer the editor vendors (MIT, from npm), with its licence, as the demo ships it.
function vendoredZip() {
  const dir = join(ROOT, 'tests', 'node_modules', 'fflate');
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `/*! fflate ${version} (${license}), https://github.com/101arrowz/fflate, vendored by demo/build-site.mjs from npm.\n${
    readFileSync(join(dir, 'LICENSE'), 'utf8').trim()} */\n${readFileSync(join(dir, 'umd', 'index.js'), 'utf8')}`;
}

// The editor's own files, in OUT/editor/ next to editor.html: its script (which starts
// editor-worker.js as a Web Worker), the zip library it vendors, its stylesheet and the
// extraction module the worker loads.
function copyEditor(out, extractWasm) {
  const dir = join(out, 'editor');
  mkdirSync(join(dir, 'vendor'), { recursive: true });
  const files = {
    'editor.js': assemble(EDITOR, '/* The story editor, assembled by demo/build-site.mjs from demo/editor/. */'),
    'vendor/fflate.js': vendoredZip(),
    'editor-worker.js': assemble([join(ROOT, 'web', 'src', 'wasm.mjs'), join(DEMO, 'editor-worker.mjs')],
      '/* The story editor\'s worker, assembled by demo/build-site.mjs from web/src/wasm.mjs and demo/editor-worker.mjs. */'),
    'editor.css': readFileSync(join(DEMO, 'editor.css'), 'utf8'),
  };
  for (const [file, text] of Object.entries(files)) {
    // The same rule as the widget: no string evaluation, no HTML-string sinks.
    const forbidden = ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write']
      .filter((word) => text.includes(word));
    if (forbidden.length) throw new Error(`editor/${file} uses ${forbidden.join(', ')}`);
    writeFileSync(join(dir, file), text);
  }
  copyFileSync(extractWasm, join(dir, 'factcard-extract.wasm'));
}

// ---------- main ----------

function main() {
  const options = parseArgs(process.argv.slice(2));
  const out = options.out;
  // OUT is wiped and rewritten: never let that be the repository or a folder that holds it.
  if (out === ROOT || ROOT.startsWith(`${out}/`) || out === DEMO) usage(`refusing to overwrite ${out}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const siteName = ['--site-name', options.siteName || 'The Meridian'];
  const base = options.base ? ['--base', options.base] : [];
  console.log(run(options.factcard, ['build', options.story, '-o', out, ...siteName, ...base]).trim());
  const result = JSON.parse(run(options.factcard, ['cards', options.story]));
  const bundleHref = `${result.story.id}.cards.json`;
  if (!existsSync(join(out, bundleHref))) throw new Error(`factcard build wrote no ${bundleHref}`);

  mkdirSync(join(out, 'factcard'));
  copyFileSync(options.widget, join(out, 'factcard', 'factcard.js'));
  copyFileSync(options.wasm, join(out, 'factcard', 'factcard.wasm'));
  copyFileSync(options.storyWasm, join(out, 'factcard', 'factcard-story.wasm'));
  writeLabels(join(out, 'factcard')); // the label tables other than English, fetched by cards in those languages
  mkdirSync(join(out, 'stories'));
  copyFileSync(options.story, join(out, 'stories', basename(options.story)));
  for (const file of ['site.css', 'favicon.ico']) copyFileSync(join(DEMO, file), join(out, file));

  // The article (and the index's showcase): paste each snippet verbatim where the editor put its marker.
  const used = [];
  const snippet = (id) => {
    const file = join(out, 'embed', `${id}.html`);
    if (!existsSync(file)) throw new Error(`a page embeds "${id}", but factcard build wrote no ${file}`);
    return readFileSync(file, 'utf8').trimEnd();
  };
  const paste = (html) => html
    .replace(MARKER, (marker, id) => {
      used.push(id);
      return snippet(id);
    })
    .replace(SOURCE_MARKER, (marker, id) => escapeHtml(snippet(id)));
  const article = paste(readFileSync(join(DEMO, 'article.html'), 'utf8'));
  const articleCards = used.splice(0);
  const index = paste(readFileSync(join(DEMO, 'index.html'), 'utf8'));
  const jsonLd = JSON.parse(readFileSync(join(out, `${result.story.id}.jsonld`), 'utf8'));
  const story = storyPage(result, bundleHref, jsonLd);
  const editor = readFileSync(join(DEMO, 'editor.html'), 'utf8');
  const pages = {
    'article.html': withSiteNav('article.html', article),
    'story.html': story,
    'index.html': withSiteNav('index.html', index),
    'editor.html': withSiteNav('editor.html', editor),
  };
  for (const [name, html] of Object.entries(pages)) {
    checkNoInline(name, html);
    // The extraction module is the editor's alone: article pages must stay light.
    if (name !== 'editor.html' && /factcard-extract|editor\/editor/.test(html)) {
      throw new Error(`${name} loads the editor's files; only editor.html may`);
    }
    writeFileSync(join(out, name), html);
  }
  copyEditor(out, options.extractWasm);
  for (const card of result.cards) checkNoInline(`cards/${card.id}.html`, readFileSync(join(out, 'cards', `${card.id}.html`), 'utf8'));
  console.log(`article.html: ${articleCards.length} cards (${articleCards.join(', ')})`);
  console.log(`story.html: ${result.cards.length} cards`);
  console.log(`editor.html: editor/ (editor.js, vendor/fflate.js, editor-worker.js, editor.css, factcard-extract.wasm ${
    Math.round(readFileSync(options.extractWasm).length / 1024)} KB)`);
  console.log(`site written to ${out}`);
}

try {
  main();
} catch (err) {
  console.error(`build-site: ${err.message}`);
  process.exit(1);
}
