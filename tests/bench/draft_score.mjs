// Scores whole drafts, not single annotations: each group of articles (an
// event's outlets, the five seeds, a single article) is drafted together by
// `factcard extract`, and the story is checked against the annotated facts
// (tests/extract/corpus/README.md):
//
// - a fact that 2+ outlets state is "found as one claim" when one claim has,
//   for every such outlet, evidence from it whose excerpt holds that
//   outlet's key phrases;
// - a "wrong merge" is a claim with one excerpt holding fact A but not B and
//   another holding B but not A (two different facts in one claim);
// - a fact's date is right when the claim carrying it has exactly the
//   annotated `when` (value and precision);
// - every claim should have a `when` other than "unknown".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { fold } from '../extract/corpus.mjs';

function draft(binary, articles) {
  const args = ['extract'];
  for (const a of articles) args.push(...(a.gold.date ? ['--date', a.gold.date] : []), a.textPath);
  return JSON.parse(execFileSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

// Cards as the core computes them from the draft (merging by topic too).
function cards(binary, story) {
  const file = path.join(os.tmpdir(), `factcard-draft-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(story));
  try {
    return JSON.parse(execFileSync(binary, ['cards', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const padded = (text) => ` ${fold(text)} `;
const holds = (text, fact) => fact.phrases.every((p) => text.includes(padded(p)));

// Every excerpt of the story, with the article it came from.
function excerpts(story, articles) {
  const byId = new Map(story.sources.map((s, i) => [s.id, articles[i]]));
  return story.claims.map((claim) =>
    (claim.evidence || []).map((e) => ({ article: byId.get(e.source), text: padded(e.quote || '') })));
}

// The annotated facts an excerpt holds, by id.
function factsIn(item) {
  const facts = item.article?.gold.facts || [];
  return new Set(facts.filter((f) => holds(item.text, f)).map((f) => f.id));
}

function isWrongMerge(items) {
  const sets = items.map(factsIn);
  for (let i = 0; i < sets.length; i++) {
    for (let j = 0; j < sets.length; j++) {
      if (i === j) continue;
      const onlyI = [...sets[i]].filter((id) => !sets[j].has(id));
      const onlyJ = [...sets[j]].filter((id) => !sets[i].has(id));
      if (onlyI.length && onlyJ.length) return [onlyI[0], onlyJ[0]];
    }
  }
  return null;
}

// A fact found in each of its outlets, but not all in one claim.
function sharedFactResult(id, outlets, claimItems) {
  const carriedBy = (article, claim) => claimItems[claim].some((it) => it.article === article && factsIn(it).has(id));
  const inOne = claimItems.some((_, c) => outlets.every((a) => carriedBy(a, c)));
  if (inOne) return 'found';
  const everywhere = outlets.every((a) => claimItems.some((_, c) => carriedBy(a, c)));
  return everywhere ? 'not merged' : 'not extracted in every outlet';
}

function sharedFacts(articles) {
  const byId = new Map();
  for (const a of articles) for (const f of a.gold.facts || []) {
    if (!byId.has(f.id)) byId.set(f.id, new Set());
    byId.get(f.id).add(a);
  }
  return [...byId].filter(([, outlets]) => outlets.size >= 2).map(([id, outlets]) => [id, [...outlets]]);
}

// The claim that carries a fact of an article: one whose `what` holds it
// first, else the first whose evidence from that article does.
function claimFor(story, claimItems, article, fact) {
  const from = (c) => claimItems[c].some((it) => it.article === article && holds(it.text, fact));
  const candidates = story.claims.map((_, c) => c).filter(from);
  return candidates.find((c) => holds(padded(story.claims[c].what || ''), fact)) ?? candidates[0];
}

// The annotated date, or within it: an annotated "on or before D" is met by
// a bound or an exact date not later than D (merging the claim with another
// outlet's evidence can tighten it), never by a date of coarser precision.
function dateMeets(found, gold) {
  if (found === gold) return true;
  if (!gold.startsWith('..')) return false;
  const bound = gold.slice(2), value = found.replace(/^\.\./, '');
  return /^\d{4}-\d\d-\d\d$/.test(value) && bound.length === 10 && value <= bound;
}

// "unknown" is right only when no article behind the claim has a date.
function fromUndated(claim, story, articles) {
  const byId = new Map(story.sources.map((s, i) => [s.id, articles[i]]));
  return (claim.evidence || []).every((e) => !byId.get(e.source)?.gold.date);
}

function scoreGroup(binary, articles, withCards) {
  const story = draft(binary, articles);
  const claimItems = excerpts(story, articles);
  const result = {
    claims: story.claims.length,
    dated: story.claims.filter((c) => (c.when && c.when !== 'unknown') || fromUndated(c, story, articles)).length,
    shared: 0, sharedFound: 0, wrongMerges: 0, facts: 0, factsCarried: 0, datesRight: 0,
    failures: [],
  };
  for (const [id, outlets] of sharedFacts(articles)) {
    result.shared++;
    const verdict = sharedFactResult(id, outlets, claimItems);
    if (verdict === 'found') result.sharedFound++;
    else result.failures.push({ class: `shared fact ${verdict}`, fact: id });
  }
  claimItems.forEach((items, c) => {
    const pair = isWrongMerge(items);
    if (pair) {
      result.wrongMerges++;
      result.failures.push({ class: 'wrong merge', claim: story.claims[c].id, facts: pair });
    }
  });
  for (const article of articles) for (const fact of article.gold.facts || []) {
    result.facts++;
    const c = claimFor(story, claimItems, article, fact);
    if (c === undefined) {
      result.failures.push({ class: 'fact not extracted', fact: fact.id, article: article.id });
      continue;
    }
    result.factsCarried++;
    const when = story.claims[c].when || 'unknown';
    if (dateMeets(when, fact.when)) result.datesRight++;
    else result.failures.push({ class: 'fact date wrong', fact: fact.id, article: article.id, found: when, gold: fact.when });
  }
  if (withCards) {
    const computed = cards(binary, story).cards || [];
    result.cards = computed.length;
    result.cardsBy3 = computed.filter((card) => (card.corroboration ?? 0) >= 3).length;
  }
  return result;
}

const SUMMED = ['claims', 'dated', 'shared', 'sharedFound', 'wrongMerges', 'facts', 'factsCarried', 'datesRight'];

// { set: totals, with the failures of each group }, for the sets present.
export function scoreDrafts(binary, articles) {
  const groups = new Map();
  for (const a of articles) {
    if (a.text === null || !a.gold) continue;
    if (!groups.has(a.group)) groups.set(a.group, []);
    groups.get(a.group).push(a);
  }
  const sets = {};
  for (const [group, members] of groups) {
    const set = members[0].set;
    const totals = (sets[set] ||= { groups: 0, failures: [], ...Object.fromEntries(SUMMED.map((k) => [k, 0])) });
    const r = scoreGroup(binary, members, group === 'seeds');
    totals.groups++;
    for (const k of SUMMED) totals[k] += r[k];
    if (r.cardsBy3 !== undefined) Object.assign(totals, { cards: r.cards, cardsBy3: r.cardsBy3 });
    totals.failures.push(...r.failures.map((f) => ({ group, ...f })));
  }
  return sets;
}

// Failures counted by class, per set.
export function failureClasses(sets) {
  const out = {};
  for (const [set, totals] of Object.entries(sets)) {
    for (const f of totals.failures) {
      out[f.class] ||= {};
      out[f.class][set] = (out[f.class][set] || 0) + 1;
    }
  }
  return out;
}
