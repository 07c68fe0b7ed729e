#!/usr/bin/env node
// @ts-check
// Evidence deep links (web/src/fragment.mjs; the core's twin is core/src/text_fragment.cpp):
//  1. textFragmentUrl answers every case of tests/fixtures/text-fragments.json, the cases the
//     Catch2 test (tests/core/test_text_fragment.cpp) runs against the core;
//  2. in Chromium, a link it builds lands on the excerpt: a made-up article page with the excerpt
//     far below the fold is opened at `article.html#:~:text=…` (a fresh navigation per link), and
//     the page must have scrolled (window.scrollY > 0), the excerpt's paragraph must be in the
//     viewport, and it must be highlighted (the page paints ::target-text magenta, counted in a
//     screenshot of the paragraph). Links: a short excerpt, a long one (start,end), one with
//     - , & “ ” and ü, a repeated one that only its prefix and suffix tell apart, and a control
//     (text the page lacks) that must leave the page at the top.
//   node tests/browser/text-fragments.mjs [--chromium /usr/bin/chromium]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textFragmentUrl } from '../../web/src/fragment.mjs';
import { ROOT, createReport, launchChromium, parseArgs, requireTools, serve } from './harness.mjs';
import { decodePng } from './hostile/png.mjs';

const report = createReport('text fragments');
const { check, info } = report;

// ---------- 1. the shared cases ----------

function caseChecks() {
  const { cases } = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'text-fragments.json'), 'utf8'));
  for (const c of cases) {
    const got = textFragmentUrl(c.url, c.excerpt, { prefix: c.prefix, suffix: c.suffix });
    check(`case: ${c.name}`, got === c.expected, `got  ${got}\nwant ${c.expected}`);
  }
}

// ---------- 2. the article page ----------

// Filler about a made-up town, different in every paragraph, none of it an excerpt's words.
const TOPICS = ['harbour dues', 'the school roof', 'winter grain prices', 'a dispute over fishing rights',
  'the tram timetable', 'the library budget', 'road salt', 'the old mill', 'street lighting', 'the archive move'];
const filler = (i) => `Paragraph ${i}. Residents of Velmora spent the week arguing about ${TOPICS[i % TOPICS.length]}; `
  + `officials promised figures by month ${(i % 12) + 1}, and the local paper printed letter number ${i * 7} on the subject. `
  + 'Nobody expected a quick answer, and nobody got one before the weekend market opened.';

// The excerpts, each in the paragraph of that number; "the vote was close" stands in two.
const TARGETS = {
  12: 'In the first ballot, the vote was close but the motion failed.',
  30: 'Engineers said the bridge reopened on Tuesday after nine weeks of repairs.',
  45: 'The regional council voted eleven to four to fund the new ferry line, ending a dispute that had lasted since the spring floods.',
  52: 'At the hearing, Mayor Khürelsükh-Dorn called the plan “safe, cheap & quick” before leaving early.',
  60: 'In the second ballot, the vote was close again, and this time it passed.',
};
const LINKS = [
  { name: 'a short excerpt, matched whole', paragraph: 30, excerpt: 'the bridge reopened on Tuesday' },
  { name: 'a long excerpt, as start,end', paragraph: 45,
    excerpt: 'The regional council voted eleven to four to fund the new ferry line, ending a dispute that had lasted since the spring floods.' },
  { name: 'an excerpt with - , & “ ” and ü', paragraph: 52, excerpt: 'Khürelsükh-Dorn called the plan “safe, cheap & quick”' },
  { name: 'a repeated excerpt, told apart by its prefix and suffix', paragraph: 60, excerpt: 'the vote was close',
    context: { prefix: 'In the second ballot,', suffix: 'again, and this' }, not: 12 },
  // The control: text the page lacks must leave it at the top, unhighlighted, or the checks above prove nothing.
  { name: 'the control, an excerpt the page does not have', paragraph: 30, excerpt: 'the bridge reopened on Monday', missing: true },
];

function writeArticle(dir) {
  const paragraphs = Array.from({ length: 70 }, (_, i) => `<p id="p${i}">${TARGETS[i] || filler(i)}</p>`);
  writeFileSync(join(dir, 'article.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Velmora weekly (a made-up article)</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="article.css"></head>
<body><h1>Velmora weekly</h1>
${paragraphs.join('\n')}
</body></html>
`);
  // A highlight no other pixel of the page has, so that a screenshot can count it.
  writeFileSync(join(dir, 'article.css'), `body { font: 18px/1.6 serif; max-width: 40em; margin: 0 auto; color: #222; background: #fff; }
::target-text { background-color: rgb(255, 0, 255); color: #000; }
`);
}

// Where the page stands after the link did its work: scroll, the paragraph's place, the viewport.
function readPlace([paragraph, other]) {
  const box = (/** @type {number} */ n) => {
    const r = document.getElementById(`p${n}`).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, width: r.width, height: r.height };
  };
  return { scrollY: window.scrollY, height: window.innerHeight, box: box(paragraph), other: other == null ? null : box(other) };
}

const inView = (box, height) => box.top >= 0 && box.bottom <= height;
const overlaps = (box, height) => box.bottom > 0 && box.top < height;

async function magentaPixels(page, box) {
  const png = decodePng(await page.screenshot({ clip: { x: box.left, y: box.top, width: box.width, height: box.height }, scale: 'css' }));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i] > 230 && png.data[i + 1] < 40 && png.data[i + 2] > 230) count++;
  }
  return count;
}

async function linkChecks(context, base) {
  for (const link of LINKS) {
    const url = textFragmentUrl(`${base}article.html#top`, link.excerpt, link.context);
    info(`${link.name}: ${url.slice(base.length)}`);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(url, { waitUntil: 'load' }); // a fresh navigation: Chromium runs text directives on those
    // The directive runs once the page has loaded and painted, in a task of its own.
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 }).catch(() => {});
    const place = await page.evaluate(readPlace, [link.paragraph, link.not]);
    const pixels = place.box.height > 0 && overlaps(place.box, place.height) ? await magentaPixels(page, place.box) : 0;
    const beside = link.not != null && overlaps(place.other, place.height) ? await magentaPixels(page, place.other) : 0;
    const seen = JSON.stringify({ scrollY: place.scrollY, viewport: place.height, paragraph: place.box, highlighted: pixels, elsewhere: beside });
    if (link.missing) {
      check(`Chromium: ${link.name}: stays at the top, nothing highlighted`, place.scrollY === 0 && pixels === 0, seen);
    } else {
      check(`Chromium: ${link.name}: scrolled down to its paragraph (p${link.paragraph}), which is in the viewport and highlighted`,
        place.scrollY > 0 && inView(place.box, place.height) && pixels > 50 && beside === 0, seen);
    }
    if (link.not != null) {
      check(`Chromium: ${link.name}: the first occurrence (p${link.not}) is not where it landed`,
        !overlaps(place.other, place.height), JSON.stringify(place.other));
    }
    await page.close();
  }
}

async function main() {
  const options = parseArgs({ usage: 'usage: node tests/browser/text-fragments.mjs [--chromium FILE]', options: {} });
  caseChecks();
  requireTools('text-fragments');
  const dir = mkdtempSync(join(tmpdir(), 'factcard-fragments-'));
  let server = null;
  let chrome = null;
  try {
    writeArticle(dir);
    server = await serve(dir, { csp: false });
    chrome = await launchChromium(options.chromium);
    const context = await chrome.browser.newContext();
    await linkChecks(context, server.url);
  } finally {
    if (chrome) await chrome.close();
    if (server) server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report.finish({ timed: true });
}

main().catch(report.crash);
