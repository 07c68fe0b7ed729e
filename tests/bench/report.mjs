// @ts-check
// docs/EXTRACTION.md from the benchmark's results, and the tables it prints.
import { excerpt } from '../extract/corpus.mjs';
import { METRICS, rates } from './scoring.mjs';

const SETS = [
  { key: 'written', title: 'Written set (tests/extract/articles)' },
  { key: 'seeds', title: 'Seed articles (../shared/seeds)' },
  { key: 'heldout', title: 'Real news, held out (tests/extract/corpus/README.md)' },
  { key: 'corpus', title: 'Real news, development set (../shared/corpus)' },
];

const fixed = (x) => x.toFixed(2);
const thousands = (n) => Math.round(n).toLocaleString('en-US');

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// "P / R / F1" with the counts behind them.
function cell(counts) {
  if (!counts) return '—';
  const { precision, recall, f1 } = rates(counts);
  return `${fixed(precision)} / ${fixed(recall)} / **${fixed(f1)}** (${counts.correct}/${counts.predicted}/${counts.gold})`;
}

function scoreTable(results, setKey) {
  const rows = results.tools.map((tool) => {
    if (!tool.available) return [tool.name, ...METRICS.map(() => 'not run')];
    const totals = tool.totals[setKey];
    return [tool.name, ...METRICS.map((m) => cell(totals?.[m.key]))];
  });
  return table(['tool', ...METRICS.map((m) => m.label)], rows);
}

function corpusTable(results) {
  const rows = SETS.map(({ key }) => {
    const c = results.corpus[key];
    if (!c.articles) return [key, `skipped: ${c.skipped} annotated, texts not found`, '', '', '', ''];
    return [key, c.articles, thousands(c.words), c.quotes, c.dates, c.people];
  });
  return table(['set', 'articles', 'words', 'quotes', 'dates', 'people'], rows);
}

function throughputTable(results) {
  const rows = results.tools.filter((t) => t.available).map((t) =>
    t.throughput ? [t.name, thousands(t.throughput.wordsPerSecond), t.throughput.method] : [t.name, '—', 'not measured (--quick)']);
  return table(['tool', 'words / s', 'how measured'], rows);
}

// Recall of one tool by kind of gold item, over both sets.
function breakdownTable(results, breakdownKey, kinds) {
  const tools = results.tools.filter((t) => t.available && t.breakdown?.[breakdownKey]);
  if (!tools.length) return '_No tool ran for this category._';
  const rows = kinds.map((kind) => {
    const cells = tools.map((t) => {
      const b = t.breakdown[breakdownKey][kind];
      return b ? `${b.correct}/${b.gold}` : '—';
    });
    return [kind, ...cells];
  });
  return table(['kind', ...tools.map((t) => t.name)], rows);
}

// Where each tool's errors lie: missed, found with a wrong speaker or value, not annotated.
function errorTable(results) {
  const categories = ['quotes', 'dates', 'people'];
  const rows = results.tools.filter((t) => t.available).map((t) => [t.name, ...categories.map((c) => {
    const e = t.errorCounts?.[c];
    return e ? `${e.missed} / ${c === 'people' ? '—' : e.wrong} / ${e.spurious}` : '—';
  })]);
  return table(['tool', ...categories.map((c) => `${c}: missed / wrong / not annotated`)], rows);
}

function kindsOf(results, breakdownKey) {
  const kinds = new Set();
  for (const t of results.tools) for (const k of Object.keys(t.breakdown?.[breakdownKey] || {})) kinds.add(k);
  return [...kinds];
}

// ---------------------------------------------------------------- misses


function articleMisses(errors) {
  const lines = [];
  const q = errors.quotes, d = errors.dates, p = errors.people;
  if (q) {
    for (const x of q.missed) lines.push(`quote missed: “${excerpt(x.quote)}” (${x.speaker})`);
    for (const x of q.wrongSpeaker) lines.push(`quote speaker wrong: “${excerpt(x.quote)}” → ${x.predicted ?? 'none'}, expected ${x.expected}`);
    for (const x of q.spurious) lines.push(`quote not annotated: “${excerpt(x.quote)}” (${x.speaker ?? 'no speaker'})`);
  }
  if (d) {
    for (const x of d.missed) lines.push(`date missed: "${x.text}" = ${x.value}`);
    for (const x of d.wrongValue) lines.push(`date value wrong: "${x.predictedText}" → ${x.predicted}, expected "${x.text}" = ${x.expected}`);
    for (const x of d.spurious) lines.push(`date not annotated: "${x.text}" → ${x.value}`);
  }
  if (p) {
    for (const x of p.missed) lines.push(`person missed: ${x}`);
    for (const x of p.spurious) lines.push(`person not annotated: ${x}`);
  }
  return lines;
}

function missesSection(results) {
  const tool = results.tools.find((t) => t.available && t.name.startsWith('factcard'));
  if (!tool) return 'factcard did not run (see the tools above), so there is no list of its misses yet.';
  const parts = [`From ${tool.name}. "not annotated" = predicted but not in the gold annotation. The held-out articles are left out: they are scored, never debugged on.`];
  for (const article of tool.articles) {
    if (article.set === 'heldout') continue; // never debugged on: counts only
    const lines = article.failure ? [`failed: ${article.failure}`] : articleMisses(article.errors);
    if (!lines.length) continue;
    parts.push(`### ${article.set}/${article.id}\n\n${lines.map((l) => `- ${l}`).join('\n')}`);
  }
  if (results.wasmAgreement) parts.push(`wasm and native printed the same annotations for ${results.wasmAgreement}.`);
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- whole drafts

const TARGETS = `Targets on the held-out set: quote + speaker F1 ≥ 0.93 (tables above); facts that 2+ outlets state found as one claim ≥ 80 %; wrong merges 0; every claim with a \`when\`, and the carried facts' \`when\` right ≥ 0.95. The five seeds drafted together: ≥ 8 cards corroborated by 3+ outlets.`;

const ratio = (n, d) => (d ? `${n}/${d} (${Math.round((100 * n) / d)} %)` : '—');

function draftTable(drafts) {
  const rows = SETS.filter(({ key }) => drafts.sets[key]).map(({ key }) => {
    const t = drafts.sets[key];
    return [key, t.groups, ratio(t.sharedFound, t.shared), t.wrongMerges, ratio(t.dated, t.claims), ratio(t.factsCarried, t.facts),
      ratio(t.datesRight, t.factsCarried), t.cardsBy3 !== undefined ? `${t.cardsBy3} of ${t.cards}` : '—'];
  });
  return table(['set', 'drafts', 'shared facts as one claim', 'wrong merges', 'claims with a when', 'facts carried',
    'carried facts dated right', 'cards by 3+ outlets'], rows);
}

function failureTable(drafts) {
  const keys = SETS.map((s) => s.key).filter((k) => drafts.sets[k]);
  const rows = Object.entries(drafts.classes).map(([cls, bySet]) => [cls, ...keys.map((k) => bySet[k] || 0)]);
  return rows.length ? table(['failure class', ...keys], rows) : '_No failures._';
}

function draftFailures(drafts) {
  const lines = [];
  for (const key of ['corpus', 'seeds', 'written']) {
    for (const f of drafts.sets[key]?.failures || []) {
      const what = f.fact ? `${f.fact}${f.article ? ` in ${f.article}` : ''}` : `${f.claim}: ${f.facts.join(' + ')}`;
      lines.push(`- ${key} · ${f.group} · ${f.class}: ${what}${f.found ? ` (found ${f.found}, expected ${f.gold})` : ''}`);
    }
  }
  return lines.join('\n') || '_None._';
}

function draftsSection(drafts) {
  if (!drafts) return '_Not run: the native CLI was not built._';
  return [TARGETS, draftTable(drafts), `### Failures by class\n\n${failureTable(drafts)}`,
    `### Failures, development sets (held-out ones are counted, not listed)\n\n${draftFailures(drafts)}`].join('\n\n');
}

// ---------------------------------------------------------------- the document

function machineLines(results) {
  const m = results.machine;
  const lines = [
    `- run: ${m.date}, repository commit ${m.commit}`,
    `- machine: ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}`,
    `- node ${m.node}`,
  ];
  for (const t of results.tools) lines.push(`- ${t.name}: ${t.available ? t.version : `not run — ${t.reason}`}`);
  return lines.join('\n');
}

const SCORING_NOTES = `Each cell is precision / recall / **F1** (correct / predicted / annotated), micro-averaged over the set.
Items are paired one to one, best pairs first: a second spelling of a name already paired counts as a false positive.

- **quote + speaker**: the quote's words (case, diacritics and punctuation folded) overlap the annotated quote by at least 60 % of the shorter one's words, and the speaker's words are a subset of the annotated speaker's or the reverse (titles dropped; an acronym matches its initials: ICC = International Criminal Court).
- **quote text**: the same without the speaker.
- **date + value**: the texts overlap (one contains the other, or they share a number, month or day name) and the value strings are equal — "2024-09" is not "2024-09-03", "~2024-09-02" is not "2024-09-02".
- **date text**: the texts overlap, whatever the value (detection only).
- **people**: the name's words are a subset of the annotated name's or the reverse, titles dropped.
- **whole drafts**: each event's outlets (the five seeds, or one article) drafted together by \`factcard extract\`, each with its own \`--date\`. An excerpt carries an annotated fact when it holds all of that article's key phrases for it (folded, whole words). A shared fact is found when one claim carries it from every outlet that states it; a wrong merge is a claim with one excerpt carrying fact A but not B and another carrying B but not A; a carried fact is dated right when its claim's \`when\` equals the annotation, precision and \`~\`/\`..\` included, or, for an annotated "on or before D", is a day or bound not later than D (another outlet's evidence can tighten it); a claim counts as dated unless its \`when\` is missing or "unknown" while an article behind it has a date. "cards by 3+ outlets" counts the cards \`factcard cards\` computes from the seeds' draft.

The annotation conventions are in tests/extract/README.md.`;

const TOOL_NOTES = `- chrono-node: \`chrono.parse(text, refDate)\` with refDate the article date at local noon. The value keeps the precision chrono is certain of: day when \`isCertain('day')\`, or when it is certain of a weekday ("on Friday": chrono then picks the nearest such day, implying the date); month when \`isCertain('month')\`; else the year. Its reading of "next week" (one day a week on) or "on Friday" (the nearest Friday, either side) is scored as it is. chrono does not report bare years ("in 1939").
- compromise: \`nlp(text).people().out('array')\`, trimmed of punctuation and possessive 's, case-folded duplicates dropped. "compromise + merge" also drops a name whose words all appear in a longer name it found in the same article, a minimal clustering of our own.
- factcard: \`factcard extract --annotations --date D FILE\` (native) and \`fc_extract_annotations({"text", "date"})\` in build-wasm/wasm/factcard-extract.wasm.`;

export function renderMarkdown(results) {
  const sections = [
    '# Extraction benchmark',
    'Written by `node tests/bench/extract_bench.mjs` (raw numbers in docs/extraction.json); do not edit by hand.',
    machineLines(results),
    `## Corpus\n\n${corpusTable(results)}${results.notes.length ? `\n\n${results.notes.map((n) => `- ${n}`).join('\n')}` : ''}`,
    ...SETS.map(({ key, title }) => `## ${title}\n\n${results.corpus[key].articles ? scoreTable(results, key) : '_Skipped: the seed texts were not found._'}`),
    `## Whole drafts: one claim per fact, across outlets, dated\n\n${draftsSection(results.drafts)}`,
    `## How it is scored\n\n${SCORING_NOTES}`,
    `## Throughput\n\n${throughputTable(results)}\n\nWords are whitespace-separated tokens of the article files; every tool reads the same articles (both sets).`,
    `## By category\n\n${TOOL_NOTES}`,
    `### Errors (both sets)\n\n"wrong" = the quote found with another speaker, or the date found with another value.\n\n${errorTable(results)}`,
    `### Dates: recall of the value, by kind (both sets)\n\n${breakdownTable(results, 'dates', kindsOf(results, 'dates'))}`,
    `### Quotes: recall of quote + speaker, by kind (both sets)\n\n${breakdownTable(results, 'quotes', kindsOf(results, 'quotes'))}`,
    `### People: recall, by kind (both sets)\n\n${breakdownTable(results, 'people', kindsOf(results, 'people'))}`,
    `## factcard misses\n\n${missesSection(results)}`,
  ];
  return `${sections.join('\n\n')}\n`;
}

// The plain-text summary printed to the terminal.
export function renderSummary(results) {
  const parts = [machineLines(results), corpusTable(results)];
  for (const { key, title } of SETS) {
    if (results.corpus[key].articles) parts.push(`${title}\n${scoreTable(results, key)}`);
    else parts.push(`${title}: skipped (seed texts not found)`);
  }
  if (results.drafts) parts.push(`Whole drafts\n${draftTable(results.drafts)}\n${failureTable(results.drafts)}`);
  parts.push(`Throughput\n${throughputTable(results)}`);
  return parts.join('\n\n').replace(/\*\*/g, '');
}
